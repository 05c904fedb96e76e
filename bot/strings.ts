import type { Language } from '../src/domain/person';

/** Every text the bot shows, in each language Chorus speaks. */
export interface BotStrings {
  greetingTitle(firstName: string | null): string;
  greetingBody: string;
  helpHint: string;
  helpTitle: string;
  helpItems: string[];
  unknown: string;
  failure: string;
  welcomeTitle(firstName: string): string;
  welcomeBody: string;
  welcomeNext: string[];
  /** The library card (message extension and link unfurling). */
  openInChorus: string;
  fromLibrary: string;
  /** Shown in the message extension when a search fails. */
  searchFailed: string;
  /** The answer to a card button the bot cannot read (an old or tampered card). */
  cardNotUnderstood: string;
}

export const STRINGS: Record<Language, BotStrings> = {
  da: {
    greetingTitle: (firstName) => (firstName ? `Hej ${firstName}!` : 'Hej!'),
    greetingBody:
      'Jeg er Chorus, botten bag ambassadørprogrammet. Her i chatten skriver jeg til dig, når der sker noget i programmet.',
    helpHint: 'Skriv “hjælp” for at se, hvad jeg kan.',
    helpTitle: 'Det kan jeg hjælpe med',
    helpItems: [
      '“hjælp”: viser denne liste.',
      '“introduktion”: tager dig igennem introduktionen til programmet (igen).',
      '“spar” og dit udkast: feedback på et opslag, du selv har skrevet, før du deler det.',
      '“bibliotek”: tre forslag fra biblioteket til dine emner.',
      '“statistik”: dine delinger og klik.',
      '“pause” / “genoptag”: sæt kampagner og invitationer fra mig på pause, eller slå dem til igen.',
      '“sprog da” / “sprog en”: vælg det sprog, jeg skriver på.',
      '“meld ud”: meld dig ud af programmet (jeg spørger først).',
      'I fanen Chorus kan du læse programmets formål og retningslinjer og melde dig ind eller ud, når du vil.',
    ],
    unknown: 'Det forstod jeg ikke helt. Skriv “hjælp” for at se, hvad jeg kan.',
    failure: 'Beklager, noget gik galt hos os. Prøv igen om lidt.',
    welcomeTitle: (firstName) => `Velkommen som ambassadør, ${firstName}!`,
    welcomeBody: 'Tak, fordi du er med. Du deler med dine egne ord, og du kan melde dig ud igen med ét klik.',
    welcomeNext: [
      'Læs retningslinjerne igen, når du er i tvivl: de ligger i fanen Chorus.',
      'Skriv “hjælp” her i chatten for at se, hvad jeg kan.',
    ],
    openInChorus: 'Åbn i Chorus',
    fromLibrary: 'Fra Chorus-biblioteket: klar til at dele med dine egne ord',
    searchFailed: 'Beklager, søgningen i biblioteket mislykkedes. Prøv igen om lidt.',
    cardNotUnderstood: 'Det kort kunne jeg ikke læse. Skriv “hjælp” for at se, hvad jeg kan.',
  },
  en: {
    greetingTitle: (firstName) => (firstName ? `Hi ${firstName}!` : 'Hi!'),
    greetingBody:
      "I'm Chorus, the bot behind the ambassador program. I'll write to you here when something happens in the program.",
    helpHint: 'Write “help” to see what I can do.',
    helpTitle: 'What I can help with',
    helpItems: [
      '“help”: shows this list.',
      '“onboarding”: takes you through the introduction to the program (again).',
      '“spar” and your draft: feedback on a post you wrote yourself, before you share it.',
      '“library”: three suggestions from the library for your topics.',
      '“stats”: your shares and clicks.',
      '“pause” / “resume”: pause campaigns and invitations from me, or turn them on again.',
      '“language da” / “language en”: choose the language I write in.',
      '“leave”: leave the program (I ask first).',
      "In the Chorus tab you can read the program's purpose and guidelines, and join or leave whenever you like.",
    ],
    unknown: "I didn't quite get that. Write “help” to see what I can do.",
    failure: 'Sorry, something went wrong on our side. Please try again in a moment.',
    welcomeTitle: (firstName) => `Welcome aboard as an ambassador, ${firstName}!`,
    welcomeBody:
      'Thank you for joining. You share in your own words, and you can leave again with one click.',
    welcomeNext: [
      'Read the guidelines again whenever in doubt: they are in the Chorus tab.',
      'Write “help” here in the chat to see what I can do.',
    ],
    openInChorus: 'Open in Chorus',
    fromLibrary: 'From the Chorus library: ready to share in your own words',
    searchFailed: 'Sorry, searching the library failed. Please try again in a moment.',
    cardNotUnderstood: 'I could not read that card. Write “help” to see what I can do.',
  },
};

/** The words that ask for help, in any language Chorus speaks. */
export const HELP_PATTERN = /^\s*(help|hjælp|hjaelp|\?)\s*[.!?]*\s*$/i;

/** The first name in a display name ("Mette Frederiksen" → "Mette"). */
export function firstNameOf(displayName: string | null | undefined): string | null {
  const first = displayName?.trim().split(/\s+/)[0];
  return first ? first : null;
}
