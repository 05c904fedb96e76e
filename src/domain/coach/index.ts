import { DISCLOSURE_MARK, NETWORK_LIMITS, postLength } from '../content';
import type { Language } from '../person';
import {
  FINDING_CODES,
  SEVERITIES,
  type CoachInput,
  type CoachResult,
  type CoachSettings,
  type Finding,
} from './types';
import { compileSettings, indexNames, type CompiledSettings, type NameIndex } from './compile';
import {
  countEmoji,
  detectLanguage,
  findHashtags,
  findUrls,
  hasConcreteMoment,
  hasFirstPerson,
  isOnlyDecoration,
  sentences,
  tokens,
  withoutHashtags,
  withoutUrls,
  wordCount,
  type Token,
} from './text';
import { copiedPercent } from './similarity';

export * from './types';
export { describeFinding } from './catalogue';

/**
 * The settings the coach uses when comms has configured none. The company name is empty on purpose:
 * a made-up default name would make the "say where you work" hint name the wrong employer. With no
 * name, voluntary posts get the hint unless they already say where the author works in words
 * ("jeg arbejder hos …", "I work at …"). No domains means no untracked-link findings.
 */
export const DEFAULT_COACH_SETTINGS: CoachSettings = Object.freeze({
  companyName: '',
  blockedTerms: frozen(['fortroligt', 'confidential']),
  requiredHashtags: frozen([]),
  tone: 'du',
  emojiPolicy: 'sparing',
  companyDomains: frozen([]),
});

/**
 * A frozen list: the coach memoises what it compiles per settings object, so settings are treated as
 * immutable (spread them into a new object to change one).
 */
function frozen(list: string[]): string[] {
  return Object.freeze(list) as string[];
}

// ---- Thresholds (documented here, used in the texts through params) -----------------------------------

/** 3–5 hashtags: fewer is hard to find, more looks like spam and LinkedIn shows it less. */
export const HASHTAGS_MIN = 3;
export const HASHTAGS_MAX = 5;
/** A draft that shares this much (in %) of its word triples with one caption variant is a copy. */
export const COPIED_PERCENT = 60;
/** Sentences longer than this many words are hard to read on a phone. */
export const LONG_SENTENCE_WORDS = 30;
/** A line (no break) longer than this, or a block (no blank line) longer than WALL_BLOCK_CHARS. */
export const WALL_LINE_CHARS = 600;
export const WALL_BLOCK_CHARS = 900;
/** LinkedIn shows about this much of the first line before "…see more" on a phone. */
export const HOOK_MAX_CHARS = 140;
/** A first line with fewer words than this (and no question or number) says too little. */
export const HOOK_MIN_WORDS = 4;
/** "Sparing" emoji use. */
export const EMOJI_SPARING_MAX = 3;
/** X counts every link as this many characters. */
const X_LINK_LENGTH = 23;

// ---- The coach ------------------------------------------------------------------------------------

/** Everything the checks share, worked out once per draft. */
interface Draft {
  input: CoachInput;
  settings: CoachSettings;
  compiled: CompiledSettings;
  /** The text without leading and trailing whitespace. */
  text: string;
  /** The text with links blanked out (same length: positions match `text`). */
  plain: string;
  /** `plain` with hashtags blanked out too: the prose. */
  prose: string;
  /** The words of `prose`. */
  words: Token[];
  language: Language;
  firstPerson: boolean;
}

/**
 * Sparring on a draft the ambassador wrote: findings with a severity, sorted must fix, consider, good,
 * then by the fixed order of FINDING_CODES, then by where in the text they were found. Pure and
 * deterministic: no clock, no randomness, no I/O. It never rewrites the post: findings carry facts
 * (a term, a count, a URL), and describeFinding turns them into a reason and a suggestion.
 * What is compiled from `settings` (and from `input.colleagueNames`) is memoised per object, so
 * treat both as immutable: pass a new object when they change.
 */
