import type { Language } from '../domain/person';

/** A person's choices about the bot chat. */
export interface ChatPreferences {
  /** The `language` command's override; null follows Teams and the directory. */
  language: Language | null;
  /** Set by `pause`: campaign invitations and announcements to their chat are skipped. */
  notificationsPaused: boolean;
}

/** Per-person chat preferences in Postgres. */
export interface ChatPreferencesRepository {
  /** The person's preferences, or null when they never set any. */
  get(tenantId: string, personId: string): Promise<ChatPreferences | null>;
  /** Sets (or clears, with null) the language override. */
  setLanguage(tenantId: string, personId: string, language: Language | null): Promise<void>;
  /** Pauses or resumes non-essential proactive messages. Returns the previous value. */
  setPaused(tenantId: string, personId: string, paused: boolean): Promise<boolean>;
  /** Deletes the person's preferences (they left). */
  delete(tenantId: string, personId: string): Promise<void>;
}
