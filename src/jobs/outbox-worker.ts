import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { backoffDelay, classifyResponse, nextStateAfter, type SendResult } from '../domain/outbox';
import { INSTALL_RETRY_CODE, installRetryReason } from '../graph/teams-install';
import type {
  ClaimedOutboxMessage,
  DeliveryReport,
  OutboxOutcome,
  OutboxPace,
  OutboxQueue,
  OutboxTransport,
  OutboxTransportKind,
} from '../ports/outbox';
import { withOperation } from '../observability/context';
import { noopTelemetry, SpanKind, SpanStatusCode, type Telemetry } from '../observability/telemetry';

// The outbox worker (docs/design/recruitment.md §5.2–5.4). One loop ("lane") per tenant and transport:
// claim a batch of rate slots (at most ~1 s ahead), post each message at its slot, and write the
// results in small group commits. Claims lock the tenant's bucket row, so any number of instances
// share one budget; PGlite's single connection serialises everything anyway.

export interface OutboxWorkerOptions {
  queue: OutboxQueue;
  transport: OutboxTransport;
  logger: Logger;
  /** A span per delivery, and the sends and 429s counters; no-ops when absent. */
  telemetry?: Telemetry;
  tenantIds: string[];
  /** Per transport; `graph_feed` defaults to the bot's pace. */
  pace: OutboxPace & { feed?: OutboxPace };
  /** Longest sleep when nothing is due (new messages are noticed this quickly). */
  pollMs: number;
  /** False: no loops run; only `drain()` sends (tests). */
  poll: boolean;
  transports?: OutboxTransportKind[];
  /** Most messages per claim. Default 25 (half a second at 50/s). */
  claimBatch?: number;
  /** Results per group commit (default 25) and the longest a result waits for one (default 100 ms). */
  flushBatch?: number;
  flushMs?: number;
  now?: () => number;
  random?: () => number;
}

export interface OutboxWorker {
  readonly workerId: string;
  /** Sends everything due now (and retries due within `timeoutMs`); resolves when nothing is left to do. */
  drain(options?: { timeoutMs?: number }): Promise<void>;
  /** Wakes the loops at once (something was just enqueued). */
  nudge(): void;
  /**
   * Graceful stop (SIGTERM): no more claims; messages already posted finish and are recorded; messages
   * still waiting for their slot go back to the queue untouched.
   */
  close(): Promise<void>;
}

/** How long before the last reserved slot the next claim starts (design: 0.5 s). */
const CLAIM_LEAD_MS = 500;

/** What a delivery means for the message (src/domain/outbox.ts), as the store records it. */
export function outcomeOf(
  message: ClaimedOutboxMessage,
  report: DeliveryReport,
  now: number,
  random: () => number = Math.random,
): OutboxOutcome {
  const base = {
    messageId: message.id,
    startedAt: report.startedAt,
    status: report.status,
    retryAfterMs: report.retryAfterMs,
    activityId: report.activityId,
    conversationId: report.conversationId,
  };
  if (report.skipped || report.status === null) {
    const skipped = report.skipped ?? { state: 'failed' as const, reason: 'not_sent' };
    return { ...base, state: skipped.state, reason: skipped.reason, notBefore: null, throttled: false };
  }
  // A proactive install to try again (Graph 429, 5xx, no answer, not listed yet): an attempt like any
  // retry, bounded by max_attempts, but Graph's throttling is not the Bot Connector's, so it never slows
  // the tenant's bot pace. A successful install costs no attempt of its own: the same attempt sends.
  const result: SendResult =
    report.code === INSTALL_RETRY_CODE
      ? {
          kind: 'retry',
          throttled: false,
          reason: installRetryReason(report.status),
          ...(report.retryAfterMs === null ? {} : { retryAfterMs: Math.max(0, report.retryAfterMs) }),
        }
      : classifyResponse(report.status, report.retryAfterMs, report.code, report.subCode);
  const state = nextStateAfter(result, message.attempts, message.maxAttempts);
  const retry = result.kind === 'retry' ? result : null;
  return {
    ...base,
    state,
    reason: result.kind === 'sent' ? null : result.reason,
    notBefore:
      state === 'queued'
        ? new Date(now + backoffDelay(message.attempts, retry?.retryAfterMs ?? null, random))
        : null,
    throttled: retry?.throttled ?? false,
  };
}

