import { isCrawler, slugify, taggedUrl } from '../domain/content';
import { LINK_CODE_PATTERN, utcDay, visitorKey } from '../domain/sharing';
import type { Clock } from '../ports/clock';
import type { ClickRecorder, LinkTarget, SharingStore } from '../ports/sharing';

export interface FollowDeps {
  sharing: SharingStore;
  clicks: ClickRecorder;
  clock: Clock;
}

export interface FollowResult {
  /** Where to send the visitor: the item's link with the UTM tags. */
  location: string;
  /** Whether this request was counted as a human click (and the count committed). */
  counted: boolean;
  /** True when the click should have been counted but could not be written (the database is down). */
  countFailed?: boolean;
}

// The redirect is the hottest path in the app, so two pure results are remembered: the tagged
// address per cached target (the store hands out the same object until its cache entry expires, so
// an edited link or title shows up with the new object), and the current UTC day.
const locations = new WeakMap<LinkTarget, string>();
function locationOf(target: LinkTarget): string {
  let location = locations.get(target);
  if (location === undefined) {
    location = taggedUrl(target.linkUrl, {
      network: target.network,
      campaign: slugify(target.title),
      code: target.code,
    });
    locations.set(target, location);
  }
  return location;
}

const DAY_MS = 86_400_000;
let today = { start: 0, day: '' };
function dayOf(at: Date): string {
  const t = at.getTime();
  if (t < today.start || t >= today.start + DAY_MS) {
    today = { start: t - (t % DAY_MS), day: utcDay(at) };
  }
  return today.day;
}

// Today's salt per store, held here as a plain value: the store's own cache hands out a promise, and
// awaiting it costs every click a trip through the microtask queue. A day's salt never changes.
const salts = new WeakMap<SharingStore, { tenantId: string; day: string; salt: string }>();
async function saltOf(sharing: SharingStore, tenantId: string, day: string): Promise<string> {
  const salt = await sharing.dailySalt(tenantId, day);
  salts.set(sharing, { tenantId, day, salt });
  return salt;
}

/**
 * A visit to /r/<code>: where it leads, and the click counted when a person (not a link-preview
 * crawler) follows it. The click is committed before this returns, so an answered click is never
 * lost; if counting fails the result says so (`countFailed`), and the adapter must not answer it as
 * a counted redirect (the recorder logs the failure). Items that
 * expired or were archived still redirect: links already posted keep working. Null for an unknown code.
 */
export async function followTrackedLink(
  deps: FollowDeps,
  input: {
    tenantId: string;
    code: string;
    ip: string;
    userAgent: string | undefined;
    method: string;
    /** False when the visit must not be counted (over the per-address limit). */
    count?: boolean;
  },
): Promise<FollowResult | null> {
  if (!LINK_CODE_PATTERN.test(input.code)) return null;
  const target = await deps.sharing.resolveLink(input.tenantId, input.code);
  if (!target) return null;
  const location = locationOf(target);
  // HEAD is how checkers and some unfurlers look at a link without following it.
  if (input.method !== 'GET' || input.count === false || isCrawler(input.userAgent)) {
    return { location, counted: false };
  }
  try {
    const at = deps.clock.now();
    const day = dayOf(at);
    const known = salts.get(deps.sharing);
    const salt =
      known && known.day === day && known.tenantId === input.tenantId
        ? known.salt
        : await saltOf(deps.sharing, input.tenantId, day);
    await deps.clicks.record({
      tenantId: input.tenantId,
      code: target.code,
      itemId: target.itemId,
      network: target.network,
      visitorKey: visitorKey(salt, input.ip, input.userAgent ?? ''),
      at,
    });
    return { location, counted: true };
  } catch {
    // Not counted, and not to be acknowledged as counted: the adapter still shows the visitor the way
    // on (see tracked-link-endpoint). The recorder has logged why the click could not be written.
    return { location, counted: false, countFailed: true };
  }
}
