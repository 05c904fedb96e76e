import { createRequestLimiter } from '../request-limiter';
import { ZDevSignInRequest, ZPeopleQuery } from '../../contracts';
import { AppError } from '../../domain/errors';
import { searchPeople } from '../../services/search-people';
import { presentPersonSummary } from '../presenters';
import type { RouteRegistrar } from '../route';
import type { HttpDeps } from '../server';

/**
 * Demo sign-in: a picker of demo people and a signed session. These routes exist only when dev
 * sign-in is on, which configuration refuses in production.
 */
export function registerDevSignInRoutes(r: RouteRegistrar, deps: HttpDeps, demoTenantId: string) {
  const sessions = deps.devSessions!;
  r.add({
    method: 'GET',
    url: '/api/dev/people',
    access: 'public',
    query: ZPeopleQuery,
    async handler({ query }) {
      const people = await searchPeople(deps, { tenantId: demoTenantId, query: query.q, limit: query.limit });
      return { people: people.map(presentPersonSummary) };
    },
  });

  r.add({
    method: 'POST',
    url: '/api/dev/sign-in',
    access: 'public',
    limiter: createRequestLimiter(deps.config.rateLimits.signIn),
    body: ZDevSignInRequest,
    async handler({ body }) {
      const person = await deps.store.people.get(demoTenantId, body.personId);
      if (!person || !person.accountEnabled) throw new AppError('NOT_FOUND', 'noDemoPerson');
      const session = await sessions.issue(person.id, deps.clock.now());
      return {
        token: session.token,
        expiresAt: session.expiresAt.toISOString(),
        person: presentPersonSummary(person),
      };
    },
  });
}
