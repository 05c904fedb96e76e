/** The languages Chorus speaks. Danish first: the first customers are Danish. */
export const LANGUAGES = ['da', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A person from the org directory, as Chorus stores them. */
export interface Person {
  id: string;
  displayName: string;
  mail: string | null;
  userPrincipalName: string | null;
  jobTitle: string | null;
  department: string | null;
  officeLocation: string | null;
  country: string | null;
  managerId: string | null;
  preferredLanguage: string | null;
  accountEnabled: boolean;
}

/** Maps a directory language tag (da-DK, en-US, …) to a language Chorus speaks. */
export function toLanguage(tag: string | null | undefined, fallback: Language = 'en'): Language {
  if (!tag) return fallback;
  const primary = tag.toLowerCase().split(/[-_]/)[0];
  if (primary === 'da' || primary === 'no' || primary === 'nb' || primary === 'sv') return 'da';
  if (primary === 'en') return 'en';
  return fallback;
}

/**
 * The language to talk to someone in: their directory language when Chorus speaks it, else the
 * locale their client sent, else Danish.
 */
export function chooseLanguage(
  preferredLanguage: string | null | undefined,
  locale: string | null | undefined,
): Language {
  return toLanguage(preferredLanguage, toLanguage(locale, 'da'));
}
