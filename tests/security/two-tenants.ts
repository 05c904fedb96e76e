import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { openDatabase, rowsOf, type DatabaseHandle } from '../../src/db/database';
import { generateDemoOrg } from '../../src/demo/demo-org';
import { DemoDirectory } from '../../src/demo/demo-directory';
import { createSparringStore } from '../../src/db/sparring-store';
import { insertItem } from '../support/content-fixtures';
import { signInAs, startTestChorus, testDatabaseConfig, type TestChorus } from '../support/chorus';

// Two tenants in one database, each served by its own instance of the app (one process serves one
// tenant: its sign-in and its public routes name it). Both get the full demo seed: content, campaigns,
// nominations, invitations, shares, tracked links, clicks, conversions, canvas, challenges and draws.
// Tenant B's people have the SAME ids as tenant A's (the demo org is generated the same way), so a
// query that filters on a person id but forgets the tenant would hand A tenant B's rows. B's people
// carry a marker in their names so such a row is recognised in any response.

/** Appears in every tenant B person's name, and in the titles the tests give B's own items. */
export const B_MARK = 'Bravoqx';

/** The role check's refusal (asked for in English); services answer 403 for their own rules in other words. */
export const ROLE_REFUSAL = 'this needs one of these roles';

import { personas, type Persona } from '../support/personas';

export { personas, type Persona };
const org = generateDemoOrg();

export interface TenantSide {
  app: TestChorus;
  tenantId: string;
  /** Session tokens by persona name. */
  tokens: Map<Persona['name'], string>;
}

export interface TwoTenants {
  database: DatabaseHandle;
  a: TenantSide;
  b: TenantSide;
  close(): Promise<void>;
}

/** Starts tenant B (seeded first) and tenant A on one database, and signs every persona in on both. */
export async function startTwoTenants(): Promise<TwoTenants> {
  const database = await openDatabase(testDatabaseConfig());
  // Seeded like the demo; nothing runs in the background, so tenant B's rows change only when asked.
  const env = {
    DEMO_CONTENT: 'true',
    DEMO_ACTIVITY: 'true',
    OUTBOX_ENABLED: 'false',
  };
  const bOrg = org.map((p) => ({ ...p, displayName: `${p.displayName} ${B_MARK}` }));
  const started: TestChorus[] = [];
  try {
    const bApp = await startTestChorus(env, {
      sharedDatabase: database,
      demoTenantId: randomUUID(),
      directory: new DemoDirectory(bOrg),
    });
    started.push(bApp);
    const aApp = await startTestChorus(env, { sharedDatabase: database, demoTenantId: randomUUID() });
    started.push(aApp);
    const side = async (app: TestChorus): Promise<TenantSide> => {
      retryOnReset(app);
      const tokens = new Map<Persona['name'], string>();
      for (const p of personas) tokens.set(p.name, await signInAs(app, p.id));
      return { app, tenantId: app.tenantId, tokens };
    };
    const b = await side(bApp);
    const a = await side(aApp);
    // Every persona of A is an ambassador, so sharing routes get past the membership check to the lookup.
    for (const p of personas) await join(aApp, a.tokens.get(p.name)!);
    // What the demo seed leaves out: items whose titles only the tenant has, and a sparring request.
    const sparring = createSparringStore(database.db);
    for (const [tenantId, mark] of [
      [b.tenantId, B_MARK],
      [a.tenantId, 'Alphaqx'],
    ] as const) {
      await insertItem(database.db, tenantId, { title: `Approved ${mark}`, authorId: personas[2]!.id });
      await insertItem(database.db, tenantId, { title: `In review ${mark}`, status: 'in_review' });
      await sparring.create(tenantId, {
        personId: personas[0]!.id,
        language: 'da',
        network: 'linkedin',
        draft: `Draft ${mark}`,
        findings: [],
        requestKey: randomUUID(),
        at: new Date(),
      });
    }
    return {
      database,
      a,
      b,
      async close() {
        await aApp.close();
        await bApp.close();
        await database.close();
      },
    };
  } catch (err) {
    for (const app of started) await app.close();
    await database.close();
    throw err;
  }
}

/**
 * Each side sits idle while the other works, and a kept-alive connection the server has meanwhile closed
 * fails the next request with ECONNRESET before it reaches the app: such a request is sent once more.
 */
function retryOnReset(app: TestChorus): void {
  const api = app.api;
  app.api = async (path, init) => {
    try {
      return await api(path, init);
    } catch {
      return api(path, init);
    }
  };
}

/** Joins the program through the real route (the demo seed may have made the person a member already). */
async function join(app: TestChorus, token: string): Promise<void> {
  const program = (await (await app.api('/api/program', { token })).json()) as {
    guidelines: { version: number };
  };
  const res = await app.api('/api/membership', {
    method: 'POST',
    token,
    json: { guidelinesVersion: program.guidelines.version, networks: ['linkedin'], topics: ['events'] },
  });
  if (res.status !== 201 && res.status !== 409)
    throw new Error(`join failed: ${res.status} ${await res.text()}`);
}

