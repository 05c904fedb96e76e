import type { Language } from '../person';
import type { Finding, FindingCode, FindingText } from './types';

// The coach's words: for every finding code, a one-line reason and a concrete suggestion in Danish
// and English. The catalogue is typed by FindingCode and Language, so a new code or a missing
// translation is a compile error. Texts quote only the facts in params (a term, a count, a URL, a
// name): never a sentence of the draft, and never a rewritten post.

type Params = Finding['params'];
type Texts = (p: Params) => FindingText;

const str = (p: Params, key: string): string => {
  const v = p[key];
  return v === undefined ? '' : String(v);
};
const num = (p: Params, key: string): number => {
  const v = p[key];
  return typeof v === 'number' ? v : Number(v ?? 0);
};
const da = (n: number) => n.toLocaleString('da-DK');
const en = (n: number) => n.toLocaleString('en-GB');

const CATALOGUE: { [C in FindingCode]: Record<Language, Texts> } = {
  DISCLOSURE_MISSING: {
    da: (p) => ({
      reason: 'Opslaget er reklame, fordi din arbejdsgiver har bedt dig dele det, men det er ikke markeret.',
      suggestion: `Skriv »${str(p, 'mark')}« som det allerførste ord i opslaget, fx »${str(p, 'mark')}:« før din tekst.`,
    }),
    en: (p) => ({
      reason: 'This post is advertising because your employer asked you to share it, but it is not marked.',
      suggestion: `Make "${str(p, 'mark')}" the very first word of the post, for example "${str(p, 'mark')}:" before your text.`,
    }),
  },
  DISCLOSURE_MISPLACED: {
    da: (p) => ({
      reason: `»${str(p, 'found')}« står ikke i starten, og Forbrugerombudsmanden kræver, at reklame markeres allerførst.`,
      suggestion: `Flyt »${str(p, 'mark')}« op som det første ord, og fjern markeringen længere nede.`,
    }),
    en: (p) => ({
      reason: `"${str(p, 'found')}" is not at the start, and Danish rules require advertising to be marked first.`,
      suggestion: `Move "${str(p, 'mark')}" to the very start of the post and remove the marking further down.`,
    }),
  },
  DISCLOSURE_WEAK: {
    da: (p) => ({
      reason: `»${str(p, 'found')}« er ikke en tydelig nok reklamemarkering efter Forbrugerombudsmandens retningslinjer.`,
      suggestion: `Skriv »${str(p, 'mark')}« som det første ord i stedet for »${str(p, 'found')}«.`,
    }),
    en: (p) => ({
      reason: `"${str(p, 'found')}" is not a clear enough advertising marking under the Danish Consumer Ombudsman's guidance.`,
      suggestion: `Start the post with the word "${str(p, 'mark')}" instead of "${str(p, 'found')}".`,
    }),
  },
  DISCLOSURE_OK: {
    da: (p) => ({
      reason: `Opslaget starter med »${str(p, 'found')}«, så det er tydeligt markeret som reklame.`,
      suggestion: 'Bevar markeringen som det første ord, også hvis du retter i opslaget.',
    }),
    en: (p) => ({
      reason: `The post starts with "${str(p, 'found')}", so it is clearly marked as advertising.`,
      suggestion: 'Keep the marking as the first word, also if you edit the post.',
    }),
  },
  SAY_WHERE_YOU_WORK: {
    da: (p) =>
      str(p, 'company')
        ? {
            reason: `Læserne kan ikke se, at du arbejder hos ${str(p, 'company')}.`,
            suggestion: `Nævn med dine egne ord, at du arbejder hos ${str(p, 'company')}, så ingen er i tvivl om din forbindelse.`,
          }
        : {
            reason: 'Læserne kan ikke se, hvor du arbejder.',
            suggestion:
              'Skriv med dine egne ord, hvor du arbejder, så ingen er i tvivl om din forbindelse til virksomheden.',
          },
    en: (p) =>
      str(p, 'company')
        ? {
            reason: `Readers cannot tell that you work at ${str(p, 'company')}.`,
            suggestion: `Mention in your own words that you work at ${str(p, 'company')}, so your connection is clear.`,
          }
        : {
            reason: 'Readers cannot tell where you work.',
            suggestion: 'Say in your own words where you work, so your connection to the company is clear.',
          },
  },
  BLOCKED_TERM: {
    da: (p) => ({
      reason: `»${str(p, 'term')}« står på programmets liste over ord, der ikke må deles offentligt.`,
      suggestion: `Fjern »${str(p, 'term')}« fra opslaget. Spørg kommunikation, hvis du er i tvivl om, hvad du må fortælle.`,
    }),
    en: (p) => ({
      reason: `"${str(p, 'term')}" is on the program's list of terms that must not be shared publicly.`,
      suggestion: `Remove "${str(p, 'term')}" from the post. Ask comms if you are unsure what you may share.`,
    }),
  },
  TOO_LONG: {
    da: (p) => ({
      reason: `Opslaget er på ${da(num(p, 'length'))} tegn, og ${str(p, 'network')} tillader højst ${da(num(p, 'limit'))}.`,
      suggestion: `Skær ${da(num(p, 'over'))} tegn væk, fx en sætning, der gentager en pointe, eller et par hashtags.`,
    }),
    en: (p) => ({
      reason: `The post is ${en(num(p, 'length'))} characters, and ${str(p, 'network')} allows at most ${en(num(p, 'limit'))}.`,
      suggestion: `Cut ${en(num(p, 'over'))} characters, for example a sentence that repeats a point, or a few hashtags.`,
    }),
  },
  HOOK_MISSING: {
    da: () => ({
      reason:
        'Opslaget mangler en indledning, og de første linjer er det eneste, folk ser, før de klikker på »se mere«.',
      suggestion:
        'Begynd med en linje med dine egne ord, der giver lyst til at læse videre, fx et spørgsmål, et tal eller et øjeblik, du selv har oplevet.',
    }),
    en: () => ({
      reason: 'The post has no opening line, and the first two lines are all people see before "see more".',
      suggestion:
        'Start with a line in your own words that makes people want to read on, such as a question, a number or a moment you experienced.',
    }),
  },
  HOOK_WEAK: {
    da: (p) => {
      switch (str(p, 'reason')) {
        case 'long':
          return {
            reason: `Første linje er på ${da(num(p, 'chars'))} tegn, og på mobilen ses kun omkring ${da(num(p, 'max'))}, før den bliver skåret af.`,
            suggestion: 'Sæt et linjeskift efter første sætning, så den kan stå alene.',
          };
        case 'short':
          return {
            reason: 'Første linje er meget kort og siger ikke, hvad opslaget handler om.',
            suggestion: 'Tilføj en linje, der fortæller, hvad der skete, eller stil et spørgsmål.',
          };
        default:
          return {
            reason:
              'Første linje kunne stå i et hvilket som helst opslag og giver ikke lyst til at læse videre.',
            suggestion:
              'Begynd med det mest konkrete: Hvad skete der, hvad lærte du, eller hvorfor betyder det noget for dig?',
          };
      }
    },
    en: (p) => {
      switch (str(p, 'reason')) {
        case 'long':
          return {
            reason: `The first line is ${en(num(p, 'chars'))} characters, and a phone shows only about ${en(num(p, 'max'))} before cutting it off.`,
            suggestion: 'Add a line break after the first sentence so that it stands on its own.',
          };
        case 'short':
          return {
            reason: 'The first line is very short and does not say what the post is about.',
            suggestion: 'Add a line that says what happened, or ask a question.',
          };
        default:
          return {
            reason: 'The first line could open any post, so it gives no reason to read on.',
            suggestion:
              'Open with the most concrete part: what happened, what you learned, or why it matters to you.',
          };
      }
    },
  },
  HOOK_GOOD: {
    da: (p) => ({
      reason:
        str(p, 'reason') === 'question'
          ? 'Du åbner med et spørgsmål, der inviterer læserne indenfor.'
          : str(p, 'reason') === 'number'
            ? 'Du åbner med et konkret tal, der fanger blikket.'
            : 'Du åbner med et konkret øjeblik, du selv har oplevet.',
      suggestion: 'Behold åbningen, den gør folk nysgerrige efter resten.',
    }),
    en: (p) => ({
      reason:
        str(p, 'reason') === 'question'
          ? 'You open with a question that invites readers in.'
          : str(p, 'reason') === 'number'
            ? 'You open with a concrete number that catches the eye.'
            : 'You open with a concrete moment you experienced yourself.',
      suggestion: 'Keep this opening: it makes people curious about the rest.',
    }),
  },
  HASHTAGS_TOO_MANY: {
    da: (p) => ({
      reason: `Opslaget har ${num(p, 'count')} hashtags, og mere end ${num(p, 'max')} ligner spam og kan give færre visninger.`,
      suggestion: `Behold de ${num(p, 'max')} mest relevante, og fjern resten.`,
    }),
    en: (p) => ({
      reason: `The post has ${num(p, 'count')} hashtags, and more than ${num(p, 'max')} looks like spam and can reduce reach.`,
      suggestion: `Keep the ${num(p, 'max')} most relevant ones and remove the rest.`,
    }),
  },
  HASHTAGS_TOO_FEW: {
    da: (p) => ({
      reason: `Opslaget har ${num(p, 'count') === 0 ? 'ingen hashtags' : num(p, 'count') === 1 ? 'kun ét hashtag' : `kun ${num(p, 'count')} hashtags`}, og ${num(p, 'min')}–${num(p, 'max')} gør det lettere at finde for folk uden for dit netværk.`,
      suggestion: `Tilføj hashtags, der passer til emnet, så du har ${num(p, 'min')}–${num(p, 'max')} i alt.${p['suggested'] ? ` Programmet foreslår f.eks. ${str(p, 'suggested')}.` : ''}`,
    }),
    en: (p) => ({
      reason: `The post has ${num(p, 'count') === 0 ? 'no hashtags' : num(p, 'count') === 1 ? 'only one hashtag' : `only ${num(p, 'count')} hashtags`}, and ${num(p, 'min')}–${num(p, 'max')} help people outside your network find it.`,
      suggestion: `Add hashtags that fit the topic, for ${num(p, 'min')}–${num(p, 'max')} in all.${p['suggested'] ? ` The program suggests e.g. ${str(p, 'suggested')}.` : ''}`,
    }),
  },
  HASHTAG_REQUIRED_MISSING: {
    da: (p) => ({
      reason: `Programmets hashtag ${str(p, 'hashtag')} mangler, og det samler opslagene, så de kan findes.`,
      suggestion: `Tilføj ${str(p, 'hashtag')} sammen med dine andre hashtags.`,
    }),
    en: (p) => ({
      reason: `The program's hashtag ${str(p, 'hashtag')} is missing, and it is what brings the posts together.`,
      suggestion: `Add ${str(p, 'hashtag')} with your other hashtags.`,
    }),
  },
  COPIED_CAPTION: {
    da: (p) => ({
      reason: `${num(p, 'percent')} % af dit udkast er det samme som et af bibliotekets tekstforslag.`,
      suggestion:
        'Skriv mindst et par sætninger med dine egne ord om, hvad det betyder for dig. Folk reagerer mere på din stemme end på virksomhedens.',
    }),
    en: (p) => ({
      reason: `${num(p, 'percent')}% of your draft is the same as one of the library's suggested captions.`,
      suggestion:
        "Write at least a few sentences in your own words about what this means to you. People respond more to your voice than to the company's.",
    }),
  },
  OWN_VOICE_MISSING: {
    da: () => ({
      reason: 'Udkastet siger ikke noget om dig selv, for der står hverken »jeg« eller »vi«.',
      suggestion:
        'Fortæl i en sætning eller to, hvad du selv har oplevet, fx hvad der skete, eller hvad du lærte.',
    }),
    en: () => ({
      reason: 'The draft says nothing about you: there is no "I" or "we" in it.',
      suggestion:
        'Add a sentence or two about your own experience, such as what happened or what you learned.',
    }),
  },
  OWN_VOICE_GOOD: {
    da: () => ({
      reason: 'Du skriver om noget, du selv har oplevet, og det gør opslaget troværdigt.',
      suggestion: 'Behold de personlige detaljer, for det er dem, folk husker.',
    }),
    en: () => ({
      reason: 'You write about something you experienced yourself, which makes the post credible.',
      suggestion: 'Keep the personal details: they are what people remember.',
    }),
  },
  TONE_MISMATCH: {
    da: (p) =>
      str(p, 'tone') === 'De'
        ? {
            reason: `Programmet tiltaler læseren med »De«, men udkastet skriver »${str(p, 'word')}«.`,
            suggestion: 'Brug »De«, »Dem« og »Deres«, når du henvender dig til læseren.',
          }
        : {
            reason: `Programmet tiltaler læseren med »du«, men udkastet skriver »${str(p, 'word')}«.`,
            suggestion: 'Brug »du«, »dig« og »din« i stedet for »De«, »Dem« og »Deres«.',
          },
    en: (p) =>
      str(p, 'tone') === 'De'
        ? {
            reason: `The program addresses Danish readers formally ("De"), but the draft says "${str(p, 'word')}".`,
            suggestion: 'Address the reader with "De", "Dem" and "Deres".',
          }
        : {
            reason: `The program addresses Danish readers informally ("du"), but the draft says "${str(p, 'word')}".`,
            suggestion: 'Use "du", "dig" and "din" instead of "De", "Dem" and "Deres".',
          },
  },
  LONG_SENTENCE: {
    da: (p) => ({
      reason: `${num(p, 'count') === 1 ? 'En sætning har' : `${num(p, 'count')} sætninger har`} over ${num(p, 'max')} ord (den længste ${num(p, 'words')}), og det er svært at læse på mobilen.`,
      suggestion: 'Del de lange sætninger op i to eller tre kortere.',
    }),
    en: (p) => ({
      reason: `${num(p, 'count') === 1 ? 'One sentence has' : `${num(p, 'count')} sentences have`} more than ${num(p, 'max')} words (the longest has ${num(p, 'words')}), which is hard to read on a phone.`,
      suggestion: 'Split the long sentences into two or three shorter ones.',
    }),
  },
  WALL_OF_TEXT: {
    da: (p) => ({
      reason:
        str(p, 'kind') === 'block'
          ? `${da(num(p, 'chars'))} tegn uden en tom linje er tungt at læse på en skærm.`
          : `Et afsnit på ${da(num(p, 'chars'))} tegn uden linjeskift er tungt at læse på en skærm.`,
      suggestion: 'Del teksten op i korte afsnit med en tom linje imellem.',
    }),
    en: (p) => ({
      reason:
        str(p, 'kind') === 'block'
          ? `${en(num(p, 'chars'))} characters without a blank line are hard to read on screen.`
          : `A paragraph of ${en(num(p, 'chars'))} characters with no line break is hard to read on screen.`,
      suggestion: 'Split the text into short paragraphs with a blank line between them.',
    }),
  },
  EMOJI_AGAINST_POLICY: {
    da: (p) =>
      str(p, 'policy') === 'none'
        ? {
            reason: `Programmet bruger ikke emojis, og udkastet har ${num(p, 'count')}.`,
            suggestion: 'Fjern emojierne, eller sig det samme med ord.',
          }
        : {
            reason: `Programmet bruger emojis sparsomt (højst ${num(p, 'max')}), og udkastet har ${num(p, 'count')}.`,
            suggestion: `Behold de ${num(p, 'max')}, der betyder mest, og fjern resten.`,
          },
    en: (p) =>
      str(p, 'policy') === 'none'
        ? {
            reason: `The program uses no emoji, and the draft has ${num(p, 'count')}.`,
            suggestion: 'Remove the emoji, or say the same in words.',
          }
        : {
            reason: `The program uses emoji sparingly (at most ${num(p, 'max')}), and the draft has ${num(p, 'count')}.`,
            suggestion: `Keep the ${num(p, 'max')} that matter most and remove the rest.`,
          },
  },
  UNTRACKED_LINK: {
    da: (p) => ({
      reason: `Linket ${str(p, 'url')} går til virksomhedens egen side, men klik på det bliver ikke talt.`,
      suggestion:
        'Brug dit personlige sporede link fra Chorus i stedet, så du kan se, hvor mange der klikker.',
    }),
    en: (p) => ({
      reason: `The link ${str(p, 'url')} goes to the company's own site, but clicks on it are not counted.`,
      suggestion: 'Use your personal tracked link from Chorus instead, so you can see how many people click.',
    }),
  },
  PEOPLE_CONSENT: {
    da: (p) =>
      str(p, 'name')
        ? {
            reason: `Du nævner eller tagger ${str(p, 'name')}, og kolleger skal give lov, før de optræder i et opslag.`,
            suggestion: `Spørg ${str(p, 'name')}, om det er i orden, før du deler opslaget.`,
          }
        : {
            reason: 'Opslaget nævner et billede af kolleger, og de skal give lov, før billedet deles.',
            suggestion: 'Spørg alle på billedet, om det er i orden, før du deler det.',
          },
    en: (p) =>
      str(p, 'name')
        ? {
            reason: `You name or tag ${str(p, 'name')}, and colleagues need to agree before they appear in a post.`,
            suggestion: `Ask ${str(p, 'name')} whether it is OK before you share the post.`,
          }
        : {
            reason: 'The post mentions a photo of colleagues, and they need to agree before it is shared.',
            suggestion: 'Ask everyone in the photo whether it is OK before you share it.',
          },
  },
};

/** A finding in words, in Danish or English: a one-line reason and a concrete suggestion, never a rewrite. */
export function describeFinding(finding: Finding, language: Language): FindingText {
  // A finding stored earlier (a sparring request) may carry a code this version no longer has.
  const texts = (CATALOGUE as Partial<typeof CATALOGUE>)[finding.code];
  if (!texts) return UNKNOWN[language];
  return texts[language](finding.params);
}

const UNKNOWN: Record<Language, FindingText> = {
  da: {
    reason: 'Coachen har en bemærkning, som denne version ikke kan vise.',
    suggestion: 'Bed om feedback på udkastet igen.',
  },
  en: {
    reason: 'The coach has a remark that this version cannot show.',
    suggestion: 'Ask for feedback on the draft again.',
  },
};
