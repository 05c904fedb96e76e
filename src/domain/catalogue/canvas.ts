import type { Language } from '../person';

type Phrases<P> = { readonly [L in Language]: (params: P) => string };
/** An entry whose words depend on parameters; `P` is shared by every language. */
export const withParams = <P>(phrases: Phrases<P>): Phrases<P> => phrases;

/** The canvas messages (issue 6), merged into the catalogue in src/domain/messages.ts. */
export const CANVAS_MESSAGES = {
  canvasStale: {
    en: 'someone else saved the canvas in the meantime; reload it to see their changes, then make yours again',
    da: 'en anden har gemt lærredet imens; genindlæs det for at se deres ændringer, og lav så dine igen',
  },
} as const satisfies Record<string, Readonly<Record<Language, string>> | Phrases<never>>;
