import { randomBytes } from 'node:crypto';
import { SignJWT, jwtVerify, decodeProtectedHeader } from 'jose';
import { AppError } from '../../domain/errors';

export const DEV_SESSION_ISSUER = 'chorus-dev-signin';
const SESSION_HOURS = 8;

/** Reads or creates a named secret shared by every instance (stored in the database). */
export type SecretSource = (tenantId: string, name: string, generate: () => string) => Promise<string>;

/**
 * Signed session tokens for the demo's "Sign in as…" picker. Stateless (HS256), with the key kept in
 * Postgres, so any instance can check a token another instance issued.
 */
export function createDevSessions(secrets: SecretSource, tenantId: string) {
  let key: Uint8Array | null = null;
  const getKey = async () => {
    if (!key) {
      const value = await secrets(tenantId, 'dev-session-key', () => randomBytes(32).toString('base64url'));
      key = new TextEncoder().encode(value);
    }
    return key;
  };
  return {
    /** True when the token looks like one of ours (so the SSO verifier is not asked). */
    isDevToken(token: string): boolean {
      try {
        return decodeProtectedHeader(token).alg === 'HS256';
      } catch {
        return false;
      }
    },
    /** Issues a session for a demo person. */
    async issue(personId: string, now = new Date()) {
      const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000);
      const token = await new SignJWT({ tid: tenantId })
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer(DEV_SESSION_ISSUER)
        .setSubject(personId)
        .setIssuedAt(Math.floor(now.getTime() / 1000))
        .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
        .sign(await getKey());
      return { token, expiresAt };
    },
    /** Checks a session and returns who it is for. */
    async verify(token: string): Promise<{ tenantId: string; personId: string }> {
      try {
        const { payload } = await jwtVerify(token, await getKey(), {
          issuer: DEV_SESSION_ISSUER,
          algorithms: ['HS256'],
        });
        if (typeof payload.sub !== 'string' || payload.tid !== tenantId) throw new Error('claims');
        return { tenantId, personId: payload.sub };
      } catch (err) {
        const expired = (err as { code?: string }).code === 'ERR_JWT_EXPIRED';
        throw new AppError('INVALID_TOKEN', expired ? 'sessionExpired' : 'sessionInvalid');
      }
    },
  };
}
export type DevSessions = ReturnType<typeof createDevSessions>;
