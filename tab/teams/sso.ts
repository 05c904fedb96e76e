/**
 * Caches the Teams SSO token until shortly before it expires, so each API call does not need a
 * round trip to the Teams host. Concurrent callers share one pending request.
 */
export function createSsoTokenSource(getAuthToken: () => Promise<string>): () => Promise<string> {
  let cached: { token: string; expiresAt: number } | null = null;
  let pending: Promise<string> | null = null;
  return () => {
    if (cached && cached.expiresAt - 60_000 > Date.now()) return Promise.resolve(cached.token);
    pending ??= getAuthToken()
      .then((token) => {
        cached = { token, expiresAt: tokenExpiry(token) ?? Date.now() + 5 * 60_000 };
        return token;
      })
      .finally(() => {
        pending = null;
      });
    return pending;
  };
}

/** Reads `exp` from a JWT without verifying it (the server verifies; we only plan refreshes). */
export function tokenExpiry(token: string): number | null {
  try {
    const payload = token.split('.')[1];
    if (!payload) return null;
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp * 1000 : null;
  } catch {
    return null;
  }
}
