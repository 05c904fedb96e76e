import type { Language } from '../person';

// Text helpers for the sparring coach: pure, allocation-light, Unicode-aware (æ, ø and å are letters).

/** A link as people paste it: with a scheme, or starting with "www.". */
const URL_RE = /(?<![\p{L}\p{N}_@.])(?:https?:\/\/|www\.)[^\s<>"'«»]+/giu;
/** Trailing punctuation that ends a sentence rather than a link. */
const URL_TAIL_RE = /[.,;:!?)\]}'"»…]+$/u;
/** A hashtag: '#' and at least one letter (so "#1 in Denmark" is not one). */
const HASHTAG_RE = /(?<![\p{L}\p{N}_&/#])#([\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*)/gu;
/** A word: letters and digits, with inner apostrophes ("I'm", "we’ve"). */
const WORD_RE = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
/**
 * One emoji as a person sees it: a flag (two regional indicators), or a pictograph with its
 * variation selector, skin tone and zero-width-joined parts. ©, ® and ™ are not counted.
 */
const EMOJI_RE =
  /\p{RI}\p{RI}|(?:\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F)(?:\p{EMod}|\uFE0F)?(?:\u200D\p{Extended_Pictographic}\uFE0F?\p{EMod}?)*/gu;

/** A URL found in the text, as written (without trailing punctuation), and where it starts. */
export interface FoundUrl {
  url: string;
  index: number;
}

/** Every link in the text, in order of appearance. */
export function findUrls(text: string): FoundUrl[] {
  const found: FoundUrl[] = [];
  for (const m of text.matchAll(URL_RE)) {
    const url = m[0].replace(URL_TAIL_RE, '');
    if (url.length > 4) found.push({ url, index: m.index });
  }
  return found;
}

/** Spaces as long as the match: positions in the result are positions in the original text. */
const blank = (m: string) => ' '.repeat(m.length);

/**
 * The text with its links blanked out (same length, so positions still match), so that words and
 * hashtags inside links are not seen.
 */
export function withoutUrls(text: string): string {
  return text.replace(URL_RE, blank);
}

/** Distinct hashtags (lower case, with '#'), in order of first appearance. Links must be removed first. */
export function findHashtags(textWithoutUrls: string): string[] {
  const seen = new Set<string>();
  for (const m of textWithoutUrls.matchAll(HASHTAG_RE)) seen.add(`#${m[1]!.toLowerCase()}`);
  return [...seen];
}

/** The text with hashtags blanked out (same length), for word counts, names and similarity. */
export function withoutHashtags(text: string): string {
  return text.replace(HASHTAG_RE, blank);
}

/** A word and where it starts. */
export interface Token {
  word: string;
  index: number;
}

/** The words of a text, as written, with their positions. */
export function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD_RE)) out.push({ word: m[0], index: m.index });
  return out;
}

/** The number of words in a text. */
export function wordCount(text: string): number {
  let n = 0;
  WORD_RE.lastIndex = 0;
  while (WORD_RE.exec(text)) n++;
  return n;
}

/** The number of emoji a reader sees. */
export function countEmoji(text: string): number {
  let n = 0;
  EMOJI_RE.lastIndex = 0;
  while (EMOJI_RE.exec(text)) n++;
  return n;
}

/** True when a line has no words or numbers once links, hashtags, mentions and emoji are taken out. */
export function isOnlyDecoration(line: string): boolean {
  const rest = withoutHashtags(withoutUrls(line)).replace(/@[\p{L}\p{N}_.-]+/gu, ' ');
  return !/[\p{L}\p{N}]/u.test(rest);
}

/**
 * Escapes a literal for a RegExp, and lets any run of whitespace in it match any run in the text
 * (so "projekt  nova" still matches "Projekt Nova").
 */
export function phrasePattern(literal: string): string {
  return (
    literal
      .trim()
      .replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
      // Under the u flag "\-" is not a valid escape; a hyphen outside a class needs none, "\x2d" is safe.
      .replace(/-/g, '\\x2d')
      .replace(/\s+/g, '\\s+')
  );
}

/** Lower case with whitespace collapsed: the key under which a term or name is looked up. */
export function normaliseKey(s: string): string {
  return s.trim().replace(/\s+/g, ' ').toLowerCase();
}

// ---- Language detection -----------------------------------------------------------------------------

