import { sql } from 'drizzle-orm';
import type { DigestNumbers } from '../domain/digest';
import type { Language } from '../domain/person';
import type { DigestItemRecord, DigestRecipient, DigestStore } from '../ports/digest';
import { retainedClicks } from './click-retention-store';
import { rowsOf, type Db } from './database';

const ts = (date: Date) => sql`${date.toISOString()}::timestamptz`;
const toDate = (value: unknown): Date => (value instanceof Date ? value : new Date(String(value)));

/** The reach calculator's and the weekly digest's reads, in plain SQL over Postgres (PGlite or a server). */
export function createDigestStore(db: Db): DigestStore {
  return {
    async reachNumbers(tenantId, since) {
      // One round trip: each figure is a scalar subquery, all filtered on the tenant.
      const row = rowsOf<{
        employees: number;
        members: number;
        stated: number;
        size_sum: string | number | null;
        rate: string | number | null;
        shares: number;
      }>(
        await db.execute(sql`
          select
            (select count(*)::int from people
              where tenant_id = ${tenantId} and account_enabled) as employees,
            (select count(*)::int from memberships where tenant_id = ${tenantId}) as members,
            (select count(*)::int from memberships
              where tenant_id = ${tenantId} and network_size is not null) as stated,
            (select sum(network_size)::bigint from memberships
              where tenant_id = ${tenantId} and network_size is not null) as size_sum,
            (select (canvas #>> '{reach,organicReachRate}')::float8 from program_canvas
              where tenant_id = ${tenantId}
                and jsonb_typeof(canvas #> '{reach,organicReachRate}') = 'number') as rate,
            (select count(*)::int from shares
              where tenant_id = ${tenantId} and status = 'shared' and shared_at >= ${ts(since)}) as shares`),
      )[0];
      return {
        employees: Number(row?.employees ?? 0),
        members: Number(row?.members ?? 0),
        statedNetworkSizes: Number(row?.stated ?? 0),
        networkSizeSum: Number(row?.size_sum ?? 0),
        organicReachRate: row?.rate === null || row?.rate === undefined ? null : Number(row.rate),
        shares: Number(row?.shares ?? 0),
      };
    },

    async recipients(tenantId, personId) {
      const onePerson = personId === undefined ? sql`` : sql`and m.person_id = ${personId}`;
      const rows = rowsOf<{
        person_id: string;
        topics: string[];
        chat_language: Language | null;
        preferred_language: string | null;
        paused: boolean | null;
      }>(
        await db.execute(sql`
          select m.person_id, m.topics, cp.language as chat_language,
            p.preferred_language, cp.notifications_paused as paused
          from memberships m
          join people p on p.tenant_id = m.tenant_id and p.id = m.person_id
          left join chat_preferences cp on cp.tenant_id = m.tenant_id and cp.person_id = m.person_id
          where m.tenant_id = ${tenantId} and p.account_enabled ${onePerson}
          order by m.person_id`),
      );
      return rows.map((r): DigestRecipient => ({
        personId: r.person_id,
        topics: r.topics ?? [],
        chatLanguage: r.chat_language,
        preferredLanguage: r.preferred_language,
        notificationsPaused: r.paused ?? false,
      }));
    },

    async newItems(tenantId, since, now) {
      // Approving sets published_at to now, so "approved in the period" is published_at inside it.
      const rows = rowsOf<{
        id: string;
        title: string;
        topic: string;
        published_at: unknown;
        label_da: string | null;
        label_en: string | null;
      }>(
        await db.execute(sql`
          select ci.id, ci.title, ci.topic, ci.published_at, t.label_da, t.label_en
          from content_items ci
          left join topics t on t.tenant_id = ci.tenant_id and t.key = ci.topic
          where ci.tenant_id = ${tenantId} and ci.status = 'approved'
            and ci.published_at >= ${ts(since)} and ci.published_at < ${ts(now)}
            and (ci.valid_from is null or ci.valid_from <= ${ts(now)})
            and (ci.valid_to is null or ci.valid_to > ${ts(now)})
          order by ci.published_at desc, ci.id`),
      );
      return rows.map((r): DigestItemRecord => ({
        id: r.id,
        title: r.title,
        topic: r.topic,
        publishedAt: toDate(r.published_at),
        topicLabel: { da: r.label_da ?? r.topic, en: r.label_en ?? r.topic },
      }));
    },

    async personNumbers(tenantId, since, now, personId) {
      const sharesOf = personId === undefined ? sql`` : sql`and person_id = ${personId}`;
      const rows = rowsOf<{ person_id: string; shares: number; clicks: number; unique_clicks: number }>(
        await db.execute(sql`
          with s as (
            select person_id, count(*)::int as shares from shares
            where tenant_id = ${tenantId} and status = 'shared' and person_id is not null
              and shared_at >= ${ts(since)} and shared_at < ${ts(now)} ${sharesOf}
            group by person_id
          ), c as (
            -- Raw clicks and the days the retention job has moved into click_days alike.
            select person_id, sum(clicks)::int as clicks,
              (count(distinct visitor_key) + sum(rolled_unique))::int as unique_clicks
            from (${retainedClicks(tenantId, sql`person_id is not null ${sharesOf}`, since, now)}) r
            group by person_id
          )
          select coalesce(s.person_id, c.person_id) as person_id, coalesce(s.shares, 0) as shares,
            coalesce(c.clicks, 0) as clicks, coalesce(c.unique_clicks, 0) as unique_clicks
          from s full join c on c.person_id = s.person_id`),
      );
      return new Map(
        rows.map((r): [string, DigestNumbers] => [
          r.person_id,
          { shares: Number(r.shares), clicks: Number(r.clicks), uniqueClicks: Number(r.unique_clicks) },
        ]),
      );
    },
  };
}
