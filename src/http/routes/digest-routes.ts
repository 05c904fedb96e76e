import { ZDigestPreviewQuery, type DigestPreview, type ReachPrefill } from '../../contracts/digest';
import type { DigestStore } from '../../ports/digest';
import { getReachPrefill } from '../../services/get-reach-prefill';
import { previewDigest } from '../../services/preview-digest';
import type { RouteRegistrar } from '../route';
import type { HttpDeps } from '../server';

/** The digest routes of the program cockpit (issue 6): the reach calculator's numbers and the digest preview. */
export function registerDigestRoutes(r: RouteRegistrar, deps: HttpDeps & { digest: DigestStore }) {
  r.add({
    method: 'GET',
    url: '/api/admin/reach',
    access: ['comms'],
    async handler({ principal }): Promise<ReachPrefill> {
      // The service returns exactly the wire shape (numbers only; no person is named).
      return getReachPrefill(deps, { tenantId: principal!.tenantId });
    },
  });

  r.add({
    method: 'GET',
    url: '/api/admin/digest/preview',
    access: ['comms'],
    query: ZDigestPreviewQuery,
    async handler({ principal, query }): Promise<DigestPreview> {
      return previewDigest(deps, { tenantId: principal!.tenantId, personId: query.personId });
    },
  });
}
