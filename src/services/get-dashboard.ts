import type { Dashboard, Kpi, KpiKey } from '../contracts/dashboard';
import { KPI_KEYS } from '../contracts/dashboard';
import { FUNNEL_STAGES } from '../contracts/recruitment';
import { AppError } from '../domain/errors';
import { emptyCounts } from '../domain/funnel';
import {
  ADOPTION_WINDOW_DAYS,
  addDays,
  daysBetween,
  estimatedReach,
  goalOf,
  hiddenUnlessFive,
  MIN_PEOPLE,
  peopleRatio,
  periodEnding,
  scaledTarget,
  unitOf,
} from '../domain/kpi';
import { msg } from '../domain/messages';
import type { CampaignStore } from '../ports/campaigns';
import type { Clock } from '../ports/clock';
import type { DashboardData, MemberActivity, StatsStore } from '../ports/stats';

/** What the dashboard use cases need. */
export interface DashboardDeps {
  stats: StatsStore;
  campaigns: Pick<CampaignStore, 'funnel'>;
  clock: Clock;
}

const TOP = 10;
/** Dashboards reach back at most this far (the longest period and the one before it, with room). */
const OLDEST_END_DAYS = 3650;

/** The dashboard with every figure (see src/domain/kpi.ts for what each one counts). */
export interface DashboardResult extends Dashboard {
  /** Every item with shares or clicks in the period (topContent is the first ten), for the export. */
  allContent: Dashboard['topContent'];
}

/** Resolves and checks the period's last day: today when absent, never in the future. */
function periodEnd(today: string, end: string | undefined): string {
  if (end === undefined) return today;
  const parsed = new Date(`${end}T00:00:00Z`);
  const valid = !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === end;
  if (!valid || end > today || end < addDays(today, -OLDEST_END_DAYS)) {
    throw new AppError('VALIDATION_FAILED', msg('dashboardEndInvalid'), {
      problems: [{ field: 'end', message: msg('dashboardEndInvalid') }],
    });
  }
  return end;
}

/** The people-based figures of one period, hidden under five people (the rule is in kpi.ts). */
function peopleFigures(
  members: MemberActivity[],
  data: DashboardData,
  which: 'current' | 'previous',
  lastDay: string,
) {
  const cur = which === 'current';
  const active = members.filter((m) => (cur ? m.activeCurrent : m.activePrevious)).length;
  const sharers = members.filter((m) => (cur ? m.sharedCurrent : m.sharedPrevious));
  const adoptionActive = members.filter((m) =>
    cur ? m.activeAdoptionCurrent : m.activeAdoptionPrevious,
  ).length;
  const endOfDay = new Date(`${addDays(lastDay, 1)}T00:00:00Z`).getTime();
  const enrolled = members.filter((m) => m.joinedAt.getTime() < endOfDay).length;
  const sizes = sharers.flatMap((m) => (m.networkSize === null ? [] : [m.networkSize]));
  return {
    activeAmbassadors: hiddenUnlessFive(active, active),
    adoptionRate: peopleRatio(adoptionActive, enrolled),
    shareRate: peopleRatio(sharers.length, active),
    estimatedReach: estimatedReach(sizes, data.organicReachRate),
  };
}

/**
 * The program dashboard for comms over the `days` ending on `end` (today by default), with the period
 * before it for comparison, the canvas's targets, top content, departments, named contributors (only
 * those who opted in), networks, a zero-filled daily series and the recruitment funnel. Nothing about
 * fewer than five people is shown.
 */
