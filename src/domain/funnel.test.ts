import { describe, expect, it } from 'vitest';
import { emptyCounts, foldSmallGroups, OTHER_GROUP, overallVisible, type StageCounts } from './funnel';

const counts = (targeted: number, joined = 0): StageCounts => ({ ...emptyCounts(), targeted, joined });

describe('funnel folding', () => {
  it('keeps groups of five or more, largest first, and folds smaller ones into Other', () => {
    const folded = foldSmallGroups([
      { key: 'IT', counts: counts(5, 1) },
      { key: 'HR', counts: counts(3, 1) },
      { key: 'Finance', counts: counts(2) },
      { key: 'Engineering', counts: counts(9, 2) },
      { key: null, counts: counts(1) },
    ]);
    expect(folded.hidden).toBe(0);
    expect(folded.groups.map((g) => [g.key, g.counts.targeted, g.counts.joined])).toEqual([
      ['Engineering', 9, 2],
      ['IT', 5, 1],
      [OTHER_GROUP, 6, 1],
    ]);
  });

  it('drops Other when it is still under five, and says how many groups that hid', () => {
    const folded = foldSmallGroups([
      { key: 'IT', counts: counts(7) },
      { key: 'HR', counts: counts(2) },
      { key: 'Finance', counts: counts(2) },
    ]);
    expect(folded.groups.map((g) => g.key)).toEqual(['IT']);
    expect(folded.hidden).toBe(2);
  });

  it('merges a group literally called Other, and skips groups nobody was targeted in', () => {
    const folded = foldSmallGroups([
      { key: OTHER_GROUP, counts: counts(4) },
      { key: 'HR', counts: counts(1) },
      { key: 'Joined only', counts: counts(0, 3) },
    ]);
    expect(folded.groups).toEqual([{ key: OTHER_GROUP, counts: counts(5) }]);
  });

  it('hides the overall counts below five targeted people', () => {
    expect(overallVisible(counts(4))).toBe(false);
    expect(overallVisible(counts(5))).toBe(true);
  });
});
