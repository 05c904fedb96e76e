import type { KpiKey } from '../contracts/dashboard';
import type { KpiTargets } from '../contracts/canvas';
import { MIN_GROUP_SIZE } from './funnel';

// The program dashboard's figures (issue 6): what each KPI counts, the periods it is counted over,
// and when a figure is hidden. Pure computation; the stats store gathers the inputs.
//
// Definitions (a "member" is a current ambassador: a row in memberships; people who left are no
// longer members, though their anonymised shares and clicks still count in the totals):
//
// - activeAmbassadors: members who, in the period, shared (a share recorded with status 'shared',
//   by shared_at), reported an own post (activity_events 'own_post_reported') or asked for sparring
//   (sparring_requests.created_at).
// - adoptionRate: members active (as above) in the 30 days ending on the period's last day, divided
//   by the members enrolled (joined_at) by the end of that day. For the previous period, the same
//   with the previous period's last day (members who left since are not counted: their rows are gone).
// - shareRate: members who shared in the period divided by the period's active members.
// - shares: shares recorded in the period (everyone's, people who left included).
// - clicks: human clicks on tracked links in the period (crawlers are never counted).
// - uniqueClicks: distinct daily visitor keys per tracked link per day, summed over links and days.
// - estimatedReach: the stated network sizes (memberships.network_size) of the members who shared
//   in the period, summed, times the canvas's organic reach rate (default 0.05).
// - reactions, comments: what ambassadors reported on the shares recorded in the period.
// - followers: the positive changes to stated network sizes made in the period, summed.
// - applications, conversions: conversions reported in the period (by occurred_at), by kind.
// - jobInteractions: clicks in the period on items whose topic is 'jobs'.
//
// The five-person rule (PRODUCT.md: "reports on groups smaller than five people are not shown"):
// - activeAmbassadors is null when fewer than five members were active: a count of 1–4 would let
//   comms guess who;
// - adoptionRate is null when fewer than five members were enrolled or fewer than five were active
//   in its window, and shareRate when fewer than five were active or fewer than five shared: a ratio
//   over a handful of people describes those people;
// - estimatedReach is null when fewer than five members who shared stated a network size: a sum over
//   fewer would give away someone's stated network size.
// Shares, clicks, reactions and the other counts are counts of events, not of people, and are shown.
// Departments with fewer than five members are left out of the department table; the funnel's stages
// under five are null; contributors are only named when they opted in to leaderboards.

/** Fewer people than this behind a figure and the figure is hidden. */
export const MIN_PEOPLE = MIN_GROUP_SIZE;
/** The share of a network that sees a post organically, when the canvas sets no rate. */
export const DEFAULT_ORGANIC_REACH_RATE = 0.05;
/** The window of the adoption rate, in days, ending on the period's last day. */
export const ADOPTION_WINDOW_DAYS = 30;
/** How many days the canvas's target periods stand for. */
export const TARGET_PERIOD_DAYS = { month: 30, quarter: 91 } as const;

const DAY_MS = 86_400_000;

/** The day `n` days after `day` (YYYY-MM-DD, UTC; `n` may be negative). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Every day from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** A dashboard period and the period of equal length before it (all days inclusive, UTC). */
export interface Period {
  from: string;
  to: string;
  previousFrom: string;
  previousTo: string;
  days: number;
}

/** The `days`-long period ending on `end`, and the one before it. */
export function periodEnding(end: string, days: number): Period {
  const from = addDays(end, -(days - 1));
  const previousTo = addDays(from, -1);
  return { from, to: end, previousFrom: addDays(previousTo, -(days - 1)), previousTo, days };
}

/** The value when at least five people are behind it, else null (hidden). */
export function hiddenUnlessFive<T>(value: T, people: number): T | null {
  return people >= MIN_PEOPLE ? value : null;
}

/** A ratio over people, hidden when numerator or denominator describes fewer than five people. */
export function peopleRatio(part: number, whole: number): number | null {
  if (whole < MIN_PEOPLE || part < MIN_PEOPLE) return null;
  return part / whole;
}

/** The result goals (what ambassadors do) and effect goals (what it leads to); others are neither. */
export function goalOf(key: KpiKey): 'result' | 'effect' | null {
  if (key === 'shares' || key === 'clicks' || key === 'reactions' || key === 'followers') return 'result';
  if (key === 'applications' || key === 'conversions' || key === 'jobInteractions') return 'effect';
  return null;
}

/** Whether a KPI is a share of people (0–1) or a count. */
export function unitOf(key: KpiKey): 'count' | 'ratio' {
  return key === 'adoptionRate' || key === 'shareRate' ? 'ratio' : 'count';
}

/** The canvas target for a KPI scaled to a period of `days` (rounded), or null when none is set. */
export function scaledTarget(targets: KpiTargets | null, key: KpiKey, days: number): number | null {
  if (!targets) return null;
  const goal = goalOf(key);
  const raw =
    goal === 'result'
      ? (targets.result as Record<string, number | null>)[key]
      : goal === 'effect'
        ? (targets.effect as Record<string, number | null>)[key]
        : null;
  if (raw === null || raw === undefined) return null;
  return Math.round((raw * days) / TARGET_PERIOD_DAYS[targets.period]);
}

/** Estimated organic reach: stated network sizes times the reach rate, rounded to whole people. */
export function estimatedReach(networkSizes: readonly number[], rate: number): number | null {
  const total = networkSizes.reduce((n, s) => n + s, 0);
  return hiddenUnlessFive(Math.round(total * rate), networkSizes.length);
}
