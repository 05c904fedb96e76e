import { randomBytes, randomUUID } from 'node:crypto';
import { and, asc, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Language } from '../domain/person';
import type { Network } from '../domain/program';
import { clickSaltName, utcDay } from '../domain/sharing';
import type {
  ImpactData,
  ItemStatsData,
  LinkTarget,
  MyShare,
  Share,
  ShareCounts,
  ShareableItem,
  SharingStore,
  TrackedLink,
} from '../ports/sharing';
import { retainedClicks } from './click-retention-store';
import { rowsOf, type Db } from './database';
import { captionVariants, contentItems, shares, trackedLinks } from './schema';
import { createSecretSource } from './secrets';
import { anonymisePersonStats, applyShareFeedbackDelta } from './stats-store';

/** Tracked links never change, but an item's link and title may be edited: keep targets briefly. */
const LINK_TTL_MS = 30_000;
/** Unknown codes are remembered for a moment, so a scan of random codes does not reach the database. */
const UNKNOWN_TTL_MS = 5_000;
const LINK_CACHE_MAX = 50_000;
/** Enough for any realistic collision streak with 59 random bits; more means something is broken. */
const CODE_ATTEMPTS = 8;

interface Caches {
  links: Map<string, { target: LinkTarget | null; until: number }>;
  salts: Map<string, Promise<string>>;
}

type ShareRow = typeof shares.$inferSelect;

function toShare(row: ShareRow): Share {
  return {
    id: row.id,
    personId: row.personId,
    itemId: row.itemId,
    network: row.network as Network,
    linkCode: row.linkCode,
    variantPosition: row.variantPosition,
    status: row.status,
    postUrl: row.postUrl,
    reactions: row.reactions,
    comments: row.comments,
    preparedAt: row.preparedAt,
    sharedAt: row.sharedAt,
  };
}

const int = (v: unknown) => Number(v ?? 0);

interface CountRow {
  key: string | null;
  shares?: unknown;
  clicks?: unknown;
  unique_clicks?: unknown;
  reactions?: unknown;
  comments?: unknown;
  g: unknown;
}

/** The SharingStore port over Drizzle. */
export function createSharingStore(db: Db): SharingStore {
  return build(db, { links: new Map(), salts: new Map() });
}

