import type { Language } from '../person';

type Phrases<P> = { readonly [L in Language]: (params: P) => string };
/** An entry whose words depend on parameters; `P` is shared by every language. */
export const withParams = <P>(phrases: Phrases<P>): Phrases<P> => phrases;

/** The dashboard messages (issue 6), merged into the catalogue in src/domain/messages.ts. */
export const DASHBOARD_MESSAGES = {
  dashboardEndInvalid: {
    en: 'the last day must be a real date, today or earlier, within the last ten years',
    da: 'den sidste dag skal være en rigtig dato, i dag eller tidligere, inden for de sidste ti år',
  },
  dashboardTableUnknown: {
    en: 'there is no such dashboard table; choose kpis, daily, networks, top-content, top-departments, top-contributors, funnel or conversions',
    da: 'den tabel findes ikke på dashboardet; vælg kpis, daily, networks, top-content, top-departments, top-contributors, funnel eller conversions',
  },
  notAMemberForNetworkSize: {
    en: 'join the program first, then tell us how many people follow you',
    da: 'meld dig ind i programmet først, og fortæl så hvor mange der følger dig',
  },
  conversionKeyRequired: {
    en: 'send the conversions key as "authorization: Bearer <key>"',
    da: 'send konverteringsnøglen som "authorization: Bearer <nøgle>"',
  },
  conversionKeyWrong: {
    en: 'this conversions key is not valid here; comms can make a new one in Admin',
    da: 'denne konverteringsnøgle gælder ikke her; kommunikation kan lave en ny i Admin',
  },
  conversionBodyInvalid: {
    en: 'the conversion has problems',
    da: 'konverteringen har fejl',
  },
  csvNeedsText: {
    en: 'send the CSV file as text/csv',
    da: 'send CSV-filen som text/csv',
  },
  csvEmpty: {
    en: 'the file is empty; the first line must be the header',
    da: 'filen er tom; første linje skal være overskriften',
  },
  csvHeaderInvalid: withParams<{ missing: string }>({
    en: ({ missing }) =>
      `the header must name the columns external_id, kind, code (or utm_content) and occurred_at; missing: ${missing}`,
    da: ({ missing }) =>
      `overskriften skal nævne kolonnerne external_id, kind, code (eller utm_content) og occurred_at; mangler: ${missing}`,
  }),
  csvSyntax: withParams<{ line: number }>({
    en: ({ line }) => `line ${line} has a quote that is never closed, or text right after a closing quote`,
    da: ({ line }) =>
      `linje ${line} har et citationstegn, der ikke lukkes, eller tekst lige efter et lukkende citationstegn`,
  }),
  csvTooManyRows: withParams<{ max: number }>({
    en: ({ max }) => `a file may hold at most ${max.toLocaleString('en-US')} conversions`,
    da: ({ max }) => `en fil må højst have ${max.toLocaleString('da-DK')} konverteringer`,
  }),
  csvImportRejected: withParams<{ count: number }>({
    en: ({ count }) =>
      `nothing was imported: ${count} ${count === 1 ? 'line has a problem' : 'lines have problems'}`,
    da: ({ count }) =>
      `intet blev importeret: ${count} ${count === 1 ? 'linje har en fejl' : 'linjer har fejl'}`,
  }),
  csvDuplicateId: withParams<{ first: number }>({
    en: ({ first }) => `this external_id is already on line ${first}`,
    da: ({ first }) => `dette external_id står allerede på linje ${first}`,
  }),
  csvWrongCellCount: withParams<{ expected: number; found: number }>({
    en: ({ expected, found }) => `has ${found} cells; the header has ${expected}`,
    da: ({ expected, found }) => `har ${found} celler; overskriften har ${expected}`,
  }),
} as const satisfies Record<string, Readonly<Record<Language, string>> | Phrases<never>>;
