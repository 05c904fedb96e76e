import {
  ASSUMED_NETWORK_SIZE,
  ASSUMED_ORGANIC_REACH_RATE,
  REACH_WINDOW_DAYS,
  type ReachPrefill,
} from '../contracts/reach';
import { MIN_GROUP_SIZE } from '../domain/funnel';
import type { Clock } from '../ports/clock';
import type { DigestStore } from '../ports/digest';

const round = (value: number, decimals: number) => {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
};

/**
 * The reach calculator's prefill from the org's real numbers, and the actual figures:
 * employees are enabled people in the directory; participation is ambassadors ÷ employees; average
 * connections is the average network size ambassadors stated; the organic reach rate is the canvas's;
 * posts per week is shares in the last four weeks ÷ 4 ÷ ambassadors.
 *
 * The five-person rule: under five ambassadors the posting rate and anything built on it are hidden,
 * and the average network size is only shown when at least five ambassadors stated theirs (fewer
 * would let comms work one person's answer out). Hidden or missing numbers are replaced in the
 * prefill by the stated assumptions (500 connections, a 5 % organic rate, one post a week).
 */
export async function getReachPrefill(
  deps: { digest: DigestStore; clock: Clock },
  input: { tenantId: string },
): Promise<ReachPrefill> {
  const now = deps.clock.now();
  const since = new Date(now.getTime() - REACH_WINDOW_DAYS * 24 * 60 * 60_000);
  const n = await deps.digest.reachNumbers(input.tenantId, since);
  const weeks = REACH_WINDOW_DAYS / 7;

  const enoughMembers = n.members >= MIN_GROUP_SIZE;
  const averageNetworkSize =
    n.statedNetworkSizes >= MIN_GROUP_SIZE ? n.networkSizeSum / n.statedNetworkSizes : null;
  const sharesPerWeek = enoughMembers ? n.shares / weeks : null;
  const postsPerAmbassadorPerWeek = enoughMembers ? n.shares / weeks / n.members : null;
  const rate = n.organicReachRate ?? ASSUMED_ORGANIC_REACH_RATE;
  const connections = averageNetworkSize ?? ASSUMED_NETWORK_SIZE;
  // Ambassadors whose account was disabled since can outnumber the enabled directory for a while.
  const participation = n.employees > 0 ? Math.min(100, (n.members / n.employees) * 100) : 0;

  return {
    inputs: {
      employees: n.employees,
      participationPercent: round(participation, 2),
      averageConnections: Math.round(connections),
      organicReachPercent: round(rate * 100, 2),
      postsPerWeek: round(postsPerAmbassadorPerWeek ?? 1, 2),
    },
    assumed: {
      averageConnections: averageNetworkSize === null,
      organicReachRate: n.organicReachRate === null,
      postsPerWeek: postsPerAmbassadorPerWeek === null,
    },
    actuals: {
      employees: n.employees,
      members: n.members,
      statedNetworkSizes: n.statedNetworkSizes,
      averageNetworkSize: averageNetworkSize === null ? null : round(averageNetworkSize, 1),
      sharesPerWeek,
      postsPerAmbassadorPerWeek:
        postsPerAmbassadorPerWeek === null ? null : round(postsPerAmbassadorPerWeek, 2),
      // Actual shares reach the network of whoever shared: shares a week × connections × organic rate.
      weeklyReach: sharesPerWeek === null ? null : sharesPerWeek * connections * rate,
    },
    windowDays: REACH_WINDOW_DAYS,
    minGroupSize: MIN_GROUP_SIZE,
  };
}
