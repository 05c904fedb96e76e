import { ZNominateRequest, ZTeamQuery } from '../../contracts';
import { listMyTeam } from '../../services/list-my-team';
import { nominateColleague } from '../../services/nominate-colleague';
import { recommendColleague } from '../../services/recommend-colleague';
import type { RouteRegistrar } from '../route';
import type { HttpDeps } from '../server';
import { presentNominationAccepted, presentTeam } from '../team-presenters';

/** My team and nominations. */
export function registerTeamRoutes(r: RouteRegistrar, deps: HttpDeps) {
  r.add({
    method: 'GET',
    url: '/api/team',
    access: ['manager'],
    query: ZTeamQuery,
    async handler({ principal, query }) {
      // Always the caller's own team: the manager comes from the session, never from the request.
      const members = await listMyTeam(deps, {
        tenantId: principal!.tenantId,
        managerId: principal!.personId,
        scope: query.scope,
      });
      return presentTeam(members);
    },
  });

  // Both answer 202 with the same empty body whatever the nomination led to (an invitation, or nothing
  // because the person was already invited or had declined): the outcome stays on the server.
  r.add({
    method: 'POST',
    url: '/api/nominations',
    access: ['manager'],
    body: ZNominateRequest,
    async handler({ principal, body, reply }) {
      await nominateColleague(deps, {
        tenantId: principal!.tenantId,
        nominatorId: principal!.personId,
        campaignId: body.campaignId,
        personId: body.personId,
        note: body.note,
      });
      reply.code(202);
      return presentNominationAccepted();
    },
  });

  r.add({
    method: 'POST',
    url: '/api/recommendations',
    access: ['employee'],
    body: ZNominateRequest,
    async handler({ principal, body, reply }) {
      await recommendColleague(deps, {
        tenantId: principal!.tenantId,
        nominatorId: principal!.personId,
        campaignId: body.campaignId,
        personId: body.personId,
        note: body.note,
      });
      reply.code(202);
      return presentNominationAccepted();
    },
  });
}
