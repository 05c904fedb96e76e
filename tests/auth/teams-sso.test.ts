import { SignJWT, UnsecuredJWT, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../src/domain/errors';
import { createTeamsTokenVerifier, type TeamsTokenVerifier } from '../../src/http/auth/teams-sso';
import { startJwksServer, type JwksServer } from '../fakes/jwks-server';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const OTHER_TENANT = '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9';
const CLIENT_ID = '5e2d438a-44d3-437f-aea6-ff41f042b80c';
const APP_ID_URI = `api://chorus.example.com/${CLIENT_ID}`;
const USER_OID = 'a1b2c3d4-0000-4000-8000-000000000001';

let jwksServer: JwksServer;

beforeAll(async () => {
  jwksServer = await startJwksServer();
});

afterAll(async () => {
  await jwksServer.close();
});

// A fresh verifier per test so one test's cached keys never hide another's key-fetch behaviour.
function verifier(overrides: { jwksUrl?: string; tenantId?: string } = {}): TeamsTokenVerifier {
  return createTeamsTokenVerifier({
    clientId: CLIENT_ID,
    appIdUri: APP_ID_URI,
    tenantId: overrides.tenantId ?? TENANT,
    jwksUrl: overrides.jwksUrl ?? jwksServer.jwksUrl,
  });
}

function v2Claims(overrides: JWTPayload = {}): JWTPayload {
  return {
    ver: '2.0',
    iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
    aud: CLIENT_ID,
    tid: TENANT,
    oid: USER_OID,
    sub: 'pairwise-subject',
    azp: '1fec8e78-bce4-4aaf-ab1b-5451cc387264',
    scp: 'access_as_user',
    preferred_username: 'ada@contoso.com',
    name: 'Ada Lovelace',
    groups: ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222'],
    ...overrides,
  };
}

function v1Claims(overrides: JWTPayload = {}): JWTPayload {
  return {
    ver: '1.0',
    iss: `https://sts.windows.net/${TENANT}/`,
    aud: APP_ID_URI,
    tid: TENANT,
    oid: USER_OID,
    sub: 'pairwise-subject',
    appid: '1fec8e78-bce4-4aaf-ab1b-5451cc387264',
    scp: 'User.Read access_as_user',
    upn: 'grace@contoso.com',
    unique_name: 'grace@contoso.com',
    name: 'Grace Hopper',
    ...overrides,
  };
}

/** Runs `verify` expecting a rejection and returns what it threw. */
async function rejectionOf(token: string, v: TeamsTokenVerifier = verifier()): Promise<unknown> {
  try {
    await v.verify(token);
  } catch (err) {
    return err;
  }
  throw new Error('expected the token to be rejected, but it was accepted');
}

async function expectInvalid(token: string, message: string, v?: TeamsTokenVerifier): Promise<void> {
  const err = await rejectionOf(token, v);
  expect(isAppError(err)).toBe(true);
  expect(err).toMatchObject({ code: 'INVALID_TOKEN', message });
}

describe('createTeamsTokenVerifier', () => {
  it('accepts a good v2.0 token and returns the identity', async () => {
    const token = await jwksServer.signToken(v2Claims());
    await expect(verifier().verify(token)).resolves.toEqual({
      tenantId: TENANT,
      objectId: USER_OID,
      userPrincipalName: 'ada@contoso.com',
      name: 'Ada Lovelace',
      groups: ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222'],
    });
  });

  it('accepts a good v1.0 token addressed to the Application ID URI', async () => {
    const token = await jwksServer.signToken(v1Claims());
    await expect(verifier().verify(token)).resolves.toEqual({
      tenantId: TENANT,
      objectId: USER_OID,
      userPrincipalName: 'grace@contoso.com',
      name: 'Grace Hopper',
      groups: [],
    });
  });

  it('accepts a configured tenant id spelled in upper case', async () => {
    const token = await jwksServer.signToken(v2Claims());
    await expect(verifier({ tenantId: TENANT.toUpperCase() }).verify(token)).resolves.toMatchObject({
      tenantId: TENANT,
    });
  });

  it('returns null for absent name and user principal name', async () => {
    const token = await jwksServer.signToken(v2Claims({ preferred_username: undefined, name: undefined }));
    await expect(verifier().verify(token)).resolves.toMatchObject({ userPrincipalName: null, name: null });
  });

  it('fetches the key set once and reuses it', async () => {
    const v = verifier();
    const before = jwksServer.fetchCount();
    for (let i = 0; i < 3; i += 1) await v.verify(await jwksServer.signToken(v2Claims()));
    expect(jwksServer.fetchCount() - before).toBe(1);
  });

  it('rejects a token for another audience', async () => {
    const token = await jwksServer.signToken(
      v2Claims({ aud: 'api://someone-else/00000000-0000-0000-0000-000000000000' }),
    );
    await expectInvalid(token, 'token audience is not this app');
  });

  it('rejects an expired token', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await jwksServer.signToken(v2Claims({ iat: now - 7200, nbf: now - 7200, exp: now - 600 }));
    await expectInvalid(token, 'token has expired');
  });

  it('rejects a token without an expiry', async () => {
    const token = await jwksServer.signToken(v2Claims({ exp: undefined }));
    await expectInvalid(token, 'token has no valid expiry');
  });

  it('rejects a token that is not valid yet', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await jwksServer.signToken(v2Claims({ nbf: now + 600, exp: now + 4200 }));
    await expectInvalid(token, 'token is not valid yet');
  });

  it('rejects a token from another tenant, even with that tenant’s genuine issuer', async () => {
    const v2 = await jwksServer.signToken(
      v2Claims({ tid: OTHER_TENANT, iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` }),
    );
    await expectInvalid(v2, "token tenant is not this app's tenant");
    const v1 = await jwksServer.signToken(
      v1Claims({ tid: OTHER_TENANT, iss: `https://sts.windows.net/${OTHER_TENANT}/` }),
    );
    await expectInvalid(v1, "token tenant is not this app's tenant");
  });

  it('rejects a token without a tenant id', async () => {
    const token = await jwksServer.signToken(v2Claims({ tid: undefined }));
    await expectInvalid(token, 'token has no tenant id');
  });

  it('rejects a token whose payload was modified after signing', async () => {
    const token = await jwksServer.signToken(v2Claims());
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as JWTPayload;
    const forged = Buffer.from(
      JSON.stringify({ ...claims, oid: 'ffffffff-ffff-4fff-8fff-ffffffffffff' }),
    ).toString('base64url');
    await expectInvalid(`${header}.${forged}.${signature}`, 'token signature is invalid');
  });

  it('rejects a token signed by another key that claims the trusted kid', async () => {
    const token = await jwksServer.signToken(v2Claims(), { signWith: 'untrusted' });
    await expectInvalid(token, 'token signature is invalid');
  });

  it('rejects a token signed by a key the key set does not contain', async () => {
    const token = await jwksServer.signToken(v2Claims(), { signWith: 'untrusted', kid: 'unknown-kid' });
    await expectInvalid(token, 'token is signed by an unknown key');
  });

  it('rejects tokens that are unsigned or use a symmetric algorithm', async () => {
    const unsigned = new UnsecuredJWT(v2Claims()).setExpirationTime('1h').encode();
    await expectInvalid(unsigned, 'token signing algorithm is not allowed');
    const hmac = await new SignJWT(v2Claims())
      .setProtectedHeader({ alg: 'HS256', kid: jwksServer.kid })
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('a-shared-secret-that-nobody-should-trust'));
    await expectInvalid(hmac, 'token signing algorithm is not allowed');
  });

  it('rejects a token without the access_as_user scope', async () => {
    await expectInvalid(
      await jwksServer.signToken(v2Claims({ scp: 'User.Read' })),
      'token does not grant the access_as_user scope',
    );
    // A scope that merely contains the name is not the scope.
    await expectInvalid(
      await jwksServer.signToken(v2Claims({ scp: 'access_as_user_admin' })),
      'token does not grant the access_as_user scope',
    );
    // App-only tokens carry roles, never scp.
    await expectInvalid(
      await jwksServer.signToken(v2Claims({ scp: undefined, roles: ['access_as_user'] })),
      'token does not grant the access_as_user scope',
    );
  });

  it('rejects a token whose issuer does not match its tenant', async () => {
    const otherIssuer = await jwksServer.signToken(
      v2Claims({ iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` }),
    );
    await expectInvalid(otherIssuer, 'token issuer does not match its tenant');
    const foreignHost = await jwksServer.signToken(v2Claims({ iss: `https://evil.example/${TENANT}/v2.0` }));
    await expectInvalid(foreignHost, 'token issuer does not match its tenant');
    const v1OtherIssuer = await jwksServer.signToken(
      v1Claims({ iss: `https://sts.windows.net/${OTHER_TENANT}/` }),
    );
    await expectInvalid(v1OtherIssuer, 'token issuer does not match its tenant');
  });

  it('rejects a token whose issuer format contradicts its version', async () => {
    const token = await jwksServer.signToken(v2Claims({ iss: `https://sts.windows.net/${TENANT}/` }));
    await expectInvalid(token, 'token issuer does not match its version');
  });

  it('rejects a token without a user object id', async () => {
    const token = await jwksServer.signToken(v2Claims({ oid: undefined }));
    await expectInvalid(token, 'token has no user object id');
  });

  it('rejects malformed and empty tokens', async () => {
    await expectInvalid('not-a-jwt', 'token is malformed');
    await expectInvalid('', 'token is missing');
  });

  it('rejects when the key set cannot be loaded, without exposing the fetch error', async () => {
    const token = await jwksServer.signToken(v2Claims());
    const broken = verifier({ jwksUrl: jwksServer.jwksUrl.replace('/keys', '/missing') });
    const err = await rejectionOf(token, broken);
    expect(err).toMatchObject({
      code: 'INVALID_TOKEN',
      message: 'token signing keys could not be loaded',
      details: { check: 'keys' },
    });
  });
});
