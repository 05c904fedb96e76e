import { ConfidentialClientApplication, type Configuration } from '@azure/msal-node';

/** Hands out a bearer token for Microsoft Graph. */
export interface TokenProvider {
  getToken(): Promise<string>;
}

export const DEFAULT_AUTHORITY_HOST = 'https://login.microsoftonline.com';
export const GRAPH_DEFAULT_SCOPE = 'https://graph.microsoft.com/.default';

export interface AppTokenProviderOptions {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /**
   * Where Entra ID answers. Defaults to the public cloud. An `http://` host is only meant for a local fake
   * (tests and benchmarks); see `buildMsalConfiguration` for what changes then.
   */
  authorityHost?: string;
  /** Defaults to Graph's `.default` scope, which is what app-only (client credential) tokens must use. */
  scopes?: string[];
}

/** Builds the msal configuration for app-only tokens, pointing msal at a local fake when the host is http. */
export function buildMsalConfiguration(options: AppTokenProviderOptions): Configuration {
  const host = (options.authorityHost ?? DEFAULT_AUTHORITY_HOST).replace(/\/+$/, '');
  const hostUrl = new URL(host);
  const auth = { clientId: options.clientId, clientSecret: options.clientSecret };
  if (hostUrl.protocol === 'https:') {
    // Production (and sovereign clouds): let msal discover endpoints as it normally does.
    return { auth: { ...auth, authority: `${host}/${options.tenantId}` } };
  }
  // msal refuses an authority that is not https, so a local http fake cannot be named as the authority.
  // Instead we name an https authority on the same host:port (msal only uses it as an identity and cache
  // key), mark that host as known so msal skips instance discovery, and hand msal the endpoint metadata
  // ourselves so it skips the OpenID discovery document. The only request msal then makes is the token
  // POST, to the endpoint below, which keeps the real scheme. msal-node sends it with plain fetch.
  const tenantBase = `${host}/${options.tenantId}`;
  const authorityMetadata = {
    token_endpoint: `${tenantBase}/oauth2/v2.0/token`,
    authorization_endpoint: `${tenantBase}/oauth2/v2.0/authorize`,
    end_session_endpoint: `${tenantBase}/oauth2/v2.0/logout`,
    issuer: `${tenantBase}/v2.0`,
    jwks_uri: `${tenantBase}/discovery/v2.0/keys`,
  };
  return {
    auth: {
      ...auth,
      authority: `https://${hostUrl.host}/${options.tenantId}`,
      knownAuthorities: [hostUrl.host],
      authorityMetadata: JSON.stringify(authorityMetadata),
    },
  };
}

/** Creates a provider of app-only Graph tokens via msal's client credential flow (msal caches until expiry). */
export function createAppTokenProvider(options: AppTokenProviderOptions): TokenProvider {
  const app = new ConfidentialClientApplication(buildMsalConfiguration(options));
  const scopes = options.scopes ?? [GRAPH_DEFAULT_SCOPE];
  return {
    async getToken() {
      const result = await app.acquireTokenByClientCredential({ scopes });
      if (!result?.accessToken)
        throw new Error('msal returned no access token for the client credential flow');
      return result.accessToken;
    },
  };
}
