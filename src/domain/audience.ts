import type { AudienceFilter } from '../contracts/recruitment';
import type { Language, Person } from './person';

// The audience rules of a recruitment campaign (docs/design/recruitment.md §7). The SQL in
// src/db/audience-reader.ts applies the same rules to the whole directory at once; these functions are
// the rules in plain code, for unit tests and for anyone reading what the SQL must do.

/** How deep "everyone under a manager" reaches; deeper reports are not counted (and cycles end). */
export const MAX_SUBTREE_DEPTH = 12;

/** How many names the preview shows. */
export const PREVIEW_SAMPLE_SIZE = 10;

/**
 * The title words as lower-case prefixes: anything but letters and digits becomes a single space, and
 * duplicates and empty words are dropped. A prefix of several words ("project eng") matches those
 * words in a row, whatever separates them in the title.
 */
export function titlePrefixes(words: readonly string[]): string[] {
  const prefixes = words
    .map((w) =>
      w
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim(),
    )
    .filter((w) => w.length > 0);
  return [...new Set(prefixes)];
}

/**
 * True when a word of the title starts with one of the prefixes, case-insensitively: the prefix is at
 * the start or follows a character that is not a letter or digit. No prefixes never match. (The SQL
 * uses the same regular expression with POSIX classes.)
 */
export function titleMatches(title: string | null, prefixes: readonly string[]): boolean {
  if (!title || prefixes.length === 0) return false;
  const alternatives = prefixes.map((p) => p.split(' ').join('[^\\p{L}\\p{N}]+')).join('|');
  return new RegExp(`(^|[^\\p{L}\\p{N}])(${alternatives})`, 'iu').test(title);
}

/** The audience language of a directory language tag: none, "da" or "da-…" is Danish, anything else English. */
export function audienceLanguage(tag: string | null | undefined): Language {
  if (!tag) return 'da';
  const primary = tag.toLowerCase().split(/[-_]/)[0];
  return primary === 'da' ? 'da' : 'en';
}

/** The filter with duplicates removed and empty lists meaning "no filter", as the SQL applies it. */
export function normaliseAudience(filter: AudienceFilter): AudienceFilter {
  const uniq = <T>(list: readonly T[]) => [...new Set(list)];
  const languages = uniq(filter.languages);
  return {
    departments: uniq(filter.departments),
    locations: uniq(filter.locations),
    titleWords: uniq(filter.titleWords),
    managerId: filter.managerId,
    includeSubtree: filter.includeSubtree,
    // Both languages select everyone, exactly like no language filter.
    languages: languages.length === 2 ? [] : languages,
  };
}

/** Who is excluded from a campaign's audience besides disabled accounts. */
export interface AudienceExclusions {
  /** Current ambassadors. */
  members: ReadonlySet<string>;
  /** People who declined this campaign. */
  declined: ReadonlySet<string>;
}

/** The ids of everyone reporting to `managerId`: direct reports only, or the subtree up to the depth limit. */
export function reportsOf(
  people: readonly Person[],
  managerId: string,
  includeSubtree: boolean,
): Set<string> {
  const byManager = new Map<string, string[]>();
  for (const p of people) {
    if (!p.managerId) continue;
    const list = byManager.get(p.managerId) ?? [];
    list.push(p.id);
    byManager.set(p.managerId, list);
  }
  const found = new Set<string>();
  let level = byManager.get(managerId) ?? [];
  for (let depth = 1; level.length > 0 && depth <= (includeSubtree ? MAX_SUBTREE_DEPTH : 1); depth++) {
    const next: string[] = [];
    for (const id of level) {
      if (found.has(id)) continue;
      found.add(id);
      next.push(...(byManager.get(id) ?? []));
    }
    level = next;
  }
  return found;
}

/**
 * The people a filter selects: enabled accounts, matching every field that has values (any value
 * within a field), minus members and people who declined the campaign.
 */
export function selectAudience(
  people: readonly Person[],
  filter: AudienceFilter,
  exclusions: AudienceExclusions = { members: new Set(), declined: new Set() },
): Person[] {
  const f = normaliseAudience(filter);
  const prefixes = titlePrefixes(f.titleWords);
  const reports = f.managerId ? reportsOf(people, f.managerId, f.includeSubtree) : null;
  return people.filter(
    (p) =>
      p.accountEnabled &&
      (f.departments.length === 0 || (p.department !== null && f.departments.includes(p.department))) &&
      (f.locations.length === 0 || (p.officeLocation !== null && f.locations.includes(p.officeLocation))) &&
      (f.titleWords.length === 0 || titleMatches(p.jobTitle, prefixes)) &&
      (reports === null || reports.has(p.id)) &&
      (f.languages.length === 0 || f.languages.includes(audienceLanguage(p.preferredLanguage))) &&
      !exclusions.members.has(p.id) &&
      !exclusions.declined.has(p.id),
  );
}
