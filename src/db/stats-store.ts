import { sql, type SQL } from 'drizzle-orm';
import { ZProgramCanvas } from '../contracts/canvas';
import { addDays, DEFAULT_ORGANIC_REACH_RATE } from '../domain/kpi';
import type { DashboardData, DashboardWindow, MemberActivity, StatsStore } from '../ports/stats';
import { rowsOf, type Db } from './database';

// The dashboard's numbers come from one source per dimension: daily_stats for days up to
// stats_rollups.rolled_through, and the raw tables (shares with status 'shared' by shared_at,
// click_events by at) for later days. Both go through `rawDaily`, so a rolled day holds exactly what
// the raw query would have said.

export type Dim = 'total' | 'person' | 'item' | 'network';

/** The key of each dimension in the raw tables ('' for everyone, and for a person who left). */
const KEY_SQL: Record<Dim, SQL> = {
  total: sql.raw(`''`),
  person: sql.raw(`coalesce(person_id, '')`),
  item: sql.raw('item_id'),
  network: sql.raw('network'),
};

const int = (v: unknown) => Number(v ?? 0);
const startOf = (day: string) => new Date(`${day}T00:00:00Z`);

/**
 * Per UTC day and key of `dim`, from the raw tables over [lo, hi): shares and the reactions and
 * comments reported on them, clicks, and unique clicks (distinct visitor keys per tracked link and day,
 * summed: a link's code belongs to one key in every dimension, so distinct (code, visitor) per key is
 * that sum).
 */
function rawDaily(tenantId: string, dim: Dim, lo: Date, hi: Date): SQL {
  const key = KEY_SQL[dim];
  return sql`
    select coalesce(s.day, c.day) as day, coalesce(s.key, c.key) as key,
      coalesce(s.shares, 0) as shares, coalesce(c.clicks, 0) as clicks,
      coalesce(c.unique_clicks, 0) as unique_clicks,
      coalesce(s.reactions, 0) as reactions, coalesce(s.comments, 0) as comments
    from (
      select (shared_at at time zone 'UTC')::date as day, ${key} as key, count(*)::int as shares,
        coalesce(sum(reactions), 0)::int as reactions, coalesce(sum(comments), 0)::int as comments
      from shares
      where tenant_id = ${tenantId} and status = 'shared' and shared_at >= ${lo} and shared_at < ${hi}
      group by 1, 2
    ) s
    full join (
      select (at at time zone 'UTC')::date as day, ${key} as key, count(*)::int as clicks,
        count(distinct code || ' ' || visitor_key)::int as unique_clicks
      from click_events
      where tenant_id = ${tenantId} and at >= ${lo} and at < ${hi}
      group by 1, 2
    ) c on c.day = s.day and c.key = s.key`;
}

/** Rows (day, key, counts) of one dimension for the days from `from` to `to`: roll-ups, then raw. */
function source(tenantId: string, dim: Dim, from: string, to: string, rolled: string | null): SQL {
  const rolledEnd = rolled && rolled < to ? rolled : to;
  const parts: SQL[] = [];
  if (rolled && rolled >= from) {
    parts.push(sql`
      select day, key, shares, clicks, unique_clicks, reactions, comments from daily_stats
      where tenant_id = ${tenantId} and dim = ${dim} and day >= ${from}::date and day <= ${rolledEnd}::date`);
  }
  const rawFrom = rolled && rolled >= from ? addDays(rolled, 1) : from;
  if (rawFrom <= to) parts.push(rawDaily(tenantId, dim, startOf(rawFrom), startOf(addDays(to, 1))));
  return sql.join(parts, sql` union all `);
}

/**
 * Keeps rolled-up days exact when an ambassador reports reactions or comments on a share: adds the
 * change to the share's day in every dimension, when that day is already rolled up. Call inside the
 * transaction that changes the share; the roll-up row lock makes a concurrent roll-up of that day
 * either see the change or be followed by this delta, never neither.
 */
