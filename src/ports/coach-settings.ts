import type { CoachSettings } from '../domain/coach';

/** The coach's settings as stored, with who changed them last and when. */
export interface StoredCoachSettings extends CoachSettings {
  updatedBy: string | null;
  updatedAt: Date;
}

/** The program's coaching settings: one row per tenant, absent until comms saves them. */
export interface CoachSettingsStore {
  /** The tenant's settings, or null when comms never saved any (the defaults apply). */
  get(tenantId: string): Promise<StoredCoachSettings | null>;
  /** Saves the tenant's settings, replacing any earlier ones. */
  put(
    tenantId: string,
    settings: CoachSettings,
    change: { updatedBy: string | null; at: Date },
  ): Promise<StoredCoachSettings>;
}
