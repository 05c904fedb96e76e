import { AppError, type FieldProblem } from './errors';
import { msg } from './messages';
import type { Language } from './person';
import type { Network } from './program';

/** The workflow: draft → in review → approved (published) → archived, or rejected back to the author. */
export const CONTENT_STATUSES = ['draft', 'in_review', 'approved', 'rejected', 'archived'] as const;
export type ContentStatus = (typeof CONTENT_STATUSES)[number];

export type ContentAction = 'submit' | 'approve' | 'reject' | 'archive' | 'edit';

const ALLOWED: Record<
  Exclude<ContentAction, 'edit'>,
  { from: readonly ContentStatus[]; to: ContentStatus }
> = {
  submit: { from: ['draft', 'rejected'], to: 'in_review' },
  approve: { from: ['in_review'], to: 'approved' },
  reject: { from: ['in_review'], to: 'rejected' },
  archive: { from: ['draft', 'in_review', 'approved', 'rejected'], to: 'archived' },
};

/** The status after an action, or a CONFLICT error naming why it is not allowed now. */
export function nextStatus(current: ContentStatus, action: Exclude<ContentAction, 'edit'>): ContentStatus {
  const rule = ALLOWED[action];
  if (!rule.from.includes(current)) {
    throw new AppError('CONFLICT', msg('transitionRefused', { status: current, action }));
  }
  return rule.to;
}

/** Editing never changes a draft or rejected item's status; an approved or in-review item goes back to review. */
export function statusAfterEdit(current: ContentStatus): ContentStatus {
  if (current === 'archived') throw new AppError('CONFLICT', 'archivedNotEditable');
  return current === 'approved' || current === 'in_review' ? 'in_review' : current;
}

/** Nobody approves (or rejects) their own item. */
export function assertNotOwnItem(authorId: string, actorId: string) {
  if (authorId === actorId) {
    throw new AppError('FORBIDDEN', 'ownItem');
  }
}

/** Whether an approved item is shown in the library at `now`. */
export function isLive(
  item: { status: ContentStatus; validFrom: Date | null; validTo: Date | null; evergreen: boolean },
  now: Date,
) {
  if (item.status !== 'approved') return false;
  if (item.validFrom && item.validFrom > now) return false;
  if (!item.evergreen && item.validTo && item.validTo < now) return false;
  return true;
}

/** Characters each network allows in a post. Facebook's limit is far beyond any caption. */
export const NETWORK_LIMITS: Record<Network, number> = {
  linkedin: 3000,
  x: 280,
  instagram: 2200,
  tiktok: 2200,
  facebook: 63_206,
};

/** X counts every link as 23 characters, whatever its length. */
const X_LINK_LENGTH = 23;

/**
 * The length a network counts for `text` followed by `link`. When the text already contains the link
 * (the ambassador pasted it), it is counted where it stands and not added again.
 */
export function postLength(network: Network, text: string, link: string | null): number {
  const linkLength = (l: string) => (network === 'x' ? X_LINK_LENGTH : [...l].length);
  if (link && text.includes(link)) {
    const rest = text.split(link);
    return rest.reduce((n, part) => n + [...part].length, 0) + (rest.length - 1) * linkLength(link);
  }
  const body = [...text].length;
  if (!link) return body;
  return body + 1 + linkLength(link);
}

/** The words that mark a post as advertising at its start, per language (Danish Consumer Ombudsman). */
export const DISCLOSURE_MARK: Record<Language, string> = { da: 'Reklame', en: 'Advertisement' };
/** The tenant's disclosure words per language (brand style, coach_settings.disclosure_marks). */
export type DisclosureMarks = Record<Language, string>;
const ACCEPTED_MARKS = /^(reklame|annonce|advertisement)\b/i;
const MISPLACED_MARKS = /#?\b(reklame|annonce|advertisement)\b/i;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The tenant's own word counts like the built-in ones ("Reklame" and "Annonce" always count). */
const markAt = (mark: string, start: boolean) =>
  new RegExp(`${start ? '^' : '#?'}(?<![\\p{L}\\p{N}_])${escapeRegExp(mark)}(?![\\p{L}\\p{N}_])`, 'iu');
// Hashtag-style markings that say too little. A bare "ad" is only weak in English: in Danish it is an
// ordinary word ("ad omveje", "ad åre").
const WEAK_MARKS: Record<Language, RegExp> = {
  en: /#ad\b|\bad\b|#?\bspons(ored)?\b/i,
  da: /#ad\b|#spons\b|#?\bsponsor(eret)?\b|#sponsored\b/i,
};

