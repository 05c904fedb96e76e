import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Db } from '../db/database';
import { claimJobs, completeJob, failJob, type ClaimedJob } from '../db/job-claims';

export type JobHandler = (job: ClaimedJob) => Promise<void>;

export interface JobWorker {
  /** Runs every due job once (tests and startup use this); resolves when they are all finished. */
  drain(): Promise<number>;
  /** Stops polling and waits for the jobs in hand to finish. */
  stop(): Promise<void>;
}

/** Polls the Postgres job table and runs handlers. Several instances can run one each. */
export function startJobWorker(options: {
  db: Db;
  handlers: Record<string, JobHandler>;
  logger: Logger;
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
    const log = options.logger.child({ jobId: job.id, jobKind: job.kind, correlationId: `job-${job.id}` });
    const handler = options.handlers[job.kind];
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      await handler(job);
      await completeJob(options.db, job.id, workerId);
      log.debug('job done');
    } catch (err) {
      log.warn({ err, attempt: job.attempts }, 'job failed');
      await failJob(options.db, job, workerId, err instanceof Error ? err.message : String(err));
    }
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