export async function applyShareFeedbackDelta(
  db: Db,
  tenantId: string,
  share: { personId: string | null; itemId: string; network: string; sharedAt: Date | null },
  delta: { reactions: number; comments: number },
): Promise<void> {
  if (!share.sharedAt || (delta.reactions === 0 && delta.comments === 0)) return;
  const day = share.sharedAt.toISOString().slice(0, 10);
  const rolled = rowsOf<{ rolled_through: string | null }>(
    await db.execute(
      sql`select rolled_through::text from stats_rollups where tenant_id = ${tenantId} for share`,
    ),
  )[0]?.rolled_through;
  if (!rolled || day > rolled) return;
  await db.execute(sql`
    update daily_stats set reactions = reactions + ${delta.reactions}, comments = comments + ${delta.comments}
    where tenant_id = ${tenantId} and day = ${day}::date and (
      (dim = 'total' and key = '') or (dim = 'person' and key = ${share.personId ?? ''})
      or (dim = 'item' and key = ${share.itemId}) or (dim = 'network' and key = ${share.network}))`);
}

/**
 * A person left: their rolled-up 'person' rows merge into the anonymous key '' (the totals stay), and
 * their conversions lose the link to them. Call inside the transaction that anonymises their shares.
 */
export async function anonymisePersonStats(db: Db, tenantId: string, personId: string): Promise<void> {
  await db.execute(sql`
    insert into daily_stats (tenant_id, dim, day, key, shares, clicks, unique_clicks, reactions, comments)
    select tenant_id, dim, day, '', shares, clicks, unique_clicks, reactions, comments from daily_stats
    where tenant_id = ${tenantId} and dim = 'person' and key = ${personId}
    on conflict (tenant_id, dim, day, key) do update set
      shares = daily_stats.shares + excluded.shares, clicks = daily_stats.clicks + excluded.clicks,
      unique_clicks = daily_stats.unique_clicks + excluded.unique_clicks,
      reactions = daily_stats.reactions + excluded.reactions, comments = daily_stats.comments + excluded.comments`);
  await db.execute(
    sql`delete from daily_stats where tenant_id = ${tenantId} and dim = 'person' and key = ${personId}`,
  );
  await db.execute(
    sql`update conversions set person_id = null where tenant_id = ${tenantId} and person_id = ${personId}`,
  );
}

/** The canvas's KPI targets and reach rate; defaults when the canvas is absent or does not parse. */
function readCanvas(raw: unknown): Pick<DashboardData, 'targets' | 'organicReachRate'> {
  const parsed = raw ? ZProgramCanvas.safeParse(raw) : null;
  if (!parsed?.success) {
    // A partial canvas may still carry a usable reach rate.
    const rate = (raw as { reach?: { organicReachRate?: unknown } } | null)?.reach?.organicReachRate;
    return {
      targets: null,
      organicReachRate:
        typeof rate === 'number' && rate >= 0 && rate <= 1 ? rate : DEFAULT_ORGANIC_REACH_RATE,
    };
  }
  return { targets: parsed.data.targets, organicReachRate: parsed.data.reach.organicReachRate };
}

interface MemberRow {
  person_id: string;
  display_name: string | null;
  department: string | null;
  network_size: number | null;
  show_on_leaderboard: boolean;
  joined_at: Date | string;
  shares: unknown;
  clicks: unknown;
  shared_cur: boolean | null;
  shared_prev: boolean | null;
  active_cur: boolean | null;
  active_prev: boolean | null;
  adoption_cur: boolean | null;
  adoption_prev: boolean | null;
}