/** Starts the worker (its loops run only with `poll`). */
export function startOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const workerId = `outbox-${randomUUID()}`;
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const transports = options.transports ?? ['bot', 'graph_feed'];
  const claimBatch = options.claimBatch ?? 25;
  const flushBatch = options.flushBatch ?? 25;
  const flushMs = options.flushMs ?? 100;
  const log = options.logger.child({ component: 'outbox', workerId });
  const telemetry = options.telemetry ?? noopTelemetry;
  const paceOf = (transport: OutboxTransportKind): OutboxPace =>
    transport === 'graph_feed' ? (options.pace.feed ?? options.pace) : options.pace;
  const maxInFlight = Math.max(8, Math.ceil(2 * options.pace.ratePerSec));

  let closing = false;
  // ---- interruptible sleeps ------------------------------------------------------------------
  const sleepers = new Set<() => void>();
  const sleepUntil = (at: number) =>
    new Promise<void>((resolve) => {
      const wait = at - now();
      if (wait <= 0) return resolve();
      const wake = () => {
        clearTimeout(timer);
        sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, wait);
      sleepers.add(wake);
    });
  const wakeAll = () => {
    for (const wake of [...sleepers]) wake();
  };
  // Message timers are separate: a nudge must not make a message leave before its slot.
  const slotWaits = new Map<number, { timer: NodeJS.Timeout; resolve: (posted: boolean) => void }>();
  const waitForSlot = (message: ClaimedOutboxMessage, at: number) =>
    new Promise<boolean>((resolve) => {
      if (closing) return resolve(false);
      const wait = at - now();
      if (wait <= 0) return resolve(true);
      const timer = setTimeout(() => {
        slotWaits.delete(message.id);
        resolve(true);
      }, wait);
      slotWaits.set(message.id, { timer, resolve });
    });

  // ---- group-committed results -----------------------------------------------------------------
  type LaneKey = string;
  const laneKey = (tenantId: string, transport: OutboxTransportKind): LaneKey =>
    `${tenantId}\u0000${transport}`;
  const pending = new Map<
    LaneKey,
    { tenantId: string; transport: OutboxTransportKind; outcomes: OutboxOutcome[] }
  >();
  let flushTimer: NodeJS.Timeout | null = null;
  let flushing: Promise<void> = Promise.resolve();

  const flushNow = (): Promise<void> => {
    if (flushTimer) {
      clearTimeout(flushTimer);
      flushTimer = null;
    }
    const batches = [...pending.values()].filter((b) => b.outcomes.length > 0);
    pending.clear();
    if (batches.length === 0) return flushing;
    flushing = flushing.then(async () => {
      for (const batch of batches) {
        for (let attempt = 0; ; attempt++) {
          try {
            await options.queue.record(batch.tenantId, batch.transport, {
              workerId,
              outcomes: batch.outcomes,
              pace: paceOf(batch.transport),
              now: new Date(now()),
            });
            break;
          } catch (err) {
            // The database is away: keep the results (the leases cover them for a while) and retry.
            log.error({ err, attempt, count: batch.outcomes.length }, 'recording outbox results failed');
            if (attempt >= 20) {
              log.error(
                { count: batch.outcomes.length },
                'giving up recording outbox results; leases will recover them',
              );
              break;
            }
            await new Promise((r) => setTimeout(r, Math.min(5_000, 100 * 2 ** attempt)));
          }
        }
      }
    });
    return flushing;
  };

  const addOutcome = (message: ClaimedOutboxMessage, outcome: OutboxOutcome) => {
    const key = laneKey(message.tenantId, message.transport);
    let batch = pending.get(key);
    if (!batch) {
      batch = { tenantId: message.tenantId, transport: message.transport, outcomes: [] };
      pending.set(key, batch);
    }
    batch.outcomes.push(outcome);
    if (batch.outcomes.length >= flushBatch) void flushNow();
    else if (!flushTimer) flushTimer = setTimeout(() => void flushNow(), flushMs);
  };

  // ---- sending ---------------------------------------------------------------------------------
  const inFlight = new Set<Promise<void>>();
  const unposted = new Map<LaneKey, { tenantId: string; ids: number[] }>();

  const release = async () => {
    const lists = [...unposted.values()];
    unposted.clear();
    for (const { tenantId, ids } of lists) {
      if (ids.length === 0) continue;
      try {
        const n = await options.queue.release(tenantId, workerId, ids);
        log.info({ tenantId, released: n }, 'unsent outbox messages returned to the queue');
      } catch (err) {
        log.error(
          { err, tenantId },
          'returning unsent outbox messages failed; their leases will recover them',
        );
      }
    }
  };

  // Slots are reserved at the tenant's rate, but timers that fire late (a busy event loop, a slow
  // disk) would post several at once and trip the receiver's own limit. So each lane also keeps its
  // posts at least 1/rate apart in real time, whatever the slots say.
  const gates = new Map<LaneKey, { tail: Promise<void>; lastAt: number }>();
  const passGate = (message: ClaimedOutboxMessage): Promise<void> => {
    const key = laneKey(message.tenantId, message.transport);
    const gapMs = 1000 / paceOf(message.transport).ratePerSec;
    const gate = gates.get(key) ?? { tail: Promise.resolve(), lastAt: 0 };
    gates.set(key, gate);
    const turn = gate.tail.then(async () => {
      // The next post's time on an even grid (so late timers do not lower the rate), but never in the
      // past (so a stall is not made up with a burst).
      const at = Math.max(gate.lastAt + gapMs, now());
      gate.lastAt = at;
      const wait = at - now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    });
    gate.tail = turn;
    return turn;
  };
  // After a 429, what this worker claimed in that lane before it is not posted into the throttle: it
  // goes back to the queue untouched (no attempt used), and the next claim follows the slowed (or
  // paused) bucket. Claims are numbered per lane to tell "before" from "after".
  const claimNumber = new Map<LaneKey, number>();
  const heldThrough = new Map<LaneKey, number>();
  const claimOf = new Map<number, number>();
  const hold = (message: ClaimedOutboxMessage) => {
    const key = laneKey(message.tenantId, message.transport);
    const list = unposted.get(key) ?? { tenantId: message.tenantId, ids: [] };
    list.ids.push(message.id);
    unposted.set(key, list);
  };

  const sendOne = async (message: ClaimedOutboxMessage) => {
    const posted =
      (await waitForSlot(message, message.slotAt.getTime())) &&
      (await passGate(message).then(() => !closing));
    const key = laneKey(message.tenantId, message.transport);
    if (!posted) {
      hold(message);
      return;
    }
    const claimedIn = claimOf.get(message.id) ?? 0;
    claimOf.delete(message.id);
    if (claimedIn <= (heldThrough.get(key) ?? 0)) {
      hold(message);
      void release();
      return;
    }
    // Each delivery is an operation: a client span (a dependency in Application Insights) and log lines
    // with the correlation id outbox-<id>, the same on every attempt at the message.
    const correlationId = `outbox-${message.id}`;
    // The request, turn or job that queued it (src/db/outbox-store.ts records it), when there was one.
    const causedBy = message.causedBy ?? undefined;
    const sendLog = log.child({
      correlationId,
      messageId: message.id,
      transport: message.transport,
      ...(causedBy ? { causedBy } : {}),
    });
    let report: DeliveryReport = {
      startedAt: null,
      status: 0,
      retryAfterMs: null,
      code: 'Error',
      subCode: null,
      activityId: null,
      conversationId: null,
      skipped: null,
    };
    await withOperation(
      {
        name: `outbox send ${message.transport}`,
        kind: SpanKind.CLIENT,
        correlationId,
        logger: sendLog,
        telemetry,
        attributes: {
          'outbox.message_id': message.id,
          'outbox.transport': message.transport,
          'outbox.attempt': message.attempts,
          ...(causedBy ? { causedBy } : {}),
        },
      },
      async ({ span }) => {
        try {
          report = await options.transport.deliver(message, async () => {
            // The chat exists now; the message itself waits for its own slot even while closing.
            const wait = message.sendAt.getTime() - now();
            if (wait > 0) await new Promise((r) => setTimeout(r, wait));
          });
        } catch (err) {
          // A bug or the database while rendering: retry later like a network error.
          sendLog.error({ err }, 'outbox delivery failed unexpectedly');
        }
        if (report.status !== null) span.setAttribute('outbox.status', report.status);
        if (report.skipped) span.setAttribute('outbox.skipped', report.skipped.reason);
        else if (report.status === null || report.status === 0 || report.status >= 400) {
          span.setStatus({ code: SpanStatusCode.ERROR });
        }
      },
    );
    const outcome = outcomeOf(message, report, now(), random);
    telemetry.instruments.outboxSends.add(1, { transport: message.transport, state: outcome.state });
    if (report.status === 429) telemetry.instruments.outboxThrottled.add(1, { transport: message.transport });
    if (outcome.throttled) heldThrough.set(key, claimNumber.get(key) ?? 0);
    if (outcome.state !== 'sent') {
      sendLog.info(
        { state: outcome.state, status: outcome.status, reason: outcome.reason },
        'outbox message not delivered',
      );
    } else {
      sendLog.debug({ status: outcome.status }, 'outbox message sent');
    }
    addOutcome(message, outcome);
    if (outcome.throttled) void flushNow();
  };

  const start = (message: ClaimedOutboxMessage) => {
    const p = sendOne(message).catch((err: unknown) => log.error({ err }, 'outbox send crashed'));
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
  };

  /** One claim and the sends it starts. Returns when to claim again (ms epoch) and what it took. */
  const claimOnce = async (tenantId: string, transport: OutboxTransportKind) => {
    const claim = await options.queue.claim(tenantId, transport, {
      workerId,
      max: claimBatch,
      pace: paceOf(transport),
      now: new Date(now()),
    });
    if (claim.recovered > 0) {
      log.warn(
        { tenantId, transport, recovered: claim.recovered },
        'outbox messages recovered from expired leases',
      );
    }
    const key = laneKey(tenantId, transport);
    const number = (claimNumber.get(key) ?? 0) + 1;
    claimNumber.set(key, number);
    for (const message of claim.messages) {
      claimOf.set(message.id, number);
      start(message);
    }
    const lastSlot = Math.max(0, ...claim.messages.map((m) => m.sendAt.getTime()));
    return { claim, claimAgainAt: claim.messages.length > 0 ? lastSlot - CLAIM_LEAD_MS : null };
  };

  const waitForRoom = async () => {
    while (inFlight.size >= maxInFlight && !closing) await Promise.race(inFlight);
  };

  const lane = async (tenantId: string, transport: OutboxTransportKind) => {
    while (!closing) {
      try {
        await waitForRoom();
        if (closing) break;
        const { claim, claimAgainAt } = await claimOnce(tenantId, transport);
        if (claimAgainAt !== null) {
          await sleepUntil(claimAgainAt);
          continue;
        }
        const due = claim.pausedUntil?.getTime() ?? claim.nextDueAt?.getTime() ?? Number.POSITIVE_INFINITY;
        await sleepUntil(Math.min(due, now() + options.pollMs));
      } catch (err) {
        log.error({ err, tenantId, transport }, 'outbox claim failed');
        await sleepUntil(now() + options.pollMs);
      }
    }
  };

  const lanes = options.poll
    ? options.tenantIds.flatMap((tenantId) => transports.map((transport) => lane(tenantId, transport)))
    : [];

  return {
    workerId,
    nudge: wakeAll,

    async drain(drainOptions = {}) {
      const until = now() + (drainOptions.timeoutMs ?? 5_000);
      for (;;) {
        let claimed = 0;
        let nextDue = Number.POSITIVE_INFINITY;
        for (const tenantId of options.tenantIds) {
          for (const transport of transports) {
            const { claim } = await claimOnce(tenantId, transport);
            claimed += claim.messages.length;
            const due = claim.pausedUntil
              ? Number.POSITIVE_INFINITY
              : (claim.nextDueAt?.getTime() ?? Number.POSITIVE_INFINITY);
            nextDue = Math.min(nextDue, due);
          }
        }
        if (claimed > 0 || inFlight.size > 0) {
          await Promise.all([...inFlight]);
          await flushNow();
          continue;
        }
        await flushNow();
        if (nextDue > until || closing) return;
        await sleepUntil(Math.max(nextDue, now() + 10));
      }
    },

    async close() {
      if (closing) return;
      closing = true;
      // Messages waiting for their slot are not posted: they go back to the queue.
      for (const [, wait] of slotWaits) {
        clearTimeout(wait.timer);
        wait.resolve(false);
      }
      slotWaits.clear();
      wakeAll();
      await Promise.all(lanes);
      await Promise.all([...inFlight]);
      await flushNow();
      await release();
    },
  };
}
