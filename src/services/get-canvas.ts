import type { ProgramCanvas } from '../contracts/canvas';
import { defaultCanvas } from '../domain/canvas';
import type { CanvasStore } from '../ports/canvas';

/** The canvas as Admin edits it; version 0 and `updatedAt` null while the defaults apply. */
export interface CanvasState {
  canvas: ProgramCanvas;
  version: number;
  updatedAt: Date | null;
}

/** The program canvas: what comms saved (sections added since filled with defaults), or the defaults. */
export async function getCanvas(
  deps: { canvas: CanvasStore },
  input: { tenantId: string },
): Promise<CanvasState> {
  const stored = await deps.canvas.get(input.tenantId);
  if (!stored) return { canvas: defaultCanvas(), version: 0, updatedAt: null };
  return {
    canvas: { ...defaultCanvas(), ...stored.canvas },
    version: stored.version,
    updatedAt: stored.updatedAt,
  };
}
