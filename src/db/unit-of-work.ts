import type { TransactionStores, UnitOfWork } from '../ports/unit-of-work';
import { createAuditLogStore } from './audit-log-store';
import { createCampaignStore } from './campaign-store';
import { createCanvasStore } from './canvas-store';
import { createCoachSettingsStore } from './coach-settings-store';
import { createContentStore } from './content-store';
import type { Db } from './database';
import { createGamificationStore } from './gamification-store';
import { createNominationStore } from './nomination-store';
import { createOutboxStore, type OutboxStoreOptions } from './outbox-store';
import { createSparringStore } from './sparring-store';
import { createDrizzleStore } from './store';

export interface UnitOfWorkOptions {
  /** The outbox's options, the same as the root outbox store's (`OUTBOX_MAX_ATTEMPTS`). */
  outbox?: OutboxStoreOptions;
  /** Tests: replaces stores inside each unit of work (an audit log whose append fails, say). */
  decorate?: (stores: TransactionStores) => TransactionStores;
}

/**
 * The stores over one Drizzle transaction, each built on first use. Drizzle turns a store's own
 * `db.transaction(...)` on a transaction into a savepoint (PGlite and node-postgres alike), so the
 * stores need no change to join the caller's transaction.
 */
function bindStores(tx: Db, options: UnitOfWorkOptions): TransactionStores {
  let audit: TransactionStores['audit'] | undefined;
  let outbox: TransactionStores['outbox'] | undefined;
  let store: TransactionStores['store'] | undefined;
  let content: TransactionStores['content'] | undefined;
  let canvas: TransactionStores['canvas'] | undefined;
  let coachSettings: TransactionStores['coachSettings'] | undefined;
  let gamification: TransactionStores['gamification'] | undefined;
  let sparring: TransactionStores['sparring'] | undefined;
  let campaigns: TransactionStores['campaigns'] | undefined;
  let nominations: TransactionStores['nominations'] | undefined;
  return {
    get audit() {
      return (audit ??= createAuditLogStore(tx));
    },
    get outbox() {
      return (outbox ??= createOutboxStore(tx, options.outbox));
    },
    get store() {
      return (store ??= createDrizzleStore(tx));
    },
    get content() {
      return (content ??= createContentStore(tx));
    },
    get canvas() {
      return (canvas ??= createCanvasStore(tx));
    },
    get coachSettings() {
      return (coachSettings ??= createCoachSettingsStore(tx));
    },
    get gamification() {
      return (gamification ??= createGamificationStore(tx));
    },
    get sparring() {
      return (sparring ??= createSparringStore(tx));
    },
    get campaigns() {
      return (campaigns ??= createCampaignStore(tx));
    },
    get nominations() {
      return (nominations ??= createNominationStore(tx));
    },
  };
}

/** The UnitOfWork port over Drizzle: one database transaction per `run`, on PGlite or a server. */
export function createUnitOfWork(db: Db, options: UnitOfWorkOptions = {}): UnitOfWork {
  return {
    async run(work) {
      return db.transaction((tx) => {
        const stores = bindStores(tx, options);
        return work(options.decorate ? options.decorate(stores) : stores);
      });
    },
  };
}
