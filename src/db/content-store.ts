import { and, asc, count, desc, eq, isNotNull, isNull, lte, gte, or, sql, type SQL } from 'drizzle-orm';
import type { ContentStatus } from '../domain/content';
import type { ImageType } from '../domain/images';
import type { LibraryPosition, LibrarySort } from '../domain/library';
import type { Language } from '../domain/person';
import type { Network } from '../domain/program';
import type {
  Captions,
  ContentFields,
  ContentItemRecord,
  ContentStore,
  LibraryEntry,
  LibrarySearch,
} from '../ports/content';
import type { Db } from './database';
import { captionVariants, contentItems, contentTransitions, images, people, topics } from './schema';

const ci = contentItems;

const itemColumns = {
  id: ci.id,
  title: ci.title,
  body: ci.body,
  linkUrl: ci.linkUrl,
  imageId: ci.imageId,
  imageUrl: ci.imageUrl,
  topic: ci.topic,
  language: ci.language,
  networks: ci.networks,
  validFrom: ci.validFrom,
  validTo: ci.validTo,
  evergreen: ci.evergreen,
  pinned: ci.pinned,
  advertising: ci.advertising,
  status: ci.status,
  authorId: ci.authorId,
  reviewNote: ci.reviewNote,
  shareCount: ci.shareCount,
  publishedAt: ci.publishedAt,
  createdAt: ci.createdAt,
  updatedAt: ci.updatedAt,
};

type ItemRow = { [K in keyof typeof itemColumns]: (typeof ci.$inferSelect)[K] };

function toRecord(row: ItemRow, authorName: string | null): ContentItemRecord {
  return { ...row, networks: row.networks as Network[], authorName };
}

const DICTIONARY: Record<Language, string> = { da: 'danish', en: 'english' };

/**
 * The search vector: the title (weight A) and the body with the item-language captions (weight B) with
 * the item language's dictionary; captions in the other language (also B) with their own dictionary,
 * so an English variant of a Danish item is still found by its English words.
 */
function searchVector(item: { language: Language; title: string; body: string }, captions: Captions): SQL {
  const own = item.language;
  const other: Language = own === 'da' ? 'en' : 'da';
  const ownText = [item.body, ...captions[own]].join('\n');
  return sql`setweight(to_tsvector(${DICTIONARY[own]}::regconfig, ${item.title}), 'A')
    || setweight(to_tsvector(${DICTIONARY[own]}::regconfig, ${ownText}), 'B')
    || setweight(to_tsvector(${DICTIONARY[other]}::regconfig, ${captions[other].join('\n')}), 'B')`;
}

function fieldValues(item: ContentFields) {
  return {
    title: item.title,
    body: item.body,
    linkUrl: item.linkUrl,
    imageId: item.imageId,
    imageUrl: item.imageUrl,
    topic: item.topic,
    language: item.language,
    networks: item.networks,
    validFrom: item.validFrom,
    validTo: item.validTo,
    evergreen: item.evergreen,
    pinned: item.pinned,
    advertising: item.advertising,
  };
}

function captionRows(tenantId: string, itemId: string, captions: Captions) {
  return (['da', 'en'] as const).flatMap((language) =>
    captions[language].map((text, position) => ({ tenantId, itemId, language, position, text })),
  );
}

/** Live at `now`: approved and published, started, and not ended unless evergreen. */
function liveAt(now: Date): SQL {
  return and(
    eq(ci.status, 'approved'),
    isNotNull(ci.publishedAt),
    or(isNull(ci.validFrom), lte(ci.validFrom, now)),
    or(eq(ci.evergreen, true), isNull(ci.validTo), gte(ci.validTo, now)),
  )!;
}

