import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  estimatedReach,
  goalOf,
  hiddenUnlessFive,
  peopleRatio,
  periodEnding,
  scaledTarget,
} from './kpi';

const targets = {
  period: 'quarter' as const,
  result: { shares: 910, clicks: null, reactions: 0, followers: 91 },
  effect: { applications: 13, conversions: null, jobInteractions: 182 },
};

describe('KPI arithmetic', () => {
  it('finds a period and the one before it, across month and year ends', () => {
    expect(periodEnding('2026-03-02', 7)).toEqual({
      from: '2026-02-24',
      to: '2026-03-02',
      previousFrom: '2026-02-17',
      previousTo: '2026-02-23',
      days: 7,
    });
    expect(periodEnding('2026-01-15', 30).previousFrom).toBe('2025-11-17');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(daysBetween('2025-12-30', '2026-01-02')).toEqual([
      '2025-12-30',
      '2025-12-31',
      '2026-01-01',
      '2026-01-02',
    ]);
  });

  it('hides figures about four people and shows them about five', () => {
    expect(hiddenUnlessFive(4, 4)).toBeNull();
    expect(hiddenUnlessFive(5, 5)).toBe(5);
    expect(peopleRatio(4, 10)).toBeNull();
    expect(peopleRatio(5, 4)).toBeNull();
    expect(peopleRatio(5, 10)).toBe(0.5);
    expect(estimatedReach([100, 200, 300, 400], 0.1)).toBeNull();
    expect(estimatedReach([100, 200, 300, 400, 500], 0.1)).toBe(150);
  });

  it('scales canvas targets to the period and knows result from effect goals', () => {
    expect(scaledTarget(targets, 'shares', 7)).toBe(70);
    expect(scaledTarget(targets, 'followers', 30)).toBe(30);
    expect(scaledTarget(targets, 'reactions', 90)).toBe(0);
    expect(scaledTarget(targets, 'clicks', 90)).toBeNull();
    expect(scaledTarget(targets, 'jobInteractions', 90)).toBe(180);
    expect(scaledTarget(targets, 'activeAmbassadors', 90)).toBeNull();
    expect(scaledTarget(null, 'shares', 7)).toBeNull();
    expect(goalOf('followers')).toBe('result');
    expect(goalOf('jobInteractions')).toBe('effect');
    expect(goalOf('uniqueClicks')).toBeNull();
  });
});
