import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Db } from '../db/database';
import { claimJobs, completeJob, deferJob, failJob, type ClaimedJob } from '../db/job-claims';
import { RetryLaterError } from '../domain/retry-later';
import { withOperation } from '../observability/context';
import { noopTelemetry, SpanKind, SpanStatusCode, type Telemetry } from '../observability/telemetry';

export type JobHandler = (job: ClaimedJob) => Promise<void>;

export interface JobWorker {
  /** Runs every due job once (tests and startup use this); resolves when they are all finished. */
  drain(): Promise<number>;
  /** Stops polling and waits for the jobs in hand to finish. */
  stop(): Promise<void>;
}

/** The shortest and longest a job is put off on one Retry-After, whatever the dependency asked for. */
const MIN_DEFER_MS = 1_000;
const MAX_DEFER_MS = 60 * 60_000;

/** Polls the Postgres job table and runs handlers. Several instances can run one each. */
export function startJobWorker(options: {
  db: Db;
  handlers: Record<string, JobHandler>;
  logger: Logger;
  /** A span per job (kind, outcome); no-ops when absent. */
  telemetry?: Telemetry;
  pollMs: number;
  /** False: do not poll; only `drain()` runs jobs. */
  poll: boolean;
  /** The tenants this instance serves (one per deployment today). */
  tenantIds?: string[];
  batchSize?: number;
  leaseMs?: number;
}): JobWorker {
  const workerId = `worker-${randomUUID()}`;
  const batchSize = options.batchSize ?? 10;
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;

  const runOne = async (job: ClaimedJob) => {
    const correlationId = `job-${job.id}`;
    // The request, turn or job that queued this one (src/db/store.ts records it), when there was one.
    const causedBy = typeof job.payload['causedBy'] === 'string' ? job.payload['causedBy'] : undefined;
    const log = options.logger.child({
      jobId: job.id,
      jobKind: job.kind,
      correlationId,
      ...(causedBy ? { causedBy } : {}),
    });
    const handler = options.handlers[job.kind];
    // The handler runs as an operation: everything it logs carries the job's correlation id.
    await withOperation(
      {
        name: `job ${job.kind}`,
        // A consumer span: Application Insights shows each job as a request of its own.
        kind: SpanKind.CONSUMER,
        correlationId,
        logger: log,
        telemetry: options.telemetry ?? noopTelemetry,
        attributes: {
          'job.kind': job.kind,
          'job.id': job.id,
          'job.attempt': job.attempts,
          ...(causedBy ? { causedBy } : {}),
        },
      },
      async ({ span }) => {
        try {
          if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
          await handler(job);
          await completeJob(options.db, job.id, workerId);
          span.setAttribute('job.outcome', 'done');
          log.debug('job done');
        } catch (err) {
          if (err instanceof RetryLaterError) {
            // Told to wait (throttled): run it again then, without using up one of its attempts.
            span.setAttribute('job.outcome', 'deferred');
            log.info({ err, retryAfterMs: err.retryAfterMs }, 'job deferred');
            const delayMs = Math.min(Math.max(err.retryAfterMs, MIN_DEFER_MS), MAX_DEFER_MS);
            await deferJob(options.db, job, workerId, delayMs, err.message);
            return;
          }
          span.setAttribute('job.outcome', 'failed');
          span.setStatus({
            code: SpanStatusCode.ERROR,
            message: err instanceof Error ? err.message : String(err),
          });
          log.warn({ err, attempt: job.attempts }, 'job failed');
          await failJob(options.db, job, workerId, err instanceof Error ? err.message : String(err));
        }
      },
    );
  };

  const tick = async (): Promise<number> => {
    let total = 0;
    for (;;) {
      const batch = await claimJobs(options.db, workerId, batchSize, leaseMs, {
        kinds: Object.keys(options.handlers),
        ...(options.tenantIds ? { tenantIds: options.tenantIds } : {}),
      });
      if (batch.length === 0) return total;
      for (const job of batch) await runOne(job);
      total += batch.length;
      if (stopped) return total;
    }
  };

  const once = () => {
    if (!running) {
      running = tick().finally(() => {
        running = null;
      });
    }
    return running;
  };

  const schedule = () => {
    if (stopped || !options.poll) return;
    timer = setTimeout(() => {
      once()
        .catch((err: unknown) => options.logger.error({ err }, 'job polling failed'))
        .finally(schedule);
    }, options.pollMs);
  };
  schedule();

  return {
    async drain() {
      // A tick already under way may have started before the newest jobs; run one more after it.
      if (running) await running;
      return once();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (running) await running.catch(() => 0);
    },
  };
}
