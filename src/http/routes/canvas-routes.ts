import {
  ZAuditQuery,
  ZSaveCanvasRequest,
  type AuditEntry,
  type AuditPage,
  type CanvasView,
} from '../../contracts';
import type { AuditLog, AuditLogEntry } from '../../ports/audit-log';
import type { CanvasStore } from '../../ports/canvas';
import { getCanvas, type CanvasState } from '../../services/get-canvas';
import { exportAuditLog, listAuditLog } from '../../services/list-audit-log';
import { saveCanvas } from '../../services/save-canvas';
import { writeCsv } from '../../domain/csv';
import type { RouteRegistrar } from '../route';
import type { HttpDeps } from '../server';

/** What the canvas routes need beyond the usual. */
export interface CanvasHttpDeps {
  canvas: CanvasStore;
  audit: AuditLog;
}

function presentCanvas(state: CanvasState): CanvasView {
  return {
    canvas: state.canvas,
    version: state.version,
    updatedAt: state.updatedAt?.toISOString() ?? null,
  };
}

function presentAuditEntry(entry: AuditLogEntry): AuditEntry {
  return {
    id: entry.id,
    at: entry.at.toISOString(),
    actorName: entry.actorName,
    action: entry.action,
    subject: entry.subject,
    data: entry.data,
  };
}

/** The canvas routes of the program cockpit (issue 6): the canvas and the audit log (comms). */
export function registerCanvasRoutes(r: RouteRegistrar, deps: HttpDeps & CanvasHttpDeps) {
  r.add({
    method: 'GET',
    url: '/api/admin/canvas',
    access: ['comms'],
    async handler({ principal }) {
      return presentCanvas(await getCanvas(deps, { tenantId: principal!.tenantId }));
    },
  });

  r.add({
    method: 'PUT',
    url: '/api/admin/canvas',
    access: ['comms'],
    body: ZSaveCanvasRequest,
    async handler({ principal, body }) {
      const saved = await saveCanvas(deps, {
        tenantId: principal!.tenantId,
        actorId: principal!.personId,
        canvas: body.canvas,
        baseVersion: body.baseVersion,
      });
      return presentCanvas(saved);
    },
  });

  r.add({
    method: 'GET',
    url: '/api/admin/audit',
    access: ['comms'],
    query: ZAuditQuery,
    async handler({ principal, query }): Promise<AuditPage> {
      const page = await listAuditLog(deps, {
        tenantId: principal!.tenantId,
        cursor: query.cursor ?? null,
        limit: query.limit,
      });
      return { entries: page.entries.map(presentAuditEntry), nextCursor: page.nextCursor };
    },
  });

  r.add({
    method: 'GET',
    url: '/api/admin/audit.csv',
    access: ['comms'],
    async handler({ principal, reply }) {
      const entries = await exportAuditLog(deps, { tenantId: principal!.tenantId });
      const csv = writeCsv(
        ['id', 'at', 'actor', 'action', 'subject', 'data'],
        entries.map((e) => [
          e.id,
          e.at.toISOString(),
          e.actorName,
          e.action,
          e.subject,
          JSON.stringify(e.data),
        ]),
      );
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="chorus-audit-log.csv"');
      return csv;
    },
  });
}
