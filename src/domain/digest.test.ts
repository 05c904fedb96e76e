import { describe, expect, it } from 'vitest';
import { composeDigest, digestDueAt, DIGEST_MAX_ITEMS, isoWeekOf, nextDigestAt } from './digest';

const item = (id: string, topic: string, publishedAt: string) => ({
  id,
  title: `Title ${id}`,
  topic,
  publishedAt: new Date(publishedAt),
});

describe('the digest schedule (Monday 08:00 Copenhagen time)', () => {
  it('names ISO weeks, including the ones that straddle a new year', () => {
    expect(isoWeekOf(new Date('2026-12-05T12:00:00Z'))).toBe('2026-W49');
    // 1 January 2027 is a Friday: it still belongs to 2026's last week (53 weeks that year).
    expect(isoWeekOf(new Date('2027-01-01T12:00:00Z'))).toBe('2026-W53');
    // 29 December 2025 is a Monday in the week that holds 1 January 2026, a Thursday.
    expect(isoWeekOf(new Date('2025-12-29T12:00:00Z'))).toBe('2026-W01');
    // Sunday 23:30 UTC is already Monday 00:30 in Copenhagen (winter time): the next week.
    expect(isoWeekOf(new Date('2026-12-06T23:30:00Z'))).toBe('2026-W50');
  });

  it('is due at 07:00 UTC in winter and 06:00 UTC in summer', () => {
    expect(digestDueAt(new Date('2026-12-05T12:00:00Z')).toISOString()).toBe('2026-11-30T07:00:00.000Z');
    expect(digestDueAt(new Date('2026-06-10T12:00:00Z')).toISOString()).toBe('2026-06-08T06:00:00.000Z');
    // The Monday itself, before and after eight.
    expect(digestDueAt(new Date('2026-12-07T05:00:00Z')).toISOString()).toBe('2026-12-07T07:00:00.000Z');
  });

  it('schedules the next Monday morning, this one if it is still ahead', () => {
    expect(nextDigestAt(new Date('2026-12-05T12:00:00Z')).toISOString()).toBe('2026-12-07T07:00:00.000Z');
    expect(nextDigestAt(new Date('2026-12-07T06:59:00Z')).toISOString()).toBe('2026-12-07T07:00:00.000Z');
    expect(nextDigestAt(new Date('2026-12-07T07:00:01Z')).toISOString()).toBe('2026-12-14T07:00:00.000Z');
    // Across the switch to summer time (29 March 2026): Monday 30 March 08:00 is 06:00 UTC.
    expect(nextDigestAt(new Date('2026-03-24T12:00:00Z')).toISOString()).toBe('2026-03-30T06:00:00.000Z');
    // The week a scheduled time belongs to is the digest's week.
    expect(isoWeekOf(nextDigestAt(new Date('2026-12-05T12:00:00Z')))).toBe('2026-W50');
  });
});

describe('composeDigest', () => {
  const items = [
    item('a', 'events', '2026-12-01T10:00:00Z'),
    item('b', 'jobs', '2026-12-02T10:00:00Z'),
    item('c', 'events', '2026-12-03T10:00:00Z'),
  ];

  it('keeps only items in the person’s topics, newest first', () => {
    const digest = composeDigest({ topics: ['events'], items, numbers: undefined });
    expect(digest.items.map((i) => i.id)).toEqual(['c', 'a']);
    expect(digest.numbers).toEqual({ shares: 0, clicks: 0, uniqueClicks: 0 });
    expect(digest.send).toBe(true);
  });

  it('sends with activity alone, and skips when there is neither news nor activity', () => {
    const numbers = { shares: 0, clicks: 2, uniqueClicks: 1 };
    expect(composeDigest({ topics: ['sustainability'], items, numbers })).toMatchObject({
      items: [],
      numbers,
      send: true,
    });
    expect(composeDigest({ topics: ['sustainability'], items, numbers: undefined }).send).toBe(false);
  });

  it('gives someone with no topics chosen everything new, at most five items', () => {
    const many = Array.from({ length: DIGEST_MAX_ITEMS + 2 }, (_, i) =>
      item(`i${i}`, i % 2 ? 'jobs' : 'events', `2026-12-0${i + 1}T10:00:00Z`),
    );
    const digest = composeDigest({ topics: [], items: many, numbers: undefined });
    expect(digest.items).toHaveLength(DIGEST_MAX_ITEMS);
    expect(digest.items[0]!.id).toBe(`i${DIGEST_MAX_ITEMS + 1}`);
  });
});
