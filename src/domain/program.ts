/** The networks an ambassador can share on. */
export const NETWORKS = ['linkedin', 'x', 'facebook', 'instagram', 'tiktok'] as const;
export type Network = (typeof NETWORKS)[number];

/** The built-in content topics. Comms can add more in a later version. */
export const TOPICS = [
  'internal-news',
  'product',
  'thought-leadership',
  'jobs',
  'events',
  'sustainability',
] as const;
export type Topic = (typeof TOPICS)[number];

export const DOCUMENT_KINDS = ['purpose', 'guidelines'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** One version of the program's purpose or guidelines, in both languages. */
export interface ProgramDocument {
  kind: DocumentKind;
  version: number;
  bodyDa: string;
  bodyEn: string;
  createdBy: string | null;
  createdAt: Date;
}

/** A current ambassador's membership. */
export interface Membership {
  personId: string;
  joinedAt: Date;
  guidelinesVersion: number;
  networks: Network[];
  topics: Topic[];
  source: JoinSource;
}

export const JOIN_SOURCES = ['tab', 'bot', 'card'] as const;
export type JoinSource = (typeof JOIN_SOURCES)[number];

/** Sensible first versions, so a new program is never blank. Comms edits them in Admin. */
export const DEFAULT_DOCUMENTS: Record<DocumentKind, { bodyDa: string; bodyEn: string }> = {
  purpose: {
    bodyDa: [
      '## Hvorfor et ambassadørprogram?',
      '',
      'Folk stoler på folk. Når du deler noget fra din arbejdsplads med dine egne ord, når det længere ud end vores egne opslag.',
      '',
      '- **Mål:** flere dygtige ansøgere og et stærkere omdømme som arbejdsplads.',
      '- **Tid:** cirka 30 minutter om ugen, når det passer dig.',
      '- **Frivilligt:** du kan melde dig ud med ét klik, når som helst.',
      '- **Støtte:** workshops og sparring på dine egne opslag.',
    ].join('\n'),
    bodyEn: [
      '## Why an ambassador program?',
      '',
      'People trust people. When you share something from work in your own words, it reaches further than our company posts.',
      '',
      '- **Goal:** more great applicants and a stronger reputation as a workplace.',
      '- **Time:** about 30 minutes a week, whenever it suits you.',
      '- **Voluntary:** you can leave with one click, at any time.',
      '- **Support:** workshops and coaching (sparring) on your own posts.',
    ].join('\n'),
  },
  guidelines: {
    bodyDa: [
      '## Retningslinjer for sociale medier',
      '',
      '1. Del aldrig fortrolige oplysninger, kundedata eller interne tal.',
      '2. Billeder af kolleger kræver deres samtykke.',
      '3. Når vi beder dig dele noget, er det reklame: start opslaget med **Reklame**. Et tag eller hashtag til sidst er ikke nok.',
      '4. Skriv med dine egne ord. Vi coacher, men vi skriver aldrig på dine vegne.',
      '5. Tonen er uformel ("du"), venlig og ærlig.',
    ].join('\n'),
    bodyEn: [
      '## Social media guidelines',
      '',
      '1. Never share confidential matters, customer data or internal figures.',
      '2. Photos of colleagues need their consent.',
      '3. When we ask you to share something, it is advertising: start the post with **Advertisement** (in Danish posts: **Reklame**). A tag or hashtag at the end is not enough.',
      '4. Write in your own words. We coach, but we never post on your behalf.',
      '5. The tone is informal, friendly and honest.',
    ].join('\n'),
  },
};
