import { and, eq } from 'drizzle-orm';
import type { ProgramCanvas } from '../contracts/canvas';
import type { CanvasStore, StoredCanvas } from '../ports/canvas';
import type { Db } from './database';
import { programCanvas } from './schema';

type Row = typeof programCanvas.$inferSelect;

function toStored(row: Row): StoredCanvas {
  return {
    // Saved only after ZProgramCanvas parsed it; the service fills in sections added since.
    canvas: row.canvas as unknown as ProgramCanvas,
    version: row.version,
    updatedBy: row.updatedBy,
    updatedAt: row.updatedAt,
  };
}

/** The program canvas in Postgres (program_canvas: one row per tenant, optimistic versioning). */
export function createCanvasStore(db: Db): CanvasStore {
  return {
    async get(tenantId) {
      const rows = await db.select().from(programCanvas).where(eq(programCanvas.tenantId, tenantId));
      return rows[0] ? toStored(rows[0]) : null;
    },

    async save(tenantId, canvas, change) {
      const values = {
        canvas: canvas as unknown as Record<string, unknown>,
        version: change.baseVersion + 1,
        updatedBy: change.updatedBy,
        updatedAt: change.at,
      };
      // One statement each way, so two saves from the same version cannot both win.
      const rows =
        change.baseVersion === 0
          ? await db
              .insert(programCanvas)
              .values({ tenantId, ...values })
              .onConflictDoNothing({ target: programCanvas.tenantId })
              .returning()
          : await db
              .update(programCanvas)
              .set(values)
              .where(and(eq(programCanvas.tenantId, tenantId), eq(programCanvas.version, change.baseVersion)))
              .returning();
      return rows[0] ? toStored(rows[0]) : null;
    },
  };
}
