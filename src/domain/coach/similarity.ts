import { withoutHashtags, withoutUrls } from './text';

// How much of a draft is copied from a library caption variant. Both texts are normalised the same
// way (lower case; the advertising marking, links, hashtags, @ signs and punctuation taken out) and
// cut into word triples ("shingles"). The score is the share of the draft's triples that also occur in
// the caption: containment, not symmetric similarity, because a draft that pastes the whole caption
// and adds one line of its own is still a copy, while a long personal post that quotes one sentence
// of a caption is not.
//
// A draft that links to no library item is compared with the captions of up to 200 live items (the
// spar-draft service), a thousand variants or more. So triples are 32-bit hashes, not strings, each
// caption's triples are memoised by its text, and the work per caption is one look-up per triple of
// the caption (about 70 for a 400-character caption), not per triple of the draft. Two different
// triples sharing a hash is possible but so rare (1 in 4 billion per pair) that it cannot move a
// percentage.

const MARK_PREFIX_RE = /^[^\p{L}\p{N}#@]*#?(?:reklame|annonce|advertisement)(?![\p{L}\p{N}_])/iu;
const WORD_RE = /[\p{L}\p{N}]+/gu;

/** The normalised words of a text. */
export function normalisedWords(text: string): string[] {
  const prose = withoutHashtags(withoutUrls(text.trim().replace(MARK_PREFIX_RE, ''))).toLowerCase();
  return prose.match(WORD_RE) ?? [];
}

/** FNV-1a, 32 bits. */
function wordHash(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) {
    h ^= word.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A hash of three word hashes, in order ("a b c" and "c b a" differ). */
function tripleHash(a: number, b: number, c: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13) ^ b, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16) ^ c, 0x27d4eb2d);
  return (h ^ (h >>> 15)) >>> 0;
}

/** The distinct word triples of a text, hashed (a text of one or two words has one "triple"). */
export function shingles(text: string): Set<number> {
  const hashes = normalisedWords(text).map(wordHash);
  const out = new Set<number>();
  if (hashes.length === 1) out.add(tripleHash(hashes[0]!, 0, 0));
  if (hashes.length === 2) out.add(tripleHash(hashes[0]!, hashes[1]!, 0));
  for (let i = 0; i + 2 < hashes.length; i++) out.add(tripleHash(hashes[i]!, hashes[i + 1]!, hashes[i + 2]!));
  return out;
}

// Caption variants come from the library and repeat across requests. About 300 bytes per caption.
const captionMemo = new Map<string, Uint32Array>();
const CAPTION_MEMO_MAX = 20_000;

function captionShingles(caption: string): Uint32Array {
  let set = captionMemo.get(caption);
  if (!set) {
    set = Uint32Array.from(shingles(caption));
    // Bounded: when full, start over (results never depend on the memo, only the time does).
    if (captionMemo.size >= CAPTION_MEMO_MAX) captionMemo.clear();
    captionMemo.set(caption, set);
  }
  return set;
}

/** 0–100: the share of the draft's word triples found in the closest caption variant, rounded. */
export function copiedPercent(draft: string, captions: readonly string[]): number {
  if (captions.length === 0) return 0;
  const mine = shingles(draft);
  if (mine.size === 0) return 0;
  let best = 0;
  for (const caption of captions) {
    const theirs = captionShingles(caption);
    // Both sides are distinct triples, so counting the caption's triples found in the draft is the
    // size of the intersection.
    let shared = 0;
    for (let i = 0; i < theirs.length; i++) if (mine.has(theirs[i]!)) shared++;
    if (shared > best) best = shared;
  }
  return Math.round((100 * best) / mine.size);
}