export function coach(input: CoachInput, settings: CoachSettings): CoachResult {
  const compiled = compileSettings(settings);
  const text = input.text.trim();
  const plain = withoutUrls(text);
  const prose = withoutHashtags(plain);
  const words = tokens(prose);
  const language = detectLanguage(words, input.language);
  const draft: Draft = {
    input,
    settings,
    compiled,
    text,
    plain,
    prose,
    words,
    language,
    firstPerson: hasFirstPerson(words, language),
  };

  const findings: Finding[] = [];
  const add = (f: Finding) => findings.push(f);
  checkDisclosure(draft, add);
  checkBlockedTerms(draft, add);
  const { length, limit } = checkLength(draft, add);
  const copied = copiedPercent(text, input.captions);
  checkHook(draft, copied >= COPIED_PERCENT, add);
  checkHashtags(draft, add);
  checkOwnVoice(draft, copied, add);
  checkTone(draft, add);
  checkReadability(draft, add);
  checkEmoji(draft, add);
  checkLinks(draft, add);
  checkPeople(draft, add);

  return { findings: sortFindings(findings), draftLanguage: language, copiedPercent: copied, length, limit };
}

const SEVERITY_ORDER = new Map(SEVERITIES.map((s, i) => [s, i]));
const CODE_ORDER = new Map(FINDING_CODES.map((c, i) => [c, i]));

/** Must fix, consider, good; then the fixed code order. Stable, so text order holds within a code. */
function sortFindings(findings: Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort(
      (a, b) =>
        SEVERITY_ORDER.get(a.f.severity)! - SEVERITY_ORDER.get(b.f.severity)! ||
        CODE_ORDER.get(a.f.code)! - CODE_ORDER.get(b.f.code)! ||
        a.i - b.i,
    )
    .map((x) => x.f);
}

type Add = (finding: Finding) => void;

// ---- Disclosure ------------------------------------------------------------------------------------

