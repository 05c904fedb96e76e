import type { OutboxState, SendProgress } from '../contracts/recruitment';

/**
 * What a proactive message says, stored with it and rendered into an activity only when it is sent
 * (so it is rendered in the recipient's language at that time). Extend by adding a kind.
 */
export type OutboxPayload =
  | { kind: 'campaignAnnouncement'; campaignId: string }
  | {
      kind: 'campaignInvitation';
      campaignId: string;
      invitationId: string;
      /** Set when a manager or colleague nominated the person. */
      nomination: { nominatorName: string; relation: 'manager' | 'colleague'; note: string | null } | null;
    }
  | {
      kind: 'welcome';
      /** The onboarding run the welcome opens (its first card); absent on welcomes queued before onboarding. */
      onboarding?: { flowVersion: number; run: number };
    }
  /** Comms' reply to a human sparring request (read from sparring_requests when sent). */
  | { kind: 'sparringReply'; requestId: number }
  /** A prize-draw winner's congratulation (src/services/run-prize-draw.ts), worded when sent. */
  | { kind: 'prizeWin'; drawId: string; challengeTitle: string }
  /** The Monday digest (src/services/send-weekly-digests.ts): the week's facts, worded when sent. */
  | {
      kind: 'weeklyDigest';
      week: string;
      periodStart: string;
      periodEnd: string;
      items: { id: string; title: string; topic: string; topicLabel: { da: string; en: string } }[];
      numbers: { shares: number; clicks: number; uniqueClicks: number };
    };

export type OutboxSendKind = SendProgress['kind'];

export interface OutboxMessageInput {
  /** Unique per tenant forever: enqueueing the same key again adds nothing. */
  idempotencyKey: string;
  transport: 'bot' | 'graph_feed';
  /** The person it is for (a 1:1 chat or a feed notification); null for a channel. */
  recipientPersonId: string | null;
  /** Known for channels; resolved at send time for people. */
  conversationId: string | null;
  serviceUrl: string | null;
  payload: OutboxPayload;
  /** Lower goes first (default 5): a nomination (3) overtakes a broadcast. */
  priority?: number;
}

export interface OutboxSendInput {
  id: string;
  campaignId: string | null;
  kind: OutboxSendKind;
  /** From the client: the same press of "send", repeated, makes one send. */
  idempotencyKey: string;
  createdBy: string | null;
}

/**
 * The durable outbox (docs/design/recruitment.md §5). Enqueueing is idempotent at both levels; each
 * message remembers the operation that queued it (the current correlation id, when there is one).
 */
export interface OutboxStore {
  /**
   * Records a send and its messages in one transaction. With a key already used, nothing is added and
   * the existing send's id comes back with created=false.
   */
  enqueue(
    tenantId: string,
    send: OutboxSendInput,
    messages: OutboxMessageInput[],
  ): Promise<{ sendId: string; created: boolean }>;
  progress(tenantId: string, sendId: string): Promise<SendProgress | null>;
  listSends(tenantId: string, campaignId: string): Promise<SendProgress[]>;
  /** Cancels what is still queued; messages in flight finish. */
  cancel(tenantId: string, sendId: string): Promise<SendProgress | null>;
  /** The state of one message, by its idempotency key (tests and the funnel's "delivered"). */
  stateOf(tenantId: string, idempotencyKey: string): Promise<OutboxState | null>;
}

// ---- the worker's side (docs/design/recruitment.md §5.2–5.4) ------------------------------------

export type OutboxTransportKind = OutboxMessageInput['transport'];

/** A message the worker holds: it must post it at `slotAt` (and, after creating the chat, at `sendAt`). */
export interface ClaimedOutboxMessage {
  id: number;
  tenantId: string;
  sendId: string | null;
  idempotencyKey: string;
  transport: OutboxTransportKind;
  recipientPersonId: string | null;
  /** The message's own conversation, else the person's stored 1:1 chat, else null (created at send time). */
  conversationId: string | null;
  serviceUrl: string | null;
  payload: OutboxPayload;
  /** Attempts so far, this one included. */
  attempts: number;
  maxAttempts: number;
  /** When the first request may go (the rate slot reserved for it). */
  slotAt: Date;
  /**
   * When the message itself may be posted. Equal to `slotAt`, or one slot later when the chat has to be
   * created first (creating a chat is a request too, and counts against the same limits).
   */
  sendAt: Date;
  /** Resent after a crash: it may already have been delivered once. */
  ambiguous: boolean;
  /** The correlation id of the request, bot turn or job that queued it; null when none did. */
  causedBy?: string | null;
}

/** How fast one tenant and transport may send, and how it reacts to throttling. */
export interface OutboxPace {
  ratePerSec: number;
  burst: number;
  /** Slots are reserved at most this far ahead (keeps the window of a crash small). */
  maxAheadMs: number;
  /** A claimed message not resolved by `slotAt + leaseMs` is taken back (and marked ambiguous). */
  leaseMs: number;
  /** Shorter throttle windows and pauses for tests; the design's defaults otherwise. */
  throttle?: {
    windowMs: number;
    throttlesToPause: number;
    basePauseMs: number;
    maxPauseMs: number;
    recoveryAfterMs: number;
    recoveryFactor: number;
  };
}

