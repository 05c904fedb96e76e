import type { AuditLog } from './audit-log';
import type { CampaignStore } from './campaigns';
import type { CanvasStore } from './canvas';
import type { CoachSettingsStore } from './coach-settings';
import type { ContentStore } from './content';
import type { GamificationStore } from './gamification';
import type { NominationStore } from './nominations';
import type { OutboxStore } from './outbox';
import type { SparringStore } from './sparring';
import type { Store } from './store';

/**
 * The stores a use case may write inside one unit of work, every one bound to the same database
 * transaction. A store's own `transaction(...)` (or a write it makes in one, such as the outbox's
 * enqueue or saveDraw) becomes a savepoint inside it.
 */
export interface TransactionStores {
  /** The audit log of admin actions. */
  audit: AuditLog;
  /** The outbox: a message enqueued here is sent only if the unit of work commits. */
  outbox: OutboxStore;
  /** People, program documents, memberships, consents, activity and the job queue. */
  store: Store;
  content: ContentStore;
  canvas: CanvasStore;
  coachSettings: CoachSettingsStore;
  gamification: GamificationStore;
  /** Human sparring requests: an answer commits with the reply it queues. */
  sparring: SparringStore;
  /** Recruitment campaigns: an announcement's targeting commits with the messages it queues. */
  campaigns: CampaignStore;
  /** Nominations and their invitations: a nomination's invitation commits with the message it queues. */
  nominations: NominationStore;
}

/**
 * Runs several writes as one: a change, its audit entry and the messages it causes commit together
 * or not at all, so a crash or a failing write between them loses none of them.
 */
export interface UnitOfWork {
  /**
   * Runs `work` in one transaction and returns what it returns; anything it throws rolls every write
   * made through `tx` back and is thrown again. Inside, use only the stores in `tx` (and no second
   * `run`): the root stores work outside the transaction, and on embedded PGlite, which runs one
   * transaction at a time, they would wait for this one to end.
   */
  run<T>(work: (tx: TransactionStores) => Promise<T>): Promise<T>;
}