/** The library's columns; the caption is joined after the page is chosen (see `libraryPage`). */
const libraryColumns = {
  id: ci.id,
  title: ci.title,
  body: ci.body,
  linkUrl: ci.linkUrl,
  imageId: ci.imageId,
  imageUrl: ci.imageUrl,
  topic: ci.topic,
  language: ci.language,
  networks: ci.networks,
  pinned: ci.pinned,
  advertising: ci.advertising,
  shareCount: ci.shareCount,
  publishedAt: ci.publishedAt,
  // The exact timestamp (microseconds) for the cursor; a JS Date would round it to milliseconds.
  publishedKey:
    sql<string>`to_char(${ci.publishedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as(
      'published_key',
    ),
};

type LibraryRow = {
  [K in Exclude<keyof typeof libraryColumns, 'publishedKey'>]: (typeof ci.$inferSelect)[K];
} & { publishedKey: string; caption: string | null };

function toEntry(row: LibraryRow): LibraryEntry {
  const { publishedKey: _key, caption, ...rest } = row;
  return { ...rest, networks: rest.networks as Network[], caption: caption ?? '' };
}

/**
 * Chooses the rows (filter, order, limit) on content_items alone, then joins each chosen item's first
 * caption in its own language: joining before the limit would look up a caption for every match.
 */
async function libraryPage(db: Db, tenantId: string, where: SQL, sort: LibrarySort, limit: number) {
  // Pinned first, then the sort key, then id: a total order, so cursor pages neither skip nor repeat.
  const inner =
    sort === 'newest'
      ? [desc(ci.pinned), desc(ci.publishedAt), desc(ci.id)]
      : [desc(ci.pinned), desc(ci.shareCount), desc(ci.id)];
  const page = db
    .select(libraryColumns)
    .from(ci)
    .where(and(eq(ci.tenantId, tenantId), where))
    .orderBy(...inner)
    .limit(limit)
    .as('page');
  const outer =
    sort === 'newest'
      ? [desc(page.pinned), desc(page.publishedAt), desc(page.id)]
      : [desc(page.pinned), desc(page.shareCount), desc(page.id)];
  const rows = await db
    .select({
      id: page.id,
      title: page.title,
      body: page.body,
      linkUrl: page.linkUrl,
      imageId: page.imageId,
      imageUrl: page.imageUrl,
      topic: page.topic,
      language: page.language,
      networks: page.networks,
      pinned: page.pinned,
      advertising: page.advertising,
      shareCount: page.shareCount,
      publishedAt: page.publishedAt,
      publishedKey: page.publishedKey,
      caption: captionVariants.text,
    })
    .from(page)
    .leftJoin(
      captionVariants,
      and(
        eq(captionVariants.tenantId, tenantId),
        eq(captionVariants.itemId, page.id),
        eq(captionVariants.language, page.language),
        eq(captionVariants.position, 0),
      ),
    )
    .orderBy(...outer);
  return rows as LibraryRow[];
}

/** The ContentStore port over Drizzle: the same SQL on PGlite and on a Postgres server. */
export function createContentStore(db: Db): ContentStore {
  const store: ContentStore = {
    async transaction(work) {
      return db.transaction((tx) => work(createContentStore(tx as unknown as Db)));
    },

    topics: {
      async list(tenantId) {
        return db
          .select({
            key: topics.key,
            labelDa: topics.labelDa,
            labelEn: topics.labelEn,
            builtIn: topics.builtIn,
            createdAt: topics.createdAt,
          })
          .from(topics)
          .where(eq(topics.tenantId, tenantId));
      },
      async exists(tenantId, key) {
        const rows = await db
          .select({ key: topics.key })
          .from(topics)
          .where(and(eq(topics.tenantId, tenantId), eq(topics.key, key)));
        return rows.length === 1;
      },
      async insert(tenantId, topic) {
        const rows = await db
          .insert(topics)
          .values({ tenantId, ...topic })
          .onConflictDoNothing()
          .returning({ key: topics.key });
        return rows.length === 1;
      },
    },

    images: {
      // Bytes cross the driver as base64 text, decoded and encoded by the database: PGlite serialises a
      // bytea parameter or result byte by byte in JavaScript (measured ~2.5 s to insert 5 MB, ~0.9 s to
      // read it), base64 takes a tenth of that, and node-postgres is as fast either way.
      async insert(tenantId, image) {
        const { bytes, ...rest } = image;
        await db
          .insert(images)
          .values({ tenantId, ...rest, bytes: sql`decode(${bytes.toString('base64')}, 'base64')` });
      },
      async get(tenantId, id) {
        const rows = await db
          .select({
            id: images.id,
            contentType: images.contentType,
            base64: sql<string>`encode(${images.bytes}, 'base64')`,
            size: images.size,
            width: images.width,
            height: images.height,
            createdBy: images.createdBy,
            createdAt: images.createdAt,
          })
          .from(images)
          .where(and(eq(images.tenantId, tenantId), eq(images.id, id)));
        const row = rows[0];
        if (!row) return null;
        const { base64, ...image } = row;
        // Postgres wraps base64 lines at 76 characters; Buffer.from skips the line breaks.
        return {
          ...image,
          contentType: image.contentType as ImageType,
          bytes: Buffer.from(base64, 'base64'),
        };
      },
      async exists(tenantId, id) {
        const rows = await db
          .select({ id: images.id })
          .from(images)
          .where(and(eq(images.tenantId, tenantId), eq(images.id, id)));
        return rows.length === 1;
      },
    },

    items: {
      async insert(tenantId, item, captions) {
        await db.insert(ci).values({
          tenantId,
          id: item.id,
          ...fieldValues(item),
          status: item.status,
          authorId: item.authorId,
          search: searchVector(item, captions),
          createdAt: item.now,
          updatedAt: item.now,
        });
        const rows = captionRows(tenantId, item.id, captions);
        if (rows.length) await db.insert(captionVariants).values(rows);
      },

      async update(tenantId, id, item, captions) {
        await db
          .update(ci)
          .set({
            ...fieldValues(item),
            status: item.status,
            search: searchVector(item, captions),
            updatedAt: item.now,
          })
          .where(and(eq(ci.tenantId, tenantId), eq(ci.id, id)));
        // Variants are positions in a list: replace the list. Shares keep their own copy of the text.
        await db
          .delete(captionVariants)
          .where(and(eq(captionVariants.tenantId, tenantId), eq(captionVariants.itemId, id)));
        const rows = captionRows(tenantId, id, captions);
        if (rows.length) await db.insert(captionVariants).values(rows);
      },

      async setStatus(tenantId, id, change) {
        await db
          .update(ci)
          .set({
            status: change.status,
            updatedAt: change.now,
            ...(change.publishedAt !== undefined ? { publishedAt: change.publishedAt } : {}),
            ...(change.reviewNote !== undefined ? { reviewNote: change.reviewNote } : {}),
          })
          .where(and(eq(ci.tenantId, tenantId), eq(ci.id, id)));
      },

      async getForUpdate(tenantId, id) {
        const rows = await db
          .select({ ...itemColumns, authorName: people.displayName })
          .from(ci)
          .leftJoin(people, and(eq(people.tenantId, ci.tenantId), eq(people.id, ci.authorId)))
          .where(and(eq(ci.tenantId, tenantId), eq(ci.id, id)))
          .for('update', { of: ci });
        const row = rows[0];
        return row ? toRecord(row, row.authorName) : null;
      },

      async get(tenantId, id) {
        const rows = await db
          .select({ ...itemColumns, authorName: people.displayName })
          .from(ci)
          .leftJoin(people, and(eq(people.tenantId, ci.tenantId), eq(people.id, ci.authorId)))
          .where(and(eq(ci.tenantId, tenantId), eq(ci.id, id)));
        const row = rows[0];
        if (!row) return null;
        const [variants, steps] = await Promise.all([
          db
            .select({ language: captionVariants.language, text: captionVariants.text })
            .from(captionVariants)
            .where(and(eq(captionVariants.tenantId, tenantId), eq(captionVariants.itemId, id)))
            .orderBy(asc(captionVariants.language), asc(captionVariants.position)),
          db
            .select({
              from: contentTransitions.fromStatus,
              to: contentTransitions.toStatus,
              actorId: contentTransitions.actorId,
              actorName: people.displayName,
              note: contentTransitions.note,
              at: contentTransitions.at,
            })
            .from(contentTransitions)
            .leftJoin(
              people,
              and(
                eq(people.tenantId, contentTransitions.tenantId),
                eq(people.id, contentTransitions.actorId),
              ),
            )
            .where(and(eq(contentTransitions.tenantId, tenantId), eq(contentTransitions.itemId, id)))
            .orderBy(asc(contentTransitions.id)),
        ]);
        const captions: Captions = { da: [], en: [] };
        for (const v of variants) captions[v.language].push(v.text);
        return {
          ...toRecord(row, row.authorName),
          captions,
          transitions: steps.map((s) => ({
            ...s,
            from: s.from as ContentStatus | null,
            to: s.to as ContentStatus,
          })),
        };
      },

      async list(tenantId, options) {
        const rows = await db
          .select({ ...itemColumns, authorName: people.displayName })
          .from(ci)
          .leftJoin(people, and(eq(people.tenantId, ci.tenantId), eq(people.id, ci.authorId)))
          .where(and(eq(ci.tenantId, tenantId), options.status ? eq(ci.status, options.status) : undefined))
          .orderBy(desc(ci.updatedAt), desc(ci.id))
          .limit(options.limit);
        return rows.map((row) => toRecord(row, row.authorName));
      },

      async countByStatus(tenantId) {
        const rows = await db
          .select({ status: ci.status, n: count() })
          .from(ci)
          .where(eq(ci.tenantId, tenantId))
          .groupBy(ci.status);
        const counts: Record<ContentStatus, number> = {
          draft: 0,
          in_review: 0,
          approved: 0,
          rejected: 0,
          archived: 0,
        };
        for (const row of rows) counts[row.status] = Number(row.n);
        return counts;
      },

      async recordTransition(tenantId, step) {
        await db.insert(contentTransitions).values({
          tenantId,
          itemId: step.itemId,
          fromStatus: step.from,
          toStatus: step.to,
          actorId: step.actorId,
          note: step.note,
          at: step.at,
        });
      },

      async lastSubmitter(tenantId, itemId) {
        const rows = await db
          .select({ actorId: contentTransitions.actorId })
          .from(contentTransitions)
          .where(
            and(
              eq(contentTransitions.tenantId, tenantId),
              eq(contentTransitions.itemId, itemId),
              eq(contentTransitions.toStatus, 'in_review'),
            ),
          )
          .orderBy(desc(contentTransitions.id))
          .limit(1);
        return rows[0]?.actorId ?? null;
      },
    },

    library: {
      async search(tenantId, search: LibrarySearch) {
        const conditions: SQL[] = [liveAt(search.now)];
        if (search.q !== null) {
          // Both dictionaries: a Danish word finds Danish items by its stem, an English word English ones.
          conditions.push(
            sql`${ci.search} @@ (websearch_to_tsquery('danish', ${search.q}) || websearch_to_tsquery('english', ${search.q}))`,
          );
        }
        if (search.topic !== null) conditions.push(eq(ci.topic, search.topic));
        if (search.network !== null) conditions.push(sql`${ci.networks} @> array[${search.network}]::text[]`);
        if (search.language !== null) conditions.push(eq(ci.language, search.language));
        const after = search.after;
        if (after?.sort === 'newest') {
          conditions.push(
            sql`(${ci.pinned}, ${ci.publishedAt}, ${ci.id}) < (${after.pinned}::boolean, ${after.publishedAt}::timestamptz, ${after.id}::text)`,
          );
        } else if (after?.sort === 'most_shared') {
          conditions.push(
            sql`(${ci.pinned}, ${ci.shareCount}, ${ci.id}) < (${after.pinned}::boolean, ${after.shareCount}::integer, ${after.id}::text)`,
          );
        }
        const rows = await libraryPage(db, tenantId, and(...conditions)!, search.sort, search.limit);
        return rows.map((row) => {
          const position: LibraryPosition =
            search.sort === 'newest'
              ? { sort: 'newest', pinned: row.pinned, publishedAt: row.publishedKey, id: row.id }
              : { sort: 'most_shared', pinned: row.pinned, shareCount: row.shareCount, id: row.id };
          return { entry: toEntry(row), position };
        });
      },

      async get(tenantId, id, now) {
        const rows = await libraryPage(db, tenantId, and(eq(ci.id, id), liveAt(now))!, 'newest', 1);
        const row = rows[0];
        return row ? toEntry(row) : null;
      },
    },
  };
  return store;
}
