import { sql, type SQL } from 'drizzle-orm';
import { ZProgramCanvas } from '../contracts/canvas';
import { addDays, daysBetween, DEFAULT_ORGANIC_REACH_RATE } from '../domain/kpi';
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
function rawDaily(tenantId: string, dim: Dim, lo: Date, hi: Date, unique = true): SQL {
  const key = KEY_SQL[dim];
  const where = sql`where tenant_id = ${tenantId} and at >= ${lo} and at < ${hi}`;
  // Distinct (link, visitor) pairs are grouped by hashing, not sorted; skipped (0) when not read.
  const clicks = unique
    ? sql`
      select day, key, sum(n)::int as clicks, count(*)::int as unique_clicks from (
        select (at at time zone 'UTC')::date as day, ${key} as key, code, visitor_key, count(*) as n
        from click_events ${where} group by 1, 2, 3, 4
      ) v group by 1, 2`
    : sql`
      select (at at time zone 'UTC')::date as day, ${key} as key, count(*)::int as clicks, 0 as unique_clicks
      from click_events ${where} group by 1, 2`;
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
    full join (${clicks}) c on c.day = s.day and c.key = s.key`;
}

/** Rows (day, key, counts) of one dimension for the days from `from` to `to`: roll-ups, then raw. */
function source(
  tenantId: string,
  dim: Dim,
  from: string,
  to: string,
  rolled: string | null,
  raw: RawSource,
  unique = true,
): SQL {
  const rolledEnd = rolled && rolled < to ? rolled : to;
  const parts: SQL[] = [];
  if (rolled && rolled >= from) {
    parts.push(sql`
      select day, key, shares, clicks, unique_clicks, reactions, comments from daily_stats
      where tenant_id = ${tenantId} and dim = ${dim} and day >= ${from}::date and day <= ${rolledEnd}::date`);
  }
  const rawFrom = rolled && rolled >= from ? addDays(rolled, 1) : from;
  if (rawFrom <= to) parts.push(raw(dim, rawFrom, to, unique));
  return sql.join(parts, sql` union all `);
}

/** The raw rows of one dimension for the days `from` … `to` (unique clicks only when `unique`). */
type RawSource = (dim: Dim, from: string, to: string, unique: boolean) => SQL;

/** At most this many days not rolled up (usually today alone) are read once for every dimension. */
const SHARED_RAW_DAYS = 3;

/**
 * A snapshot of the days after the roll-ups (see snapshotRecent) stands in for their raw rows while
 * it is at most this old; the job takes one every minute, so an older one means the jobs are not
 * running here and the raw rows are read instead.
 */
export const SNAPSHOT_FRESH_MS = 3 * 60_000;

interface RawRow {
  dim: Dim;
  day: string;
  key: string;
  shares: number;
  clicks: number;
  unique_clicks: number;
  reactions: number;
  comments: number;
}

/**
 * The rows of `rawDaily` for every dimension at once over [lo, hi): one pass over the shares and one
 * over the clicks (grouped by link and visitor first, then by grouping sets), instead of one per
 * dimension. unique_clicks is given for 'total' and 'item' (a link belongs to one item), 0 otherwise.
 */
function rawAllDims(tenantId: string, lo: Date, hi: Date): SQL {
  const dimOf = sql`case when grouping(item_id) = 0 then 'item' when grouping(network) = 0 then 'network'
    when grouping(person) = 0 then 'person' else 'total' end`;
  const keyOf = sql`case when grouping(item_id) = 0 then item_id when grouping(network) = 0 then network
    when grouping(person) = 0 then person else '' end`;
  const sets = sql`grouping sets ((day), (day, person), (day, item_id), (day, network))`;
  return sql`
    select coalesce(s.dim, c.dim) as dim, coalesce(s.day, c.day)::text as day, coalesce(s.key, c.key) as key,
      coalesce(s.shares, 0) as shares, coalesce(c.clicks, 0) as clicks,
      coalesce(c.unique_clicks, 0) as unique_clicks,
      coalesce(s.reactions, 0) as reactions, coalesce(s.comments, 0) as comments
    from (
      select ${dimOf} as dim, day, ${keyOf} as key, count(*)::int as shares,
        coalesce(sum(reactions), 0)::int as reactions, coalesce(sum(comments), 0)::int as comments
      from (
        select (shared_at at time zone 'UTC')::date as day, coalesce(person_id, '') as person, item_id, network,
          reactions, comments
        from shares
        where tenant_id = ${tenantId} and status = 'shared' and shared_at >= ${lo} and shared_at < ${hi}
      ) x
      group by ${sets}
    ) s
    full join (
      select ${dimOf} as dim, day, ${keyOf} as key, sum(n)::int as clicks,
        (case when grouping(person) = 0 or grouping(network) = 0 then 0 else count(*) end)::int as unique_clicks
      from (
        select (at at time zone 'UTC')::date as day, code, visitor_key, coalesce(person_id, '') as person,
          item_id, network, count(*) as n
        from click_events
        where tenant_id = ${tenantId} and at >= ${lo} and at < ${hi}
        group by 1, 2, 3, 4, 5, 6
      ) v
      group by ${sets}
    ) c on c.dim = s.dim and c.day = s.day and c.key = s.key`;
}

/** Rows already read, as a relation with the columns of daily_stats. */
function rowsAsRelation(rows: RawRow[]): SQL {
  const json = JSON.stringify(
    rows.map(({ day, key, shares, clicks, unique_clicks, reactions, comments }) => ({
      day,
      key,
      shares,
      clicks,
      unique_clicks,
      reactions,
      comments,
    })),
  );
  return sql`
    select day, key, shares, clicks, unique_clicks, reactions, comments
    from jsonb_to_recordset(${json}::jsonb) as r(day date, key text, shares int, clicks int,
      unique_clicks int, reactions int, comments int)`;
}

const monthOf = (day: string) => `${day.slice(0, 7)}-01`;

/**
 * Recomputes member_activity_months for the calendar months of `from` … `to` from the 'person' rows
 * of daily_stats (every key, or only `keys`): a row per key and month with the days it shared as bits
 * and 31 running totals of shares and clicks (flat past the month's last day and on days without a row).
 */
async function refreshActivityMonths(
  db: Db,
  tenantId: string,
  from: string,
  to: string,
  keys?: string[],
): Promise<void> {
  const lo = monthOf(from);
  const hi = monthOf(addDays(monthOf(to), 31));
  const onlyKeys = keys ? sql` and key = any(${sql.param(keys)}::text[])` : sql``;
  await db.execute(sql`
    delete from member_activity_months where tenant_id = ${tenantId} and month >= ${lo}::date and month < ${hi}::date
    ${keys ? sql` and person_id = any(${sql.param(keys)}::text[])` : sql``}`);
  await db.execute(sql`
    with p as (
      select key, day, shares, clicks from daily_stats
      where tenant_id = ${tenantId} and dim = 'person' and day >= ${lo}::date and day < ${hi}::date${onlyKeys}
    ),
    x as (
      select k.month, k.key, g.d, coalesce(p.shares, 0) as shares,
        sum(coalesce(p.shares, 0)) over w as shares_cum, sum(coalesce(p.clicks, 0)) over w as clicks_cum
      from (select distinct date_trunc('month', day)::date as month, key from p) k
      cross join generate_series(1, 31) g(d)
      left join p on p.key = k.key and p.day = k.month + (g.d - 1)
        and k.month + (g.d - 1) < (k.month + interval '1 month')::date
      window w as (partition by k.month, k.key order by g.d)
    )
    insert into member_activity_months (tenant_id, month, person_id, shared_days, shares_cum, clicks_cum)
    select ${tenantId}, month, key, sum(case when shares > 0 then 1 << (d - 1) else 0 end)::int,
      array_agg(shares_cum::int order by d), array_agg(clicks_cum::int order by d)
    from x group by month, key`);
}

/**
 * SQL over a member_activity_months row \`a\` for the days \`lo\` … \`hi\` (inclusive): the sum of a running
 * total column over those days, and whether the person shared on any of them. Null outside the months.
 */
function monthWindow(lo: string, hi: string) {
  const mLo = monthOf(lo);
  const mHi = monthOf(hi);
  const first = sql`(case when a.month = ${mLo}::date then ${Number(lo.slice(8))}::int else 1 end)`;
  const last = sql`(case when a.month = ${mHi}::date then ${Number(hi.slice(8))}::int else 31 end)`;
  const inside = sql`(${lo}::date <= ${hi}::date and a.month between ${mLo}::date and ${mHi}::date)`;
  return {
    sum: (col: 'shares_cum' | 'clicks_cum') =>
      sql`sum(a.${sql.raw(col)}[${last}] - coalesce(a.${sql.raw(col)}[${first} - 1], 0)) filter (where ${inside})`,
    shared: sql`bool_or(a.shared_days::bigint & ((1::bigint << ${last}) - (1::bigint << (${first} - 1))) <> 0) filter (where ${inside})`,
  };
}

const minDay = (a: string, b: string) => (a < b ? a : b);

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
  const span = rowsOf<{ lo: string | null; hi: string | null }>(
    await db.execute(sql`
      select min(day)::text as lo, max(day)::text as hi from daily_stats
      where tenant_id = ${tenantId} and dim = 'person' and key = ${personId}`),
  )[0];
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
  // The monthly summary follows: the leaver's rows go, and the anonymous key's are recomputed.
  if (span?.lo && span.hi) await refreshActivityMonths(db, tenantId, span.lo, span.hi, [personId, '']);
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
  /** 'YYYY-MM-01 bits' per month with shares (rolled days), and the raw days with shares. */
  shared_months: string[] | string | null;
  shared_days: string[] | string | null;
}

/** A text[] as the driver gives it: an array (node-postgres) or its literal '{a,b}' (PGlite may). */
function pgTextArray(v: string[] | string | null): string[] {
  if (v === null) return [];
  if (Array.isArray(v)) return v;
  const inner = v.replace(/^\{|\}$/g, '');
  return inner ? inner.split(',').map((x) => x.replace(/^"|"$/g, '')) : [];
}

/** The dashboard's reads and the daily roll-ups over Postgres. */
export function createStatsStore(db: Db): StatsStore {
  const rollupState = async (tenantId: string) => {
    const row = rowsOf<{ rolled_through: string | null; snapshot_at: Date | string | null }>(
      await db.execute(
        sql`select rolled_through::text, snapshot_at from stats_rollups where tenant_id = ${tenantId}`,
      ),
    )[0];
    return {
      rolled: row?.rolled_through ?? null,
      snapshotAt: row?.snapshot_at ? new Date(row.snapshot_at) : null,
    };
  };
  const rolledThrough = async (tenantId: string) => (await rollupState(tenantId)).rolled;

  // The planner's estimate for the raw clicks of the days not rolled up (a lossy BRIN scan) is high
  // enough to start JIT compilation, which costs more than these short reads: off for them. Grouping a
  // day's clicks by link and visitor fits in memory with a little more than the default 4 MB.
  const read = (query: SQL) =>
    db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('jit', 'off', true), set_config('work_mem', '32MB', true)`);
      return tx.execute(query);
    });

  return {
    rolledThrough,

    async dashboardData(tenantId, w: DashboardWindow) {
      const state = await rollupState(tenantId);
      const rolled = state.rolled;
      // The days after the roll-ups come from the minute's snapshot while it is fresh, else raw.
      const snapshotAt =
        rolled &&
        state.snapshotAt &&
        Math.abs(w.now.getTime() - state.snapshotAt.getTime()) <= SNAPSHOT_FRESH_MS
          ? state.snapshotAt
          : null;
      const t = tenantId;
      const peopleFrom = [w.previousFrom, w.previousAdoptionFrom, w.adoptionFrom].sort()[0]!;
      const end = startOf(addDays(w.to, 1));
      const eventsFrom = startOf(peopleFrom);
      // Rolled days come from the monthly summary up to `summedTo`, later days from the raw tables.
      const summedTo = rolled ? minDay(rolled, w.to) : null;
      const summed = summedTo !== null && summedTo >= peopleFrom;
      const rawFrom = rolled && rolled >= peopleFrom ? addDays(rolled, 1) : peopleFrom;
      const clip = (hi: string) => (summedTo ? minDay(hi, summedTo) : hi);
      const cur = monthWindow(w.from, clip(w.to));
      const prev = monthWindow(w.previousFrom, clip(w.previousTo));
      const adoption = monthWindow(w.adoptionFrom, clip(w.to));
      const adoptionPrev = monthWindow(w.previousAdoptionFrom, clip(w.previousTo));
      // The days not rolled up yet: read once for every dimension when they are few (usually today).
      const sharedRaw =
        !snapshotAt && rawFrom <= w.to && daysBetween(rawFrom, w.to).length <= SHARED_RAW_DAYS
          ? rowsOf<RawRow>(await read(rawAllDims(t, startOf(rawFrom), end))).map((r) => ({
              ...r,
              shares: int(r.shares),
              clicks: int(r.clicks),
              unique_clicks: int(r.unique_clicks),
              reactions: int(r.reactions),
              comments: int(r.comments),
            }))
          : null;
      const raw: RawSource = (dim, from, to, unique) =>
        snapshotAt
          ? sql`
            select day, key, shares, clicks, unique_clicks, reactions, comments from daily_stats
            where tenant_id = ${t} and dim = ${dim} and day >= ${from}::date and day <= ${to}::date`
          : sharedRaw
            ? rowsAsRelation(sharedRaw.filter((r) => r.dim === dim && r.day >= from && r.day <= to))
            : rawDaily(t, dim, startOf(from), startOf(addDays(to, 1)), unique);
      const [daily, members, items, networks, conversions, followers, canvas, campaigns] = await Promise.all([
        read(sql`
            select day::text as day, sum(shares) as shares, sum(clicks) as clicks,
              sum(unique_clicks) as unique_clicks, sum(reactions) as reactions, sum(comments) as comments
            from (${source(t, 'total', w.previousFrom, w.to, rolled, raw)}) d group by day`),
        read(sql`
            with ps as (
              select key, sum(shares) as shares, sum(clicks) as clicks, bool_or(shared_cur) as shared_cur,
                bool_or(shared_prev) as shared_prev, bool_or(adoption_cur) as adoption_cur,
                bool_or(adoption_prev) as adoption_prev,
                -- One row per key and part at most: max() picks the part's array.
                max(shared_months) as shared_months, max(shared_days) as shared_days
              from (
                ${
                  summed
                    ? sql`select a.person_id as key, ${cur.sum('shares_cum')} as shares, ${cur.sum('clicks_cum')} as clicks,
                  ${cur.shared} as shared_cur, ${prev.shared} as shared_prev,
                  ${adoption.shared} as adoption_cur, ${adoptionPrev.shared} as adoption_prev,
                  array_agg(a.month::text || ' ' || a.shared_days) filter (where a.shared_days <> 0) as shared_months,
                  null::text[] as shared_days
                from member_activity_months a
                where a.tenant_id = ${t} and a.month >= ${monthOf(peopleFrom)}::date and a.month <= ${monthOf(summedTo)}::date
                group by a.person_id`
                    : sql`select null::text as key, null::bigint as shares, null::bigint as clicks, null::boolean as shared_cur,
                  null::boolean as shared_prev, null::boolean as adoption_cur, null::boolean as adoption_prev,
                  null::text[] as shared_months, null::text[] as shared_days where false`
                }
                ${
                  rawFrom <= w.to
                    ? sql`union all
                select key,
                  sum(shares) filter (where day >= ${w.from}::date) as shares,
                  sum(clicks) filter (where day >= ${w.from}::date) as clicks,
                  bool_or(shares > 0 and day >= ${w.from}::date) as shared_cur,
                  bool_or(shares > 0 and day between ${w.previousFrom}::date and ${w.previousTo}::date) as shared_prev,
                  bool_or(shares > 0 and day >= ${w.adoptionFrom}::date) as adoption_cur,
                  bool_or(shares > 0 and day between ${w.previousAdoptionFrom}::date and ${w.previousTo}::date) as adoption_prev,
                  null::text[] as shared_months, array_agg(day::text) filter (where shares > 0) as shared_days
                from (${raw('person', rawFrom, w.to, false)}) p group by key`
                    : sql``
                }
              ) u group by key
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
              coalesce(ps.adoption_prev, false) or coalesce(es.adoption_prev, false) as adoption_prev,
              ps.shared_months, ps.shared_days
            from memberships m
            left join people pe on pe.tenant_id = m.tenant_id and pe.id = m.person_id
            left join ps on ps.key = m.person_id
            left join es on es.person_id = m.person_id
            where m.tenant_id = ${t}`),
        read(sql`
            select i.key as item_id, c.title, c.topic,
              sum(i.shares) filter (where i.day >= ${w.from}::date) as shares,
              sum(i.clicks) filter (where i.day >= ${w.from}::date) as clicks,
              sum(i.unique_clicks) filter (where i.day >= ${w.from}::date) as unique_clicks,
              sum(i.clicks) filter (where i.day < ${w.from}::date) as previous_clicks
            from (${source(t, 'item', w.previousFrom, w.to, rolled, raw)}) i
            left join content_items c on c.tenant_id = ${t} and c.id = i.key
            group by i.key, c.title, c.topic`),
        read(sql`
            select key as network, sum(shares) as shares, sum(clicks) as clicks
            from (${source(t, 'network', w.from, w.to, rolled, raw, false)}) n group by key`),
        read(sql`
            select kind, item_id, occurred_at >= ${startOf(w.from)} as cur, count(*) as n from conversions
            where tenant_id = ${t} and occurred_at >= ${startOf(w.previousFrom)} and occurred_at < ${end}
            group by kind, item_id, cur`),
        read(sql`
            select
              coalesce(sum(greatest((data->>'delta')::int, 0)) filter (where occurred_at >= ${startOf(w.from)}), 0) as cur,
              coalesce(sum(greatest((data->>'delta')::int, 0)) filter (where occurred_at < ${startOf(w.from)}), 0) as prev
            from activity_events
            where tenant_id = ${t} and type = 'network_size_changed'
              and occurred_at >= ${startOf(w.previousFrom)} and occurred_at < ${end}`),
        read(sql`select canvas from program_canvas where tenant_id = ${t}`),
        read(sql`
            select id from recruitment_campaigns
            where tenant_id = ${t} and status <> 'draft' and starts_at < ${end} and ends_at >= ${startOf(w.from)}
            order by starts_at, id`),
      ]);

      // A day's sharers: the current members who shared on it (rolled days as bits of a month).
      const memberRows = rowsOf<MemberRow>(members);
      const sharersByDay = new Map<string, number>();
      const shared = (day: string, n: number) => {
        if (day >= w.previousFrom && day <= w.to) sharersByDay.set(day, (sharersByDay.get(day) ?? 0) + n);
      };
      const byMonth = new Map<string, number[]>();
      for (const r of memberRows) {
        for (const entry of pgTextArray(r.shared_months)) {
          const [month, bits] = entry.split(' ') as [string, string];
          let counts = byMonth.get(month);
          if (!counts) byMonth.set(month, (counts = new Array<number>(31).fill(0)));
          for (let i = 0, mask = Number(bits); mask > 0; i++, mask >>>= 1) if (mask & 1) counts[i]!++;
        }
        for (const day of pgTextArray(r.shared_days)) shared(day, 1);
      }
      for (const [month, counts] of byMonth) {
        counts.forEach((n, i) => {
          const day = addDays(month, i);
          if (n > 0 && day.slice(0, 7) === month.slice(0, 7) && summedTo && day <= summedTo) shared(day, n);
        });
      }
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
        snapshotAt,
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
        members: memberRows.map((r): MemberActivity => ({
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

    async rollUpDays(tenantId, requestedFrom, to) {
      await db.transaction(async (tx) => {
        // The roll-up row is locked first: share feedback takes it too (for share), so it either lands
        // before this reads the shares or sees this day rolled up and applies its delta afterwards.
        await tx.execute(
          sql`insert into stats_rollups (tenant_id, rolled_through) values (${tenantId}, null) on conflict do nothing`,
        );
        const retained = rowsOf<{ raw_clicks_from: string | null }>(
          await tx.execute(
            sql`select raw_clicks_from::text from stats_rollups where tenant_id = ${tenantId} for update`,
          ),
        )[0]?.raw_clicks_from;
        // Days before raw_clicks_from lost their raw clicks to the retention job: their roll-ups are final.
        const from = retained && requestedFrom < retained ? retained : requestedFrom;
        if (from > to) return;
        const lo = startOf(from);
        const hi = startOf(addDays(to, 1));
        await tx.execute(
          sql`delete from daily_stats where tenant_id = ${tenantId} and day >= ${from}::date and day <= ${to}::date`,
        );
        for (const dim of ['total', 'person', 'item', 'network'] as const) {
          await tx.execute(sql`
            insert into daily_stats (tenant_id, dim, day, key, shares, clicks, unique_clicks, reactions, comments)
            select ${tenantId}, ${dim}, day, key, shares, clicks, unique_clicks, reactions, comments
            from (${rawDaily(tenantId, dim, lo, hi)}) r`);
        }
        await refreshActivityMonths(tx, tenantId, from, to);
        await tx.execute(sql`
          update stats_rollups set updated_at = now(),
            rolled_through = greatest(coalesce(rolled_through, ${to}::date), ${to}::date)
          where tenant_id = ${tenantId}`);
      });
    },

    async snapshotRecent(tenantId, now) {
      return db.transaction(async (tx) => {
        // The same lock as the roll-up: a snapshot and a roll-up never interleave.
        const row = rowsOf<{ rolled_through: string | null }>(
          await tx.execute(
            sql`select rolled_through::text from stats_rollups where tenant_id = ${tenantId} for update`,
          ),
        )[0];
        const rolled = row?.rolled_through ?? null;
        const today = now.toISOString().slice(0, 10);
        if (!rolled || rolled >= today) return null;
        const from = addDays(rolled, 1);
        // Behind on roll-ups (an instance was down): the roll-up job catches up first.
        if (daysBetween(from, today).length > SHARED_RAW_DAYS) return null;
        await tx.execute(sql`delete from daily_stats where tenant_id = ${tenantId} and day >= ${from}::date`);
        for (const dim of ['total', 'person', 'item', 'network'] as const) {
          await tx.execute(sql`
            insert into daily_stats (tenant_id, dim, day, key, shares, clicks, unique_clicks, reactions, comments)
            select ${tenantId}, ${dim}, day, key, shares, clicks, unique_clicks, reactions, comments
            from (${rawDaily(tenantId, dim, startOf(from), now)}) r`);
        }
        await tx.execute(
          sql`update stats_rollups set snapshot_at = ${now}, updated_at = now() where tenant_id = ${tenantId}`,
        );
        return { from, at: now };
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
