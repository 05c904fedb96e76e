import { z } from 'zod';
import {
  ZCompleteShareRequest,
  ZImpactQuery,
  ZItemParams,
  ZPrepareShareRequest,
  ZShareFeedbackRequest,
  ZShareParams,
} from '../../contracts';
import { completeShare } from '../../services/complete-share';
import type { SharingDeps } from '../../services/deps';
import { followTrackedLink } from '../../services/follow-tracked-link';
import { getImpact } from '../../services/get-impact';
import { getItemStats } from '../../services/get-item-stats';
import { listMyShares } from '../../services/list-my-shares';
import { prepareShare } from '../../services/prepare-share';
import { recordShareFeedback } from '../../services/record-share-feedback';
import type { RouteRegistrar } from '../route';
import type { HttpDeps } from '../server';
import {
  presentImpact,
  presentItemStats,
  presentMyShares,
  presentShareCompleted,
  presentShareFeedback,
  presentSharePreparation,
  UNKNOWN_LINK_PAGE,
} from '../sharing-presenters';

// Any text: a malformed code gets the same 404 page as an unknown one, never a JSON 400.
const ZCodeParams = z.object({ code: z.string() });

/** Sharing, tracked-link redirects, impact and item stats. */
export function registerSharingRoutes(r: RouteRegistrar, deps: HttpDeps) {
  const sharingDeps: SharingDeps = { ...deps, publicUrl: deps.config.publicUrl };

  r.add({
    method: 'POST',
    url: '/api/library/:id/share',
    access: ['employee'],
    params: ZItemParams,
    body: ZPrepareShareRequest,
    async handler({ principal, params, body }) {
      const prepared = await prepareShare(sharingDeps, {
        tenantId: principal!.tenantId,
        personId: principal!.personId,
        itemId: params.id,
        network: body.network,
      });
      return presentSharePreparation(prepared);
    },
  });

  r.add({
    method: 'POST',
    url: '/api/shares/:shareId/complete',
    access: ['employee'],
    params: ZShareParams,
    body: ZCompleteShareRequest,
    async handler({ principal, params, body }) {
      const completed = await completeShare(sharingDeps, {
        tenantId: principal!.tenantId,
        personId: principal!.personId,
        shareId: params.shareId,
        ...body,
      });
      return presentShareCompleted(completed);
    },
  });

  r.add({
    method: 'PATCH',
    url: '/api/shares/:shareId',
    access: ['employee'],
    params: ZShareParams,
    body: ZShareFeedbackRequest,
    async handler({ principal, params, body }) {
      const share = await recordShareFeedback(sharingDeps, {
        tenantId: principal!.tenantId,
        personId: principal!.personId,
        shareId: params.shareId,
        ...body,
      });
      return presentShareFeedback(share);
    },
  });

  r.add({
    method: 'GET',
    url: '/api/me/impact',
    access: ['employee'],
    query: ZImpactQuery,
    async handler({ principal, query }) {
      // Always the caller's own numbers: the person comes from the session, never from the request.
      const impact = await getImpact(deps, {
        tenantId: principal!.tenantId,
        personId: principal!.personId,
        days: query.days,
      });
      return presentImpact(impact);
    },
  });

  r.add({
    method: 'GET',
    url: '/api/me/shares',
    access: ['employee'],
    async handler({ principal }) {
      // Only the caller's own posts: the person comes from the session, never from the request.
      const list = await listMyShares(deps, { tenantId: principal!.tenantId, personId: principal!.personId });
      return presentMyShares(list);
    },
  });

  r.add({
    method: 'GET',
    url: '/api/content/:id/stats',
    access: ['comms', 'approver'],
    params: ZItemParams,
    async handler({ principal, params }) {
      return presentItemStats(await getItemStats(deps, { tenantId: principal!.tenantId, itemId: params.id }));
    },
  });

  r.add({
    method: 'GET',
    url: '/r/:code',
    access: 'public',
    params: ZCodeParams,
    async handler({ params, request, reply }) {
      const followed = await followTrackedLink(deps, {
        tenantId: deps.tenantId,
        code: params.code,
        ip: request.ip,
        userAgent: request.headers['user-agent'],
        method: request.method,
      });
      // Never cached: every visit must reach us to be counted.
      reply.header('cache-control', 'no-store');
      if (!followed) {
        return reply.code(404).type('text/html; charset=utf-8').send(UNKNOWN_LINK_PAGE);
      }
      return reply.code(302).header('location', followed.location).send();
    },
  });

  // A tracked link never has more path than its code: the same 404 page, not the tab.
  r.add({
    method: 'GET',
    url: '/r/*',
    access: 'public',
    async handler({ reply }) {
      return reply
        .code(404)
        .header('cache-control', 'no-store')
        .type('text/html; charset=utf-8')
        .send(UNKNOWN_LINK_PAGE);
    },
  });
}
