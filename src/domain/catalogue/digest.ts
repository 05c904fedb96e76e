import type { Language } from '../person';

type Phrases<P> = { readonly [L in Language]: (params: P) => string };
/** An entry whose words depend on parameters; `P` is shared by every language. */
export const withParams = <P>(phrases: Phrases<P>): Phrases<P> => phrases;

/** The digest messages (issue 6), merged into the catalogue in src/domain/messages.ts. */
export const DIGEST_MESSAGES = {
  // ---- the preview endpoint
  digestNoSuchAmbassador: {
    en: 'there is no ambassador with this id',
    da: 'der er ingen ambassadør med dette id',
  },

  // ---- the weekly digest card in the bot chat (numbers go in a fact list, so no text takes parameters)
  digestCardTitle: { en: 'Your week in Chorus', da: 'Din uge i Chorus' },
  digestCardIntro: {
    en: 'New content for your topics and your own numbers from the last seven days.',
    da: 'Nyt indhold inden for dine emner og dine egne tal fra de seneste syv dage.',
  },
  digestNewContentHeading: { en: 'New in the library', da: 'Nyt i biblioteket' },
  digestNoNewContent: {
    en: 'Nothing new for your topics this week.',
    da: 'Intet nyt inden for dine emner i denne uge.',
  },
  digestNumbersHeading: { en: 'Your last seven days', da: 'Dine seneste syv dage' },
  digestSharesFact: { en: 'Shares', da: 'Delinger' },
  digestClicksFact: { en: 'Clicks on your links', da: 'Klik på dine links' },
  digestUniqueClicksFact: { en: 'Unique visitors', da: 'Unikke besøgende' },
  digestOpenLibrary: { en: 'Open the library', da: 'Åbn biblioteket' },
  digestPauseHint: {
    en: 'Write “pause” to stop these messages for a while, and “resume” to get them again.',
    da: 'Skriv “pause” for at stoppe disse beskeder et stykke tid og “genoptag” for at få dem igen.',
  },
} as const satisfies Record<string, Readonly<Record<Language, string>> | Phrases<never>>;
