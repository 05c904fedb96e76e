import type { CoachSettings } from './types';
import { normaliseKey, phrasePattern, tokens } from './text';

// The coach answers within a second, and a 3,000-character draft is checked in about a millisecond, so
// the parts that depend only on the settings (or on the colleague list) are built once and memoised per
// object. The memo is a WeakMap: a settings object that is no longer used is forgotten with it.

/** What the coach needs from the settings, ready to run. */
export interface CompiledSettings {
  /** All blocked terms in one whole-word, case-insensitive pattern; null when there are none. */
  blocked: RegExp | null;
  /** Blocked term as configured, by its lower-case key. */
  blockedByKey: Map<string, string>;
  /** Required hashtags: `key` lower case with '#', `hashtag` as configured (with '#'). */
  required: { key: string; hashtag: string }[];
  /** The company's name (or its name without a legal suffix like "A/S") as a whole phrase; null when unset. */
  company: RegExp | null;
  companyName: string;
  /** Lower-case host names, without "www.". */
  domains: string[];
  /**
   * A company host written without "https://" or "www." ("contoso.com/job", "jobs.contoso.dk"), which
   * LinkedIn turns into a link all the same; null when there are no domains.
   */
  bareDomainLink: RegExp | null;
}

const settingsMemo = new WeakMap<CoachSettings, CompiledSettings>();

// Letters, digits or '_' on either side mean the term is part of a longer word ("Nova" in "Novalis").
const BEFORE = '(?<![\\p{L}\\p{N}_])';
const AFTER = '(?![\\p{L}\\p{N}_])';

/** A legal suffix people leave out when they name their employer. */
const LEGAL_SUFFIX = /[\s,]+(a\/s|aps|i\/s|p\/s|as|ab|inc\.?|ltd\.?|llc|gmbh|plc|corp\.?|co\.?)$/i;

/** The settings, compiled (memoised per settings object). */
export function compileSettings(settings: CoachSettings): CompiledSettings {
  const cached = settingsMemo.get(settings);
  if (cached) return cached;

  const blockedByKey = new Map<string, string>();
  for (const term of settings.blockedTerms) {
    const key = normaliseKey(term);
    if (key && !blockedByKey.has(key)) blockedByKey.set(key, term.trim());
  }
  // Longest first, so "Projekt Nova Plus" wins over "Projekt Nova" where both are blocked.
  const alternatives = [...blockedByKey.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const blocked = alternatives.length
    ? new RegExp(`${BEFORE}(?:${alternatives.map(phrasePattern).join('|')})${AFTER}`, 'giu')
    : null;

  const required: CompiledSettings['required'] = [];
  for (const tag of settings.requiredHashtags) {
    const bare = tag.trim().replace(/^#+/, '');
    if (!bare) continue;
    const key = `#${bare.toLowerCase()}`;
    if (!required.some((r) => r.key === key)) required.push({ key, hashtag: `#${bare}` });
  }

  const name = settings.companyName.trim();
  const names = [name];
  const base = name.replace(LEGAL_SUFFIX, '').trim();
  if (base && base !== name) names.push(base);
  const company = name
    ? new RegExp(`${BEFORE}(?:${names.map(phrasePattern).join('|')})${AFTER}`, 'iu')
    : null;

  const domains = [
    ...new Set(
      settings.companyDomains
        .map((d) =>
          d
            .trim()
            .toLowerCase()
            .replace(/^[a-z]+:\/\//, '')
            .replace(/[/:?#].*$/, '')
            .replace(/^www\./, '')
            .replace(/\.$/, ''),
        )
        .filter((d) => d.includes('.')),
    ),
  ];

  const bareDomainLink = domains.length
    ? new RegExp(
        `(?<![\\p{L}\\p{N}_@./:-])(?:[\\p{L}\\p{N}-]+\\.)*(?:${domains.map(phrasePattern).join('|')})(?![\\p{L}\\p{N}_-]|\\.[\\p{L}\\p{N}])(?:[/?#][^\\s<>"'«»]*)?`,
        'giu',
      )
    : null;

  const compiled: CompiledSettings = {
    blocked,
    blockedByKey,
    required,
    company,
    companyName: name,
    domains,
    bareDomainLink,
  };
  settingsMemo.set(settings, compiled);
  return compiled;
}

/** A colleague's name split into lower-case words, for matching word by word. */
export interface NameEntry {
  display: string;
  words: string[];
  /** One-word names ("Bo", "Mette") only count when written with the same capitals. */
  exact: string | null;
}

/** Colleague names by their first word (lower case). */
export type NameIndex = Map<string, NameEntry[]>;

const namesMemo = new WeakMap<readonly string[], NameIndex>();

/**
 * An index of colleague names by first word: matching it against the draft's words costs one map
 * look-up per word, whatever the number of names (a 200-name alternation would cost far more).
 */
export function indexNames(names: readonly string[]): NameIndex {
  const cached = namesMemo.get(names);
  if (cached) return cached;
  const index: NameIndex = new Map();
  const seen = new Set<string>();
  for (const display of names) {
    const words = tokens(display).map((t) => t.word.toLowerCase());
    const key = words.join(' ');
    if (words.length === 0 || seen.has(key)) continue;
    seen.add(key);
    const entry: NameEntry = {
      display: display.trim().replace(/\s+/g, ' '),
      words,
      exact: words.length === 1 ? tokens(display)[0]!.word : null,
    };
    const list = index.get(words[0]!);
    if (list) list.push(entry);
    else index.set(words[0]!, [entry]);
  }
  // Longest names first, so "Mette Hansen Berg" wins over "Mette Hansen".
  for (const list of index.values()) list.sort((a, b) => b.words.length - a.words.length);
  namesMemo.set(names, index);
  return index;
}
