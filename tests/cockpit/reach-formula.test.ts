import { describe, expect, it } from 'vitest';
import { calculateReach, WEEKS_PER_MONTH, ZReachInputs } from '../../src/contracts/digest';

describe('the reach formula', () => {
  it('multiplies it out as the page says (numbers worked by hand)', () => {
    // 1,000 employees × 10 % = 100 ambassadors; 400 connections × 5 % = 20 impressions per post;
    // 100 × 2 posts × 20 = 4,000 a week; × 52 / 12 = 17,333.33 a month.
    const result = calculateReach({
      employees: 1000,
      participationPercent: 10,
      averageConnections: 400,
      organicReachPercent: 5,
      postsPerWeek: 2,
    });
    expect(result.ambassadors).toBeCloseTo(100, 10);
    expect(result.impressionsPerPost).toBeCloseTo(20, 10);
    expect(result.weeklyReach).toBeCloseTo(4000, 8);
    expect(result.monthlyReach).toBeCloseTo(17333.3333, 3);
    expect(WEEKS_PER_MONTH).toBeCloseTo(4.3333, 4);
  });

  it('is zero when anything is zero, and handles fractions', () => {
    expect(
      calculateReach({
        employees: 250,
        participationPercent: 0,
        averageConnections: 500,
        organicReachPercent: 5,
        postsPerWeek: 1,
      }).weeklyReach,
    ).toBe(0);
    // 250 × 3.2 % = 8 ambassadors; 650 × 7.5 % = 48.75; 8 × 0.5 × 48.75 = 195.
    const small = calculateReach({
      employees: 250,
      participationPercent: 3.2,
      averageConnections: 650,
      organicReachPercent: 7.5,
      postsPerWeek: 0.5,
    });
    expect(small.ambassadors).toBeCloseTo(8, 10);
    expect(small.weeklyReach).toBeCloseTo(195, 8);
    expect(small.monthlyReach).toBeCloseTo(845, 8);
  });

  it('refuses negatives and percentages above 100, naming each field', () => {
    const result = ZReachInputs.safeParse({
      employees: -1,
      participationPercent: 120,
      averageConnections: 500,
      organicReachPercent: -5,
      postsPerWeek: 'two',
    });
    expect(result.success).toBe(false);
    const fields = result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`).sort();
    expect(fields).toEqual([
      'employees: cannot be below zero',
      'organicReachPercent: a percentage from 0 to 100',
      'participationPercent: a percentage from 0 to 100',
      'postsPerWeek: enter a number',
    ]);
  });
});
