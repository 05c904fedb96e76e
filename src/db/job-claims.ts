import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from './database';

export interface ClaimedJob {
  id: number;
  tenantId: string;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
  maxAttempts: number;
}

/**
 * Claims up to `limit` due jobs for one worker. SKIP LOCKED lets several instances poll the same
 * table without taking the same job; an expired lease (a crashed worker) makes a job claimable again.
 */
export async function claimJobs(
  db: Db,
  workerId: string,
  limit: number,
  leaseMs: number,
  scope: { kinds?: string[]; tenantIds?: string[] } = {},
): Promise<ClaimedJob[]> {
  // A worker claims only the kinds it can run (a rolling deploy may add kinds) and the tenants it serves.
  const kinds = scope.kinds
    ? sql`and kind in (${sql.join(
        scope.kinds.map((k) => sql`${k}`),
        sql`, `,
      )})`
    : sql``;
  const tenants = scope.tenantIds
    ? sql`and tenant_id in (${sql.join(
        scope.tenantIds.map((t) => sql`${t}`),
        sql`, `,
      )})`
    : sql``;
  const res = await db.execute(sql`
    update jobs set status = 'running', locked_by = ${workerId},
      locked_until = now() + (${leaseMs} * interval '1 millisecond'), attempts = attempts + 1
    where id in (
      select id from jobs
      where ((status = 'queued' and run_at <= now()) or (status = 'running' and locked_until < now()))
        ${kinds} ${tenants}
      order by run_at
      limit ${limit}
      for update skip locked
    )
    returning id, tenant_id, kind, payload, attempts, max_attempts`);
  return rowsOf<{
    id: string | number;
    tenant_id: string;
    kind: string;
    payload: Record<string, unknown>;
    attempts: number;
    max_attempts: number;
  }>(res).map((r) => ({
    id: Number(r.id),
    tenantId: r.tenant_id,
    kind: r.kind,
    payload: r.payload,
    attempts: r.attempts,
    maxAttempts: r.max_attempts,
  }));
}

/** Marks a claimed job done (only if this worker still holds it). */
export async function completeJob(db: Db, id: number, workerId: string) {
  await db.execute(sql`
    update jobs set status = 'done', finished_at = now(), locked_by = null, locked_until = null, last_error = null
    where id = ${id} and locked_by = ${workerId}`);
}

/** Records a failure: retried later with exponential backoff, or failed for good after max attempts. */
export async function failJob(db: Db, job: ClaimedJob, workerId: string, error: string) {
  const final = job.attempts >= job.maxAttempts;
  const backoffMs = Math.min(60 * 60_000, 2 ** job.attempts * 1000);
  await db.execute(sql`
    update jobs set
      status = ${final ? 'failed' : 'queued'},
      run_at = now() + (${backoffMs} * interval '1 millisecond'),
      finished_at = ${final ? sql`now()` : null},
      locked_by = null, locked_until = null, last_error = ${error.slice(0, 2000)}
    where id = ${job.id} and locked_by = ${workerId}`);
}

/**
 * Puts a claimed job back to run after `delayMs` without counting the attempt: the work was told to
 * wait (a throttled dependency's Retry-After), it did not fail. The reason is kept in last_error.
 */
export async function deferJob(db: Db, job: ClaimedJob, workerId: string, delayMs: number, reason: string) {
  await db.execute(sql`
    update jobs set
      status = 'queued',
      run_at = now() + (${Math.max(0, Math.round(delayMs))} * interval '1 millisecond'),
      attempts = greatest(attempts - 1, 0),
      locked_by = null, locked_until = null, last_error = ${reason.slice(0, 2000)}
    where id = ${job.id} and locked_by = ${workerId}`);
}

/** Counts jobs by status (for status pages and tests). */
export async function countJobs(db: Db, tenantId: string, kind?: string): Promise<Record<string, number>> {
  const res = await db.execute(sql`
    select status, count(*)::int as n from jobs
    where tenant_id = ${tenantId} ${kind ? sql`and kind = ${kind}` : sql``}
    group by status`);
  return Object.fromEntries(rowsOf<{ status: string; n: number }>(res).map((r) => [r.status, Number(r.n)]));
}
