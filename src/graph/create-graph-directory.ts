import { GraphDirectory } from './graph-directory';
import { createAppTokenProvider } from './token-provider';

/** The Graph settings the directory needs (the `graph` branch of the app config). */
export interface GraphDirectorySettings {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  authorityHost: string;
  graphBaseUrl: string;
}

/** Builds the Graph directory with an app-only msal token provider from configuration. */
export function createGraphDirectoryFromConfig(settings: GraphDirectorySettings): GraphDirectory {
  const tokenProvider = createAppTokenProvider({
    tenantId: settings.tenantId,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    authorityHost: settings.authorityHost,
  });
  return new GraphDirectory({ tokenProvider, baseUrl: settings.graphBaseUrl });
}
