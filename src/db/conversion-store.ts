import { and, eq, sql } from 'drizzle-orm';
import type { CodeAttribution, ConversionRecord, ConversionStore, NewConversion } from '../ports/conversions';
import { rowsOf, type Db } from './database';
import { conversions, tenantSecrets } from './schema';

/** The tenant_secrets row holding the SHA-256 hash of the tenant's conversions key. */
export const CONVERSIONS_KEY_SECRET = 'conversions-key';
const INSERT_CHUNK = 500;

type Row = typeof conversions.$inferSelect;

function toRecord(r: Row): ConversionRecord {
  return {
    externalId: r.externalId,
    kind: r.kind,
    code: r.code,
    itemId: r.itemId,
    personId: r.personId,
    network: r.network,
    campaign: r.campaign,
    source: r.source,
    occurredAt: r.occurredAt,
  };
}

/** Conversions and the conversions key over Postgres. */
export function createConversionStore(db: Db): ConversionStore {
  const secretWhere = (tenantId: string) =>
    and(eq(tenantSecrets.tenantId, tenantId), eq(tenantSecrets.name, CONVERSIONS_KEY_SECRET));
  return {
    async keyCreatedAt(tenantId) {
      const rows = await db
        .select({ at: tenantSecrets.createdAt })
        .from(tenantSecrets)
        .where(secretWhere(tenantId));
      return rows[0]?.at ?? null;
    },

    async saveKeyHash(tenantId, hash, at) {
      await db
        .insert(tenantSecrets)
        .values({ tenantId, name: CONVERSIONS_KEY_SECRET, value: hash, createdAt: at })
        .onConflictDoUpdate({
          target: [tenantSecrets.tenantId, tenantSecrets.name],
          set: { value: hash, createdAt: at },
        });
    },

    async keyHashMatches(tenantId, hash) {
      const rows = await db
        .select({ value: tenantSecrets.value })
        .from(tenantSecrets)
        .where(and(secretWhere(tenantId), eq(tenantSecrets.value, hash)));
      return rows.length === 1;
    },

    async attributions(tenantId, codes) {
      const out = new Map<string, CodeAttribution>();
      const unique = [...new Set(codes)];
      for (let i = 0; i < unique.length; i += INSERT_CHUNK) {
        const chunk = unique.slice(i, i + INSERT_CHUNK);
        const rows = rowsOf<{
          code: string;
          item_id: string;
          person_id: string | null;
          network: string;
          title: string;
        }>(
          await db.execute(sql`
            select l.code, l.item_id, l.person_id, l.network, i.title
            from tracked_links l
            join content_items i on i.tenant_id = l.tenant_id and i.id = l.item_id
            where l.tenant_id = ${tenantId} and l.code = any(${sql.param(chunk)}::text[])`),
        );
        for (const r of rows) {
          out.set(r.code, {
            code: r.code,
            itemId: r.item_id,
            personId: r.person_id,
            network: r.network,
            itemTitle: r.title,
          });
        }
      }
      return out;
    },

    async insert(tenantId, c: NewConversion) {
      const inserted = await db
        .insert(conversions)
        .values({ tenantId, ...c })
        .onConflictDoNothing({ target: [conversions.tenantId, conversions.externalId] })
        .returning();
      if (inserted[0]) return { created: true, stored: toRecord(inserted[0]) };
      const rows = await db
        .select()
        .from(conversions)
        .where(and(eq(conversions.tenantId, tenantId), eq(conversions.externalId, c.externalId)));
      return { created: false, stored: toRecord(rows[0]!) };
    },

    async insertMany(tenantId, list) {
      return db.transaction(async (tx) => {
        let created = 0;
        for (let i = 0; i < list.length; i += INSERT_CHUNK) {
          const rows = await tx
            .insert(conversions)
            .values(list.slice(i, i + INSERT_CHUNK).map((c) => ({ tenantId, ...c })))
            .onConflictDoNothing({ target: [conversions.tenantId, conversions.externalId] })
            .returning({ id: conversions.id });
          created += rows.length;
        }
        return created;
      });
    },
  };
}