export async function getDashboard(
  deps: DashboardDeps,
  input: { tenantId: string; days: number; end?: string | undefined },
): Promise<DashboardResult> {
  // Today (UTC) is still under way: read once, so the period's end and the partial day agree.
  const today = deps.clock.now().toISOString().slice(0, 10);
  const to = periodEnd(today, input.end);
  const period = periodEnding(to, input.days);
  const data = await deps.stats.dashboardData(input.tenantId, {
    ...period,
    adoptionFrom: addDays(period.to, -(ADOPTION_WINDOW_DAYS - 1)),
    previousAdoptionFrom: addDays(period.previousTo, -(ADOPTION_WINDOW_DAYS - 1)),
    now: deps.clock.now(),
  });
  const funnels = await Promise.all(
    data.campaignIds.map((campaignId) => deps.campaigns.funnel(input.tenantId, campaignId)),
  );

  const sum = (from: string, to: string) => {
    const totals = { shares: 0, clicks: 0, uniqueClicks: 0, reactions: 0, comments: 0 };
    for (const d of data.daily) {
      if (d.day < from || d.day > to) continue;
      totals.shares += d.shares;
      totals.clicks += d.clicks;
      totals.uniqueClicks += d.uniqueClicks;
      totals.reactions += d.reactions;
      totals.comments += d.comments;
    }
    return totals;
  };
  const current = {
    ...sum(period.from, period.to),
    ...peopleFigures(data.members, data, 'current', period.to),
    followers: data.followers.current,
    applications: data.conversions.current.application,
    conversions: data.conversions.current.conversion,
    jobInteractions: data.jobInteractions.current,
  } satisfies Record<KpiKey, number | null>;
  const previous = {
    ...sum(period.previousFrom, period.previousTo),
    ...peopleFigures(data.members, data, 'previous', period.previousTo),
    followers: data.followers.previous,
    applications: data.conversions.previous.application,
    conversions: data.conversions.previous.conversion,
    jobInteractions: data.jobInteractions.previous,
  } satisfies Record<KpiKey, number | null>;
  const kpis: Kpi[] = KPI_KEYS.map((key) => ({
    key,
    unit: unitOf(key),
    value: current[key],
    previous: previous[key],
    target: scaledTarget(data.targets, key, period.days),
    goal: goalOf(key),
  }));

  const byDay = new Map(data.daily.map((d) => [d.day, d]));
  const daily = daysBetween(period.from, period.to).map((day) => {
    const d = byDay.get(day);
    const sharers = d?.sharers ?? 0;
    return {
      day,
      shares: d?.shares ?? 0,
      clicks: d?.clicks ?? 0,
      uniqueClicks: d?.uniqueClicks ?? 0,
      // A day's sharers are people: under five, the count is hidden (0, flagged).
      activeAmbassadors: sharers >= MIN_PEOPLE ? sharers : 0,
      ...(sharers > 0 && sharers < MIN_PEOPLE ? { activeAmbassadorsHidden: true } : {}),
      // The day under way: its figures so far, so the charts can say so rather than show a drop.
      ...(day === today ? { partial: true } : {}),
    };
  });

  const allContent = data.items
    .map((i) => ({ ...i, conversions: data.conversionsByItem[i.itemId] ?? 0 }))
    .sort((a, b) => b.clicks - a.clicks || b.shares - a.shares || a.title.localeCompare(b.title));

  const departments = new Map<string, { ambassadors: number; shares: number; clicks: number }>();
  for (const m of data.members) {
    if (!m.department) continue;
    const d = departments.get(m.department) ?? { ambassadors: 0, shares: 0, clicks: 0 };
    d.ambassadors++;
    d.shares += m.shares;
    d.clicks += m.clicks;
    departments.set(m.department, d);
  }
  const shownDepartments = [...departments]
    .filter(([, d]) => d.ambassadors >= MIN_PEOPLE)
    .map(([department, d]) => ({ department, ...d }))
    .sort((a, b) => b.clicks - a.clicks || b.shares - a.shares || a.department.localeCompare(b.department));

  const topContributors = data.members
    .filter((m) => m.showOnLeaderboard && (m.shares > 0 || m.clicks > 0))
    .sort((a, b) => b.clicks - a.clicks || b.shares - a.shares || a.displayName.localeCompare(b.displayName))
    .slice(0, TOP)
    .map((m) => ({ name: m.displayName, department: m.department, shares: m.shares, clicks: m.clicks }));

  const funnelTotals = emptyCounts();
  for (const f of funnels) for (const s of FUNNEL_STAGES) funnelTotals[s] += f.overall[s];

  return {
    period,
    kpis,
    daily,
    networks: [...data.networks].sort((a, b) => b.clicks - a.clicks || b.shares - a.shares),
    topContent: allContent.slice(0, TOP),
    allContent,
    topDepartments: shownDepartments,
    hiddenDepartments: departments.size - shownDepartments.length,
    topContributors,
    funnel: FUNNEL_STAGES.map((stage) => ({
      stage,
      count: hiddenUnlessFive(funnelTotals[stage], funnelTotals[stage]),
    })),
    rolledUpThrough: data.rolledThrough,
    recentAsOf: data.snapshotAt ? data.snapshotAt.toISOString() : null,
  };
}