export interface OutboxClaim {
  messages: ClaimedOutboxMessage[];
  /** Rows whose lease had expired, put back in the queue as possibly repeated. */
  recovered: number;
  /** Set while the tenant's sending is paused. */
  pausedUntil: Date | null;
  /**
   * When claiming again may find something: the next queued message's `not_before`, or the bucket's
   * next free slot when it ran out. Null when nothing is queued.
   */
  nextDueAt: Date | null;
}

/** The outcome of one attempt, as the worker decided it (src/domain/outbox.ts). */
export interface OutboxOutcome {
  messageId: number;
  state: 'sent' | 'queued' | 'failed' | 'dead' | 'cancelled';
  /** When the request started (counts toward the conversation's windows); null when nothing was sent. */
  startedAt: Date | null;
  /** HTTP status; 0 for no answer, null when nothing was sent. */
  status: number | null;
  reason: string | null;
  retryAfterMs: number | null;
  /** For a retry: not before this time. */
  notBefore: Date | null;
  activityId: string | null;
  /** The conversation it went to (set once a person's chat is resolved). */
  conversationId: string | null;
  /** A 429: slows the tenant's bucket down (and may pause it). */
  throttled: boolean;
}

/** What the outbox worker needs from the database. Every call is one short transaction. */
export interface OutboxQueue {
  /**
   * Claims up to `max` due messages of one tenant and transport for `workerId` (§5.2): locks the
   * tenant's bucket row (serialising claims across instances), takes expired leases back, honours a
   * pause, reserves rate slots, skips conversations at a Teams window limit, and marks the rest sending.
   */
  claim(
    tenantId: string,
    transport: OutboxTransportKind,
    input: { workerId: string; max: number; pace: OutboxPace; now: Date },
  ): Promise<OutboxClaim>;
  /** Records outcomes of this worker's messages (only those it still holds) and their attempts. */
  record(
    tenantId: string,
    transport: OutboxTransportKind,
    input: { workerId: string; outcomes: OutboxOutcome[]; pace: OutboxPace; now: Date },
  ): Promise<void>;
  /** Puts claimed messages that were never posted back in the queue, as if never claimed (shutdown). */
  release(tenantId: string, workerId: string, messageIds: number[]): Promise<number>;
}

/** What a message says is read when it is sent: the campaign and the person as they are then. */
export interface OutboxCampaignData {
  id: string;
  name: string;
  pitch: {
    da?: { why: string; effort: string; support: string };
    en?: { why: string; effort: string; support: string };
  };
  imageId: string | null;
  status: 'draft' | 'running' | 'closed';
}

export interface OutboxPersonData {
  id: string;
  displayName: string;
  preferredLanguage: string | null;
  accountEnabled: boolean;
}

/** Reads for rendering outbox messages at send time. */
export interface OutboxContentReader {
  campaign(tenantId: string, campaignId: string): Promise<OutboxCampaignData | null>;
  person(tenantId: string, personId: string): Promise<OutboxPersonData | null>;
  /** The invitation's status ('open', 'joined', 'declined', 'expired'), or null when it does not exist. */
  invitationStatus(tenantId: string, invitationId: string): Promise<string | null>;
}

/** A Teams channel the bot was added to. */
export interface BotChannelInput {
  conversationId: string;
  teamId: string | null;
  teamName: string;
  channelName: string;
  serviceUrl: string;
}

/** Channels the bot is installed in, recorded from conversationUpdate. */
export interface BotChannelRepository {
  /** Inserts or updates the channel (names change). */
  upsert(tenantId: string, channel: BotChannelInput): Promise<void>;
}

/** What one delivery did, for the worker to judge (src/domain/outbox.ts classifyResponse). */
export interface DeliveryReport {
  /** When the last request started; null when nothing was sent. */
  startedAt: Date | null;
  /** HTTP status of the last request; 0 for no answer; null when nothing was sent. */
  status: number | null;
  retryAfterMs: number | null;
  code: string | null;
  subCode: string | null;
  activityId: string | null;
  /** The conversation it went to (a person's chat once resolved). */
  conversationId: string | null;
  /** Set when the message was not sent on purpose: the person left, the invitation was answered… */
  skipped: { state: 'failed' | 'cancelled'; reason: string } | null;
}

/** Sends one claimed message (the Bot Connector or the activity feed). Never throws for a bad answer. */
export interface OutboxTransport {
  /**
   * Called at the message's `slotAt`. When a chat has to be created first, it calls `waitForSendSlot`
   * between the two requests, so the second goes at `sendAt`.
   */
  deliver(message: ClaimedOutboxMessage, waitForSendSlot: () => Promise<void>): Promise<DeliveryReport>;
}
