import type { Language } from '../common';

/** The words of the canvas schemas' problems (issue 6), merged into SCHEMA_MESSAGES. English texts must be unique. */
export const CANVAS_SCHEMA_MESSAGES = {
  canvasTextTooLong: { en: 'at most 280 characters', da: 'højst 280 tegn' },
  canvasLongTextTooLong: { en: 'at most 2,000 characters', da: 'højst 2.000 tegn' },
  canvasTargetWhole: { en: 'must be a whole number', da: 'skal være et helt tal' },
  canvasTargetNegative: { en: 'cannot be negative', da: 'kan ikke være negativ' },
  canvasPersonaNameRequired: { en: 'give the target group a name', da: 'giv målgruppen et navn' },
  canvasKeyMessageEmpty: { en: 'a key message cannot be empty', da: 'et nøglebudskab kan ikke være tomt' },
  canvasEvpEmpty: { en: 'an EVP statement cannot be empty', da: 'et EVP-udsagn kan ikke være tomt' },
  canvasTooMany: { en: 'at most 10 entries', da: 'højst 10 punkter' },
  canvasAmbassadorsMin: { en: 'aim for at least one ambassador', da: 'sigt efter mindst én ambassadør' },
  canvasHoursMax: { en: 'a week has 168 hours', da: 'en uge har 168 timer' },
  canvasPercentMax: { en: 'at most 100 %', da: 'højst 100 %' },
  canvasRateMax: { en: 'a rate is between 0 and 1', da: 'en andel er mellem 0 og 1' },
  auditCursorFormat: {
    en: 'the audit cursor is the nextCursor of the previous page',
    da: 'audit-cursoren er nextCursor fra den forrige side',
  },
  disclosureMarkRequired: {
    en: 'write the advertising word, e.g. Reklame',
    da: 'skriv reklameordet, f.eks. Reklame',
  },
  disclosureMarkTooLong: {
    en: 'the advertising word is at most 30 characters',
    da: 'reklameordet må højst være på 30 tegn',
  },
  disclosureMarkNoHashtag: {
    en: 'the advertising word is a plain word, not a hashtag (no #)',
    da: 'reklameordet er et almindeligt ord, ikke et hashtag (uden #)',
  },
  suggestedHashtagsTooMany: { en: 'at most 20 suggested hashtags', da: 'højst 20 foreslåede hashtags' },
} as const satisfies Record<string, Readonly<Record<Language, string>>>;
