import { describe, expect, it } from 'vitest';
import { addDays } from '../domain/kpi';
import type { ClickRetention } from '../ports/click-retention';
import { retainClicks, retentionCutOff, retentionDueAt } from './retain-clicks';

/** A retention store over days with raw clicks (day → rows), rolled up through `rolledThrough`. */
function fakeRetention(rows: Record<string, number>, rolledThrough: string) {
  let line: string | null = null;
  const calls = { retire: 0, delete: 0 };
  const store: ClickRetention = {
    rawClicksFrom: () => Promise.resolve(line),
    retireDays(_tenantId, cutOff, maxDays) {
      calls.retire++;
      const limit = addDays(rolledThrough, 1) < cutOff ? addDays(rolledThrough, 1) : cutOff;
      const from = line ?? Object.keys(rows).sort()[0] ?? limit;
      if (from >= limit) return Promise.resolve({ days: 0, rawClicksFrom: line });
      const to = addDays(from, maxDays) < limit ? addDays(from, maxDays) : limit;
      line = to;
      return Promise.resolve({ days: (Date.parse(to) - Date.parse(from)) / 86_400_000, rawClicksFrom: to });
    },
    deleteRetiredClicks(_tenantId, limit) {
      calls.delete++;
      let n = 0;
      for (const day of Object.keys(rows)) {
        while (line && day < line && rows[day]! > 0 && n < limit) {
          rows[day]!--;
          n++;
        }
      }
      return Promise.resolve(n);
    },
  };
  return { store, calls, rows };
}

describe('retainClicks', () => {
  const clock = { now: () => new Date('2026-03-10T00:30:00Z') };

  it('keeps the last CLICK_RETENTION_DAYS days raw, and moves past rolled-up days only', async () => {
    expect(retentionCutOff(clock.now(), 40)).toBe('2026-01-29');
    const fake = fakeRetention({ '2026-01-01': 5, '2026-01-20': 3, '2026-02-01': 2 }, '2026-01-10');
    const result = await retainClicks(
      { retention: fake.store, clock },
      { tenantId: 't', retentionDays: 40, batchSize: 2 },
    );
    // Rolled through 10 January: only 1 January's rows go; 20 January waits for the roll-up.
    expect(result).toEqual({ cutOff: '2026-01-29', days: 10, deleted: 5, rawClicksFrom: '2026-01-11' });
    expect(fake.rows).toEqual({ '2026-01-01': 0, '2026-01-20': 3, '2026-02-01': 2 });
    // Batches of two: 2, 2, 1 (fewer than a batch ends the run).
    expect(fake.calls.delete).toBe(3);
    const again = await retainClicks({ retention: fake.store, clock }, { tenantId: 't', retentionDays: 40 });
    expect(again).toEqual({ cutOff: '2026-01-29', days: 0, deleted: 0, rawClicksFrom: '2026-01-11' });
  });

  it('runs daily at 00:30 UTC, after the roll-up', () => {
    expect(retentionDueAt(new Date('2026-03-10T00:10:00Z')).toISOString()).toBe('2026-03-10T00:30:00.000Z');
    expect(retentionDueAt(new Date('2026-03-10T00:30:00Z')).toISOString()).toBe('2026-03-11T00:30:00.000Z');
    expect(retentionDueAt(new Date('2026-03-10T23:59:00Z')).toISOString()).toBe('2026-03-11T00:30:00.000Z');
  });
});
