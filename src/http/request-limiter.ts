/**
 * Per-client request limits for the public and sensitive routes (issue 7): sign-in, the conversion
 * endpoint and tracked links. A fixed one-minute window per key (route group + client address).
 *
 * Kept in each instance's memory on purpose: a limit is protection against floods, not state another
 * instance needs, and a shared counter in Postgres would put a write on the redirect's hot path. With
 * N instances behind a load balancer a client may get up to N times the limit; set the limits with that
 * in mind (docs/scaling.md).
 */
export interface RequestLimiter {
  /** Counts one request for `key`; null when allowed, else the seconds until the window resets. */
  take(key: string, now?: number): number | null;
}

const WINDOW_MS = 60_000;
/** Past this many keys, expired windows are swept; a flood of new addresses cannot grow memory forever. */
const MAX_KEYS = 100_000;

/** A limiter allowing `perMinute` requests per key and minute; 0 turns it off. */
export function createRequestLimiter(perMinute: number): RequestLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    take(key, now = Date.now()) {
      if (perMinute <= 0) return null;
      let window = windows.get(key);
      if (!window || now - window.start >= WINDOW_MS) {
        if (windows.size >= MAX_KEYS) sweep(windows, now);
        window = { start: now, count: 0 };
        windows.set(key, window);
      }
      window.count++;
      if (window.count <= perMinute) return null;
      return Math.max(1, Math.ceil((window.start + WINDOW_MS - now) / 1000));
    },
  };
}

function sweep(windows: Map<string, { start: number }>, now: number) {
  for (const [key, w] of windows) if (now - w.start >= WINDOW_MS) windows.delete(key);
  // Every window still open: start over rather than grow (an attacker with 100,000 addresses).
  if (windows.size >= MAX_KEYS) windows.clear();
}
