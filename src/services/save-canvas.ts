import type { ProgramCanvas } from '../contracts/canvas';
import { CANVAS_AUDIT_ACTIONS, changedSections } from '../domain/canvas';
import { AppError } from '../domain/errors';
import { msg } from '../domain/messages';
import type { AuditLog } from '../ports/audit-log';
import type { CanvasStore } from '../ports/canvas';
import type { Clock } from '../ports/clock';
import { getCanvas, type CanvasState } from './get-canvas';
import { recordAudit } from './record-audit';

/**
 * Saves the canvas comms edited from `baseVersion` (already checked by the contract). When someone
 * else saved in between, nothing changes and it fails with CONFLICT naming the current version. The
 * audit log records which sections changed, not their text.
 */
export async function saveCanvas(
  deps: { canvas: CanvasStore; audit: AuditLog; clock: Clock },
  input: { tenantId: string; actorId: string; canvas: ProgramCanvas; baseVersion: number },
): Promise<CanvasState> {
  const before = await getCanvas(deps, { tenantId: input.tenantId });
  const stale = new AppError('CONFLICT', msg('canvasStale'));
  if (before.version !== input.baseVersion) throw stale;
  const saved = await deps.canvas.save(input.tenantId, input.canvas, {
    baseVersion: input.baseVersion,
    updatedBy: input.actorId,
    at: deps.clock.now(),
  });
  // Null: another save won the race after the check above (the store's update is conditional).
  if (!saved) throw stale;
  await recordAudit(deps, {
    tenantId: input.tenantId,
    actorId: input.actorId,
    action: CANVAS_AUDIT_ACTIONS.canvasUpdated,
    subject: `version ${saved.version}`,
    data: { version: saved.version, changed: changedSections(before.canvas, input.canvas) },
  });
  return { canvas: saved.canvas, version: saved.version, updatedAt: saved.updatedAt };
}
