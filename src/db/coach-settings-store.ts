import { eq } from 'drizzle-orm';
import type { CoachSettingsStore, StoredCoachSettings } from '../ports/coach-settings';
import type { Db } from './database';
import { coachSettings } from './schema';

type Row = typeof coachSettings.$inferSelect;

function toSettings(row: Row): StoredCoachSettings {
  return {
    companyName: row.companyName,
    blockedTerms: row.blockedTerms,
    requiredHashtags: row.requiredHashtags,
    tone: row.tone,
    emojiPolicy: row.emojiPolicy,
    companyDomains: row.companyDomains,
    suggestedHashtags: row.suggestedHashtags,
    disclosureMarks: row.disclosureMarks,
    updatedBy: row.updatedBy,
    updatedAt: row.updatedAt,
  };
}

/** The coach's settings in Postgres (coach_settings: one row per tenant). */
export function createCoachSettingsStore(db: Db): CoachSettingsStore {
  return {
    async get(tenantId) {
      const rows = await db.select().from(coachSettings).where(eq(coachSettings.tenantId, tenantId));
      return rows[0] ? toSettings(rows[0]) : null;
    },

    async put(tenantId, settings, change) {
      const values = {
        companyName: settings.companyName,
        blockedTerms: settings.blockedTerms,
        requiredHashtags: settings.requiredHashtags,
        tone: settings.tone,
        emojiPolicy: settings.emojiPolicy,
        companyDomains: settings.companyDomains,
        // Settings without a brand style (older callers) keep the saved one, or get the column defaults.
        ...(settings.suggestedHashtags ? { suggestedHashtags: settings.suggestedHashtags } : {}),
        ...(settings.disclosureMarks ? { disclosureMarks: settings.disclosureMarks } : {}),
        updatedBy: change.updatedBy,
        updatedAt: change.at,
      };
      const rows = await db
        .insert(coachSettings)
        .values({ tenantId, ...values })
        .onConflictDoUpdate({ target: coachSettings.tenantId, set: values })
        .returning();
      return toSettings(rows[0]!);
    },
  };
}
