import { and, asc, desc, eq, inArray, isNull, lte, or, gte, sql } from 'drizzle-orm';
import type { Finding } from '../domain/coach';
import type { Network } from '../domain/program';
import type {
  CoachLibraryReader,
  LinkedLibraryItem,
  SparringRequestRecord,
  SparringStore,
  SparringWaitTimes,
} from '../ports/sparring';
import { rowsOf, type Db } from './database';
import { captionVariants, contentItems, people, sparringRequests } from './schema';

const columns = {
  id: sparringRequests.id,
  personId: sparringRequests.personId,
  personName: people.displayName,
  language: sparringRequests.language,
  network: sparringRequests.network,
  draft: sparringRequests.draft,
  findings: sparringRequests.findings,
  requestKey: sparringRequests.requestKey,
  status: sparringRequests.status,
  reply: sparringRequests.reply,
  answeredBy: sparringRequests.answeredBy,
  createdAt: sparringRequests.createdAt,
  answeredAt: sparringRequests.answeredAt,
};

type Row = {
  id: number;
  personId: string;
  personName: string | null;
  language: 'da' | 'en';
  network: string;
  draft: string;
  findings: Record<string, unknown>[];
  requestKey: string;
  status: 'open' | 'answered';
  reply: string | null;
  answeredBy: string | null;
  createdAt: Date;
  answeredAt: Date | null;
};

function toRecord(row: Row): SparringRequestRecord {
  return {
    ...row,
    id: Number(row.id),
    network: row.network as Network,
    findings: row.findings as unknown as Finding[],
  };
}

const minutes = (v: unknown) => (v === null || v === undefined ? null : Math.round(Number(v) / 60));

/** Human sparring requests in Postgres (sparring_requests), with the asker's current display name. */
export function createSparringStore(db: Db): SparringStore {
  const select = () =>
    db
      .select(columns)
      .from(sparringRequests)
      .leftJoin(
        people,
        and(eq(people.tenantId, sparringRequests.tenantId), eq(people.id, sparringRequests.personId)),
      );

  const byId = async (tenantId: string, id: number) => {
    const rows = await select().where(
      and(eq(sparringRequests.tenantId, tenantId), eq(sparringRequests.id, id)),
    );
    return rows[0] ? toRecord(rows[0]) : null;
  };

  return {
    async create(tenantId, input) {
      const inserted = await db
        .insert(sparringRequests)
        .values({
          tenantId,
          personId: input.personId,
          language: input.language,
          network: input.network,
          draft: input.draft,
          findings: input.findings as unknown as Record<string, unknown>[],
          requestKey: input.requestKey,
          createdAt: input.at,
        })
        .onConflictDoNothing({ target: [sparringRequests.tenantId, sparringRequests.requestKey] })
        .returning({ id: sparringRequests.id });
      const created = inserted.length > 0;
      const rows = created
        ? await select().where(
            and(eq(sparringRequests.tenantId, tenantId), eq(sparringRequests.id, inserted[0]!.id)),
          )
        : await select().where(
            and(eq(sparringRequests.tenantId, tenantId), eq(sparringRequests.requestKey, input.requestKey)),
          );
      return { request: toRecord(rows[0]!), created };
    },

    get: byId,

    async answer(tenantId, id, input) {
      const updated = await db
        .update(sparringRequests)
        .set({ status: 'answered', reply: input.reply, answeredBy: input.answeredBy, answeredAt: input.at })
        .where(
          and(
            eq(sparringRequests.tenantId, tenantId),
            eq(sparringRequests.id, id),
            eq(sparringRequests.status, 'open'),
          ),
        )
        .returning({ id: sparringRequests.id });
      return updated.length ? byId(tenantId, id) : null;
    },

    async listQueue(tenantId, limit) {
      const rows = await select()
        .where(eq(sparringRequests.tenantId, tenantId))
        .orderBy(
          sql`${sparringRequests.status} = 'answered'`,
          sql`case when ${sparringRequests.status} = 'open' then ${sparringRequests.createdAt} end asc`,
          desc(sparringRequests.answeredAt),
          asc(sparringRequests.id),
        )
        .limit(limit);
      return rows.map(toRecord);
    },

    async listForPerson(tenantId, personId, limit) {
      const rows = await select()
        .where(and(eq(sparringRequests.tenantId, tenantId), eq(sparringRequests.personId, personId)))
        .orderBy(desc(sparringRequests.createdAt), desc(sparringRequests.id))
        .limit(limit);
      return rows.map(toRecord);
    },

    async waitTimes(tenantId, now): Promise<SparringWaitTimes> {
      const at = now.toISOString();
      const open = sql`extract(epoch from (${at}::timestamptz - created_at))`;
      const answered = sql`extract(epoch from (answered_at - created_at))`;
      const result = await db.execute(sql`
        select
          count(*) filter (where status = 'open') as open_count,
          count(*) filter (where status = 'answered') as answered_count,
          avg(${open}) filter (where status = 'open') as open_avg,
          percentile_cont(0.5) within group (order by ${open}) filter (where status = 'open') as open_median,
          avg(${answered}) filter (where status = 'answered') as answered_avg,
          percentile_cont(0.5) within group (order by ${answered}) filter (where status = 'answered')
            as answered_median
        from sparring_requests where tenant_id = ${tenantId}`);
      const row = rowsOf<Record<string, unknown>>(result)[0] ?? {};
      return {
        openCount: Number(row['open_count'] ?? 0),
        answeredCount: Number(row['answered_count'] ?? 0),
        openAverageMinutes: minutes(row['open_avg']),
        openMedianMinutes: minutes(row['open_median']),
        answeredAverageMinutes: minutes(row['answered_avg']),
        answeredMedianMinutes: minutes(row['answered_median']),
      };
    },

    async deleteForPerson(tenantId, personId) {
      const deleted = await db
        .delete(sparringRequests)
        .where(and(eq(sparringRequests.tenantId, tenantId), eq(sparringRequests.personId, personId)))
        .returning({ id: sparringRequests.id });
      return deleted.length;
    },
  };
}

