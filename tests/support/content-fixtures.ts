import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../src/db/database';
import { captionVariants, clickEvents, contentItems, trackedLinks } from '../../src/db/schema';
import { generateLinkCode } from '../../src/domain/sharing';
import type { Network } from '../../src/domain/program';

// Small fixtures written straight into the tables, so the sharing tests do not depend on the content
// services: an approved item with its caption variants, and tracked links for the redirect tests.

export interface ItemFixture {
  title?: string;
  linkUrl?: string;
  language?: 'da' | 'en';
  networks?: Network[];
  captions?: { da?: string[]; en?: string[] };
  status?: 'draft' | 'in_review' | 'approved' | 'rejected' | 'archived';
  advertising?: boolean;
  validFrom?: Date | null;
  validTo?: Date | null;
  evergreen?: boolean;
  imageUrl?: string | null;
  authorId?: string;
}

/** Inserts a content item (approved by default) with caption variants; returns its id. */
export async function insertItem(db: Db, tenantId: string, fixture: ItemFixture = {}): Promise<string> {
  const id = randomUUID();
  const language = fixture.language ?? 'da';
  const captions = fixture.captions ?? {
    da: ['Første variant: vi bygger vindmøller', 'Anden variant: kom og se vores nye park', 'Tredje variant'],
  };
  const status = fixture.status ?? 'approved';
  await db.insert(contentItems).values({
    tenantId,
    id,
    title: fixture.title ?? 'Ny havvindmøllepark åbner i Esbjerg',
    body: 'Vi åbner en ny park.',
    linkUrl: fixture.linkUrl ?? 'https://nordlys.example/nyheder/havvind?ref=intranet',
    imageUrl: fixture.imageUrl ?? null,
    topic: 'internal-news',
    language,
    networks: fixture.networks ?? ['linkedin', 'x', 'facebook', 'instagram'],
    validFrom: fixture.validFrom ?? null,
    validTo: fixture.validTo ?? null,
    evergreen: fixture.evergreen ?? false,
    advertising: fixture.advertising ?? true,
    status,
    authorId: fixture.authorId ?? 'fixture-author',
    publishedAt: status === 'approved' ? new Date() : null,
  });
  const rows = (['da', 'en'] as const).flatMap((lang) =>
    (captions[lang] ?? []).map((text, position) => ({
      tenantId,
      itemId: id,
      language: lang,
      position,
      text,
    })),
  );
  if (rows.length) await db.insert(captionVariants).values(rows);
  return id;
}

/** Changes an item's status (e.g. archives it) behind the services' back. */
export async function setItemStatus(db: Db, tenantId: string, itemId: string, status: ItemFixture['status']) {
  await db
    .update(contentItems)
    .set({ status: status! })
    .where(and(eq(contentItems.tenantId, tenantId), eq(contentItems.id, itemId)));
}

/** Inserts tracked links for an item directly (the durability and bench runs need many codes). */
export async function insertTrackedLinks(
  db: Db,
  tenantId: string,
  itemId: string,
  count: number,
  network: Network = 'linkedin',
): Promise<string[]> {
  const codes = Array.from({ length: count }, () => generateLinkCode());
  await db
    .insert(trackedLinks)
    .values(codes.map((code) => ({ tenantId, code, itemId, network, personId: `fixture-${code}` })));
  return codes;
}

/** Click rows stored for these codes. */
export async function countClicks(db: Db, tenantId: string, codes: string[]): Promise<number> {
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(clickEvents)
    .where(and(eq(clickEvents.tenantId, tenantId), inArray(clickEvents.code, codes)));
  return Number(rows[0]?.n ?? 0);
}