/** Every table with a tenant_id column (read from the catalog, so a new table is covered at once). */
export async function tenantTables(database: DatabaseHandle): Promise<string[]> {
  const res = await database.db.execute(sql`
    select table_name from information_schema.columns
    where column_name = 'tenant_id' and table_schema = current_schema()
    order by table_name`);
  return rowsOf<{ table_name: string }>(res).map((r) => r.table_name);
}

export type TenantDump = Record<string, string[]>;

/** All of one tenant's rows, table by table, each row as sorted JSON, in a stable order. */
export async function dumpTenant(database: DatabaseHandle, tenantId: string): Promise<TenantDump> {
  const dump: TenantDump = {};
  for (const table of await tenantTables(database)) {
    const res = await database.db.execute(
      sql`select * from ${sql.identifier(table)} where tenant_id = ${tenantId}`,
    );
    dump[table] = rowsOf<Record<string, unknown>>(res)
      .map((row) => stableJson(row))
      .sort();
  }
  return dump;
}

function stableJson(row: Record<string, unknown>): string {
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(row).sort()) {
    const v = row[key];
    sorted[key] = v instanceof Date ? v.toISOString() : v;
  }
  return JSON.stringify(sorted);
}

/** Row counts per table of one tenant. */
export function countsOf(dump: TenantDump): Record<string, number> {
  return Object.fromEntries(Object.entries(dump).map(([t, rows]) => [t, rows.length]));
}

// Columns whose values name one row (or a link, a key): a response that carries one of tenant B's
// values carries tenant B's data.
const IDENTIFYING = /^(id|code|link_code|.*_id|key_hash|salt|.*_key)$/;

/**
 * Strings that only tenant B's rows hold: B's identifying values that appear nowhere in tenant A's
 * rows (person ids are the same in both tenants, so they drop out), plus B_MARK.
 */
export async function markersOfB(database: DatabaseHandle, aId: string, bId: string): Promise<Set<string>> {
  const valuesOf = async (tenantId: string, onlyIdentifying: boolean) => {
    const values = new Set<string>();
    for (const table of await tenantTables(database)) {
      const res = await database.db.execute(
        sql`select * from ${sql.identifier(table)} where tenant_id = ${tenantId}`,
      );
      for (const row of rowsOf<Record<string, unknown>>(res)) {
        for (const [column, value] of Object.entries(row)) {
          if (column === 'tenant_id' || typeof value !== 'string') continue;
          if (onlyIdentifying && !IDENTIFYING.test(column)) continue;
          values.add(value);
        }
      }
    }
    return values;
  };
  const inA = await valuesOf(aId, false);
  const markers = new Set<string>([B_MARK]);
  // Short values (a network name, a language) are not specific to one row.
  for (const v of await valuesOf(bId, true)) if (v.length >= 8 && !inA.has(v)) markers.add(v);
  return markers;
}

/** The tenant B markers found in a response body (empty when none leaked). */
export function leaksIn(body: string, markers: Set<string>): string[] {
  const found: string[] = [];
  for (const m of markers) if (body.includes(m)) found.push(m);
  return found;
}

/** One real row of each kind of resource a route parameter can name, in one tenant. */
export interface Samples {
  campaign: string;
  send: string;
  inReview: string;
  approved: string;
  image: string;
  challenge: string;
  draw: string;
  sparring: string;
  share: string;
  code: string;
  person: string;
}

/**
 * Reads one id of each kind from a tenant's rows, one that no other tenant's row holds (the demo seed
 * gives some rows the same ids in every tenant). People are the exception: their ids are shared.
 */
export async function samplesOf(database: DatabaseHandle, tenantId: string): Promise<Samples> {
  const pick = async (table: string, column: string, where = sql``, unique = true) => {
    const t = sql.identifier(table);
    const c = sql.identifier(column);
    const res = await database.db.execute(sql`
      select x.${c} as v from ${t} x where x.tenant_id = ${tenantId} ${where}
      ${unique ? sql`and not exists (select 1 from ${t} o where o.${c} = x.${c} and o.tenant_id <> x.tenant_id)` : sql``}
      order by x.${c} limit 1`);
    // Ids are text, or bigserial numbers (sparring requests), which node-postgres returns as text.
    const v = rowsOf<{ v: string | number | null }>(res)[0]?.v;
    if (v === undefined || v === null)
      throw new Error(`tenant ${tenantId} has no ${table}.${column} of its own`);
    return String(v);
  };
  const campaign = await pick('recruitment_campaigns', 'id');
  return {
    campaign,
    // A send of that campaign: the cancel route names both.
    send: await pick('outbox_sends', 'id', sql`and x.campaign_id = ${campaign}`),
    inReview: await pick('content_items', 'id', sql`and x.status = 'in_review'`),
    approved: await pick('content_items', 'id', sql`and x.status = 'approved'`),
    image: await pick('images', 'id'),
    challenge: await pick('challenges', 'id'),
    draw: await pick('prize_draws', 'id'),
    sparring: await pick('sparring_requests', 'id'),
    share: await pick('shares', 'id'),
    code: await pick('tracked_links', 'code'),
    person: await pick('people', 'id', sql``, false),
  };
}

