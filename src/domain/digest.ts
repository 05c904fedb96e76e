// The weekly digest (issue 6): when it is due, which week it belongs to, and what goes in one person's
// digest. Pure: times are computed with Intl in the program's time zone, no clock or I/O here.

/** The program's time zone: the digest goes out Monday 08:00 there, summer time or not. */
export const DIGEST_TIME_ZONE = 'Europe/Copenhagen';
/** The hour (local time) on Monday the digest is due. */
export const DIGEST_HOUR = 8;
/** The digest looks back this many days. */
export const DIGEST_PERIOD_DAYS = 7;

const DAY_MS = 24 * 60 * 60_000;

/** The wall-clock date and time of `at` in `timeZone`. */
function localParts(at: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

/** The offset of `timeZone` from UTC at `at`, in ms (Copenhagen: +1 h in winter, +2 h in summer). */
function offsetMs(at: Date, timeZone: string): number {
  const p = localParts(at, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant a wall-clock time in `timeZone` happens (a time skipped by summer time moves forward). */
function zonedTime(year: number, month: number, day: number, hour: number, timeZone: string): Date {
  const guess = Date.UTC(year, month - 1, day, hour);
  const first = guess - offsetMs(new Date(guess), timeZone);
  // Near a change of offset the first guess uses the wrong side's offset; one correction settles it.
  return new Date(guess - offsetMs(new Date(first), timeZone));
}

/** The ISO week (Monday first; week 1 holds the year's first Thursday) of a calendar date. */
function isoWeekOfDate(year: number, month: number, day: number): { year: number; week: number } {
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekday = date.getUTCDay() || 7;
  // The Thursday of the same week decides the year.
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const isoYear = date.getUTCFullYear();
  const week = Math.ceil(((date.getTime() - Date.UTC(isoYear, 0, 1)) / DAY_MS + 1) / 7);
  return { year: isoYear, week };
}

/** The ISO week `at` falls in, in the program's time zone, as "2026-W49" (the digest's dedupe key). */
export function isoWeekOf(at: Date, timeZone = DIGEST_TIME_ZONE): string {
  const p = localParts(at, timeZone);
  const { year, week } = isoWeekOfDate(p.year, p.month, p.day);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** When the digest of the week containing `at` is due: that Monday at 08:00 Copenhagen time. */
export function digestDueAt(at: Date, timeZone = DIGEST_TIME_ZONE): Date {
  const p = localParts(at, timeZone);
  const weekday = new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay() || 7;
  const monday = new Date(Date.UTC(p.year, p.month - 1, p.day - (weekday - 1)));
  return zonedTime(
    monday.getUTCFullYear(),
    monday.getUTCMonth() + 1,
    monday.getUTCDate(),
    DIGEST_HOUR,
    timeZone,
  );
}

/** The next Monday 08:00 Copenhagen time at or after `now` (when the scheduler queues the job for). */
export function nextDigestAt(now: Date, timeZone = DIGEST_TIME_ZONE): Date {
  const thisWeek = digestDueAt(now, timeZone);
  if (thisWeek.getTime() >= now.getTime()) return thisWeek;
  // Eight days on always lands in next week, whatever summer time did to this one.
  return digestDueAt(new Date(thisWeek.getTime() + 8 * DAY_MS), timeZone);
}

/** A new approved library item, as the digest lists it. */
export interface DigestItemCandidate {
  id: string;
  title: string;
  topic: string;
  publishedAt: Date;
}

/** A person's own numbers over the digest's period. */
export interface DigestNumbers {
  shares: number;
  clicks: number;
  uniqueClicks: number;
}

/** The most items one digest lists (newest first); the library holds the rest. */
export const DIGEST_MAX_ITEMS = 5;

/**
 * What one ambassador's digest holds: the new items in their topics (newest first, at most five) and
 * their own numbers. It is sent when there is something new for them or they had any activity
 * (shares or clicks); with neither, it is skipped, as an empty digest every week teaches people to
 * ignore it. A person with no topics chosen gets new items of every topic (they never narrowed it).
 */
export function composeDigest(input: {
  topics: readonly string[];
  items: readonly DigestItemCandidate[];
  numbers: DigestNumbers | undefined;
}): { items: DigestItemCandidate[]; numbers: DigestNumbers; send: boolean } {
  const wanted = new Set(input.topics);
  const items = input.items
    .filter((item) => wanted.size === 0 || wanted.has(item.topic))
    .sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime() || a.id.localeCompare(b.id))
    .slice(0, DIGEST_MAX_ITEMS);
  const numbers = input.numbers ?? { shares: 0, clicks: 0, uniqueClicks: 0 };
  const active = numbers.shares > 0 || numbers.clicks > 0;
  return { items, numbers, send: items.length > 0 || active };
}
