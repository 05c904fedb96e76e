import type { Language } from './common';
import { CANVAS_SCHEMA_MESSAGES } from './messages/canvas';
import { DASHBOARD_SCHEMA_MESSAGES } from './messages/dashboard';
import { DIGEST_SCHEMA_MESSAGES } from './messages/digest';
import { GAMIFICATION_SCHEMA_MESSAGES } from './messages/gamification';

/**
 * The words of every problem a contract schema names itself, in each language Chorus speaks. A
 * schema reports the English text (zod messages are plain strings); the server finds the entry by
 * that text and answers in the caller's language, and the tab can do the same with
 * `localiseSchemaMessage`. Typed, so a missing translation does not compile.
 */
export const SCHEMA_MESSAGES = {
  // ---- any payload
  required: { en: 'is required', da: 'er påkrævet' },

  // ---- Bot Framework activities
  botConnectorUrl: {
    en: 'must be the URL of the Bot Connector that sent it',
    da: "skal være URL'en på den Bot Connector, der sendte den",
  },
  botActivityNul: {
    en: 'contains a NUL character (\\u0000), which Teams never sends',
    da: 'indeholder et NUL-tegn (\\u0000), som Teams aldrig sender',
  },
  botActivityTooLong: { en: 'is at most 200 characters', da: 'må højst være på 200 tegn' },

  // ---- the demo chat
  chatTextRequired: { en: 'write a message first', da: 'skriv en besked først' },
  chatTextTooLong: {
    en: 'a message is at most 4,000 characters',
    da: 'en besked må højst være på 4.000 tegn',
  },
  chatTextOrCard: {
    en: 'send either a message or a card answer',
    da: 'send enten en besked eller et svar på et kort',
  },
  chatCardTooLarge: {
    en: 'a card answer is at most 8,000 characters',
    da: 'et svar på et kort må højst være på 8.000 tegn',
  },

  // ---- recruitment campaigns
  pitchLanguageRequired: {
    en: 'write the pitch in Danish, English or both',
    da: 'skriv budskabet på dansk, engelsk eller begge dele',
  },
  campaignEndsAfterStart: {
    en: 'the campaign must end after it starts',
    da: 'kampagnen skal slutte, efter den begynder',
  },
  nominationNoteTooLong: {
    en: 'a note is at most 500 characters',
    da: 'en hilsen må højst være på 500 tegn',
  },

  // ---- content items and topics
  isoDate: {
    en: 'use an ISO date and time, e.g. 2026-12-01T08:00:00Z',
    da: 'angiv dato og klokkeslæt i ISO-format, f.eks. 2026-12-01T08:00:00Z',
  },
  topicRequired: { en: 'choose a topic', da: 'vælg et emne' },
  topicKeyFormat: {
    en: 'a topic key uses a-z, 0-9 and dashes',
    da: 'en emnenøgle må kun bestå af a-z, 0-9 og bindestreger',
  },
  topicDanishNameRequired: { en: 'the Danish name is required', da: 'det danske navn er påkrævet' },
  topicEnglishNameRequired: { en: 'the English name is required', da: 'det engelske navn er påkrævet' },
  titleRequired: { en: 'the title is required', da: 'titlen er påkrævet' },
  titleTooLong: { en: 'the title is at most 200 characters', da: 'titlen må højst være på 200 tegn' },
  textTooLong: { en: 'the text is at most 10,000 characters', da: 'teksten må højst være på 10.000 tegn' },
  linkTooLong: { en: 'the link is at most 2,000 characters', da: 'linket må højst være på 2.000 tegn' },
  linkNotUrl: { en: 'the link must be a full web address', da: 'linket skal være en fuld webadresse' },
  linkNotHttp: {
    en: 'the link must start with http:// or https://',
    da: 'linket skal begynde med http:// eller https://',
  },
  imageUrlTooLong: {
    en: 'the image address is at most 2,000 characters',
    da: 'billedadressen må højst være på 2.000 tegn',
  },
  imageUrlNotUrl: {
    en: 'the image address must be a full web address',
    da: 'billedadressen skal være en fuld webadresse',
  },
  imageUrlNotHttp: {
    en: 'the image address must start with http:// or https://',
    da: 'billedadressen skal begynde med http:// eller https://',
  },
  postUrlTooLong: {
    en: 'the post address is at most 2,000 characters',
    da: 'opslagets adresse må højst være på 2.000 tegn',
  },
  postUrlNotUrl: {
    en: 'the post address must be a full web address',
    da: 'opslagets adresse skal være en fuld webadresse',
  },
  postUrlNotHttp: {
    en: 'the post address must start with http:// or https://',
    da: 'opslagets adresse skal begynde med http:// eller https://',
  },
  networksRequired: { en: 'choose at least one network', da: 'vælg mindst ét netværk' },
  captionEmpty: { en: 'a caption cannot be empty', da: 'en tekst må ikke være tom' },
  rejectNoteRequired: { en: 'say what the author should change', da: 'skriv, hvad forfatteren skal ændre' },
  librarySearchTooLong: {
    en: 'search text is at most 200 characters',
    da: 'søgeteksten må højst være på 200 tegn',
  },
  imageBody: {
    en: 'send the image itself as the request body, with Content-Type image/png, image/jpeg, image/webp or image/gif',
    da: 'send selve billedet som anmodningens indhold med Content-Type image/png, image/jpeg, image/webp eller image/gif',
  },

  // ---- sharing
  feedbackRequired: {
    en: 'send reactions, comments or postUrl',
    da: 'send reactions, comments eller postUrl',
  },

  // ---- the program and the signed-in person
  guidelinesVersion: {
    en: 'guidelinesVersion must be the number of the guidelines you accepted',
    da: 'guidelinesVersion skal være nummeret på de retningslinjer, du har accepteret',
  },
  personIdRequired: { en: 'personId is required', da: 'personId er påkrævet' },
  peopleSearchTooLong: {
    en: 'search text is at most 100 characters',
    da: 'søgeteksten må højst være på 100 tegn',
  },
  danishTextRequired: { en: 'the Danish text cannot be empty', da: 'den danske tekst må ikke være tom' },
  englishTextRequired: { en: 'the English text cannot be empty', da: 'den engelske tekst må ikke være tom' },
  documentTooLong: { en: 'at most 20,000 characters', da: 'højst 20.000 tegn' },

  // ---- sparring: the coach's settings and replies to sparring requests
  companyNameRequired: { en: 'write the company name', da: 'skriv virksomhedens navn' },
  companyNameTooLong: {
    en: 'the company name is at most 120 characters',
    da: 'virksomhedens navn må højst være på 120 tegn',
  },
  blockedTermEmpty: { en: 'a blocked term cannot be empty', da: 'et blokeret ord må ikke være tomt' },
  blockedTermTooLong: {
    en: 'a blocked term is at most 100 characters',
    da: 'et blokeret ord må højst være på 100 tegn',
  },
  blockedTermsTooMany: { en: 'at most 200 blocked terms', da: 'højst 200 blokerede ord' },
  hashtagFormat: {
    en: 'a hashtag starts with # and is one word of letters, digits or _ (e.g. #LifeAtContoso)',
    da: 'et hashtag begynder med # og er ét ord af bogstaver, tal eller _ (f.eks. #LivetHosContoso)',
  },
  requiredHashtagsTooMany: { en: 'at most 10 required hashtags', da: 'højst 10 påkrævede hashtags' },
  domainFormat: {
    en: 'a domain is a host name such as contoso.com, without https:// or a path',
    da: 'et domæne er et værtsnavn som contoso.com, uden https:// og sti',
  },
  companyDomainsTooMany: { en: 'at most 50 domains', da: 'højst 50 domæner' },
  sparringReplyRequired: { en: 'write a reply first', da: 'skriv et svar først' },
  sparringReplyTooLong: {
    en: 'a reply is at most 4,000 characters',
    da: 'et svar må højst være på 4.000 tegn',
  },

  // ---- the program cockpit (issue 6), one file per feature
  ...CANVAS_SCHEMA_MESSAGES,
  ...DASHBOARD_SCHEMA_MESSAGES,
  ...GAMIFICATION_SCHEMA_MESSAGES,
  ...DIGEST_SCHEMA_MESSAGES,
} as const satisfies Record<string, Readonly<Record<Language, string>>>;

export type SchemaMessageKey = keyof typeof SCHEMA_MESSAGES;

/** The text a schema reports for a problem: the English words, found again by `schemaMessageKey`. */
export function schemaMessage(key: SchemaMessageKey): string {
  return SCHEMA_MESSAGES[key].en;
}

const KEY_BY_ENGLISH = new Map<string, SchemaMessageKey>(
  (Object.keys(SCHEMA_MESSAGES) as SchemaMessageKey[]).map((key) => [SCHEMA_MESSAGES[key].en, key]),
);

/** The catalogue entry behind a schema's problem text, or undefined for zod's own words. */
export function schemaMessageKey(text: string): SchemaMessageKey | undefined {
  return KEY_BY_ENGLISH.get(text);
}

/** A schema problem's text in `language`; a text that is not in the catalogue comes back as it is. */
export function localiseSchemaMessage(text: string, language: Language): string {
  const key = schemaMessageKey(text);
  return key ? SCHEMA_MESSAGES[key][language] : text;
}
