import { and, asc, count, desc, eq, ilike, inArray, isNotNull, or, sql } from 'drizzle-orm';
import type {
  DocumentKind,
  Membership,
  Network,
  ProgramDocument,
  Topic,
  JoinSource,
} from '../domain/program';
import type { DirectorySyncState, Store } from '../ports/store';
import type { Db } from './database';
import { currentCorrelationId } from '../observability/context';
import {
  activityEvents,
  consents,
  directorySync,
  jobs,
  memberships,
  people,
  programDocuments,
  tenants,
} from './schema';

const personColumns = {
  id: people.id,
  displayName: people.displayName,
  mail: people.mail,
  userPrincipalName: people.userPrincipalName,
  jobTitle: people.jobTitle,
  department: people.department,
  officeLocation: people.officeLocation,
  country: people.country,
  managerId: people.managerId,
  preferredLanguage: people.preferredLanguage,
  accountEnabled: people.accountEnabled,
};

// Correlated subqueries name the outer table explicitly: Drizzle may leave a column unqualified in a
// single-table select, which would bind it to the inner table instead (and cross tenants).
const reportCount = sql<number>`(select count(*)::int from people r where r.tenant_id = people.tenant_id and r.manager_id = people.id)`;
const currentGuidelines = sql<
  number | null
>`(select max(d.version) from program_documents d where d.tenant_id = people.tenant_id and d.kind = 'guidelines')`;

// Postgres limits a statement to 65,535 parameters; 12 columns a row keeps a chunk well under it.
const UPSERT_CHUNK = 1000;

function toDocument(row: typeof programDocuments.$inferSelect): ProgramDocument {
  return {
    kind: row.kind,
    version: row.version,
    bodyDa: row.bodyDa,
    bodyEn: row.bodyEn,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
  };
}

/**
 * Queries run on every request, built once and prepared: building a Drizzle query costs more than
 * running a primary-key lookup. Keyed by Db, because a prepared query belongs to its database handle.
 */
function hotQueries(db: Db) {
  const byTenantAndId = and(
    eq(people.tenantId, sql.placeholder('tenantId')),
    eq(people.id, sql.placeholder('id')),
  );
  let personWithReports: ReturnType<typeof buildPersonWithReports> | null = null;
  let profile: ReturnType<typeof buildProfile> | null = null;
  function buildPersonWithReports() {
    return db
      .select({ ...personColumns, directReports: reportCount })
      .from(people)
      .where(byTenantAndId)
      .prepare('chorus_person_with_reports');
  }
  function buildProfile() {
    return db
      .select({
        ...personColumns,
        directReports: reportCount,
        currentGuidelinesVersion: currentGuidelines,
        joinedAt: memberships.joinedAt,
        guidelinesVersion: memberships.guidelinesVersion,
        networks: memberships.networks,
        topics: memberships.topics,
        source: memberships.source,
      })
      .from(people)
      .leftJoin(
        memberships,
        and(eq(memberships.tenantId, people.tenantId), eq(memberships.personId, people.id)),
      )
      .where(byTenantAndId)
      .prepare('chorus_profile');
  }
  return {
    personWithReports: () => (personWithReports ??= buildPersonWithReports()),
    profile: () => (profile ??= buildProfile()),
  };
}

