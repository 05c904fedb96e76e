import type { ProgramCanvas } from '../contracts/canvas';

/** The canvas as stored, with its version and who saved it last and when. */
export interface StoredCanvas {
  canvas: ProgramCanvas;
  version: number;
  updatedBy: string | null;
  updatedAt: Date;
}

/** The program canvas: one row per tenant, absent until comms saves it (the defaults apply). */
export interface CanvasStore {
  /** The tenant's canvas, or null when none was saved. The stored JSON is returned as it was saved. */
  get(tenantId: string): Promise<StoredCanvas | null>;
  /**
   * Saves the canvas when the stored version is still `baseVersion` (0: none is stored yet), as version
   * `baseVersion + 1`. Returns null, changing nothing, when someone else saved in between.
   */
  save(
    tenantId: string,
    canvas: ProgramCanvas,
    change: { baseVersion: number; updatedBy: string | null; at: Date },
  ): Promise<StoredCanvas | null>;
}
