import { coach, type CoachResult, type CoachSettings } from '../domain/coach';
import { AppError } from '../domain/errors';
import { msg } from '../domain/messages';
import type { Language } from '../domain/person';
import type { Network } from '../domain/program';
import { generateLinkCode } from '../domain/sharing';
import type { Clock } from '../ports/clock';
import type { CoachSettingsStore } from '../ports/coach-settings';
import type { CoachLibraryReader, LinkedLibraryItem } from '../ports/sparring';
import type { SharingStore } from '../ports/sharing';
import type { Store } from '../ports/store';
import { getCoachSettings } from './get-coach-settings';
import { trackedUrl } from './prepare-share';

/** The longest draft the coach looks at (LinkedIn's limit is 3,000; room for a draft that is too long). */
export const MAX_DRAFT_CHARS = 5_000;
/** How many of the newest live items' captions a draft is compared with when it links to none. */
export const CAPTION_ITEMS = 200;
/** At most this many name-like pairs are looked up in the directory per draft. */
const NAME_LOOKUPS = 5;

/** What coaching a draft needs. */
export interface SparDeps {
  store: Pick<Store, 'people' | 'memberships'>;
  clock: Clock;
  coachSettings: CoachSettingsStore;
  coachLibrary: CoachLibraryReader;
  /** For the tracked link offered instead of a pasted link to a library item. */
  sharing: Pick<SharingStore, 'ensureTrackedLink'>;
  publicUrl: string;
}

export interface SparDraftInput {
  tenantId: string;
  /** The ambassador (null for a sender outside the directory: no tracked links, no name lookups). */
  personId: string | null;
  text: string;
  network: Network;
  /** Null: program content when the draft links to a live library item, else the person's own post. */
  kind: 'program' | 'voluntary' | null;
  language: Language;
}

/** A tracked link offered for an untracked link to a library item. */
export interface TrackedLinkOffer {
  url: string;
  trackedUrl: string;
  itemTitle: string;
}

export interface SparDraftResult {
  text: string;
  network: Network;
  kind: 'program' | 'voluntary';
  result: CoachResult;
  trackedLinks: TrackedLinkOffer[];
}

const URL_PATTERN = /https?:\/\/[^\s<>"')\]]+/gi;
/** Two capitalised words in a row ("Mette Hansen"): the shape of a colleague's name. */
const NAME_PAIR = /(?<![\p{L}\p{N}])(\p{Lu}[\p{Ll}'’-]+)\s+(\p{Lu}[\p{Ll}'’-]+)(?![\p{L}\p{N}])/gu;

/** The http(s) links in a draft, without trailing punctuation. */
export function linksIn(text: string): string[] {
  return [...new Set((text.match(URL_PATTERN) ?? []).map((u) => u.replace(/[.,;:!?]+$/, '')))].slice(0, 20);
}

const withoutSlash = (url: string) => url.trim().replace(/\/+$/, '');

const hostOf = (item: LinkedLibraryItem): string[] => {
  try {
    return [new URL(item.linkUrl).hostname.toLowerCase().replace(/^www\./, '')];
  } catch {
    return [];
  }
};

/** The draft as the coach should see it; too little or too much is refused with a clear reason. */
export function checkDraft(text: string): string {
  const draft = text.trim();
  if (!draft) throw new AppError('VALIDATION_FAILED', 'draftEmpty');
  const length = [...draft].length;
  if (length > MAX_DRAFT_CHARS) {
    throw new AppError('VALIDATION_FAILED', msg('draftTooLong', { length, max: MAX_DRAFT_CHARS }));
  }
  return draft;
}

/**
 * Colleagues named in the draft. Only name-shaped pairs of words are looked up (at most five, in
 * parallel, each a bounded directory search), so a draft costs a handful of indexed queries, never a
 * scan of the whole directory. The author's own name does not count.
 */
async function colleaguesNamed(deps: SparDeps, tenantId: string, personId: string | null, text: string) {
  if (!personId) return [];
  const candidates = [...new Set([...text.matchAll(NAME_PAIR)].map((m) => `${m[1]} ${m[2]}`))].slice(
    0,
    NAME_LOOKUPS,
  );
  if (!candidates.length) return [];
  const found = await Promise.all(
    candidates.map(async (candidate) => {
      const people = await deps.store.people.search(tenantId, candidate, 5);
      const wanted = candidate.toLocaleLowerCase('da');
      return people
        .filter((p) => p.id !== personId && p.displayName.toLocaleLowerCase('da').includes(wanted))
        .map((p) => p.displayName);
    }),
  );
  return [...new Set(found.flat())];
}

/** The caption variants to measure copying against: the linked items', else the newest live items'. */
async function captionsFor(deps: SparDeps, tenantId: string, linked: LinkedLibraryItem[], now: Date) {
  if (linked.length) return linked.flatMap((item) => item.captions);
  return deps.coachLibrary.liveCaptions(tenantId, now, CAPTION_ITEMS);
}

/**
 * Coaches a draft the ambassador wrote: loads the program's coach settings, the library captions to
 * compare with and the colleagues it names, then runs the coach (pure, deterministic). For a pasted
 * link to a live library item it offers the person's own tracked link. It never rewrites the draft.
 */
export async function sparDraft(deps: SparDeps, input: SparDraftInput): Promise<SparDraftResult> {
  const text = checkDraft(input.text);
  const now = deps.clock.now();
  const links = linksIn(text);
  const [{ settings }, linked, colleagueNames] = await Promise.all([
    getCoachSettings(deps, { tenantId: input.tenantId }),
    links.length ? deps.coachLibrary.liveItemsByLink(input.tenantId, links, now) : Promise.resolve([]),
    colleaguesNamed(deps, input.tenantId, input.personId, text),
  ]);
  const captions = await captionsFor(deps, input.tenantId, linked, now);
  const kind = input.kind ?? (linked.length ? 'program' : 'voluntary');
  // A link to a live library item is company content whatever its host: the coach flags it untracked.
  const coachSettings: CoachSettings = linked.length
    ? { ...settings, companyDomains: [...new Set([...settings.companyDomains, ...linked.flatMap(hostOf)])] }
    : settings;
  const result = coach(
    { text, network: input.network, kind, language: input.language, captions, colleagueNames },
    coachSettings,
  );
  const trackedLinks = await offerTrackedLinks(deps, input, linked, result);
  return { text, network: input.network, kind, result, trackedLinks };
}

/** The person's tracked links for library items the draft links to untracked (ambassadors only). */
async function offerTrackedLinks(
  deps: SparDeps,
  input: SparDraftInput,
  linked: LinkedLibraryItem[],
  result: CoachResult,
): Promise<TrackedLinkOffer[]> {
  const personId = input.personId;
  if (!personId || !linked.length) return [];
  const untracked = result.findings
    .filter((f) => f.code === 'UNTRACKED_LINK' && typeof f.params['url'] === 'string')
    .map((f) => String(f.params['url']));
  if (!untracked.length) return [];
  if (!(await deps.store.memberships.get(input.tenantId, personId))) return [];
  const offers: TrackedLinkOffer[] = [];
  for (const url of untracked) {
    const item = linked.find((i) => withoutSlash(i.linkUrl) === withoutSlash(url));
    // A tracked link belongs to one network; an item not offered there gets none.
    if (!item || !item.networks.includes(input.network)) continue;
    const link = await deps.sharing.ensureTrackedLink(
      input.tenantId,
      { personId, itemId: item.id, network: input.network },
      () => generateLinkCode(),
    );
    offers.push({ url, trackedUrl: trackedUrl(deps.publicUrl, link.code), itemTitle: item.title });
  }
  return offers;
}
