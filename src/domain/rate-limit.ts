// Pacing for proactive messages (design §5.2–5.3): a GCRA token bucket per tenant and transport, kept
// as plain serialisable state (one database row), and the per-conversation windows Teams enforces.
// Pure functions: time always comes in as `now` (ms since the epoch), and every result is a new state.

/** The configured pace of one bucket. */
export interface BucketConfig {
  /** Sustained requests per second allowed by configuration (the most `effectiveRate` can recover to). */
  ratePerSec: number;
  /** Requests that may go at once after an idle spell (the bucket's size), at least 1. */
  burst: number;
}

/** One tenant's bucket, as stored: JSON-safe numbers, arrays and nulls only. */
export interface BucketState extends BucketConfig {
  /** GCRA theoretical arrival time (ms epoch, may be fractional): the bucket is empty again at `tat`. */
  tat: number;
  /** The rate in use now: `ratePerSec`, lowered by 429s and grown back after calm spells. */
  effectiveRate: number;
  /** No slots are handed out before this time; null when not paused. */
  pausedUntil: number | null;
  /** Why the bucket is paused (an UPPER_SNAKE code, e.g. 'THROTTLED'), shown in Admin; null when not paused. */
  pauseReason: string | null;
  /** Pauses since the rate last fully recovered: the `k` in the pause length `base·2^k`. */
  pauses: number;
  /** Times of the 429s seen within the last throttle window, oldest first. */
  throttleTimes: number[];
  /** The last 429, rate increase or pause end; calm spells are measured from it. Null when never adjusted. */
  lastAdjustedAt: number | null;
}

/** How a bucket reacts to throttling. Defaults follow the design; tests may shorten them. */
export interface ThrottlePolicy {
  /** 429s are counted within this window. */
  windowMs: number;
  /** This many 429s within `windowMs` pause the bucket. */
  throttlesToPause: number;
  /** The first pause lasts at least this long; each further pause doubles it. */
  basePauseMs: number;
  /** No pause is longer than this (Retry-After aside). */
  maxPauseMs: number;
  /** A calm spell this long (no 429, no increase) lets the effective rate grow once. */
  recoveryAfterMs: number;
  /** The growth factor per calm spell. */
  recoveryFactor: number;
}

export const DEFAULT_THROTTLE_POLICY: ThrottlePolicy = {
  windowMs: 60_000,
  throttlesToPause: 5,
  basePauseMs: 60_000,
  maxPauseMs: 3_600_000,
  recoveryAfterMs: 30_000,
  recoveryFactor: 1.25,
};

/** The reason stored when repeated 429s pause a bucket. */
export const PAUSE_THROTTLED = 'THROTTLED';

/** Slow-down never goes below one request per second. */
const MIN_RATE = 1;

/** The interval T between requests at `rate` per second, in ms. */
const intervalMs = (rate: number) => 1000 / rate;
/** GCRA's tolerance τ = (burst − 1)·T: how far `tat` may run ahead of a conforming request. */
const toleranceMs = (state: Pick<BucketState, 'burst'>, rate: number) =>
  (Math.max(1, state.burst) - 1) * intervalMs(rate);

/** A new, full bucket at the configured rate. */
export function createBucket(config: BucketConfig, now: number): BucketState {
  return {
    ...config,
    tat: now,
    effectiveRate: config.ratePerSec,
    pausedUntil: null,
    pauseReason: null,
    pauses: 0,
    throttleTimes: [],
    lastAdjustedAt: null,
  };
}

/** A stored bucket under (possibly changed) configuration: the effective rate never exceeds the new rate. */
export function reconfigureBucket(state: BucketState, config: BucketConfig, now: number): BucketState {
  const resized = { ...state, burst: config.burst, ratePerSec: config.ratePerSec };
  return withRate(resized, Math.min(state.effectiveRate, config.ratePerSec), now);
}

/**
 * Changes the effective rate without letting the bucket release more than it would have: a bucket with a
 * future next slot keeps that slot; otherwise its level (requests still "in" the bucket) is kept.
 */
function withRate(state: BucketState, rate: number, now: number): BucketState {
  const oldTau = toleranceMs(state, state.effectiveRate);
  const newTau = toleranceMs(state, rate);
  let tat = state.tat;
  if (tat - oldTau >= now) tat = tat - oldTau + newTau;
  else if (tat > now) tat = now + ((tat - now) * state.effectiveRate) / rate;
  return { ...state, effectiveRate: rate, tat };
}

/**
 * Reserves up to `wanted` send times (integer ms, ascending), none later than `now + maxAheadMs`. It grants
 * exactly what a token bucket of `effectiveRate` and `burst` grants, as scheduled times: each
 * `slot = max(now, tat − τ)`, then `tat = max(tat, slot) + T`. A paused bucket grants nothing; a pause that
 * has ended is cleared.
 */
export function reserveSlots(
  state: BucketState,
  now: number,
  wanted: number,
  options: { maxAheadMs: number },
): { slots: number[]; state: BucketState } {
  if (state.pausedUntil !== null && state.pausedUntil > now) return { slots: [], state };
  let next: BucketState =
    state.pausedUntil === null ? state : { ...state, pausedUntil: null, pauseReason: null };
  const t = intervalMs(next.effectiveRate);
  const tau = toleranceMs(next, next.effectiveRate);
  const slots: number[] = [];
  let tat = next.tat;
  while (slots.length < wanted) {
    const slot = Math.max(now, tat - tau);
    // Rounded up so a stored millisecond timestamp is never earlier than the bucket allows.
    const at = Math.ceil(slot);
    if (at > now + options.maxAheadMs) break;
    slots.push(at);
    tat = Math.max(tat, slot) + t;
  }
  if (slots.length > 0) next = { ...next, tat };
  return { slots, state: next };
}

