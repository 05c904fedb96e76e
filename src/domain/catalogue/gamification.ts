import type { Language } from '../person';

type Phrases<P> = { readonly [L in Language]: (params: P) => string };
/** An entry whose words depend on parameters; `P` is shared by every language. */
export const withParams = <P>(phrases: Phrases<P>): Phrases<P> => phrases;

/** The gamification messages (issue 6), merged into the catalogue in src/domain/messages.ts. */
export const GAMIFICATION_MESSAGES = {
  gamificationOff: {
    en: 'gamification is switched off in this program',
    da: 'point og udfordringer er slået fra i dette program',
  },
  leaderboardOff: {
    en: 'the leaderboard is switched off in this program',
    da: 'ranglisten er slået fra i dette program',
  },
  noSuchChallenge: { en: 'there is no such challenge', da: 'udfordringen findes ikke' },
  noSuchDraw: { en: 'there is no such prize draw', da: 'lodtrækningen findes ikke' },
  drawBeforeChallengeEnds: withParams<{ endsAt: string }>({
    en: ({ endsAt }) => `the challenge has not ended yet: run the draw after it ends (${endsAt})`,
    da: ({ endsAt }) => `udfordringen er ikke slut endnu: træk lod, når den er slut (${endsAt})`,
  }),
  drawAlreadyRun: withParams<{ by: string | null; at: string }>({
    en: ({ by, at }) =>
      `this challenge was drawn meanwhile${by ? ` by ${by}` : ''} (${at}): see that draw, and run another one only if you mean to draw again`,
    da: ({ by, at }) =>
      `der er i mellemtiden trukket lod i udfordringen${by ? ` af ${by}` : ''} (${at}): se den lodtrækning, og træk kun lod igen, hvis det er meningen`,
  }),
  drawEarlierDrawsMismatch: withParams<{ draws: number; seen: number }>({
    en: ({ draws, seen }) =>
      `the challenge has ${draws} ${draws === 1 ? 'draw' : 'draws'}, not ${seen}: reload and try again`,
    da: ({ draws, seen }) =>
      `udfordringen har ${draws} ${draws === 1 ? 'lodtrækning' : 'lodtrækninger'}, ikke ${seen}: genindlæs og prøv igen`,
  }),
  drawHowToVerify: {
    en: 'Anyone can check this draw: re-run it with the seed, the entries in this order and the number of winners (POST /api/draws/verify, or the script in docs/prize-draw.md). For k = 0, 1, 2, … SHA-256 of "seed:k" read as a number picks a ticket among the remaining entries; values that would favour the first tickets are skipped; a winner leaves the draw.',
    da: 'Alle kan efterprøve lodtrækningen: kør den igen med seed, deltagerne i denne rækkefølge og antallet af vindere (POST /api/draws/verify eller scriptet i docs/prize-draw.md). For k = 0, 1, 2, … vælger SHA-256 af "seed:k" læst som et tal et lod blandt de tilbageværende; værdier, der ville favorisere de første lodder, springes over; en vinder forlader lodtrækningen.',
  },
  prizeWinTitle: {
    en: 'Congratulations, you won the prize draw!',
    da: 'Tillykke, du har vundet lodtrækningen!',
  },
  prizeWinBody: withParams<{ challenge: string }>({
    en: ({ challenge }) =>
      `You were drawn as a winner in the challenge "${challenge}". Thank you for sharing! Comms will be in touch about your prize.`,
    da: ({ challenge }) =>
      `Du blev trukket ud som vinder i udfordringen »${challenge}«. Tak, fordi du delte! Kommunikation kontakter dig om din præmie.`,
  }),
  prizeWinVerify: {
    en: 'The draw is public and can be checked by anyone: see it under My impact in Chorus.',
    da: 'Lodtrækningen er offentlig og kan efterprøves af alle: se den under Min effekt i Chorus.',
  },
} as const satisfies Record<string, Readonly<Record<Language, string>> | Phrases<never>>;
