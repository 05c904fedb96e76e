import { createRequestLimiter } from '../request-limiter';
import { ZConversionRequest } from '../../contracts/conversions';
import {
  ZDashboardExportParams,
  ZDashboardQuery,
  ZNetworkSizeRequest,
  type Dashboard,
} from '../../contracts/dashboard';
import { AppError } from '../../domain/errors';
import { getConversionKeyStatus, rotateConversionKey } from '../../services/conversion-key';
import { exportDashboardTable } from '../../services/export-dashboard-table';
import { getDashboard, type DashboardResult } from '../../services/get-dashboard';
import { importConversions } from '../../services/import-conversions';
import { recordConversion } from '../../services/record-conversion';
import { updateNetworkSize } from '../../services/update-network-size';
import type { ConversionRecord } from '../../ports/conversions';
import type { RouteRegistrar } from '../route';
import type { HttpDeps } from '../server';

/** The dashboard exactly as the contract has it (the export's full content list stays behind). */
function presentDashboard(d: DashboardResult): Dashboard {
  return {
    period: d.period,
    kpis: d.kpis,
    daily: d.daily,
    networks: d.networks,
    topContent: d.topContent,
    topDepartments: d.topDepartments,
    hiddenDepartments: d.hiddenDepartments,
    topContributors: d.topContributors,
    funnel: d.funnel,
    rolledUpThrough: d.rolledUpThrough,
    recentAsOf: d.recentAsOf,
  };
}

/** A stored conversion for the career site: never the ambassador. */
function presentConversion(c: ConversionRecord) {
  return {
    externalId: c.externalId,
    kind: c.kind,
    attributed: c.itemId !== null,
    itemId: c.itemId,
    network: c.network,
    campaign: c.campaign,
    occurredAt: c.occurredAt.toISOString(),
  };
}

/** The dashboard routes of the program cockpit (issue 6): dashboard, export, conversions, network size. */
export function registerDashboardRoutes(r: RouteRegistrar, deps: HttpDeps) {
  r.add({
    method: 'GET',
    url: '/api/admin/dashboard',
    access: ['comms'],
    query: ZDashboardQuery,
    async handler({ principal, query }) {
      const dashboard = await getDashboard(deps, {
        tenantId: principal!.tenantId,
        days: query.days,
        end: query.end,
      });
      return presentDashboard(dashboard);
    },
  });

  r.add({
    method: 'GET',
    url: '/api/admin/dashboard/export/:table',
    access: ['comms'],
    params: ZDashboardExportParams,
    query: ZDashboardQuery,
    async handler({ principal, params, query, reply }) {
      const file = await exportDashboardTable(deps, {
        tenantId: principal!.tenantId,
        table: params.table,
        days: query.days,
        end: query.end,
      });
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.csv);
    },
  });

  /**
   * The career site reports a conversion. Public, authenticated by the tenant's conversions key
   * (`authorization: Bearer <key>`; only its SHA-256 is stored). The tenant is the one this process
   * serves (as for /r/<code>): a key made for any other tenant does not match its hash, so it gets 401
   * like a wrong key. The body is checked before the key (a 400 names each field; nothing is stored).
   * A code (or utm_content) that names no tracked link is stored unattributed (201): the site cannot
   * know which codes are ours, and the conversion still counts in the totals. Idempotent on externalId:
   * 201 the first time, 200 with the same stored conversion after.
   */
  r.add({
    method: 'POST',
    url: '/api/conversions',
    access: 'public',
    limiter: createRequestLimiter(deps.config.rateLimits.conversions),
    body: ZConversionRequest,
    async handler({ body, request, reply }) {
      const result = await recordConversion(deps, {
        tenantId: deps.tenantId,
        authorization: request.headers.authorization,
        conversion: body,
      });
      return reply.code(result.created ? 201 : 200).send(presentConversion(result.conversion));
    },
  });

  r.add({
    method: 'GET',
    url: '/api/admin/conversions/key',
    access: ['comms'],
    async handler({ principal }) {
      const status = await getConversionKeyStatus(deps, { tenantId: principal!.tenantId });
      return { exists: status.exists, createdAt: status.createdAt?.toISOString() ?? null };
    },
  });

  r.add({
    method: 'POST',
    url: '/api/admin/conversions/key/rotate',
    access: ['comms'],
    async handler({ principal, reply }) {
      const created = await rotateConversionKey(deps, { tenantId: principal!.tenantId });
      return reply.code(201).send({ key: created.key, createdAt: created.createdAt.toISOString() });
    },
  });

  r.add({
    method: 'POST',
    url: '/api/admin/conversions/import',
    access: ['comms'],
    async handler({ principal, request }) {
      if (typeof request.body !== 'string') {
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'csvNeedsText');
      }
      return importConversions(deps, { tenantId: principal!.tenantId, csv: request.body });
    },
  });

  r.add({
    method: 'PUT',
    url: '/api/me/network-size',
    access: ['employee'],
    body: ZNetworkSizeRequest,
    async handler({ principal, body }) {
      // Always the caller's own membership: the person comes from the session.
      return updateNetworkSize(deps, {
        tenantId: principal!.tenantId,
        personId: principal!.personId,
        networkSize: body.networkSize,
      });
    },
  });
}
