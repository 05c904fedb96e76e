import type { Language } from '../common';

/** The words of the dashboard schemas' problems (issue 6), merged into SCHEMA_MESSAGES. English texts must be unique. */
export const DASHBOARD_SCHEMA_MESSAGES = {
  dashboardDaysInvalid: { en: 'choose 7, 30 or 90 days', da: 'vælg 7, 30 eller 90 dage' },
  dashboardEndFormat: {
    en: 'write the last day as YYYY-MM-DD',
    da: 'skriv den sidste dag som ÅÅÅÅ-MM-DD',
  },
  networkSizeWhole: {
    en: 'write how many people follow you as a whole number, 0 or more',
    da: 'skriv hvor mange der følger dig som et helt tal, 0 eller mere',
  },
  networkSizeTooLarge: {
    en: 'a network size is at most 10,000,000',
    da: 'et netværk kan højst være på 10.000.000',
  },
  conversionKindInvalid: {
    en: "kind must be 'application' or 'conversion'",
    da: "kind skal være 'application' eller 'conversion'",
  },
  conversionExternalIdRequired: {
    en: "give the conversion's own id (externalId)",
    da: 'angiv konverteringens eget id (externalId)',
  },
  conversionExternalIdTooLong: {
    en: 'an external id is at most 200 characters',
    da: 'et eksternt id må højst være på 200 tegn',
  },
  conversionCodeTooLong: {
    en: 'a tracked-link code is at most 64 characters',
    da: 'en sporingskode må højst være på 64 tegn',
  },
  conversionCampaignTooLong: {
    en: 'utm_campaign is at most 200 characters',
    da: 'utm_campaign må højst være på 200 tegn',
  },
  conversionOccurredAtInvalid: {
    en: 'write the time as ISO 8601 with a time zone, e.g. 2026-03-01T12:00:00Z',
    da: 'skriv tidspunktet som ISO 8601 med tidszone, fx 2026-03-01T12:00:00Z',
  },
} as const satisfies Record<string, Readonly<Record<Language, string>>>;
