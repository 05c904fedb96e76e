import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { AppError } from '../../domain/errors';
import { msg, type Message, type PlainMessageKey } from '../../domain/messages';

/** Microsoft's multi-tenant signing keys; the same set signs v1.0 and v2.0 access tokens. */
export const DEFAULT_JWKS_URL = 'https://login.microsoftonline.com/common/discovery/v2.0/keys';

/** The delegated scope the Teams app registration exposes for tab SSO. */
export const REQUIRED_SCOPE = 'access_as_user';

// Small on purpose: it only absorbs clock drift between Entra ID and this server.
const DEFAULT_CLOCK_TOLERANCE_SEC = 60;

export interface TeamsTokenVerifierOptions {
  /** The Entra app (client) id; v2.0 tokens carry it as `aud`. */
  clientId: string;
  /** The Application ID URI (e.g. api://host/{clientId}); v1.0 tokens may carry it as `aud`. */
  appIdUri?: string;
  /** The only tenant whose users may sign in. */
  tenantId: string;
  jwksUrl?: string;
  clockToleranceSec?: number;
}

/** Who the token says the caller is, after every check passed. */
export interface VerifiedIdentity {
  tenantId: string;
  objectId: string;
  userPrincipalName: string | null;
  name: string | null;
  /** Group object ids from the token; empty when absent or when Entra ID sent an overage claim instead. */
  groups: string[];
}

export interface TeamsTokenVerifier {
  /** Resolves to the caller's identity, or rejects with AppError INVALID_TOKEN naming the failed check. */
  verify(token: string): Promise<VerifiedIdentity>;
}

/** Which check a rejection came from, kept in AppError.details so logs and adapters need not parse text. */
type Check =
  | 'format'
  | 'algorithm'
  | 'keys'
  | 'signature'
  | 'expiry'
  | 'not-before'
  | 'audience'
  | 'tenant'
  | 'issuer'
  | 'scope'
  | 'subject'
  | 'claims';

function reject(check: Check, reason: Message | PlainMessageKey): AppError {
  return new AppError('INVALID_TOKEN', reason, { details: { check } });
}

/** Creates a verifier for Teams SSO access tokens (v1.0 and v2.0) issued to this app in one tenant. */
export function createTeamsTokenVerifier(options: TeamsTokenVerifierOptions): TeamsTokenVerifier {
  if (!options.clientId) throw new Error('createTeamsTokenVerifier: clientId is required');
  if (!options.tenantId) throw new Error('createTeamsTokenVerifier: tenantId is required');

  const audiences = [options.clientId, options.appIdUri].filter((a): a is string => Boolean(a));
  // Tenant ids are GUIDs; config may spell them in upper case while tokens use lower case.
  const expectedTenant = options.tenantId.toLowerCase();
  const clockTolerance = options.clockToleranceSec ?? DEFAULT_CLOCK_TOLERANCE_SEC;
  // One key set per verifier: jose caches the keys and refetches only for an unseen kid (rate-limited).
  const jwks = createRemoteJWKSet(new URL(options.jwksUrl ?? DEFAULT_JWKS_URL));

  return {
    async verify(token: string): Promise<VerifiedIdentity> {
      if (typeof token !== 'string' || token.length === 0) throw reject('format', 'tokenMissing');

      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, jwks, {
          // Pinning RS256 blocks algorithm-confusion tokens (HS256 keyed with the public key, or "none").
          algorithms: ['RS256'],
          audience: audiences,
          clockTolerance,
          // Without exp a stolen token would never stop working.
          requiredClaims: ['exp'],
        }));
      } catch (err) {
        throw rejectionFor(err);
      }

      const tid = payload['tid'];
      if (typeof tid !== 'string' || tid.length === 0) throw reject('tenant', 'tokenNoTenant');
      if (tid.toLowerCase() !== expectedTenant) throw reject('tenant', 'tokenOtherTenant');

      // The common JWKS signs tokens for every tenant, so the signature alone does not prove the issuer:
      // the issuer must be Entra ID's own URL for the tenant named in the token.
      const v1Issuer = `https://sts.windows.net/${tid}/`;
      const v2Issuer = `https://login.microsoftonline.com/${tid}/v2.0`;
      const iss = payload.iss;
      if (iss !== v1Issuer && iss !== v2Issuer) throw reject('issuer', 'tokenIssuerTenant');
      const ver = payload['ver'];
      if ((ver === '1.0' && iss !== v1Issuer) || (ver === '2.0' && iss !== v2Issuer)) {
        throw reject('issuer', 'tokenIssuerVersion');
      }

      const scp = payload['scp'];
      const scopes = typeof scp === 'string' ? scp.split(' ').filter(Boolean) : [];
      if (!scopes.includes(REQUIRED_SCOPE)) {
        throw reject('scope', msg('tokenScope', { scope: REQUIRED_SCOPE }));
      }

      const oid = payload['oid'];
      if (typeof oid !== 'string' || oid.length === 0) throw reject('subject', 'tokenNoSubject');

      return {
        tenantId: tid,
        objectId: oid,
        // v1.0 tokens carry upn; v2.0 tokens carry preferred_username instead.
        userPrincipalName: stringClaim(payload, 'upn') ?? stringClaim(payload, 'preferred_username'),
        name: stringClaim(payload, 'name'),
        groups: stringArrayClaim(payload, 'groups'),
      };
    },
  };
}

function stringClaim(payload: JWTPayload, claim: string): string | null {
  const value = payload[claim];
  return typeof value === 'string' && value.length > 0 ? value : null;
}

function stringArrayClaim(payload: JWTPayload, claim: string): string[] {
  const value = payload[claim];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

// jose's messages name internals ("JWSSignatureVerificationFailed", claim quoting); callers get a plain
// reason instead, and the original error is deliberately not attached so it cannot reach a response.
function rejectionFor(err: unknown): AppError {
  if (err instanceof errors.JWTExpired) return reject('expiry', 'tokenExpired');
  if (err instanceof errors.JWTClaimValidationFailed) {
    switch (err.claim) {
      case 'aud':
        return reject('audience', 'tokenAudience');
      case 'nbf':
        return reject('not-before', 'tokenNotYetValid');
      case 'exp':
        return reject('expiry', 'tokenNoExpiry');
      case 'iat':
        return reject('claims', 'tokenIssueTime');
      default:
        return reject('claims', 'tokenBadClaim');
    }
  }
  if (err instanceof errors.JWSSignatureVerificationFailed) return reject('signature', 'tokenSignature');
  if (err instanceof errors.JWKSNoMatchingKey) return reject('signature', 'tokenUnknownKey');
  if (err instanceof errors.JWKSMultipleMatchingKeys) {
    return reject('signature', 'tokenKeyAmbiguous');
  }
  if (err instanceof errors.JOSEAlgNotAllowed || err instanceof errors.JOSENotSupported) {
    return reject('algorithm', 'tokenAlgorithm');
  }
  if (err instanceof errors.JWSInvalid || err instanceof errors.JWTInvalid) {
    return reject('format', 'tokenMalformed');
  }
  // Anything else comes from fetching the key set (timeout, HTTP error, bad JSON, network failure).
  // It is still a rejection, but details.check = 'keys' lets an adapter answer 503 rather than 401.
  return reject('keys', 'tokenKeysUnavailable');
}
