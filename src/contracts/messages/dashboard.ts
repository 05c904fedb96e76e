import type { Language } from '../common';

/** The words of the dashboard schemas' problems (issue 6), merged into SCHEMA_MESSAGES. English texts must be unique. */
export const DASHBOARD_SCHEMA_MESSAGES = {
  // entries: key: { en: '…', da: '…' },
} as const satisfies Record<string, Readonly<Record<Language, string>>>;