/** An address without its trailing slashes, to compare a pasted link with an item's. */
export function normaliseLink(url: string): string {
  return url.trim().replace(/\/+$/, '');
}

/**
 * The library as the coach reads it. Live captions are kept per tenant for `ttlMs` (default 15 s): a
 * draft is coached within a second, and a new item reaching the comparison a few seconds late is fine.
 */
export function createCoachLibraryReader(db: Db, options: { ttlMs?: number } = {}): CoachLibraryReader {
  const ttlMs = options.ttlMs ?? 15_000;
  const cache = new Map<string, { until: number; limit: number; captions: Promise<string[]> }>();

  const live = (now: Date) =>
    and(
      eq(contentItems.status, 'approved'),
      or(isNull(contentItems.validFrom), lte(contentItems.validFrom, now)),
      or(eq(contentItems.evergreen, true), isNull(contentItems.validTo), gte(contentItems.validTo, now)),
    );

  const loadCaptions = async (tenantId: string, now: Date, limit: number) => {
    const newest = db
      .select({ id: contentItems.id })
      .from(contentItems)
      .where(and(eq(contentItems.tenantId, tenantId), live(now)))
      .orderBy(sql`${contentItems.publishedAt} desc nulls last`, desc(contentItems.id))
      .limit(limit)
      .as('newest');
    const rows = await db
      .select({ text: captionVariants.text })
      .from(captionVariants)
      .innerJoin(newest, eq(newest.id, captionVariants.itemId))
      .where(eq(captionVariants.tenantId, tenantId));
    return rows.map((r) => r.text);
  };

  return {
    liveCaptions(tenantId, now, limit) {
      const hit = cache.get(tenantId);
      if (hit && hit.until > Date.now() && hit.limit === limit) return hit.captions;
      const captions = loadCaptions(tenantId, now, limit);
      cache.set(tenantId, { until: Date.now() + ttlMs, limit, captions });
      // A failed read is not kept: the next draft tries again.
      captions.catch(() => cache.delete(tenantId));
      if (cache.size > 1000) cache.delete(cache.keys().next().value!);
      return captions;
    },

    async liveItemsByLink(tenantId, urls, now) {
      const wanted = [...new Set(urls.map(normaliseLink))].filter(Boolean).slice(0, 20);
      if (!wanted.length) return [];
      const items = await db
        .select({
          id: contentItems.id,
          title: contentItems.title,
          linkUrl: contentItems.linkUrl,
          networks: contentItems.networks,
        })
        .from(contentItems)
        .where(
          and(
            eq(contentItems.tenantId, tenantId),
            live(now),
            inArray(sql`rtrim(${contentItems.linkUrl}, '/')`, wanted),
          ),
        )
        .limit(20);
      if (!items.length) return [];
      const captions = await db
        .select({ itemId: captionVariants.itemId, text: captionVariants.text })
        .from(captionVariants)
        .where(
          and(
            eq(captionVariants.tenantId, tenantId),
            inArray(
              captionVariants.itemId,
              items.map((i) => i.id),
            ),
          ),
        )
        .orderBy(asc(captionVariants.itemId), asc(captionVariants.language), asc(captionVariants.position));
      return items.map((item): LinkedLibraryItem => ({
        ...item,
        networks: item.networks as Network[],
        captions: captions.filter((c) => c.itemId === item.id).map((c) => c.text),
      }));
    },
  };
}
