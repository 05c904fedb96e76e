import { sql } from 'drizzle-orm';
import type { OperationsReader, OperationsSnapshot } from '../ports/operations';
import { rowsOf, type Db } from './database';

/** The metrics endpoint's reads: small aggregate queries on indexed columns, one round trip each. */
export function createOperationsReader(db: Db): OperationsReader {
  return {
    async snapshot(tenantId, now): Promise<OperationsSnapshot> {
      const minuteAgo = new Date(now.getTime() - 60_000).toISOString();
      const hourAgo = new Date(now.getTime() - 3_600_000).toISOString();
      const [jobs, outbox, sent, throttled, sync, rollup] = await Promise.all([
        db.execute(sql`
          select kind, status, count(*)::int as count from jobs
          where tenant_id = ${tenantId} and status in ('queued', 'running')
          group by kind, status order by kind, status`),
        db.execute(sql`
          select state, count(*)::int as count from outbox_messages
          where tenant_id = ${tenantId} and state in ('queued', 'sending', 'failed', 'dead')
          group by state order by state`),
        db.execute(sql`
          select count(*)::int as count from outbox_messages
          where tenant_id = ${tenantId} and state = 'sent' and sent_at >= ${minuteAgo}`),
        db.execute(sql`
          select count(*)::int as count from outbox_attempts
          where tenant_id = ${tenantId} and status = 429 and started_at >= ${hourAgo}`),
        db.execute(sql`
          select last_completed_at, last_error, people_count from directory_sync
          where tenant_id = ${tenantId}`),
        db.execute(sql`select rolled_through::text as day from stats_rollups where tenant_id = ${tenantId}`),
      ]);
      const count = (result: unknown) => Number(rowsOf<{ count: number }>(result)[0]?.count ?? 0);
      const syncRow = rowsOf<{
        last_completed_at: Date | string | null;
        last_error: string | null;
        people_count: number;
      }>(sync)[0];
      return {
        jobs: rowsOf<{ kind: string; status: string; count: number }>(jobs).map((r) => ({
          kind: r.kind,
          status: r.status,
          count: Number(r.count),
        })),
        outbox: rowsOf<{ state: string; count: number }>(outbox).map((r) => ({
          state: r.state,
          count: Number(r.count),
        })),
        outboxSentLastMinute: count(sent),
        outboxThrottledLastHour: count(throttled),
        directorySync: syncRow
          ? {
              lastCompletedAt: syncRow.last_completed_at ? new Date(syncRow.last_completed_at) : null,
              lastError: syncRow.last_error,
              peopleCount: Number(syncRow.people_count),
            }
          : null,
        statsRolledThrough: rowsOf<{ day: string | null }>(rollup)[0]?.day ?? null,
      };
    },
  };
}