export interface DisclosureCheck {
  /** The text with the marking first, when the item is advertising. */
  text: string;
  /** Whether Chorus added the marking. */
  added: boolean;
  /** Plain-language warnings, e.g. a marking only at the end. */
  warnings: ('MARK_MISPLACED' | 'MARK_WEAK')[];
}

/**
 * Puts the advertising marking at the very start of the text, where Danish rules want it. A marking
 * elsewhere ("#ad" or "Reklame" at the end) does not count, and is reported so the author can remove it.
 */
export function applyDisclosure(
  text: string,
  options: { advertising: boolean; language: Language; mark?: string },
): DisclosureCheck {
  const trimmed = text.trimStart();
  if (!options.advertising) return { text, added: false, warnings: [] };
  const mark = options.mark?.trim() || DISCLOSURE_MARK[options.language];
  if (ACCEPTED_MARKS.test(trimmed) || markAt(mark, true).test(trimmed)) {
    return { text: trimmed, added: false, warnings: [] };
  }
  const warnings: DisclosureCheck['warnings'] = [];
  if (MISPLACED_MARKS.test(trimmed) || markAt(mark, false).test(trimmed)) warnings.push('MARK_MISPLACED');
  else if (WEAK_MARKS[options.language].test(trimmed)) warnings.push('MARK_WEAK');
  return { text: `${mark}: ${trimmed}`, added: true, warnings };
}

export interface ShareIntent {
  /** Where the share button sends the person, or null where the network has no web share intent. */
  url: string | null;
  /** A second link to try when the first does not open (LinkedIn's share-offsite with just the link). */
  fallbackUrl: string | null;
  /** Instagram and TikTok: copy the caption, download the image, then confirm with "I posted it". */
  manual: boolean;
}

/** The share intent for a network, with the caption and the tracked link prefilled where allowed. */
export function shareIntent(network: Network, text: string, link: string): ShareIntent {
  const e = encodeURIComponent;
  // A caption that already carries the link (pasted by the ambassador) must not get it twice.
  const hasLink = text.includes(link);
  const withLink = hasLink ? text : `${text}\n${link}`;
  switch (network) {
    case 'linkedin':
      return {
        url: `https://www.linkedin.com/feed/?shareActive=true&text=${e(withLink)}`,
        fallbackUrl: `https://www.linkedin.com/sharing/share-offsite/?url=${e(link)}`,
        manual: false,
      };
    case 'x':
      return {
        url: hasLink
          ? `https://x.com/intent/tweet?text=${e(text)}`
          : `https://x.com/intent/tweet?text=${e(text)}&url=${e(link)}`,
        fallbackUrl: null,
        manual: false,
      };
    case 'facebook':
      // Facebook does not allow prefilled text: only the link.
      return {
        url: `https://www.facebook.com/sharer/sharer.php?u=${e(link)}`,
        fallbackUrl: null,
        manual: false,
      };
    case 'instagram':
    case 'tiktok':
      return { url: null, fallbackUrl: null, manual: true };
  }
}

/** Picks a caption variant so that ambassadors sharing the same item get different texts (round robin). */
export function pickVariantIndex(variantCount: number, alreadyAssigned: number): number {
  if (variantCount <= 0) throw new AppError('CONFLICT', 'noCaptionInLanguage');
  return alreadyAssigned % variantCount;
}

/** Link-preview crawlers: redirected, never counted as clicks. */
const CRAWLERS =
  /(linkedinbot|facebookexternalhit|facebot|twitterbot|slackbot|slack-imgproxy|skypeuripreview|microsoftpreview|whatsapp|telegrambot|discordbot|googlebot|bingbot|applebot|pinterest|embedly|redditbot|yandex|duckduckbot|baiduspider|bot\b|crawler|spider|preview)/i;

/** True for user agents of link-preview crawlers and other bots. */
export function isCrawler(userAgent: string | undefined): boolean {
  if (!userAgent) return true;
  return CRAWLERS.test(userAgent);
}

/** The UTM-tagged destination of a tracked link. */
export function taggedUrl(link: string, tags: { network: Network; campaign: string; code: string }): string {
  const url = new URL(link);
  url.searchParams.set('utm_source', tags.network);
  url.searchParams.set('utm_medium', 'employee_advocacy');
  url.searchParams.set('utm_campaign', tags.campaign);
  url.searchParams.set('utm_content', tags.code);
  return url.toString();
}

