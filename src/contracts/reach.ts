import { z } from 'zod';
import { schemaMessage as m } from './schema-messages';

// The reach calculator (issue 6): what the program could reach, in plain arithmetic, shared by the
// server (the prefill and the actuals) and the tab (which recalculates as comms types).
//
//   ambassadors             = employees × participation rate
//   impressions per post    = average connections × organic reach rate
//   potential reach a week  = ambassadors × posts per week × impressions per post
//   potential reach a month = potential reach a week × 52 / 12
//
// It counts impressions, not distinct people: two ambassadors with the same follower count twice.

/** Weeks in an average month (52 weeks over 12 months). */
export const WEEKS_PER_MONTH = 52 / 12;
/** The average network size assumed when no ambassador has stated theirs. */
export const ASSUMED_NETWORK_SIZE = 500;
/** The organic reach rate assumed when the canvas names none (LinkedIn: about 5–10 %). */
export const ASSUMED_ORGANIC_REACH_RATE = 0.05;
/** The window the actual posting rate is measured over (four weeks). */
export const REACH_WINDOW_DAYS = 28;

const ZCount = z.number({ invalid_type_error: m('reachNumber') }).finite(m('reachNumber'));
const ZPercent = ZCount.min(0, m('reachPercentRange')).max(100, m('reachPercentRange'));

/** The calculator's five inputs; percentages are 0–100, as comms types them. */
export const ZReachInputs = z
  .object({
    employees: ZCount.min(0, m('reachNotNegative')),
    participationPercent: ZPercent,
    averageConnections: ZCount.min(0, m('reachNotNegative')),
    organicReachPercent: ZPercent,
    postsPerWeek: ZCount.min(0, m('reachNotNegative')),
  })
  .strict();
export type ReachInputs = z.infer<typeof ZReachInputs>;

export interface ReachResult {
  ambassadors: number;
  impressionsPerPost: number;
  weeklyReach: number;
  monthlyReach: number;
}

/** The reach formula above, unrounded (the reader rounds for display). */
export function calculateReach(inputs: ReachInputs): ReachResult {
  const ambassadors = inputs.employees * (inputs.participationPercent / 100);
  const impressionsPerPost = inputs.averageConnections * (inputs.organicReachPercent / 100);
  const weeklyReach = ambassadors * inputs.postsPerWeek * impressionsPerPost;
  return { ambassadors, impressionsPerPost, weeklyReach, monthlyReach: weeklyReach * WEEKS_PER_MONTH };
}

/**
 * GET /api/admin/reach: the calculator's inputs prefilled from the org's real numbers, and the actual
 * figures. Averages over fewer than `minGroupSize` people are never shown (null), and the prefill
 * then uses the assumption instead (`assumed` says which inputs are assumptions).
 */
export const ZReachPrefill = z.object({
  inputs: ZReachInputs,
  assumed: z.object({
    averageConnections: z.boolean(),
    organicReachRate: z.boolean(),
    postsPerWeek: z.boolean(),
  }),
  actuals: z.object({
    employees: z.number().int(),
    members: z.number().int(),
    /** How many ambassadors stated their network size. */
    statedNetworkSizes: z.number().int(),
    /** The average stated network size; null under the group minimum. */
    averageNetworkSize: z.number().nullable(),
    /** Shares a week over the last four weeks, all ambassadors together; null under the minimum. */
    sharesPerWeek: z.number().nullable(),
    /** Shares a week per ambassador; null under the minimum. */
    postsPerAmbassadorPerWeek: z.number().nullable(),
    /** The formula with the actual numbers; null when any of them is hidden. */
    weeklyReach: z.number().nullable(),
  }),
  windowDays: z.number().int(),
  minGroupSize: z.number().int(),
});
export type ReachPrefill = z.infer<typeof ZReachPrefill>;
