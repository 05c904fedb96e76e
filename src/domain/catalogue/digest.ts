import type { Language } from '../person';

type Phrases<P> = { readonly [L in Language]: (params: P) => string };
/** An entry whose words depend on parameters; `P` is shared by every language. */
export const withParams = <P>(phrases: Phrases<P>): Phrases<P> => phrases;

/** The digest messages (issue 6), merged into the catalogue in src/domain/messages.ts. */
export const DIGEST_MESSAGES = {
  // entries: key: { en: '…', da: '…' }, or withParams<{ n: number }>({ en: ({ n }) => …, da: … })
} as const satisfies Record<string, Readonly<Record<Language, string>> | Phrases<never>>;
