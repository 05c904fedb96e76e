import { describe, expect, it } from 'vitest';
import {
  DEFAULT_THROTTLE_POLICY,
  PAUSE_THROTTLED,
  TEAMS_CONVERSATION_LIMITS,
  checkConversationWindows,
  createBucket,
  onSuccessWindow,
  onThrottled,
  reconfigureBucket,
  reserveSlots,
  type BucketState,
} from './rate-limit';
import { mulberry32 } from './seeded-random';

/** mulberry32: a small seeded generator, so a failing property run can be replayed. */
const seeded = mulberry32;

/** The most slots in any closed span [s, s + windowMs] (a span starting at a slot is the worst case). */
function maxInWindow(slots: number[], windowMs: number) {
  const sorted = [...slots].sort((a, b) => a - b);
  let best = 0;
  let end = 0;
  for (let start = 0; start < sorted.length; start++) {
    while (end < sorted.length && sorted[end]! <= sorted[start]! + windowMs) end++;
    best = Math.max(best, end - start);
  }
  return best;
}

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
const AHEAD = { maxAheadMs: 1000 };

describe('GCRA bucket', () => {
  it('grants a full burst at once after idle, then one slot every 1/rate', () => {
    const { slots, state } = reserveSlots(createBucket({ ratePerSec: 10, burst: 3 }, T0), T0, 8, AHEAD);
    expect(slots.map((s) => s - T0)).toEqual([0, 0, 0, 100, 200, 300, 400, 500]);
    expect(state.tat).toBe(T0 + 800);
  });

  it('rounds fractional slots up to whole milliseconds, never earlier than the bucket allows', () => {
    const { slots } = reserveSlots(createBucket({ ratePerSec: 30, burst: 1 }, T0), T0, 4, AHEAD);
    expect(slots.map((s) => s - T0)).toEqual([0, 34, 67, 100]);
  });

  it('never reserves more than maxAheadMs ahead, nor more than wanted', () => {
    const bucket = createBucket({ ratePerSec: 4, burst: 1 }, T0);
    expect(reserveSlots(bucket, T0, 25, AHEAD).slots.map((s) => s - T0)).toEqual([0, 250, 500, 750, 1000]);
    expect(reserveSlots(bucket, T0, 2, AHEAD).slots).toHaveLength(2);
    expect(reserveSlots(bucket, T0, 0, AHEAD)).toEqual({ slots: [], state: bucket });
  });

  for (const { ratePerSec, burst, seed } of [
    { ratePerSec: 30, burst: 30, seed: 1 },
    { ratePerSec: 48, burst: 5, seed: 2 },
    { ratePerSec: 7, burst: 1, seed: 3 },
    { ratePerSec: 50, burst: 50, seed: 4 },
  ]) {
    it(`never exceeds rate + burst in any window (${ratePerSec}/s, burst ${burst})`, () => {
      const random = seeded(seed);
      let state = createBucket({ ratePerSec, burst }, T0);
      let now = T0;
      const slots: number[] = [];
      for (let i = 0; i < 3000; i++) {
        // Claims at uneven moments, sometimes after a long idle spell, asking for uneven amounts.
        now += random() < 0.05 ? Math.floor(random() * 5000) : Math.floor(random() * 400);
        const got = reserveSlots(state, now, Math.floor(random() * 26), AHEAD);
        const last = slots.at(-1) ?? 0;
        const misplaced = got.slots.filter((s) => s < Math.max(now, last) || s > now + AHEAD.maxAheadMs);
        expect(misplaced).toEqual([]);
        slots.push(...got.slots);
        state = got.state;
      }
      expect(slots.length).toBeGreaterThan(1000);
      for (const windowMs of [1000, 2000, 30_000]) {
        expect(maxInWindow(slots, windowMs)).toBeLessThanOrEqual(
          burst + Math.floor((windowMs * ratePerSec) / 1000),
        );
      }
    });
  }

  it('stays within the configured rate + burst through throttling and recovery', () => {
    const random = seeded(42);
    const ratePerSec = 30;
    const burst = 10;
    let state = createBucket({ ratePerSec, burst }, T0);
    let now = T0;
    const slots: number[] = [];
    let notBefore = 0;
    let early = 0;
    let pauses = 0;
    const rates = new Set<number>();
    for (let i = 0; i < 5000; i++) {
      now += Math.floor(random() * 300);
      const roll = random();
      if (roll < 0.02) {
        const retryAfterMs = random() < 0.5 ? null : Math.floor(random() * 3000);
        const before = state.pauses;
        state = onThrottled(state, now, retryAfterMs);
        if (state.pauses > before) pauses++;
        notBefore = Math.max(notBefore, now + (retryAfterMs ?? 0), state.pausedUntil ?? 0);
      } else {
        state = onSuccessWindow(state, now);
      }
      const got = reserveSlots(state, now, Math.floor(random() * 26), AHEAD);
      early += got.slots.filter((slot) => slot < notBefore).length;
      slots.push(...got.slots);
      state = got.state;
      rates.add(state.effectiveRate);
    }
    expect(early).toBe(0);
    expect(Math.min(...rates)).toBe(1);
    expect(Math.max(...rates)).toBe(ratePerSec);
    expect(pauses).toBeGreaterThan(0);
    for (const windowMs of [1000, 2000, 30_000]) {
      expect(maxInWindow(slots, windowMs)).toBeLessThanOrEqual(burst + (windowMs * ratePerSec) / 1000);
    }
  });

  it('is plain JSON: a stored and reloaded bucket behaves the same', () => {
    let state = onThrottled(createBucket({ ratePerSec: 20, burst: 4 }, T0), T0, 1500);
    state = reserveSlots(state, T0 + 10, 3, AHEAD).state;
    const reloaded = JSON.parse(JSON.stringify(state)) as BucketState;
    expect(reserveSlots(reloaded, T0 + 2000, 10, AHEAD)).toEqual(reserveSlots(state, T0 + 2000, 10, AHEAD));
  });

  it('lowers the effective rate when the configuration does, keeping the next slot', () => {
    const bucket = reserveSlots(createBucket({ ratePerSec: 50, burst: 1 }, T0), T0, 10, AHEAD).state;
    const next = reconfigureBucket(bucket, { ratePerSec: 10, burst: 1 }, T0);
    expect(next.effectiveRate).toBe(10);
    expect(reserveSlots(next, T0, 2, AHEAD).slots.map((s) => s - T0)).toEqual([200, 300]);
  });
});

