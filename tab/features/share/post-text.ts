import type { Language, Network } from '@contracts';

/**
 * The post rules the share dialog and the admin preview show live. They mirror the server's
 * (src/domain/content.ts), which has the last word: the tab may not import server code.
 */

/** Characters each network allows in a post. */
export const NETWORK_LIMITS: Record<Network, number> = {
  linkedin: 3000,
  x: 280,
  instagram: 2200,
  tiktok: 2200,
  facebook: 63_206,
};

/** X counts every link as 23 characters, whatever its length. */
export const X_LINK_LENGTH = 23;

/** The length a network counts for `text` followed by a line with `link`. */
export function postLength(network: Network, text: string, link: string | null): number {
  const body = [...text].length;
  if (!link) return body;
  return body + 1 + (network === 'x' ? X_LINK_LENGTH : [...link].length);
}

/** The marking an advertising post starts with, per language (the Danish Consumer Ombudsman's rule). */
export const DISCLOSURE_MARK: Record<Language, string> = { da: 'Reklame', en: 'Advertisement' };
const ACCEPTED_MARKS = /^(reklame|annonce|advertisement)\b/i;
const WEAK_MARKS = /(#?\bad\b|#?\bspons(ored)?\b|#reklame\b|#annonce\b|\breklame\b|\bannonce\b)/i;

export interface Disclosed {
  /** The text as it will be posted: with the marking first when the item is advertising. */
  text: string;
  /** Whether the marking is added in front of what the person wrote. */
  added: boolean;
  /** A marking somewhere else in the text ("#ad" at the end) that does not count. */
  misplaced: boolean;
}

export function withDisclosure(text: string, advertising: boolean, language: Language): Disclosed {
  if (!advertising) return { text, added: false, misplaced: false };
  const trimmed = text.trimStart();
  if (ACCEPTED_MARKS.test(trimmed)) return { text: trimmed, added: false, misplaced: false };
  return {
    text: `${DISCLOSURE_MARK[language]}: ${trimmed}`,
    added: true,
    misplaced: WEAK_MARKS.test(trimmed),
  };
}

/** The host name of a link, for link cards ("example.com"). */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}