/** The Store port over Drizzle: the same code on PGlite and on a Postgres server. */
export function createDrizzleStore(db: Db): Store {
  const hot = hotQueries(db);
  const store: Store = {
    async ensureTenant(tenantId, name) {
      await db.insert(tenants).values({ tenantId, name }).onConflictDoNothing();
    },

    async transaction(work) {
      return db.transaction((tx) => work(createDrizzleStore(tx as unknown as Db)));
    },

    people: {
      async upsertMany(tenantId, list) {
        for (let i = 0; i < list.length; i += UPSERT_CHUNK) {
          const chunk = list
            .slice(i, i + UPSERT_CHUNK)
            .map((p) => ({ tenantId, ...p, syncedAt: new Date() }));
          await db
            .insert(people)
            .values(chunk)
            .onConflictDoUpdate({
              target: [people.tenantId, people.id],
              set: {
                displayName: sql`excluded.display_name`,
                mail: sql`excluded.mail`,
                userPrincipalName: sql`excluded.user_principal_name`,
                jobTitle: sql`excluded.job_title`,
                department: sql`excluded.department`,
                officeLocation: sql`excluded.office_location`,
                country: sql`excluded.country`,
                managerId: sql`excluded.manager_id`,
                preferredLanguage: sql`excluded.preferred_language`,
                accountEnabled: sql`excluded.account_enabled`,
                syncedAt: sql`excluded.synced_at`,
              },
            });
        }
      },
      async removeMany(tenantId, ids) {
        if (ids.length === 0) return;
        await db.delete(people).where(and(eq(people.tenantId, tenantId), inArray(people.id, ids)));
      },
      async get(tenantId, id) {
        const rows = await db
          .select(personColumns)
          .from(people)
          .where(and(eq(people.tenantId, tenantId), eq(people.id, id)));
        return rows[0] ?? null;
      },
      async search(tenantId, query, limit) {
        const q = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        const rows = await db
          .select(personColumns)
          .from(people)
          .where(
            and(
              eq(people.tenantId, tenantId),
              eq(people.accountEnabled, true),
              query
                ? or(ilike(people.displayName, q), ilike(people.jobTitle, q), ilike(people.department, q))
                : undefined,
            ),
          )
          .orderBy(asc(people.displayName))
          .limit(limit);
        return rows;
      },
      async getWithReportCount(tenantId, id) {
        const rows = await hot.personWithReports().execute({ tenantId, id });
        const row = rows[0];
        if (!row) return null;
        const { directReports, ...person } = row;
        return { person, directReports: Number(directReports) };
      },
      async countDirectReports(tenantId, managerId) {
        const rows = await db
          .select({ n: count() })
          .from(people)
          .where(and(eq(people.tenantId, tenantId), eq(people.managerId, managerId)));
        return rows[0]?.n ?? 0;
      },
      async count(tenantId) {
        const rows = await db.select({ n: count() }).from(people).where(eq(people.tenantId, tenantId));
        return rows[0]?.n ?? 0;
      },
      async refreshStatistics() {
        // PGlite has no autovacuum, and a server's may lag a large sync: without statistics the
        // planner misjudges small lookups badly (measured 4× slower on GET /api/me).
        await db.execute(sql`analyze people`);
      },
    },

    program: {
      async current(tenantId, kind) {
        const rows = await db
          .select()
          .from(programDocuments)
          .where(and(eq(programDocuments.tenantId, tenantId), eq(programDocuments.kind, kind)))
          .orderBy(desc(programDocuments.version))
          .limit(1);
        return rows[0] ? toDocument(rows[0]) : null;
      },
      async addVersion(tenantId, kind: DocumentKind, doc) {
        // max+1 in one statement; the primary key turns a concurrent duplicate into an error, not a silent overwrite.
        const rows = await db
          .insert(programDocuments)
          .values({
            tenantId,
            kind,
            version:
              doc.version ??
              sql`(select coalesce(max(version), 0) + 1 from program_documents where tenant_id = ${tenantId} and kind = ${kind})`,
            bodyDa: doc.bodyDa,
            bodyEn: doc.bodyEn,
            createdBy: doc.createdBy,
          })
          .returning();
        return toDocument(rows[0]!);
      },
    },

    memberships: {
      async get(tenantId, personId) {
        const rows = await db
          .select()
          .from(memberships)
          .where(and(eq(memberships.tenantId, tenantId), eq(memberships.personId, personId)));
        const row = rows[0];
        if (!row) return null;
        return {
          personId: row.personId,
          joinedAt: row.joinedAt,
          guidelinesVersion: row.guidelinesVersion,
          networks: row.networks as Network[],
          topics: row.topics as Topic[],
          source: row.source as JoinSource,
        } satisfies Membership;
      },
      async insert(tenantId, m) {
        const rows = await db
          .insert(memberships)
          .values({ tenantId, ...m })
          .onConflictDoNothing()
          .returning({ personId: memberships.personId });
        return rows.length === 1;
      },
      async delete(tenantId, personId) {
        const rows = await db
          .delete(memberships)
          .where(and(eq(memberships.tenantId, tenantId), eq(memberships.personId, personId)))
          .returning({ personId: memberships.personId });
        return rows.length === 1;
      },
      async count(tenantId) {
        const rows = await db
          .select({ n: count() })
          .from(memberships)
          .where(eq(memberships.tenantId, tenantId));
        return rows[0]?.n ?? 0;
      },
    },

    consents: {
      async record(tenantId, personId, guidelinesVersion, source) {
        await db.insert(consents).values({ tenantId, personId, guidelinesVersion, source });
      },
      async anonymise(tenantId, personId) {
        await db
          .update(consents)
          .set({ personId: null })
          .where(and(eq(consents.tenantId, tenantId), eq(consents.personId, personId)));
      },
    },

    activity: {
      async record(tenantId, personId, type, data = {}) {
        await db.insert(activityEvents).values({ tenantId, personId, type, data });
      },
      async anonymise(tenantId, personId) {
        await db
          .update(activityEvents)
          .set({ personId: null, data: {} })
          .where(and(eq(activityEvents.tenantId, tenantId), eq(activityEvents.personId, personId)));
      },
      async countByType(tenantId) {
        const rows = await db
          .select({ type: activityEvents.type, n: count() })
          .from(activityEvents)
          .where(eq(activityEvents.tenantId, tenantId))
          .groupBy(activityEvents.type);
        return Object.fromEntries(rows.map((r) => [r.type, r.n]));
      },
    },

    jobs: {
      async enqueue(tenantId, kind, payload, options = {}) {
        // The correlation id of the request, turn or job that queued it, so the job's logs and span
        // can name their cause (kept in the payload: no handler reads `causedBy`).
        const causedBy = currentCorrelationId();
        const rows = await db
          .insert(jobs)
          .values({
            tenantId,
            kind,
            payload: causedBy ? { ...payload, causedBy } : payload,
            runAt: options.runAt ?? new Date(),
            dedupeKey: options.dedupeKey ?? null,
            maxAttempts: options.maxAttempts ?? 5,
          })
          .onConflictDoNothing()
          .returning({ id: jobs.id });
        return rows.length === 1;
      },
      async cancelForPerson(tenantId, personId) {
        const rows = await db
          .delete(jobs)
          .where(
            and(
              eq(jobs.tenantId, tenantId),
              eq(jobs.status, 'queued'),
              isNotNull(jobs.payload),
              sql`${jobs.payload}->>'personId' = ${personId}`,
            ),
          )
          .returning({ id: jobs.id });
        return rows.length;
      },
    },

    profiles: {
      async get(tenantId, personId) {
        const rows = await hot.profile().execute({ tenantId, id: personId });
        const row = rows[0];
        if (!row) return null;
        const {
          directReports,
          currentGuidelinesVersion,
          joinedAt,
          guidelinesVersion,
          networks,
          topics,
          source,
          ...person
        } = row;
        return {
          person,
          directReports: Number(directReports),
          currentGuidelinesVersion:
            currentGuidelinesVersion === null ? null : Number(currentGuidelinesVersion),
          membership:
            joinedAt && guidelinesVersion !== null && networks && topics && source
              ? {
                  personId,
                  joinedAt,
                  guidelinesVersion,
                  networks: networks as Network[],
                  topics: topics as Topic[],
                  source: source as JoinSource,
                }
              : null,
        };
      },
    },

    directorySync: {
      async get(tenantId) {
        const rows = await db.select().from(directorySync).where(eq(directorySync.tenantId, tenantId));
        const row = rows[0];
        if (!row) return null;
        const { tenantId: _t, ...state } = row;
        return state satisfies DirectorySyncState;
      },
      async save(tenantId, state) {
        await db
          .insert(directorySync)
          .values({ tenantId, ...state })
          .onConflictDoUpdate({ target: directorySync.tenantId, set: { ...state } });
      },
    },
  };
  return store;
}