describe('throttling (429)', () => {
  it('halves the effective rate, never below 1/s', () => {
    let state = createBucket({ ratePerSec: 6, burst: 1 }, T0);
    const rates: number[] = [];
    for (let i = 0; i < 4; i++) {
      state = onThrottled(state, T0 + i * 20_000, 0);
      rates.push(state.effectiveRate);
    }
    expect(rates).toEqual([3, 1.5, 1, 1]);
  });

  it('gives no slot before now + Retry-After, and then paces without a burst', () => {
    const bucket = createBucket({ ratePerSec: 10, burst: 5 }, T0);
    const state = onThrottled(bucket, T0, 2000);
    expect(state.tat).toBeGreaterThanOrEqual(T0 + 2000);
    expect(reserveSlots(state, T0 + 500, 5, AHEAD).slots).toEqual([]);
    // At 5/s: one slot at the Retry-After, then every 200 ms.
    expect(reserveSlots(state, T0 + 2000, 4, AHEAD).slots.map((s) => s - T0)).toEqual([
      2000, 2200, 2400, 2600,
    ]);
  });

  it('pauses the tenant on the fifth 429 within 60 s, with the reason, for 60 s·2^k', () => {
    let state = createBucket({ ratePerSec: 30, burst: 30 }, T0);
    for (let i = 0; i < 4; i++) state = onThrottled(state, T0 + i * 10_000, 1000);
    expect(state.pausedUntil).toBeNull();
    const at = T0 + 40_000;
    state = onThrottled(state, at, 1000);
    expect(state).toMatchObject({ pausedUntil: at + 60_000, pauseReason: PAUSE_THROTTLED, pauses: 1 });
    expect(state.throttleTimes).toEqual([]);

    expect(reserveSlots(state, at + 59_999, 5, AHEAD).slots).toEqual([]);
    expect(onSuccessWindow(state, at + 59_999)).toBe(state);
    const resumed = reserveSlots(state, at + 60_000, 5, AHEAD);
    // Resumes paced at the lowered rate (30 halved five times: 1/s), not with the burst of 30.
    expect(resumed.slots).toEqual([at + 60_000, at + 61_000]);
    expect(resumed.state).toMatchObject({ pausedUntil: null, pauseReason: null });

    // The next pause lasts twice as long, and a longer Retry-After wins over the backoff.
    let again = resumed.state;
    const t2 = at + 61_000;
    for (let i = 0; i < 5; i++) again = onThrottled(again, t2, 1000);
    expect(again.pausedUntil).toBe(t2 + 120_000);
    let third = again;
    for (let i = 0; i < 5; i++) third = onThrottled(third, t2 + 200_000, 900_000);
    expect(third.pausedUntil).toBe(t2 + 200_000 + 900_000);
  });

  it('does not pause when the 429s are spread over more than 60 s', () => {
    let state = createBucket({ ratePerSec: 30, burst: 30 }, T0);
    for (let i = 0; i < 10; i++) state = onThrottled(state, T0 + i * 15_001, 0);
    expect(state.pausedUntil).toBeNull();
    expect(state.throttleTimes.length).toBeLessThan(5);
  });

  it('caps the pause at maxPauseMs and accepts a shorter policy for tests', () => {
    const policy = { ...DEFAULT_THROTTLE_POLICY, basePauseMs: 100, maxPauseMs: 250 };
    let state = createBucket({ ratePerSec: 30, burst: 30 }, T0);
    const pauses: number[] = [];
    for (let k = 0; k < 4; k++) {
      const at = T0 + k * 1000;
      for (let i = 0; i < 5; i++) state = onThrottled(state, at, 0, policy);
      pauses.push(state.pausedUntil! - at);
    }
    expect(pauses).toEqual([100, 200, 250, 250]);
  });
});