/** The dashboard's reads and the daily roll-ups over Postgres. */
export function createStatsStore(db: Db): StatsStore {
  const rolledThrough = async (tenantId: string) =>
    rowsOf<{ rolled_through: string | null }>(
      await db.execute(sql`select rolled_through::text from stats_rollups where tenant_id = ${tenantId}`),
    )[0]?.rolled_through ?? null;

  return {
    rolledThrough,

    async dashboardData(tenantId, w: DashboardWindow) {
      const rolled = await rolledThrough(tenantId);
      const t = tenantId;
      const peopleFrom = [w.previousFrom, w.previousAdoptionFrom, w.adoptionFrom].sort()[0]!;
      const end = startOf(addDays(w.to, 1));
      const eventsFrom = startOf(peopleFrom);
      const [daily, sharers, members, items, networks, conversions, followers, canvas, campaigns] =
        await Promise.all([
          db.execute(sql`
            select day::text as day, sum(shares) as shares, sum(clicks) as clicks,
              sum(unique_clicks) as unique_clicks, sum(reactions) as reactions, sum(comments) as comments
            from (${source(t, 'total', w.previousFrom, w.to, rolled)}) d group by day`),
          db.execute(sql`
            select p.day::text as day, count(*) as sharers
            from (${source(t, 'person', w.previousFrom, w.to, rolled)}) p
            join memberships m on m.tenant_id = ${t} and m.person_id = p.key
            where p.shares > 0 group by p.day`),
          db.execute(sql`
            with p as (${source(t, 'person', peopleFrom, w.to, rolled)}),
            ps as (
              select key,
                sum(shares) filter (where day >= ${w.from}::date) as shares,
                sum(clicks) filter (where day >= ${w.from}::date) as clicks,
                bool_or(shares > 0 and day >= ${w.from}::date) as shared_cur,
                bool_or(shares > 0 and day between ${w.previousFrom}::date and ${w.previousTo}::date) as shared_prev,
                bool_or(shares > 0 and day >= ${w.adoptionFrom}::date) as adoption_cur,
                bool_or(shares > 0 and day between ${w.previousAdoptionFrom}::date and ${w.previousTo}::date) as adoption_prev
              from p group by key
            ),
            e as (
              select person_id, (occurred_at at time zone 'UTC')::date as day from activity_events
              where tenant_id = ${t} and type = 'own_post_reported' and occurred_at >= ${eventsFrom} and occurred_at < ${end}
              union all
              select person_id, (created_at at time zone 'UTC')::date as day from sparring_requests
              where tenant_id = ${t} and created_at >= ${eventsFrom} and created_at < ${end}
            ),
            es as (
              select person_id,
                bool_or(day >= ${w.from}::date) as cur,
                bool_or(day between ${w.previousFrom}::date and ${w.previousTo}::date) as prev,
                bool_or(day >= ${w.adoptionFrom}::date) as adoption_cur,
                bool_or(day between ${w.previousAdoptionFrom}::date and ${w.previousTo}::date) as adoption_prev
              from e where person_id is not null group by person_id
            )
            select m.person_id, pe.display_name, pe.department, m.network_size, m.show_on_leaderboard, m.joined_at,
              coalesce(ps.shares, 0) as shares, coalesce(ps.clicks, 0) as clicks,
              coalesce(ps.shared_cur, false) as shared_cur, coalesce(ps.shared_prev, false) as shared_prev,
              coalesce(ps.shared_cur, false) or coalesce(es.cur, false) as active_cur,
              coalesce(ps.shared_prev, false) or coalesce(es.prev, false) as active_prev,
              coalesce(ps.adoption_cur, false) or coalesce(es.adoption_cur, false) as adoption_cur,
              coalesce(ps.adoption_prev, false) or coalesce(es.adoption_prev, false) as adoption_prev
            from memberships m
            left join people pe on pe.tenant_id = m.tenant_id and pe.id = m.person_id
            left join ps on ps.key = m.person_id
            left join es on es.person_id = m.person_id
            where m.tenant_id = ${t}`),
          db.execute(sql`
            select i.key as item_id, c.title, c.topic,
              sum(i.shares) filter (where i.day >= ${w.from}::date) as shares,
              sum(i.clicks) filter (where i.day >= ${w.from}::date) as clicks,
              sum(i.unique_clicks) filter (where i.day >= ${w.from}::date) as unique_clicks,
              sum(i.clicks) filter (where i.day < ${w.from}::date) as previous_clicks
            from (${source(t, 'item', w.previousFrom, w.to, rolled)}) i
            left join content_items c on c.tenant_id = ${t} and c.id = i.key
            group by i.key, c.title, c.topic`),
          db.execute(sql`
            select key as network, sum(shares) as shares, sum(clicks) as clicks
            from (${source(t, 'network', w.from, w.to, rolled)}) n group by key`),
          db.execute(sql`
            select kind, item_id, occurred_at >= ${startOf(w.from)} as cur, count(*) as n from conversions
            where tenant_id = ${t} and occurred_at >= ${startOf(w.previousFrom)} and occurred_at < ${end}
            group by kind, item_id, cur`),
          db.execute(sql`
            select
              coalesce(sum(greatest((data->>'delta')::int, 0)) filter (where occurred_at >= ${startOf(w.from)}), 0) as cur,
              coalesce(sum(greatest((data->>'delta')::int, 0)) filter (where occurred_at < ${startOf(w.from)}), 0) as prev
            from activity_events
            where tenant_id = ${t} and type = 'network_size_changed'
              and occurred_at >= ${startOf(w.previousFrom)} and occurred_at < ${end}`),
          db.execute(sql`select canvas from program_canvas where tenant_id = ${t}`),
          db.execute(sql`
            select id from recruitment_campaigns
            where tenant_id = ${t} and status <> 'draft' and starts_at < ${end} and ends_at >= ${startOf(w.from)}
            order by starts_at, id`),
        ]);

      const sharersByDay = new Map(
        rowsOf<{ day: string; sharers: unknown }>(sharers).map((r) => [r.day, int(r.sharers)]),
      );
      const itemRows = rowsOf<{
        item_id: string;
        title: string | null;
        topic: string | null;
        shares: unknown;
        clicks: unknown;
        unique_clicks: unknown;
        previous_clicks: unknown;
      }>(items);
      const conversionTotals: DashboardData['conversions'] = {
        current: { application: 0, conversion: 0 },
        previous: { application: 0, conversion: 0 },
      };
      const conversionsByItem: Record<string, number> = {};
      for (const r of rowsOf<{
        kind: 'application' | 'conversion';
        item_id: string | null;
        cur: boolean;
        n: unknown;
      }>(conversions)) {
        conversionTotals[r.cur ? 'current' : 'previous'][r.kind] += int(r.n);
        if (r.cur && r.item_id) conversionsByItem[r.item_id] = (conversionsByItem[r.item_id] ?? 0) + int(r.n);
      }
      const follow = rowsOf<{ cur: unknown; prev: unknown }>(followers)[0];
      const jobs = itemRows.filter((r) => r.topic === 'jobs');
      return {
        rolledThrough: rolled,
        daily: rowsOf<{
          day: string;
          shares: unknown;
          clicks: unknown;
          unique_clicks: unknown;
          reactions: unknown;
          comments: unknown;
        }>(daily).map((r) => ({
          day: r.day,
          shares: int(r.shares),
          clicks: int(r.clicks),
          uniqueClicks: int(r.unique_clicks),
          reactions: int(r.reactions),
          comments: int(r.comments),
          sharers: sharersByDay.get(r.day) ?? 0,
        })),
        members: rowsOf<MemberRow>(members).map((r): MemberActivity => ({
          personId: r.person_id,
          displayName: r.display_name ?? '',
          department: r.department,
          networkSize: r.network_size === null ? null : int(r.network_size),
          showOnLeaderboard: r.show_on_leaderboard,
          joinedAt: new Date(r.joined_at),
          shares: int(r.shares),
          clicks: int(r.clicks),
          sharedCurrent: !!r.shared_cur,
          sharedPrevious: !!r.shared_prev,
          activeCurrent: !!r.active_cur,
          activePrevious: !!r.active_prev,
          activeAdoptionCurrent: !!r.adoption_cur,
          activeAdoptionPrevious: !!r.adoption_prev,
        })),
        items: itemRows
          .filter((r) => int(r.shares) > 0 || int(r.clicks) > 0)
          .map((r) => ({
            itemId: r.item_id,
            title: r.title ?? '',
            shares: int(r.shares),
            clicks: int(r.clicks),
            uniqueClicks: int(r.unique_clicks),
          })),
        networks: rowsOf<{ network: string; shares: unknown; clicks: unknown }>(networks).map((r) => ({
          network: r.network,
          shares: int(r.shares),
          clicks: int(r.clicks),
        })),
        conversions: conversionTotals,
        conversionsByItem,
        followers: { current: int(follow?.cur), previous: int(follow?.prev) },
        jobInteractions: {
          current: jobs.reduce((n, r) => n + int(r.clicks), 0),
          previous: jobs.reduce((n, r) => n + int(r.previous_clicks), 0),
        },
        ...readCanvas(rowsOf<{ canvas: unknown }>(canvas)[0]?.canvas ?? null),
        campaignIds: rowsOf<{ id: string }>(campaigns).map((r) => r.id),
      };
    },

    async listConversions(tenantId, from, to) {
      const rows = rowsOf<{
        external_id: string;
        kind: 'application' | 'conversion';
        occurred_at: Date | string;
        title: string | null;
        network: string | null;
        campaign: string | null;
        name: string | null;
      }>(
        await db.execute(sql`
          select c.external_id, c.kind, c.occurred_at, i.title, c.network, c.campaign,
            case when m.show_on_leaderboard then pe.display_name end as name
          from conversions c
          left join content_items i on i.tenant_id = c.tenant_id and i.id = c.item_id
          left join memberships m on m.tenant_id = c.tenant_id and m.person_id = c.person_id
          left join people pe on pe.tenant_id = c.tenant_id and pe.id = c.person_id
          where c.tenant_id = ${tenantId} and c.occurred_at >= ${startOf(from)}
            and c.occurred_at < ${startOf(addDays(to, 1))}
          order by c.occurred_at, c.id`),
      );
      return rows.map((r) => ({
        externalId: r.external_id,
        kind: r.kind,
        occurredAt: new Date(r.occurred_at),
        itemTitle: r.title,
        network: r.network,
        campaign: r.campaign,
        ambassadorName: r.name,
      }));
    },

    async firstActivityDay(tenantId) {
      const rows = rowsOf<{ day: string | null }>(
        await db.execute(sql`
          select least(
            (select min(shared_at) from shares where tenant_id = ${tenantId} and status = 'shared'),
            (select min(at) from click_events where tenant_id = ${tenantId})
          ) at time zone 'UTC' as day`),
      );
      const at = rows[0]?.day;
      return at ? new Date(`${String(at).replace(' ', 'T')}Z`).toISOString().slice(0, 10) : null;
    },

    async rollUpDays(tenantId, from, to) {
      const lo = startOf(from);
      const hi = startOf(addDays(to, 1));
      await db.transaction(async (tx) => {
        // The roll-up row is locked first: share feedback takes it too (for share), so it either lands
        // before this reads the shares or sees this day rolled up and applies its delta afterwards.
        await tx.execute(
          sql`insert into stats_rollups (tenant_id, rolled_through) values (${tenantId}, null) on conflict do nothing`,
        );
        await tx.execute(sql`select 1 from stats_rollups where tenant_id = ${tenantId} for update`);
        await tx.execute(
          sql`delete from daily_stats where tenant_id = ${tenantId} and day >= ${from}::date and day <= ${to}::date`,
        );
        for (const dim of ['total', 'person', 'item', 'network'] as const) {
          await tx.execute(sql`
            insert into daily_stats (tenant_id, dim, day, key, shares, clicks, unique_clicks, reactions, comments)
            select ${tenantId}, ${dim}, day, key, shares, clicks, unique_clicks, reactions, comments
            from (${rawDaily(tenantId, dim, lo, hi)}) r`);
        }
        await tx.execute(sql`
          update stats_rollups set updated_at = now(),
            rolled_through = greatest(coalesce(rolled_through, ${to}::date), ${to}::date)
          where tenant_id = ${tenantId}`);
      });
    },

    async setNetworkSize(tenantId, personId, networkSize, at) {
      return db.transaction(async (tx) => {
        const rows = rowsOf<{ network_size: number | null }>(
          await tx.execute(sql`
            select network_size from memberships
            where tenant_id = ${tenantId} and person_id = ${personId} for update`),
        );
        const row = rows[0];
        if (!row) return null;
        const previous = row.network_size === null ? null : int(row.network_size);
        await tx.execute(sql`
          update memberships set network_size = ${networkSize}
          where tenant_id = ${tenantId} and person_id = ${personId}`);
        // The first statement is the baseline: only later changes are new followers.
        const delta = previous === null ? 0 : networkSize - previous;
        await tx.execute(sql`
          insert into activity_events (tenant_id, person_id, type, occurred_at, data)
          values (${tenantId}, ${personId}, 'network_size_changed', ${at}, ${JSON.stringify({ delta })}::jsonb)`);
        return { previous };
      });
    },
  };
}