/**
 * What each route parameter names, keyed by the path segment before it and the placeholder
 * (`campaigns/:id`). A route whose placeholder is missing here fails the tenant matrix: add its
 * resource kind, so the route is tried against its own tenant's rows and another tenant's.
 */
export const PARAM_SAMPLES: Record<string, (s: Samples) => string> = {
  'campaigns/:id': (s) => s.campaign,
  'sends/:sendId': (s) => s.send,
  'content/:id': (s) => s.inReview,
  'library/:id': (s) => s.approved,
  'media/:id': (s) => s.image,
  'challenges/:id': (s) => s.challenge,
  'draws/:id': (s) => s.draw,
  'sparring/:id': (s) => s.sparring,
  'shares/:shareId': (s) => s.share,
  'r/:code': (s) => s.code,
  'r/*': (s) => s.code,
  'users/:personId': (s) => s.person,
  // Not a tenant's resource: a table name, a program document kind, the demo connector's own ids
  // (the tenant of a connector request is in its body; see the isolation test).
  'export/:table': () => 'kpis',
  'program/:kind': () => 'purpose',
  'conversations/:conversationId': () => 'a:isolation-test',
  'activities/:activityId': () => 'isolation-activity',
};

/** Placeholders of a route that name a tenant's resource (not a table name or document kind). */
export const TENANT_RESOURCE_PARAMS = new Set([
  'campaigns/:id',
  'sends/:sendId',
  'content/:id',
  'library/:id',
  'media/:id',
  'challenges/:id',
  'draws/:id',
  'sparring/:id',
  'shares/:shareId',
  'r/:code',
  'r/*',
  'users/:personId',
]);

/** The placeholders in a route's URL, each keyed as in PARAM_SAMPLES. */
export function placeholdersOf(url: string): string[] {
  const segments = url.split('/');
  const keys: string[] = [];
  segments.forEach((seg, i) => {
    if (seg.startsWith(':') || seg === '*') keys.push(`${segments[i - 1] ?? ''}/${seg}`);
  });
  return keys;
}

/** The route's URL with each placeholder filled from the samples; throws naming an unmapped one. */
export function fillRoute(url: string, samples: Samples): string {
  const segments = url.split('/');
  return segments
    .map((seg, i) => {
      if (!seg.startsWith(':') && seg !== '*') return seg;
      const key = `${segments[i - 1] ?? ''}/${seg}`;
      const sample = PARAM_SAMPLES[key];
      if (!sample) {
        throw new Error(
          `no sample id for "${key}" in ${url}: add it to PARAM_SAMPLES in tests/security/two-tenants.ts ` +
            '(and to TENANT_RESOURCE_PARAMS when it names a tenant row)',
        );
      }
      return encodeURIComponent(sample(samples));
    })
    .join('/');
}

/** Valid bodies for routes that change a row named in the URL: a lookup must answer, not a schema. */
export const MUTATION_BODIES: Record<string, unknown> = {
  'PUT /api/admin/campaigns/:id': {
    name: 'Isolation',
    pitch: { da: { why: 'Fordi', effort: 'Lidt', support: 'Vi hjælper' } },
    startsAt: '2026-01-01T00:00:00.000Z',
    endsAt: '2027-01-01T00:00:00.000Z',
    goalAmbassadors: 5,
    audience: {},
  },
  'POST /api/admin/campaigns/:id/announce': {
    channelIds: [],
    personal: 'chat',
    idempotencyKey: 'isolation-announce',
  },
  'PUT /api/content/:id': {
    title: 'Isolation',
    linkUrl: 'https://example.com/isolation',
    topic: 'internal-news',
    language: 'da',
    networks: ['linkedin'],
    captions: { da: ['Hej'] },
    validFrom: null,
    validTo: null,
  },
  'POST /api/content/:id/reject': { note: 'Nej tak' },
  'POST /api/library/:id/share': { network: 'linkedin' },
  'POST /api/shares/:shareId/complete': { text: 'Delt', via: 'confirmed' },
  'PATCH /api/shares/:shareId': { reactions: 5 },
  'POST /api/admin/challenges/:id/draws': { winnerCount: 1 },
  'POST /api/admin/sparring/:id/reply': { reply: 'Godt udkast' },
};