// Frequent function words that are words in only one of the two languages. Left out on purpose:
// "i" (Danish "in", English "I"), "for", "at", "to" (Danish "two"), "men" (Danish "but"), "over",
// "under", "her", "team" (Danish uses it too); "is" is kept (Danish "is", ice, is rare in posts).
const DA_STOPWORDS = new Set(
  (
    'og er det den til på med af som har ikke der så kan om var et fra være vores jeg vi hvor når nu ' +
    'også eller skal blev bliver efter mig os dig du din dit min mit mine hos meget rigtig godt alle nye ' +
    'ny vil få får kunne dag tak hvad hvordan hvorfor mere mange sammen hej kære ud op ind går gik ' +
    'lige være været havde sin sit sine jer jeres de dem deres noget nogle kun ingen hele første'
  ).split(' '),
);
const EN_STOPWORDS = new Set(
  (
    'the and of is it that on with was we our my this be are have from by not or but you they will can ' +
    'about what so an has who their your just more new been were would how all when which there than ' +
    "into out up do did does its it’s it's i'm i’m we're we’re very proud working today " +
    'yesterday week people us me these those our them'
  ).split(' '),
);

/**
 * The language a draft is written in, by counting words that belong to only one of the two
 * languages (and æ, ø, å as Danish). A tie keeps `fallback` (the reader's language).
 */
export function detectLanguage(words: readonly Token[], fallback: Language): Language {
  let da = 0;
  let en = 0;
  for (const { word } of words) {
    const w = word.toLowerCase();
    if (DA_STOPWORDS.has(w)) da++;
    else if (EN_STOPWORDS.has(w)) en++;
    if (/[æøå]/.test(w)) da++;
  }
  if (da > en) return 'da';
  if (en > da) return 'en';
  return fallback;
}

// ---- First person and concrete moments ----------------------------------------------------------------

const DA_FIRST_PERSON = new Set(['jeg', 'mig', 'min', 'mit', 'mine', 'vi', 'os', 'vores']);
const EN_FIRST_PERSON = new Set([
  'i',
  "i'm",
  "i've",
  "i'd",
  "i'll",
  'me',
  'my',
  'mine',
  'myself',
  'we',
  "we're",
  "we've",
  "we'd",
  "we'll",
  'us',
  'our',
  'ours',
  'ourselves',
]);

/** True when the words include a first-person word of the draft's language ("US", the country, is not "us"). */
export function hasFirstPerson(words: readonly Token[], language: Language): boolean {
  const set = language === 'da' ? DA_FIRST_PERSON : EN_FIRST_PERSON;
  for (const { word } of words) {
    if (word === 'US') continue;
    if (set.has(word.toLowerCase().replace(/’/g, "'"))) return true;
  }
  return false;
}

const DA_DAYS = ['mandags', 'tirsdags', 'onsdags', 'torsdags', 'fredags', 'lørdags', 'søndags'];
const EN_DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const MOMENT_RE: Record<Language, RegExp> = {
  da: new RegExp(
    `(?<![\\p{L}])(?:i dag|idag|i går|igår|i morges|i aftes|i nat|i formiddags|i eftermiddags|i weekenden|` +
      `i morgen|(?:i )?(?:sidste|forrige|denne) (?:uge|måned|år|weekend)|forleden|for nylig|første gang|` +
      `i sommer|i vinter|i foråret|i efteråret|i ${DA_DAYS.join('|i ')})(?![\\p{L}])`,
    'iu',
  ),
  en: new RegExp(
    `(?<![\\p{L}])(?:today|yesterday|tonight|tomorrow|this (?:morning|afternoon|evening|week|month|year|` +
      `weekend|summer|spring|autumn|fall|winter)|last (?:night|week|month|year|weekend)|recently|` +
      `the other day|first time|on (?:${EN_DAYS.join('|')}))(?![\\p{L}])`,
    'iu',
  ),
};

/** True when the text names a concrete moment: a time word of its language, or a number. */
export function hasConcreteMoment(text: string, language: Language): boolean {
  return /\p{N}/u.test(text) || MOMENT_RE[language].test(text);
}

// ---- Sentences and blocks ----------------------------------------------------------------------------

/** The sentences of a text: split at . ! ? … followed by a space, and at every line break. */
export function sentences(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    for (const s of line.split(/(?<=[.!?…])\s+/u)) if (s.trim()) out.push(s);
  }
  return out;
}
