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
} from '../sharing-presenters';
import { answerTrackedLink, retryOf } from '../tracked-link-endpoint';
import { createRequestLimiter } from '../request-limiter';

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

  // GET and HEAD of a tracked link are normally answered before Fastify (see tracked-link-endpoint);
  // these routes give the same answer to whatever still reaches Fastify (app.inject, say).
  const redirectLimiter = createRequestLimiter(deps.config.rateLimits.redirect);
  for (const url of ['/r/:code', '/r/*']) {
    r.add({
      method: 'GET',
      url,
      access: 'public',
      async handler({ request, reply }) {
        const answer = await answerTrackedLink(
          { ...deps, limiter: redirectLimiter },
          {
            path: request.url.slice(3).split('?')[0] ?? '',
            ip: request.ip,
            userAgent: request.headers['user-agent'],
            method: request.method,
            retry: retryOf(request.url.split('?')[1] ?? ''),
          },
        );
        return reply.code(answer.status).headers(answer.headers).send(answer.body);
      },
    });
  }
}