function build(db: Db, caches: Caches): SharingStore {
  const store: SharingStore = {
    async transaction(work) {
      return db.transaction((tx) => work(build(tx as unknown as Db, caches)));
    },

    async getItem(tenantId, itemId) {
      const rows = await db
        .select({
          id: contentItems.id,
          title: contentItems.title,
          linkUrl: contentItems.linkUrl,
          language: contentItems.language,
          networks: contentItems.networks,
          advertising: contentItems.advertising,
          status: contentItems.status,
          validFrom: contentItems.validFrom,
          validTo: contentItems.validTo,
          evergreen: contentItems.evergreen,
          imageId: contentItems.imageId,
          imageUrl: contentItems.imageUrl,
        })
        .from(contentItems)
        .where(and(eq(contentItems.tenantId, tenantId), eq(contentItems.id, itemId)));
      const row = rows[0];
      if (!row) return null;
      const { imageId, imageUrl, ...rest } = row;
      return {
        ...rest,
        networks: row.networks as Network[],
        imageUrl: imageId ? `/media/${imageId}` : imageUrl,
      } satisfies ShareableItem;
    },

    async lockItem(tenantId, itemId) {
      await db.execute(
        sql`select 1 from content_items where tenant_id = ${tenantId} and id = ${itemId} for update`,
      );
    },

    async captions(tenantId, itemId, language: Language) {
      return db
        .select({ position: captionVariants.position, text: captionVariants.text })
        .from(captionVariants)
        .where(
          and(
            eq(captionVariants.tenantId, tenantId),
            eq(captionVariants.itemId, itemId),
            eq(captionVariants.language, language),
          ),
        )
        .orderBy(asc(captionVariants.position));
    },

    async assignedVariant(tenantId, personId, itemId) {
      const rows = await db
        .select({ position: shares.variantPosition })
        .from(shares)
        .where(
          and(
            eq(shares.tenantId, tenantId),
            eq(shares.personId, personId),
            eq(shares.itemId, itemId),
            isNotNull(shares.variantPosition),
          ),
        )
        .orderBy(asc(shares.preparedAt))
        .limit(1);
      return rows[0]?.position ?? null;
    },

    async countVariantHolders(tenantId, itemId) {
      const rows = await db
        .select({ n: sql<number>`count(distinct ${shares.personId})::int` })
        .from(shares)
        .where(
          and(eq(shares.tenantId, tenantId), eq(shares.itemId, itemId), isNotNull(shares.variantPosition)),
        );
      return int(rows[0]?.n);
    },

    async ensureTrackedLink(tenantId, owner, newCode) {
      const byOwner = and(
        eq(trackedLinks.tenantId, tenantId),
        eq(trackedLinks.personId, owner.personId),
        eq(trackedLinks.itemId, owner.itemId),
        eq(trackedLinks.network, owner.network),
      );
      for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
        const existing = await db.select({ code: trackedLinks.code }).from(trackedLinks).where(byOwner);
        if (existing[0]) return { ...owner, code: existing[0].code } satisfies TrackedLink;
        // Nothing on conflict: either someone else created this owner's link at the same moment (the
        // next read finds it), or the code is taken (the next attempt draws a new one).
        const inserted = await db
          .insert(trackedLinks)
          .values({ tenantId, code: newCode(), ...owner })
          .onConflictDoNothing()
          .returning({ code: trackedLinks.code });
        if (inserted[0]) return { ...owner, code: inserted[0].code };
      }
      throw new Error(`could not create a tracked link in ${CODE_ATTEMPTS} attempts`);
    },

    async openShare(tenantId, personId, itemId, network) {
      const rows = await db
        .select()
        .from(shares)
        .where(
          and(
            eq(shares.tenantId, tenantId),
            eq(shares.personId, personId),
            eq(shares.itemId, itemId),
            eq(shares.network, network),
            eq(shares.status, 'prepared'),
          ),
        )
        .orderBy(desc(shares.preparedAt))
        .limit(1);
      return rows[0] ? toShare(rows[0]) : null;
    },

    async insertShare(tenantId, share) {
      const rows = await db
        .insert(shares)
        .values({ tenantId, id: randomUUID(), status: 'prepared', ...share })
        .returning();
      return toShare(rows[0]!);
    },

    async getShare(tenantId, shareId) {
      const rows = await db
        .select()
        .from(shares)
        .where(and(eq(shares.tenantId, tenantId), eq(shares.id, shareId)));
      return rows[0] ? toShare(rows[0]) : null;
    },

    async recordShare(tenantId, shareId, recorded) {
      return db.transaction(async (tx) => {
        // The status condition makes this the one place a share is counted: of two concurrent
        // completes, the second waits for the first's row lock, re-checks, and matches nothing.
        const rows = await tx
          .update(shares)
          .set({
            status: 'shared',
            sharedAt: recorded.at,
            postUrl: sql`coalesce(${recorded.postUrl}, ${shares.postUrl})`,
          })
          .where(and(eq(shares.tenantId, tenantId), eq(shares.id, shareId), eq(shares.status, 'prepared')))
          .returning({ itemId: shares.itemId });
        const row = rows[0];
        if (!row) {
          if (recorded.postUrl) {
            await tx
              .update(shares)
              .set({ postUrl: recorded.postUrl })
              .where(and(eq(shares.tenantId, tenantId), eq(shares.id, shareId), sql`post_url is null`));
          }
          return false;
        }
        await tx
          .update(contentItems)
          .set({ shareCount: sql`${contentItems.shareCount} + 1` })
          .where(and(eq(contentItems.tenantId, tenantId), eq(contentItems.id, row.itemId)));
        return true;
      });
    },

    async updateFeedback(tenantId, shareId, feedback) {
      const set: Partial<typeof shares.$inferInsert> = {};
      if (feedback.reactions !== undefined) set.reactions = feedback.reactions;
      if (feedback.comments !== undefined) set.comments = feedback.comments;
      if (feedback.postUrl !== undefined) set.postUrl = feedback.postUrl;
      // One transaction with the roll-up's delta, so a rolled-up day stays exact (stats-store.ts).
      return db.transaction(async (tx) => {
        const where = and(eq(shares.tenantId, tenantId), eq(shares.id, shareId));
        const before = await tx
          .select({ reactions: shares.reactions, comments: shares.comments })
          .from(shares)
          .where(where)
          .for('update');
        const rows = await tx.update(shares).set(set).where(where).returning();
        const row = rows[0];
        if (!row || !before[0]) return null;
        if (row.status === 'shared') {
          await applyShareFeedbackDelta(tx, tenantId, row, {
            reactions: (row.reactions ?? 0) - (before[0].reactions ?? 0),
            comments: (row.comments ?? 0) - (before[0].comments ?? 0),
          });
        }
        return toShare(row);
      });
    },

    async resolveLink(tenantId, code) {
      const key = `${tenantId}\n${code}`;
      const now = Date.now();
      const hit = caches.links.get(key);
      if (hit && hit.until > now) return hit.target;
      const rows = rowsOf<{
        code: string;
        item_id: string;
        network: string;
        link_url: string;
        title: string;
      }>(
        await db.execute(sql`
          select l.code, l.item_id, l.network, i.link_url, i.title
          from tracked_links l
          join content_items i on i.tenant_id = l.tenant_id and i.id = l.item_id
          where l.tenant_id = ${tenantId} and l.code = ${code}`),
      );
      const row = rows[0];
      const target: LinkTarget | null = row
        ? {
            code: row.code,
            itemId: row.item_id,
            network: row.network as Network,
            linkUrl: row.link_url,
            title: row.title,
          }
        : null;
      if (caches.links.size >= LINK_CACHE_MAX) {
        // Maps iterate in insertion order: drop the oldest tenth rather than growing without bound.
        let drop = Math.ceil(LINK_CACHE_MAX / 10);
        for (const k of caches.links.keys()) {
          caches.links.delete(k);
          if (--drop === 0) break;
        }
      }
      caches.links.delete(key);
      caches.links.set(key, { target, until: now + (target ? LINK_TTL_MS : UNKNOWN_TTL_MS) });
      return target;
    },

    async dailySalt(tenantId, day) {
      const key = `${tenantId}\n${day}`;
      let salt = caches.salts.get(key);
      if (!salt) {
        salt = loadSalt(db, tenantId, day);
        // Concurrent first clicks of the day share one load; another day's salts leave the cache.
        for (const k of caches.salts.keys()) if (k.startsWith(`${tenantId}\n`)) caches.salts.delete(k);
        caches.salts.set(key, salt);
        salt.catch(() => caches.salts.delete(key));
      }
      return salt;
    },

    async impact(tenantId, personId, since) {
      const shareRows = rowsOf<CountRow & { kind: string }>(
        await db.execute(sql`
          select
            case grouping(item_id, network, day) when 3 then 'item' when 5 then 'network' when 6 then 'day' else 'total' end as kind,
            coalesce(item_id, network, day) as key,
            count(*) as shares,
            coalesce(sum(reactions), 0) as reactions,
            coalesce(sum(comments), 0) as comments,
            grouping(item_id, network, day) as g
          from (
            select item_id, network, to_char(shared_at at time zone 'UTC', 'YYYY-MM-DD') as day, reactions, comments
            from shares
            where tenant_id = ${tenantId} and person_id = ${personId} and status = 'shared' and shared_at >= ${since}
          ) s
          group by grouping sets ((item_id), (network), (day), ())`),
      );
      const clickRows = rowsOf<CountRow & { kind: string }>(
        await db.execute(sql`
          select
            case grouping(item_id, network, day) when 3 then 'item' when 5 then 'network' when 6 then 'day' else 'total' end as kind,
            coalesce(item_id, network, day) as key,
            sum(clicks) as clicks,
            count(distinct visitor_key) + sum(rolled_unique) as unique_clicks,
            grouping(item_id, network, day) as g
          from (${retainedClicks(tenantId, sql`person_id = ${personId}`, since)}) c
          group by grouping sets ((item_id), (network), (day), ())`),
      );
      const of = (rows: (CountRow & { kind: string })[], kind: string) => rows.filter((r) => r.kind === kind);
      const merge = (kind: string) => {
        const counts = new Map<string, ShareCounts>();
        const at = (key: string) => {
          let c = counts.get(key);
          if (!c) counts.set(key, (c = { shares: 0, clicks: 0, uniqueClicks: 0 }));
          return c;
        };
        for (const r of of(shareRows, kind)) at(r.key ?? '').shares = int(r.shares);
        for (const r of of(clickRows, kind)) {
          const c = at(r.key ?? '');
          c.clicks = int(r.clicks);
          c.uniqueClicks = int(r.unique_clicks);
        }
        return counts;
      };
      const items = merge('item');
      const titles = await itemTitles(db, tenantId, [...items.keys()]);
      const shareTotal = of(shareRows, 'total')[0];
      const clickTotal = of(clickRows, 'total')[0];
      return {
        totals: {
          shares: int(shareTotal?.shares),
          clicks: int(clickTotal?.clicks),
          uniqueClicks: int(clickTotal?.unique_clicks),
          reactions: int(shareTotal?.reactions),
          comments: int(shareTotal?.comments),
        },
        byItem: [...items].map(([itemId, c]) => ({ itemId, title: titles.get(itemId) ?? '', ...c })),
        byNetwork: [...merge('network')].map(([network, c]) => ({ network: network as Network, ...c })),
        daily: [...merge('day')].map(([date, c]) => ({ date, shares: c.shares, clicks: c.clicks })),
      } satisfies ImpactData;
    },

    async myShares(tenantId, personId, limit) {
      const rows = await db
        .select({
          shareId: shares.id,
          itemId: shares.itemId,
          title: contentItems.title,
          network: shares.network,
          sharedAt: shares.sharedAt,
          postUrl: shares.postUrl,
          reactions: shares.reactions,
          comments: shares.comments,
        })
        .from(shares)
        .innerJoin(
          contentItems,
          and(eq(contentItems.tenantId, shares.tenantId), eq(contentItems.id, shares.itemId)),
        )
        .where(
          and(
            eq(shares.tenantId, tenantId),
            eq(shares.personId, personId),
            eq(shares.status, 'shared'),
            isNotNull(shares.sharedAt),
          ),
        )
        .orderBy(desc(shares.sharedAt), desc(shares.id))
        .limit(limit);
      return rows.map((r): MyShare => ({
        ...r,
        network: r.network as Network,
        sharedAt: r.sharedAt ?? new Date(0),
      }));
    },

    async itemStats(tenantId, itemId) {
      const shareRows = rowsOf<CountRow>(
        await db.execute(sql`
          select network as key, count(*) as shares, grouping(network) as g
          from shares
          where tenant_id = ${tenantId} and item_id = ${itemId} and status = 'shared'
          group by grouping sets ((network), ())`),
      );
      const clickRows = rowsOf<CountRow>(
        await db.execute(sql`
          select network as key, sum(clicks) as clicks,
            count(distinct visitor_key) + sum(rolled_unique) as unique_clicks, grouping(network) as g
          from (${retainedClicks(tenantId, sql`item_id = ${itemId}`)}) c
          group by grouping sets ((network), ())`),
      );
      const byNetwork = new Map<string, ShareCounts>();
      const at = (key: string) => {
        let c = byNetwork.get(key);
        if (!c) byNetwork.set(key, (c = { shares: 0, clicks: 0, uniqueClicks: 0 }));
        return c;
      };
      const total = { shares: 0, clicks: 0, uniqueClicks: 0 };
      for (const r of shareRows) {
        const c = int(r.g) === 1 ? total : at(r.key!);
        c.shares = int(r.shares);
      }
      for (const r of clickRows) {
        const c = int(r.g) === 1 ? total : at(r.key!);
        c.clicks = int(r.clicks);
        c.uniqueClicks = int(r.unique_clicks);
      }
      return {
        ...total,
        byNetwork: [...byNetwork].map(([network, c]) => ({ network: network as Network, ...c })),
      } satisfies ItemStatsData;
    },

    async anonymise(tenantId, personId) {
      await db.transaction(async (tx) => {
        for (const table of ['tracked_links', 'shares', 'click_events', 'click_days'] as const) {
          await tx.execute(
            sql`update ${sql.identifier(table)} set person_id = null where tenant_id = ${tenantId} and person_id = ${personId}`,
          );
        }
        // Rolled-up per-person rows merge into the anonymous key; conversions lose the link too.
        await anonymisePersonStats(tx, tenantId, personId);
      });
    },
  };
  return store;
}

async function itemTitles(db: Db, tenantId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = rowsOf<{ id: string; title: string }>(
    await db.execute(
      sql`select id, title from content_items where tenant_id = ${tenantId} and id = any(${sql.param(ids)}::text[])`,
    ),
  );
  return new Map(rows.map((r) => [r.id, r.title]));
}

async function loadSalt(db: Db, tenantId: string, day: string): Promise<string> {
  const salt = await createSecretSource(db)(tenantId, clickSaltName(day), () =>
    randomBytes(32).toString('base64url'),
  );
  // Keep the day before too: an instance whose clock is a little behind must still find its salt.
  const dayBefore = utcDay(new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000));
  await db.execute(
    sql`delete from tenant_secrets where tenant_id = ${tenantId} and name like 'click-salt:%' and name < ${clickSaltName(dayBefore)}`,
  );
  return salt;
}
