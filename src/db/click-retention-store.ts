import { sql, type SQL } from 'drizzle-orm';
import { addDays, daysBetween } from '../domain/kpi';
import type { ClickRetention } from '../ports/click-retention';
import { rowsOf, type Db } from './database';

// Raw clicks older than CLICK_RETENTION_DAYS leave click_events: first their days are counted into
// click_days (one row per tracked link and day, with no visitor keys) and stats_rollups.raw_clicks_from
// moves past them, in one transaction; then the raw rows before that line are deleted in small batches.
// Readers take raw rows from the line on and click_days before it (`retainedClicks`), so a reader sees
// the same totals whether or not the batches have run yet.

/** The first day with raw rows, as SQL ('-infinity' when every raw row is kept). */
export const rawFromSql = (tenantId: string): SQL =>
  sql`coalesce((select raw_clicks_from from stats_rollups where tenant_id = ${tenantId}), '-infinity'::date)`;

/**
 * The clicks of a tenant matching `where` (a condition on code, item_id, person_id or network), from
 * `since` on when given, as one relation over the raw rows and the retired days: code, item_id,
 * person_id, network, day ('YYYY-MM-DD', UTC), visitor_key, clicks, rolled_unique. A raw row is one
 * click with its visitor key and rolled_unique 0; a retired day's row has its click count, no visitor
 * key and that day's unique count on the link. So clicks are `sum(clicks)`, and unique clicks are
 * `count(distinct visitor_key) + sum(rolled_unique)`: exact over raw rows, and over retired days the sum
 * of each link's daily unique counts (the visitor keys that could tell repeat visitors apart are gone).
 * `since` and `until` (exclusive) bound raw rows exactly; a retired day counts whole when any part of it
 * lies between them (from `since`'s UTC day on, and up to the day `until` falls in unless it is midnight).
 * Each half stays on its index: (tenant_id, item_id | person_id, at) and (tenant_id, item_id | person_id, day).
 */
export function retainedClicks(tenantId: string, where: SQL, since?: Date, until?: Date): SQL {
  const from = rawFromSql(tenantId);
  return sql`
    select code, item_id, person_id, network, to_char(at at time zone 'UTC', 'YYYY-MM-DD') as day,
      visitor_key, 1 as clicks, 0 as rolled_unique
    from click_events
    where tenant_id = ${tenantId} and (${where}) and at >= ((${from})::timestamp at time zone 'UTC')
      ${since ? sql`and at >= ${since}` : sql``}
      ${until ? sql`and at < ${until}` : sql``}
    union all
    select code, item_id, person_id, network, to_char(day, 'YYYY-MM-DD') as day,
      null as visitor_key, clicks, unique_clicks as rolled_unique
    from click_days
    where tenant_id = ${tenantId} and (${where}) and day < ${from}
      ${since ? sql`and day >= (${since}::timestamptz at time zone 'UTC')::date` : sql``}
      ${until ? sql`and day < (${until}::timestamptz at time zone 'UTC')` : sql``}`;
}

/** The retention job's steps over Postgres. */
export function createClickRetentionStore(db: Db): ClickRetention {
  return {
    async rawClicksFrom(tenantId) {
      const row = rowsOf<{ raw_clicks_from: string | null }>(
        await db.execute(sql`select raw_clicks_from::text from stats_rollups where tenant_id = ${tenantId}`),
      )[0];
      return row?.raw_clicks_from ?? null;
    },

    async retireDays(tenantId, cutOff, maxDays) {
      return db.transaction(async (tx) => {
        // The roll-up's lock: a roll-up, a snapshot and another instance's retention wait for this.
        const state = rowsOf<{ rolled_through: string | null; raw_clicks_from: string | null }>(
          await tx.execute(sql`
            select rolled_through::text, raw_clicks_from::text from stats_rollups
            where tenant_id = ${tenantId} for update`),
        )[0];
        const line = state?.raw_clicks_from ?? null;
        if (!state?.rolled_through) return { days: 0, rawClicksFrom: line };
        // Only rolled-up days leave: the dashboard's days after rolled_through are counted from raw rows.
        const limit = addDays(state.rolled_through, 1) < cutOff ? addDays(state.rolled_through, 1) : cutOff;
        let from = line;
        if (from === null) {
          const first = rowsOf<{ day: string | null }>(
            await tx.execute(sql`
              select to_char(min(at) at time zone 'UTC', 'YYYY-MM-DD') as day
              from click_events where tenant_id = ${tenantId}`),
          )[0]?.day;
          // No raw clicks at all: the line starts at the limit.
          from = first && first < limit ? first : limit;
        }
        if (line !== null && from >= limit) return { days: 0, rawClicksFrom: line };
        const to = addDays(from, maxDays) < limit ? addDays(from, maxDays) : limit;
        await tx.execute(sql`
          insert into click_days (tenant_id, day, code, item_id, person_id, network, clicks, unique_clicks)
          select ${tenantId}, (at at time zone 'UTC')::date, code, min(item_id), min(person_id), min(network),
            count(*)::int, count(distinct visitor_key)::int
          from click_events
          where tenant_id = ${tenantId}
            and at >= (${from}::date::timestamp at time zone 'UTC') and at < (${to}::date::timestamp at time zone 'UTC')
          group by 2, 3
          on conflict (tenant_id, day, code) do nothing`);
        await tx.execute(
          sql`update stats_rollups set raw_clicks_from = ${to}::date, updated_at = now() where tenant_id = ${tenantId}`,
        );
        return { days: from < to ? daysBetween(from, addDays(to, -1)).length : 0, rawClicksFrom: to };
      });
    },

    async deleteRetiredClicks(tenantId, limit) {
      // A bounded batch per statement, so no transaction holds many row locks for long; rows another
      // instance is deleting are skipped.
      const rows = rowsOf<{ n: unknown }>(
        await db.execute(sql`
          with gone as (
            delete from click_events where tenant_id = ${tenantId} and id in (
              select id from click_events
              where tenant_id = ${tenantId} and at < ((${rawFromSql(tenantId)})::timestamp at time zone 'UTC')
              limit ${limit} for update skip locked
            )
            returning 1
          )
          select count(*) as n from gone`),
      );
      return Number(rows[0]?.n ?? 0);
    },
  };
}