describe('recovery after calm spells', () => {
  it('grows the effective rate by 25 % per 30 s without a 429, up to the configured rate', () => {
    let state = onThrottled(onThrottled(createBucket({ ratePerSec: 40, burst: 1 }, T0), T0, 0), T0, 0);
    expect(state.effectiveRate).toBe(10);
    expect(onSuccessWindow(state, T0 + 29_999)).toBe(state);
    const rates: number[] = [];
    for (let i = 1; i <= 8; i++) {
      state = onSuccessWindow(state, T0 + i * 30_000);
      rates.push(state.effectiveRate);
    }
    expect(rates).toEqual([12.5, 15.625, 19.53125, 24.4140625, 30.517578125, 38.14697265625, 40, 40]);
  });

  it('measures calm from the end of a pause, and forgets past pauses once fully recovered', () => {
    let state = createBucket({ ratePerSec: 2, burst: 1 }, T0);
    for (let i = 0; i < 5; i++) state = onThrottled(state, T0, 0);
    const resumeAt = state.pausedUntil!;
    expect(onSuccessWindow(state, resumeAt + 29_999).effectiveRate).toBe(1);
    state = onSuccessWindow(state, resumeAt + 30_000);
    expect(state.effectiveRate).toBe(1.25);
    expect(state.pauses).toBe(1);
    for (let i = 2; i <= 5; i++) state = onSuccessWindow(state, resumeAt + i * 30_000);
    expect(state).toMatchObject({ effectiveRate: 2, pauses: 0 });
  });
});

describe('per-conversation windows', () => {
  /** Every half-open window [x, x + windowMs) holds at most max sends (checked at each send). */
  const withinLimits = (times: number[]) =>
    TEAMS_CONVERSATION_LIMITS.every(({ windowMs, max }) =>
      times.every((x) => times.filter((y) => y >= x && y < x + windowMs).length <= max),
    );

  it('allows the 7th send in a second and refuses the 8th until the first leaves the window', () => {
    const six = [0, 10, 20, 30, 40, 50].map((ms) => T0 + ms);
    expect(checkConversationWindows(six, T0 + 60)).toEqual({ allowed: true, earliestAt: T0 + 60 });
    const seven = [...six, T0 + 60];
    expect(checkConversationWindows(seven, T0 + 70)).toEqual({ allowed: false, earliestAt: T0 + 1000 });
  });

  it('applies the 8-in-2-s window after the 1-s one frees', () => {
    const eight = [0, 1, 2, 3, 4, 5, 6, 1500].map((ms) => T0 + ms);
    expect(checkConversationWindows(eight, T0 + 1600)).toEqual({ allowed: false, earliestAt: T0 + 2000 });
  });

  it('counts reserved future sends too', () => {
    const future = [1, 2, 3, 4, 5, 6, 7].map((ms) => T0 + 500 + ms);
    expect(checkConversationWindows(future, T0).allowed).toBe(false);
    expect(checkConversationWindows(future, T0 - 494).allowed).toBe(true);
  });

  it('ignores sends older than the longest window', () => {
    const old = Array.from({ length: 1800 }, (_, i) => T0 - 3_600_000 - i);
    expect(checkConversationWindows(old, T0)).toEqual({ allowed: true, earliestAt: T0 });
  });

  it('schedules greedily within every limit, at the earliest allowed time', () => {
    const random = seeded(7);
    const times: number[] = [];
    let t = T0;
    for (let i = 0; i < 150; i++) {
      t += random() < 0.3 ? Math.floor(random() * 2000) : 0;
      const verdict = checkConversationWindows(times, t);
      expect(withinLimits([...times, verdict.earliestAt])).toBe(true);
      if (!verdict.allowed) {
        expect(verdict.earliestAt).toBeGreaterThan(t);
        expect(checkConversationWindows(times, verdict.earliestAt - 1).allowed).toBe(false);
      }
      times.push(verdict.earliestAt);
      t = verdict.earliestAt;
    }
    // 150 back-to-back sends need the 30-s window more than once.
    expect(times.at(-1)! - T0).toBeGreaterThan(60_000);
  });
});
