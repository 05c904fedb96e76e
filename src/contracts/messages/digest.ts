import type { Language } from '../common';

/** The words of the digest schemas' problems (issue 6), merged into SCHEMA_MESSAGES. English texts must be unique. */
export const DIGEST_SCHEMA_MESSAGES = {
  reachNumber: { en: 'enter a number', da: 'skriv et tal' },
  reachNotNegative: { en: 'cannot be below zero', da: 'kan ikke være under nul' },
  reachPercentRange: { en: 'a percentage from 0 to 100', da: 'en procentsats fra 0 til 100' },
  digestPersonIdRequired: {
    en: 'name the ambassador (personId)',
    da: 'angiv ambassadøren (personId)',
  },
  digestPersonIdTooLong: {
    en: 'a person id is at most 200 characters',
    da: 'et person-id må højst være på 200 tegn',
  },
} as const satisfies Record<string, Readonly<Record<Language, string>>>;
