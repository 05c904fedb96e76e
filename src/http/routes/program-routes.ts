import { ZDocumentKindParams, ZJoinRequest, ZUpdateDocumentRequest } from '../../contracts';
import { getMe } from '../../services/get-me';
import { getProgram } from '../../services/get-program';
import { getProgramStats } from '../../services/get-program-stats';
import { joinProgram } from '../../services/join-program';
import { leaveProgram } from '../../services/leave-program';
import { updateProgramDocument } from '../../services/update-program-document';
import { presentDocument, presentMe, presentMembership, presentStats } from '../presenters';
import type { RouteRegistrar } from '../route';
import type { HttpDeps } from '../server';

/** The signed-in person, the program, and joining or leaving it. */
export function registerProgramRoutes(r: RouteRegistrar, deps: HttpDeps) {
  r.add({
    method: 'GET',
    url: '/api/me',
    access: ['employee'],
    async handler({ principal, reply }) {
      const me = await getMe(deps, {
        tenantId: principal!.tenantId,
        personId: principal!.personId,
        groups: principal!.groups,
      });
      reply.header('cache-control', 'no-store');
      return presentMe(me, principal!.tenantId, principal!.method);
    },
  });

  r.add({
    method: 'GET',
    url: '/api/program',
    access: ['employee'],
    async handler({ principal }) {
      const program = await getProgram(deps, { tenantId: principal!.tenantId });
      return {
        purpose: presentDocument(program.purpose),
        guidelines: presentDocument(program.guidelines),
        ambassadorCount: program.ambassadorCount,
      };
    },
  });

  r.add({
    method: 'PUT',
    url: '/api/program/:kind',
    access: ['comms'],
    params: ZDocumentKindParams,
    body: ZUpdateDocumentRequest,
    async handler({ principal, params, body }) {
      const doc = await updateProgramDocument(deps, {
        tenantId: principal!.tenantId,
        actorId: principal!.personId,
        kind: params.kind,
        ...body,
      });
      return presentDocument(doc);
    },
  });

  r.add({
    method: 'POST',
    url: '/api/membership',
    access: ['employee'],
    body: ZJoinRequest,
    async handler({ principal, body, reply }) {
      const membership = await joinProgram(deps, {
        tenantId: principal!.tenantId,
        personId: principal!.personId,
        ...body,
        source: 'tab',
      });
      reply.code(201).header('cache-control', 'no-store');
      return presentMembership(membership);
    },
  });

  r.add({
    method: 'DELETE',
    url: '/api/membership',
    access: ['employee'],
    async handler({ principal }) {
      await leaveProgram(deps, { tenantId: principal!.tenantId, personId: principal!.personId });
      return undefined;
    },
  });

  r.add({
    method: 'GET',
    url: '/api/admin/stats',
    access: ['comms'],
    async handler({ principal }) {
      return presentStats(await getProgramStats(deps, { tenantId: principal!.tenantId }));
    },
  });
}
