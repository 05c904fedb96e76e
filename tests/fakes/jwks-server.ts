import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';

export interface SignTokenOptions {
  /** 'untrusted' signs with a key the server does not publish, simulating a forged token. */
  signWith?: 'trusted' | 'untrusted';
  /** Header kid; defaults to the published key's kid, so an untrusted signature still looks plausible. */
  kid?: string;
}

export interface JwksServer {
  /** Where the key set is served, shaped like Entra ID's /discovery/v2.0/keys. */
  jwksUrl: string;
  /** The kid of the published signing key. */
  kid: string;
  /** Signs `claims` with RS256; iat and nbf default to now and exp to one hour from now. */
  signToken(claims: JWTPayload, options?: SignTokenOptions): Promise<string>;
  /** How many times the key set has been fetched, to check that verifiers cache it. */
  fetchCount(): number;
  close(): Promise<void>;
}

const JWKS_PATH = '/discovery/v2.0/keys';

/** Starts a local stand-in for Entra ID's key endpoint on 127.0.0.1 with a fresh RSA key pair. */
export async function startJwksServer(): Promise<JwksServer> {
  const trusted = await generateKeyPair('RS256');
  const untrusted = await generateKeyPair('RS256');
  const kid = `test-key-${Math.random().toString(36).slice(2, 10)}`;
  const jwks = { keys: [{ ...(await exportJWK(trusted.publicKey)), kid, use: 'sig', alg: 'RS256' }] };
  const body = JSON.stringify(jwks);
  let fetches = 0;

  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === JWKS_PATH) {
      fetches += 1;
      res.writeHead(200, { 'content-type': 'application/json' }).end(body);
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    jwksUrl: `http://127.0.0.1:${port}${JWKS_PATH}`,
    kid,
    async signToken(claims, options = {}) {
      const now = Math.floor(Date.now() / 1000);
      const key: CryptoKey = options.signWith === 'untrusted' ? untrusted.privateKey : trusted.privateKey;
      return new SignJWT({ iat: now, nbf: now, exp: now + 3600, ...claims })
        .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: options.kid ?? kid })
        .sign(key);
    },
    fetchCount: () => fetches,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // fetch keeps connections alive; without this close() would wait for them to time out.
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