/** Anything before the first word: spaces, emoji, brackets, quotes, "**" (not '#' or '@'). */
const LEAD_RE = /^[^\p{L}\p{N}#@]+/u;
/** The marking as the first word (content.ts's ACCEPTED_MARKS, Unicode-aware). */
const MARK_FIRST_RE = /^(reklame|annonce|advertisement)(?![\p{L}\p{N}_])/iu;
/** The marking first, but as a hashtag: a tag is not a marking (PRODUCT.md). */
const MARK_HASHTAG_FIRST_RE = /^#(reklame|annonce|advertisement)(?![\p{L}\p{N}_])/iu;
/** The marking anywhere else (content.ts's MISPLACED_MARKS). */
const MARK_ANYWHERE_RE = /(?<![\p{L}\p{N}_])#?(reklame|annonce|advertisement)(?![\p{L}\p{N}_])/iu;
/**
 * Markings that say too little (content.ts's WEAK_MARKS): "#ad", "spons", "sponsored", "paid
 * partnership". A bare "ad" only counts in English drafts: in Danish it is an ordinary word ("ad
 * omveje", "ad åre").
 */
const WEAK_RE: Record<Language, RegExp> = {
  da: /(?<![\p{L}\p{N}_])(?:#ad|#ads|#?spons|#sponsor|#?sponsoreret|#?sponsored|#samarbejde|i samarbejde med|#?betalt ?partnerskab|#?paid ?partnership)(?![\p{L}\p{N}_])/iu,
  en: /(?<![\p{L}\p{N}_])(?:#?ad|#ads|#?spons|#sponsor|#?sponsoreret|#?sponsored|#?paid ?partnership|#partner)(?![\p{L}\p{N}_])/iu,
};

/** How people say where they work, when the company name is not configured. */
const WORKPLACE_RE: Record<Language, RegExp> = {
  da: /(?<![\p{L}])(?:arbejder (?:hos|i|på|for|ved)|ansat (?:hos|i|på|ved)|min arbejdsplads|mit arbejde|min arbejdsgiver|hos os|vores virksomhed|mine kolleger)(?![\p{L}])/iu,
  en: /(?<![\p{L}])(?:i work (?:at|for|with|in)|working (?:at|for)|my employer|my company|our company|my colleagues|employed (?:at|by))(?![\p{L}])/iu,
};

/**
 * Program content (shared on request) is advertising: it must start with "Reklame" or "Annonce"
 * ("Advertisement" in English; the Danish words are accepted in English posts too). A marking
 * later in the post, a hashtag marking, or "#ad"/"spons" is not enough. Voluntary posts get the
 * "say where you work" hint instead.
 */
function checkDisclosure(d: Draft, add: Add) {
  // The word the coach suggests is the tenant's (brand style); the Danish words are accepted regardless.
  const mark = d.settings.disclosureMarks?.[d.language] ?? DISCLOSURE_MARK[d.language];
  if (d.input.kind === 'voluntary') {
    const name = d.compiled.companyName;
    const said = d.compiled.company ? d.compiled.company.test(d.text) : WORKPLACE_RE[d.language].test(d.text);
    if (!said) add({ code: 'SAY_WHERE_YOU_WORK', severity: 'consider', params: { company: name } });
    return;
  }
  const lead = d.text.replace(LEAD_RE, '');
  const first = MARK_FIRST_RE.exec(lead);
  if (first) {
    add({ code: 'DISCLOSURE_OK', severity: 'good', params: { found: first[0] } });
    return;
  }
  const hashtagFirst = MARK_HASHTAG_FIRST_RE.exec(lead);
  if (hashtagFirst) {
    add({ code: 'DISCLOSURE_WEAK', severity: 'must_fix', params: { found: hashtagFirst[0], mark } });
    return;
  }
  const elsewhere = MARK_ANYWHERE_RE.exec(d.text);
  if (elsewhere) {
    add({ code: 'DISCLOSURE_MISPLACED', severity: 'must_fix', params: { found: elsewhere[0], mark } });
    return;
  }
  const weak = WEAK_RE[d.language].exec(d.plain);
  if (weak) {
    add({ code: 'DISCLOSURE_WEAK', severity: 'must_fix', params: { found: weak[0], mark } });
    return;
  }
  add({ code: 'DISCLOSURE_MISSING', severity: 'must_fix', params: { mark } });
}

// ---- Confidentiality ----------------------------------------------------------------------------------

/** Each blocked term found (whole word or phrase, any case), once, in order of first appearance. */
function checkBlockedTerms(d: Draft, add: Add) {
  const re = d.compiled.blocked;
  if (!re) return;
  const seen = new Set<string>();
  for (const m of d.text.matchAll(re)) {
    const key = m[0].replace(/\s+/g, ' ').toLowerCase();
    const term = d.compiled.blockedByKey.get(key) ?? m[0];
    if (seen.has(term)) continue;
    seen.add(term);
    add({ code: 'BLOCKED_TERM', severity: 'must_fix', params: { term } });
  }
}

// ---- Network limits ---------------------------------------------------------------------------------

const NETWORK_NAMES: Record<CoachInput['network'], string> = {
  linkedin: 'LinkedIn',
  x: 'X',
  instagram: 'Instagram',
  tiktok: 'TikTok',
  facebook: 'Facebook',
};

/** The length the network counts (X counts each link as 23 characters) against its limit. */
function checkLength(d: Draft, add: Add): { length: number; limit: number } {
  const network = d.input.network;
  const limit = NETWORK_LIMITS[network];
  const counted =
    network === 'x' ? d.text.replace(/(?:https?:\/\/|www\.)\S+/giu, 'x'.repeat(X_LINK_LENGTH)) : d.text;
  const length = postLength(network, counted, null);
  if (length > limit) {
    add({
      code: 'TOO_LONG',
      severity: 'must_fix',
      params: { length, limit, over: length - limit, network: NETWORK_NAMES[network] },
    });
  }
  return { length, limit };
}

// ---- The hook ---------------------------------------------------------------------------------------

/** The marking at the start of the first line, with what separates it from the rest ("Reklame: "). */
const MARK_PREFIX_RE = /^[^\p{L}\p{N}#@]*#?(?:reklame|annonce|advertisement)(?![\p{L}\p{N}_])[\s:|.,!–—-]*/iu;

/** Openers that could start any post: they give the reader no reason to click "see more". */
const GENERIC_OPENERS: Record<Language, RegExp> = {
  da: /^(?:se her|tjek|check|kig her|vi er (?:meget |rigtig |så )?(?:stolte|glade|begejstrede)|jeg er (?:meget |rigtig |så )?(?:stolt|glad|begejstret) for at (?:kunne )?(?:dele|fortælle|annoncere|præsentere)|spændende nyhed|stor nyhed|store nyheder|nyt fra|hej alle|hej netværk|kære netværk|kære alle)(?![\p{L}])/iu,
  en: /^(?:check this out|check out|check it out|look at this|we are (?:so |very )?(?:proud|excited|happy|thrilled)|we're (?:so |very )?(?:proud|excited|happy|thrilled)|i am (?:so |very )?(?:proud|excited|happy|thrilled) to (?:share|announce)|i'm (?:so |very )?(?:proud|excited|happy|thrilled) to (?:share|announce)|exciting news|big news|great news|hello everyone|hi everyone|hello all|dear network|happy to (?:share|announce))(?![\p{L}])/iu,
};

/**
 * The hook is what LinkedIn shows before "…see more": the first two non-empty lines, after the
 * advertising marking (a marking alone on the first line is skipped).
 * - HOOK_MISSING: no first line, or one with only hashtags, links, mentions or emoji.
 * - HOOK_WEAK: a generic opener ("Se her", "Vi er stolte af…", "Check this out", "We are proud…"),
 *   a first line over 140 characters, or a lone first line under four words with no question or number.
 * - HOOK_GOOD: otherwise, when the hook asks a question, has a number, or is a first-person concrete
 *   moment ("I morges stod jeg…", "Yesterday I…"). Not when the draft is a copied caption: the coach
 *   praises only what is the ambassador's own.
 */
function checkHook(d: Draft, copied: boolean, add: Add) {
  const lines: string[] = [];
  let first = true;
  for (const raw of d.text.split(/\r?\n/)) {
    let line = raw.trim();
    if (first && line) {
      first = false;
      line = line.replace(MARK_PREFIX_RE, '').trim();
    }
    if (line) lines.push(line);
    if (lines.length === 2) break;
  }
  const hook = lines[0];
  if (hook === undefined || isOnlyDecoration(hook)) {
    add({ code: 'HOOK_MISSING', severity: 'consider', params: {} });
    return;
  }
  const opener = hook.replace(/^[^\p{L}\p{N}]+/u, '').replace(/’/g, "'");
  // Both languages' openers: "Check this out" is as generic at the start of a Danish post.
  if (GENERIC_OPENERS.da.test(opener) || GENERIC_OPENERS.en.test(opener)) {
    add({ code: 'HOOK_WEAK', severity: 'consider', params: { reason: 'generic' } });
    return;
  }
  const chars = [...hook].length;
  if (chars > HOOK_MAX_CHARS) {
    add({ code: 'HOOK_WEAK', severity: 'consider', params: { reason: 'long', chars, max: HOOK_MAX_CHARS } });
    return;
  }
  const both = lines.join('\n');
  const hookPlain = withoutHashtags(withoutUrls(both));
  // A '?' in a link ("?utm_source=…") is no question.
  const question = hookPlain.includes('?');
  const number = /\p{N}/u.test(hookPlain);
  if (
    lines.length === 1 &&
    wordCount(withoutHashtags(withoutUrls(hook))) < HOOK_MIN_WORDS &&
    !question &&
    !number
  ) {
    add({ code: 'HOOK_WEAK', severity: 'consider', params: { reason: 'short', min: HOOK_MIN_WORDS } });
    return;
  }
  const moment = hasFirstPerson(tokens(hookPlain), d.language) && hasConcreteMoment(hookPlain, d.language);
  if (!copied && (question || number || moment)) {
    add({
      code: 'HOOK_GOOD',
      severity: 'good',
      params: { reason: question ? 'question' : number ? 'number' : 'moment' },
    });
  }
}

// ---- Hashtags ---------------------------------------------------------------------------------------

/** 3–5 distinct hashtags; each required program hashtag (must fix on program posts, consider otherwise). */
function checkHashtags(d: Draft, add: Add) {
  const tags = findHashtags(d.plain);
  if (tags.length > HASHTAGS_MAX) {
    add({
      code: 'HASHTAGS_TOO_MANY',
      severity: 'consider',
      params: { count: tags.length, min: HASHTAGS_MIN, max: HASHTAGS_MAX },
    });
  } else if (tags.length < HASHTAGS_MIN) {
    // The brand style's suggested hashtags the post lacks, as ideas (only when comms set some).
    const ideas = (d.settings.suggestedHashtags ?? []).filter((h) => !tags.includes(h.toLowerCase()));
    add({
      code: 'HASHTAGS_TOO_FEW',
      severity: 'consider',
      params: {
        count: tags.length,
        min: HASHTAGS_MIN,
        max: HASHTAGS_MAX,
        ...(ideas.length ? { suggested: ideas.slice(0, 3).join(' ') } : {}),
      },
    });
  }
  const have = new Set(tags);
  for (const { key, hashtag } of d.compiled.required) {
    if (!have.has(key)) {
      add({
        code: 'HASHTAG_REQUIRED_MISSING',
        severity: d.input.kind === 'program' ? 'must_fix' : 'consider',
        params: { hashtag },
      });
    }
  }
}

// ---- Own voice --------------------------------------------------------------------------------------

/**
 * Copied from a caption variant (≥ 60 % of the draft's word triples): a nudge to use their own words.
 * No first-person word: a nudge toward their own experience. First person and a concrete moment (a
 * time word or a number): praise, unless the draft is mostly a copied caption.
 */
function checkOwnVoice(d: Draft, copied: number, add: Add) {
  const isCopy = copied >= COPIED_PERCENT;
  if (isCopy) add({ code: 'COPIED_CAPTION', severity: 'consider', params: { percent: copied } });
  if (!d.firstPerson) {
    add({ code: 'OWN_VOICE_MISSING', severity: 'consider', params: {} });
  } else if (!isCopy && hasConcreteMoment(d.prose, d.language)) {
    add({ code: 'OWN_VOICE_GOOD', severity: 'good', params: {} });
  }
}

// ---- Tone and readability ---------------------------------------------------------------------------

const FORMAL_RE = /(?<![\p{L}\p{N}_])(?:De|Dem|Deres)(?![\p{L}\p{N}_])/gu;
const INFORMAL_RE = /(?<![\p{L}\p{N}_])(?:du|dig|din|dit|dine|jer|jeres)(?![\p{L}\p{N}_])/iu;

/**
 * Danish drafts only. Tone 'du': formal "De", "Dem", "Deres" with a capital, except at the start of a
 * sentence, where "De"/"Dem"/"Deres" also mean "they"/"them"/"their". Tone 'De': addressing the reader
 * with "du", "dig", "din", "dit", "dine", "jer", "jeres". One finding, with the first word found.
 */
function checkTone(d: Draft, add: Add) {
  if (d.language !== 'da') return;
  const tone = d.settings.tone;
  if (tone === 'du') {
    for (const m of d.plain.matchAll(FORMAL_RE)) {
      // What comes before, back to the last letter or sentence mark (a short window is enough).
      const before = d.plain
        .slice(Math.max(0, m.index - 40), m.index)
        .replace(/[^\p{L}\p{N}.!?:;…\n]+$/u, '');
      if (before === '' || /[.!?:;…\n]$/u.test(before)) continue;
      add({ code: 'TONE_MISMATCH', severity: 'consider', params: { word: m[0], tone } });
      return;
    }
  } else {
    const m = INFORMAL_RE.exec(d.plain);
    if (m) add({ code: 'TONE_MISMATCH', severity: 'consider', params: { word: m[0], tone } });
  }
}

/** Sentences over 30 words (one finding: the longest and how many), and walls of text. */
function checkReadability(d: Draft, add: Add) {
  let longest = 0;
  let count = 0;
  // The marking ("Reklame:") is not part of the first sentence.
  for (const s of sentences(d.prose.replace(MARK_PREFIX_RE, ''))) {
    const n = wordCount(s);
    if (n > LONG_SENTENCE_WORDS) {
      count++;
      if (n > longest) longest = n;
    }
  }
  if (count > 0) {
    add({
      code: 'LONG_SENTENCE',
      severity: 'consider',
      params: { words: longest, max: LONG_SENTENCE_WORDS, count },
    });
  }
  let line = 0;
  for (const l of d.text.split(/\r?\n/)) line = Math.max(line, [...l.trim()].length);
  let block = 0;
  for (const b of d.text.split(/\r?\n[ \t]*\r?\n/)) block = Math.max(block, [...b.trim()].length);
  if (line > WALL_LINE_CHARS) {
    add({
      code: 'WALL_OF_TEXT',
      severity: 'consider',
      params: { chars: line, max: WALL_LINE_CHARS, kind: 'line' },
    });
  } else if (block > WALL_BLOCK_CHARS) {
    add({
      code: 'WALL_OF_TEXT',
      severity: 'consider',
      params: { chars: block, max: WALL_BLOCK_CHARS, kind: 'block' },
    });
  }
}

/** 'none': any emoji; 'sparing': more than three; 'free': never. */
function checkEmoji(d: Draft, add: Add) {
  const policy = d.settings.emojiPolicy;
  if (policy === 'free') return;
  const max = policy === 'none' ? 0 : EMOJI_SPARING_MAX;
  const count = countEmoji(d.text);
  if (count > max)
    add({ code: 'EMOJI_AGAINST_POLICY', severity: 'consider', params: { count, max, policy } });
}

// ---- Links ------------------------------------------------------------------------------------------

/** Trailing punctuation that ends a sentence rather than a link. */
const URL_TAIL_RE = /[.,;:!?)\]}'"»…]+$/u;
/** A Chorus tracked link's path. */
const TRACKED_PATH_RE = /^\/r\/[A-Za-z0-9_-]+\/?$/;

/** Host of a link, lower case, or null when it is not a valid URL. */
function hostAndPath(url: string): { host: string; path: string } | null {
  try {
    const u = new URL(/^https?:\/\//i.test(url) ? url : `https://${url}`);
    return { host: u.hostname.toLowerCase().replace(/\.$/, ''), path: u.pathname };
  } catch {
    return null;
  }
}

/**
 * Each link to a company domain (or a subdomain) that is not a tracked link (/r/<code>), once, in
 * order of appearance: links with "https://" or "www.", and company hosts written bare ("contoso.com/job").
 */
function checkLinks(d: Draft, add: Add) {
  const domains = d.compiled.domains;
  if (domains.length === 0 || !d.compiled.bareDomainLink) return;
  const links = findUrls(d.text);
  const spans = links.map((l) => [l.index, l.index + l.url.length] as const);
  for (const m of d.text.matchAll(d.compiled.bareDomainLink)) {
    if (spans.some(([from, to]) => m.index >= from && m.index < to)) continue;
    links.push({ url: m[0].replace(URL_TAIL_RE, ''), index: m.index });
  }
  links.sort((a, b) => a.index - b.index);
  const seen = new Set<string>();
  for (const { url } of links) {
    if (seen.has(url)) continue;
    seen.add(url);
    const parsed = hostAndPath(url);
    if (!parsed) continue;
    const ours = domains.some((dom) => parsed.host === dom || parsed.host.endsWith(`.${dom}`));
    if (ours && !TRACKED_PATH_RE.test(parsed.path)) {
      add({ code: 'UNTRACKED_LINK', severity: 'consider', params: { url } });
    }
  }
}

// ---- People and photos ------------------------------------------------------------------------------

const MENTION_RE = /(?<![\p{L}\p{N}_.])@([\p{L}][\p{L}\p{N}_.-]*)/gu;
const COLLEAGUE_WORD_RE =
  /(?<![\p{L}])(?:kollega|kollegaer|kolleger|kollegaen|kollegerne|kollegaerne|colleague|colleagues)(?![\p{L}])/iu;
const PHOTO_WORD_RE =
  /(?<![\p{L}])(?:billede|billeder|billedet|billederne|foto|fotos|fotoet|photo|photos|picture|pictures|selfie|selfies)(?![\p{L}])/iu;

/** The longest colleague name starting at word `i`, when the words between are only separated by spaces. */
function nameAt(words: readonly Token[], i: number, text: string, names: NameIndex): string | null {
  const word = words[i]!.word;
  const candidates = names.get(word.toLowerCase());
  if (!candidates) return null;
  for (const entry of candidates) {
    if (entry.exact !== null) {
      if (word === entry.exact) return entry.display;
      continue;
    }
    if (i + entry.words.length > words.length) continue;
    let ok = true;
    for (let k = 1; k < entry.words.length && ok; k++) {
      const prev = words[i + k - 1]!;
      const cur = words[i + k]!;
      ok =
        cur.word.toLowerCase() === entry.words[k] &&
        /^[\s-]+$/.test(text.slice(prev.index + prev.word.length, cur.index));
    }
    if (ok) return entry.display;
  }
  return null;
}

/**
 * Naming or tagging colleagues, or a photo of colleagues: a reminder to ask for their consent. One
 * finding per person (by name), in order of appearance; one without a name for "a photo of my
 * colleagues" when nobody is named. Tagging the company itself is not a person.
 */
function checkPeople(d: Draft, add: Add) {
  const names = d.input.colleagueNames?.length ? indexNames(d.input.colleagueNames) : null;
  const found: { name: string; index: number }[] = [];
  // Tagging the company's own page ("@Contoso", "@contoso_dk") is not tagging a person.
  const company = (d.compiled.companyName.toLowerCase().match(/[\p{L}\p{N}]+/u) ?? [''])[0];

  for (const m of d.plain.matchAll(MENTION_RE)) {
    const handle = m[1]!.replace(/[.-]+$/, '');
    const lower = handle.toLowerCase();
    if (company && handle.length > 2 && (lower.startsWith(company) || company.startsWith(lower))) continue;
    // "@Mette Hansen": the whole name when it is a colleague's, else the handle as written.
    const at = names ? d.words.findIndex((w) => w.index === m.index + 1) : -1;
    const full = names && at >= 0 ? nameAt(d.words, at, d.prose, names) : null;
    found.push({ name: full ?? handle, index: m.index });
  }
  if (names) {
    for (let i = 0; i < d.words.length; i++) {
      const name = nameAt(d.words, i, d.prose, names);
      if (name) found.push({ name, index: d.words[i]!.index });
    }
  }
  found.sort((a, b) => a.index - b.index);
  const seen = new Set<string>();
  for (const { name } of found) {
    const key = name.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    add({ code: 'PEOPLE_CONSENT', severity: 'consider', params: { name } });
  }
  if (seen.size === 0 && COLLEAGUE_WORD_RE.test(d.plain) && PHOTO_WORD_RE.test(d.plain)) {
    add({ code: 'PEOPLE_CONSENT', severity: 'consider', params: { kind: 'photo' } });
  }
}
