import { FUNNEL_STAGES, type FunnelStage } from '../contracts/recruitment';

// The recruitment funnel (docs/design/recruitment.md §8): counts per stage over the people a campaign
// targeted, overall and by group. Reports on fewer than five people are never shown (PRODUCT.md).

/** Groups smaller than this (in targeted people) are folded into "Other". */
export const MIN_GROUP_SIZE = 5;
/** The key of the folded group. */
export const OTHER_GROUP = 'Other';

export type StageCounts = Record<FunnelStage, number>;

/** All stages at zero. */
export function emptyCounts(): StageCounts {
  return Object.fromEntries(FUNNEL_STAGES.map((s) => [s, 0])) as StageCounts;
}

function add(into: StageCounts, from: StageCounts) {
  for (const s of FUNNEL_STAGES) into[s] += from[s];
}

/** One group's counts as the query returns them; a null key is a person with no value recorded. */
export interface FunnelGroupCounts {
  key: string | null;
  counts: StageCounts;
}

/**
 * Folds groups with fewer than `min` targeted people (and people with no value) into "Other". When
 * "Other" is still smaller than `min`, it is dropped too, and `hidden` says how many groups that hid.
 * Big groups come first, largest first; "Other" comes last.
 */
export function foldSmallGroups(
  groups: readonly FunnelGroupCounts[],
  min = MIN_GROUP_SIZE,
): { groups: { key: string; counts: StageCounts }[]; hidden: number } {
  const shown: { key: string; counts: StageCounts }[] = [];
  const other = emptyCounts();
  let folded = 0;
  for (const g of groups) {
    if (g.counts.targeted === 0) continue;
    if (g.key === null || g.key === OTHER_GROUP || g.counts.targeted < min) {
      add(other, g.counts);
      folded++;
    } else {
      shown.push({ key: g.key, counts: { ...g.counts } });
    }
  }
  shown.sort((a, b) => b.counts.targeted - a.counts.targeted || a.key.localeCompare(b.key));
  if (folded === 0) return { groups: shown, hidden: 0 };
  if (other.targeted < min) return { groups: shown, hidden: folded };
  return { groups: [...shown, { key: OTHER_GROUP, counts: other }], hidden: 0 };
}

/** True when the overall counts may be shown: at least `min` people were targeted. */
export function overallVisible(overall: StageCounts, min = MIN_GROUP_SIZE): boolean {
  return overall.targeted >= min;
}
