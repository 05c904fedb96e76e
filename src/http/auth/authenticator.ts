import { AppError } from '../../domain/errors';
import type { DevSessions } from './dev-session';
import type { TeamsTokenVerifier } from './teams-sso';

/** Who is calling: resolved from a Teams SSO token or a demo session. */
export interface Principal {
  tenantId: string;
  personId: string;
  groups: string[];
  method: 'teams-sso' | 'dev';
}

export interface Authenticator {
  /** Resolves the Authorization header to a principal, or throws UNAUTHENTICATED / INVALID_TOKEN. */
  authenticate(authorization: string | undefined): Promise<Principal>;
}

/** Accepts Teams SSO tokens when SSO is configured, and demo sessions when dev sign-in is on. */
export function createAuthenticator(options: {
  sso: TeamsTokenVerifier | null;
  dev: DevSessions | null;
}): Authenticator {
  return {
    async authenticate(authorization) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
      if (!match) throw new AppError('UNAUTHENTICATED', 'noBearerToken');
      const token = match[1]!;
      if (options.dev && options.dev.isDevToken(token)) {
        const session = await options.dev.verify(token);
        return { ...session, groups: [], method: 'dev' };
      }
      if (!options.sso) throw new AppError('INVALID_TOKEN', 'notASession');
      const id = await options.sso.verify(token);
      return { tenantId: id.tenantId, personId: id.objectId, groups: id.groups, method: 'teams-sso' };
    },
  };
}
