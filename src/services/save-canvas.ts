import type { ProgramCanvas } from '../contracts/canvas';
import { CANVAS_AUDIT_ACTIONS, changedSections } from '../domain/canvas';
import { AppError } from '../domain/errors';
import { msg } from '../domain/messages';
import type { CanvasStore } from '../ports/canvas';
import type { Clock } from '../ports/clock';
import type { UnitOfWork } from '../ports/unit-of-work';
import { getCanvas, type CanvasState } from './get-canvas';
import { recordAudit } from './record-audit';

/**
 * Saves the canvas comms edited from `baseVersion` (already checked by the contract). When someone
 * else saved in between, nothing changes and it fails with CONFLICT naming the current version. The
 * audit log records which sections changed, not their text, in the transaction that saves them.
 */
export async function saveCanvas(
  deps: { canvas: CanvasStore; unitOfWork: UnitOfWork; clock: Clock },
  input: { tenantId: string; actorId: string; canvas: ProgramCanvas; baseVersion: number },
): Promise<CanvasState> {
  const before = await getCanvas(deps, { tenantId: input.tenantId });
  const stale = new AppError('CONFLICT', msg('canvasStale'));
  if (before.version !== input.baseVersion) throw stale;
  const saved = await deps.unitOfWork.run(async (tx) => {
    const saved = await tx.canvas.save(input.tenantId, input.canvas, {
      baseVersion: input.baseVersion,
      updatedBy: input.actorId,
      at: deps.clock.now(),
    });
    // Null: another save won the race after the check above (the store's update is conditional).
    if (!saved) throw stale;
    await recordAudit(
      { audit: tx.audit, clock: deps.clock },
      {
        tenantId: input.tenantId,
        actorId: input.actorId,
        action: CANVAS_AUDIT_ACTIONS.canvasUpdated,
        subject: `version ${saved.version}`,
        data: { version: saved.version, changed: changedSections(before.canvas, input.canvas) },
      },
    );
    return saved;
  });
  return { canvas: saved.canvas, version: saved.version, updatedAt: saved.updatedAt };
}