/**
 * Records a 429. The effective rate halves (never below 1/s), and `tat` moves so the next slot is no
 * earlier than `now + retryAfterMs`, paced without a burst. The `throttlesToPause`-th 429 within `windowMs`
 * pauses the bucket until `now + max(retryAfter, basePause·2^k)` (capped at `maxPauseMs`) with reason
 * 'THROTTLED', and starts a new count.
 */
export function onThrottled(
  state: BucketState,
  now: number,
  retryAfterMs: number | null,
  policy: ThrottlePolicy = DEFAULT_THROTTLE_POLICY,
): BucketState {
  const retryAfter = Math.max(0, retryAfterMs ?? 0);
  const slowed = withRate(
    state,
    Math.min(state.ratePerSec, Math.max(MIN_RATE, state.effectiveRate / 2)),
    now,
  );
  const tau = toleranceMs(slowed, slowed.effectiveRate);
  const throttleTimes = [...state.throttleTimes.filter((at) => at > now - policy.windowMs), now];
  const next: BucketState = {
    ...slowed,
    tat: Math.max(slowed.tat, now + retryAfter + tau),
    throttleTimes,
    lastAdjustedAt: now,
  };
  if (throttleTimes.length < policy.throttlesToPause) return next;

  const backoff = Math.min(policy.maxPauseMs, policy.basePauseMs * 2 ** Math.min(next.pauses, 30));
  const pausedUntil = Math.max(state.pausedUntil ?? 0, now + Math.max(retryAfter, backoff));
  return {
    ...next,
    pausedUntil,
    pauseReason: PAUSE_THROTTLED,
    pauses: next.pauses + 1,
    throttleTimes: [],
    // Sending resumes paced at the lowered rate, not with a full burst, and calm is counted from then.
    tat: Math.max(next.tat, pausedUntil + tau),
    lastAdjustedAt: pausedUntil,
  };
}

/**
 * Grows the effective rate by `recoveryFactor` (up to `ratePerSec`) when `recoveryAfterMs` have passed
 * since the last 429, increase or pause end; call it on every claim. Once fully recovered, the pause count `k`
 * resets. Returns `state` itself when nothing changes.
 */
export function onSuccessWindow(
  state: BucketState,
  now: number,
  policy: ThrottlePolicy = DEFAULT_THROTTLE_POLICY,
): BucketState {
  if (state.pausedUntil !== null && state.pausedUntil > now) return state;
  if (state.lastAdjustedAt !== null && now - state.lastAdjustedAt < policy.recoveryAfterMs) return state;
  if (state.effectiveRate >= state.ratePerSec) {
    return state.pauses === 0 ? state : { ...state, pauses: 0 };
  }
  const rate = Math.min(state.ratePerSec, state.effectiveRate * policy.recoveryFactor);
  const next = { ...withRate(state, rate, now), lastAdjustedAt: now };
  return rate >= state.ratePerSec ? { ...next, pauses: 0 } : next;
}

/** A sliding-window limit: at most `max` sends in any `windowMs` span. */
export interface WindowLimit {
  windowMs: number;
  max: number;
}

/** Teams' per-conversation limits for sends and creates (1:1, group chat or channel thread). */
export const TEAMS_CONVERSATION_LIMITS: readonly WindowLimit[] = [
  { windowMs: 1_000, max: 7 },
  { windowMs: 2_000, max: 8 },
  { windowMs: 30_000, max: 60 },
  { windowMs: 3_600_000, max: 1_800 },
];

/**
 * Whether one conversation may take a send at `t`, given its other sends (past attempts and reserved
 * future slots, in any order). A send is allowed when no half-open span `[x, x + windowMs)` that contains
 * it would then hold more than `max` sends, for every limit. When it is not allowed, `earliestAt` is the
 * first later time that is; otherwise it is `t`.
 */
export function checkConversationWindows(
  sentAt: readonly number[],
  t: number,
  limits: readonly WindowLimit[] = TEAMS_CONVERSATION_LIMITS,
): { allowed: boolean; earliestAt: number } {
  const longest = Math.max(0, ...limits.map((l) => l.windowMs));
  const times = sentAt.filter((x) => x > t - longest).sort((a, b) => a - b);
  // Any `max` sends spanning less than windowMs, first p and last q, rule out every time in
  // (q − windowMs, p + windowMs). Runs of consecutive sends cover every such set.
  const blocked: [number, number][] = [];
  for (const { windowMs, max } of limits) {
    if (max < 1) return { allowed: false, earliestAt: Number.POSITIVE_INFINITY };
    for (let i = 0; i + max - 1 < times.length; i++) {
      const p = times[i]!;
      const q = times[i + max - 1]!;
      if (q - p < windowMs) blocked.push([q - windowMs, p + windowMs]);
    }
  }
  blocked.sort((a, b) => a[0] - b[0]);
  // Sorted by start, one pass finds the first time outside every open interval.
  let at = t;
  for (const [start, end] of blocked) if (start < at && at < end) at = end;
  return { allowed: at === t, earliestAt: at };
}
