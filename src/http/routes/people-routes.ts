import { ZPeopleQuery } from '../../contracts';
import { listRunningCampaigns } from '../../services/list-running-campaigns';
import { searchPeople } from '../../services/search-people';
import { presentPersonSummary } from '../presenters';
import type { RouteRegistrar } from '../route';
import type { HttpDeps } from '../server';

/** The directory and the open campaigns, for the nominate and recommend dialogs. */
export function registerPeopleRoutes(r: RouteRegistrar, deps: HttpDeps) {
  r.add({
    method: 'GET',
    url: '/api/people',
    access: ['employee'],
    query: ZPeopleQuery,
    async handler({ principal, query }) {
      const people = await searchPeople(deps, {
        tenantId: principal!.tenantId,
        query: query.q,
        limit: query.limit,
      });
      return { people: people.filter((p) => p.accountEnabled).map(presentPersonSummary) };
    },
  });

  r.add({
    method: 'GET',
    url: '/api/campaigns/running',
    access: ['employee'],
    async handler({ principal }) {
      return { campaigns: await listRunningCampaigns(deps, { tenantId: principal!.tenantId }) };
    },
  });
}