/** A URL-safe campaign name from a title: lower case, ASCII, dashes. */
export function slugify(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/æ/g, 'ae')
      .replace(/ø/g, 'oe')
      .replace(/å/g, 'aa')
      .normalize('NFKD')
      .replace(/[^\w\s-]/g, '')
      .trim()
      .replace(/[\s_-]+/g, '-')
      .slice(0, 60)
      // Cutting at 60 (or a title in dashes) must not leave a dash at either end.
      .replace(/^-+|-+$/g, '') || 'item'
  );
}

// ---- Topics, validation and review rules (content items) ------------------------------------------

/** The topics every tenant starts with; comms can add more. */
export const BUILT_IN_TOPICS: readonly { key: string; labelDa: string; labelEn: string }[] = [
  { key: 'internal-news', labelDa: 'Interne nyheder', labelEn: 'Internal news' },
  { key: 'product', labelDa: 'Produkter', labelEn: 'Products' },
  { key: 'thought-leadership', labelDa: 'Faglig viden', labelEn: 'Thought leadership' },
  { key: 'jobs', labelDa: 'Job og rekruttering', labelEn: 'Jobs and recruitment' },
  { key: 'events', labelDa: 'Arrangementer', labelEn: 'Events' },
  { key: 'sustainability', labelDa: 'Bæredygtighed', labelEn: 'Sustainability' },
];

/**
 * What a tracked link (`https://<host>/r/<code>`) is assumed to cost a caption. The real host is not
 * known when the caption is written, so captions keep this much room for it.
 */
export const TRACKED_LINK_LENGTH = 30;

const NETWORK_NAMES: Record<Network, string> = {
  linkedin: 'LinkedIn',
  x: 'X',
  facebook: 'Facebook',
  instagram: 'Instagram',
  tiktok: 'TikTok',
};

/** The parts of an item that its validation rules look at. */
export interface ContentDraft {
  language: Language;
  networks: readonly Network[];
  captions: Record<Language, readonly string[]>;
  advertising: boolean;
  validFrom: Date | null;
  validTo: Date | null;
}

/** A field problem, named like the editor's input (`captions.da.0`, `validTo`). */
export type ContentProblem = FieldProblem;

/**
 * The rules zod cannot see: the item's language needs a caption; every caption, with the advertising
 * marking and a tracked link, must fit the strictest of the item's networks; validTo comes after validFrom.
 */
export function contentProblems(draft: ContentDraft): ContentProblem[] {
  const problems: ContentProblem[] = [];
  if (draft.captions[draft.language].length === 0) {
    problems.push({
      field: `captions.${draft.language}`,
      message: msg('captionNeeded', { language: draft.language }),
    });
  }
  // A stand-in no caption contains (postLength counts a link already in the text where it stands).
  const link = 'https://chorus.invalid/r/'.padEnd(TRACKED_LINK_LENGTH, '0');
  for (const language of ['da', 'en'] as const) {
    draft.captions[language].forEach((caption, index) => {
      const text = applyDisclosure(caption, { advertising: draft.advertising, language }).text;
      // The strictest network is the one the caption overruns by the most.
      let worst: { network: Network; length: number; over: number } | null = null;
      for (const network of draft.networks) {
        const length = postLength(network, text, link);
        const over = length - NETWORK_LIMITS[network];
        if (over > 0 && (!worst || over > worst.over)) worst = { network, length, over };
      }
      if (worst) {
        problems.push({
          field: `captions.${language}.${index}`,
          message: msg('captionTooLong', {
            position: index + 1,
            language,
            length: worst.length,
            advertising: draft.advertising,
            network: NETWORK_NAMES[worst.network],
            limit: NETWORK_LIMITS[worst.network],
            over: worst.over,
          }),
        });
      }
    });
  }
  if (draft.validFrom && draft.validTo && draft.validTo <= draft.validFrom) {
    problems.push({ field: 'validTo', message: msg('endBeforeStart') });
  }
  return problems;
}

/**
 * Nobody approves or rejects an item they wrote, nor one they last sent to review (an approver who is
 * also an editor and edits someone else's item must leave the approval to another approver).
 */
export function assertMayReview(item: { authorId: string; submittedBy: string | null }, actorId: string) {
  assertNotOwnItem(item.authorId, actorId);
  if (item.submittedBy === actorId) {
    throw new AppError('FORBIDDEN', 'sentToReviewYourself');
  }
}

/** True when a search text has something to search for (letters or digits), not just punctuation. */
export function hasSearchableText(q: string): boolean {
  return /[\p{L}\p{N}]/u.test(q);
}
