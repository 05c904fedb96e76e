/**
 * Library search at scale, on a PostgreSQL server: one tenant with 10,000 approved items (Danish and
 * English text, searched through the same tsvector the content store writes), 100,000 people and
 * 1,000,000 recorded shares. The app runs as `npm start` runs it (its own process, DATABASE_URL at the
 * scratch database); the bench signs in and times GET /api/library, one request at a time, for a mix
 * of Danish and English words, filters, "most shared" and second pages. Goal: p95 ≤ 50 ms.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/chorus_library_bench npx tsx tests/bench/library-search.ts
 *
 * prints JSON. The rows are written once with `insert … select generate_series` and kept for the next
 * run (BENCH_REFILL=true writes them again); the search vectors and share counts are recomputed on every
 * run, so they always follow the store's current rules.
 */
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { DEMO_TENANT_ID, generateDemoOrg } from '../../src/demo/demo-org';
import { startAppProcess, waitReady } from '../support/app-process';
import { freePort } from '../support/net';
import { runPostgresBenchIfMain } from './processes';

export const BENCH_ITEMS = 10_000;
export const BENCH_PEOPLE = 100_000;
export const BENCH_SHARES = 1_000_000;
/** Timed requests per query shape, after one warm-up request each. */
const REPEATS = 25;

const DANISH_WORDS = [
  'elnet',
  'elnettet',
  'strøm',
  'vindmøller',
  'havvind',
  'solceller',
  'varmepumpe',
  'varmepumper',
  'fjernvarme',
  'ladestander',
  'elbil',
  'elbiler',
  'kunder',
  'kolleger',
  'lærling',
  'lærlinge',
  'montører',
  'transformerstation',
  'kabler',
  'måler',
  'målere',
  'forbrug',
  'elpris',
  'grøn',
  'omstilling',
  'bæredygtighed',
  'fremtidens',
  'energi',
  'forsyning',
  'storm',
  'beredskab',
  'driftscenter',
  'Aarhus',
  'Odense',
  'Esbjerg',
  'Aalborg',
  'København',
  'jubilæum',
  'arrangement',
  'åbent',
  'hus',
  'stolt',
  'nyt',
  'projekt',
  'udbygning',
  'batteri',
  'data',
  'sikkerhed',
  'rådgiver',
  'job',
  'søger',
  'ingeniør',
  'sommer',
  'vinter',
  'frost',
  'genbrug',
  'kobber',
  'biodiversitet',
  'blomster',
  'bier',
  'hjem',
];
const ENGLISH_WORDS = [
  'grid',
  'power',
  'wind',
  'turbines',
  'offshore',
  'solar',
  'panels',
  'heat',
  'pump',
  'pumps',
  'district',
  'heating',
  'charging',
  'electric',
  'cars',
  'customers',
  'colleagues',
  'apprentice',
  'apprentices',
  'engineers',
  'substation',
  'cables',
  'meter',
  'meters',
  'demand',
  'price',
  'green',
  'transition',
  'sustainability',
  'future',
  'energy',
  'supply',
  'storm',
  'outage',
  'control',
  'room',
  'Copenhagen',
  'graduate',
  'graduates',
  'programme',
  'event',
  'summit',
  'meetup',
  'proud',
  'new',
  'project',
  'expansion',
  'battery',
  'storage',
  'data',
  'security',
  'cloud',
  'hiring',
  'jobs',
  'summer',
  'winter',
  'recycling',
  'copper',
  'biodiversity',
  'wildflower',
  'meadows',
  'bees',
  'homes',
];
const TOPICS = ['internal-news', 'product', 'thought-leadership', 'jobs', 'events', 'sustainability'];
const NETWORKS = ['linkedin', 'x', 'facebook', 'instagram', 'tiktok'];

/** A deterministic "random" integer in [0, n) from a seed expression, in SQL. */
const pick = (seed: string, n: string) => `((hashint4(${seed})::bigint & 2147483647) % ${n})`;
/** A deterministic fraction in [0, 1) from a seed expression, in SQL. */
const fraction = (seed: string) => `((hashint4(${seed})::bigint & 2147483647) / 2147483648.0)`;

/** `count` words from the item's language pool (`pool`), seeded by a number expression and a salt. */
const words = (seed: string, salt: number, count: string) =>
  `(select string_agg(pool[1 + ${pick(`(${seed}) * 7919 + k * 104729 + ${salt}`, 'array_length(pool, 1)')}], ' ')
      from generate_series(1, ${count}) k)`;

async function fill(client: pg.Client, tenantId: string) {
  const t = tenantId;
  await client.query('begin');
  await client.query(`delete from shares where tenant_id = $1 and id like 'bench-%'`, [t]);
  await client.query(`delete from caption_variants where tenant_id = $1 and item_id like 'bench-%'`, [t]);
  await client.query(`delete from content_items where tenant_id = $1 and id like 'bench-%'`, [t]);
  await client.query(`delete from people where tenant_id = $1 and id like 'bench-%'`, [t]);
  // Items: two thirds Danish; every topic; varied networks; some pinned, some evergreen, some expired
  // (validity from 10 days ago to 80 days ahead), published one every seven minutes back in time. Each
  // property is drawn from its own hash, so topic, language and networks are independent of each other.
  await client.query(
    `insert into content_items (tenant_id, id, title, body, link_url, topic, language, networks, valid_to,
        evergreen, pinned, advertising, status, author_id, published_at, created_at, updated_at)
     select $1, 'bench-item-' || i, initcap(title), body, 'https://www.nordlys-demo.dk/bench/' || i,
        ($4::text[])[1 + ${pick('i * 13 + 5', '6')}], language,
        case ${pick('i * 17 + 3', '5')} when 0 then array['linkedin'] when 1 then array['linkedin', 'facebook']
          when 2 then array['linkedin', 'x'] when 3 then array['instagram', 'facebook', 'linkedin']
          else array['linkedin', 'tiktok', 'instagram'] end,
        case when evergreen then null else now() + (${pick('i * 19 + 7', '90')} - 10) * interval '1 day' end,
        evergreen, ${pick('i * 23 + 11', '150')} = 0, ${pick('i * 29 + 13', '5')} <> 0, 'approved', 'bench-author',
        now() - i * interval '7 minutes', now() - i * interval '7 minutes', now() - i * interval '7 minutes'
     from generate_series(1, ${BENCH_ITEMS}) i
     cross join lateral (
       select case when ${pick('i * 11 + 1', '3')} = 0 then 'en' else 'da' end as language,
              ${pick('i * 37 + 17', '4')} = 0 as evergreen
     ) l
     cross join lateral (select case when l.language = 'da' then $2::text[] else $3::text[] end as pool) p
     cross join lateral (select ${words('i', 1, '4 + i % 4')} as title, ${words('i', 2, '25 + i % 20')} as body) w`,
    [t, DANISH_WORDS, ENGLISH_WORDS, TOPICS],
  );
  await client.query(
    `insert into caption_variants (tenant_id, item_id, language, position, text)
     select $1, ci.id, ci.language, v.position, v.text
     from content_items ci
     cross join lateral (select substr(ci.id, 12)::int as i) n
     cross join lateral (select case when ci.language = 'da' then $2::text[] else $3::text[] end as pool) p
     cross join lateral (
       select pos as position, ${words('n.i * 2 + pos', 3, '12 + (n.i + pos) % 8')} || ' #energi' as text
       from generate_series(0, 1) pos
     ) v
     where ci.tenant_id = $1 and ci.id like 'bench-item-%'`,
    [t, DANISH_WORDS, ENGLISH_WORDS],
  );
  await client.query(
    `insert into people (tenant_id, id, display_name, mail, user_principal_name, job_title, department,
        preferred_language, account_enabled)
     select $1, 'bench-person-' || i, 'Bench Person ' || i, 'bench' || i || '@nordlys-demo.dk',
        'bench' || i || '@nordlys-demo.dk', 'Field Technician', 'Field Operations',
        case when i % 5 = 0 then 'en-GB' else 'da-DK' end, true
     from generate_series(1, ${BENCH_PEOPLE}) i`,
    [t],
  );
  // Shares: a few items are shared a lot and most a little (the cube of a uniform fraction).
  await client.query(
    `insert into shares (tenant_id, id, person_id, item_id, network, link_code, variant_position, status,
        prepared_at, shared_at)
     select $1, 'bench-share-' || g, 'bench-person-' || (1 + ${pick('g * 31', String(BENCH_PEOPLE))}),
        'bench-item-' || (1 + floor(${BENCH_ITEMS} * power(${fraction('g')}, 3))::int),
        ($2::text[])[1 + g % 5], 'bench' || g, g % 2, 'shared',
        now() - (g % 100000) * interval '1 minute', now() - (g % 100000) * interval '1 minute'
     from generate_series(1, ${BENCH_SHARES}) g`,
    [t, NETWORKS],
  );
  await client.query('commit');
}

/** Recomputes what the app keeps up to date itself: share counts, and the search vectors. */
async function derive(client: pg.Client, tenantId: string) {
  await client.query(
    `update content_items ci set share_count = (
       select count(*) from shares s where s.tenant_id = ci.tenant_id and s.item_id = ci.id and s.status = 'shared')
     where ci.tenant_id = $1 and ci.id like 'bench-item-%'`,
    [tenantId],
  );
  // The same vector as src/db/content-store.ts (searchVector): the title (A) and the body with the
  // item-language captions (B) in the item's dictionary, the other language's captions (B) in theirs.
  const own = `(case when ci.language = 'da' then 'danish' else 'english' end)::regconfig`;
  const other = `(case when ci.language = 'da' then 'english' else 'danish' end)::regconfig`;
  const captions = (op: '=' | '<>') =>
    `(select string_agg(v.text, E'\\n' order by v.position) from caption_variants v
      where v.tenant_id = ci.tenant_id and v.item_id = ci.id and v.language ${op} ci.language)`;
  await client.query(
    `update content_items ci set search =
        setweight(to_tsvector(${own}, ci.title), 'A')
        || setweight(to_tsvector(${own}, concat_ws(E'\\n', ci.body, ${captions('=')})), 'B')
        || setweight(to_tsvector(${other}, coalesce(${captions('<>')}, '')), 'B')
     where ci.tenant_id = $1 and ci.id like 'bench-item-%'`,
    [tenantId],
  );
  await client.query('analyze content_items, caption_variants, shares, people');
}

async function counts(client: pg.Client, tenantId: string) {
  const one = async (sql: string) =>
    Number((await client.query<{ n: string }>(sql, [tenantId])).rows[0]?.n ?? 0);
  return {
    items: await one(`select count(*) n from content_items where tenant_id = $1 and id like 'bench-item-%'`),
    people: await one(`select count(*) n from people where tenant_id = $1 and id like 'bench-person-%'`),
    shares: await one(`select count(*) n from shares where tenant_id = $1 and id like 'bench-share-%'`),
  };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
const round = (ms: number) => Math.round(ms * 10) / 10;

function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50Ms: round(percentile(sorted, 50)),
    p95Ms: round(percentile(sorted, 95)),
    p99Ms: round(percentile(sorted, 99)),
    maxMs: round(sorted[sorted.length - 1] ?? NaN),
  };
}

/** The query shapes: Danish and English words, filters, most shared, and second pages (by cursor). */
const SHAPES: { name: string; query: string; secondPage?: boolean }[] = [
  { name: 'newest', query: '' },
  { name: 'newest, page 2', query: '', secondPage: true },
  { name: 'most shared', query: 'sort=most_shared' },
  { name: 'most shared, page 2', query: 'sort=most_shared', secondPage: true },
  { name: 'da word "vindmøller"', query: 'q=vindm%C3%B8ller' },
  { name: 'da word "lærling"', query: 'q=l%C3%A6rling' },
  { name: 'da word "varmepumper", page 2', query: 'q=varmepumper', secondPage: true },
  { name: 'da two words "grøn omstilling"', query: 'q=gr%C3%B8n%20omstilling' },
  { name: 'en word "grid"', query: 'q=grid' },
  { name: 'en word "apprentices"', query: 'q=apprentices' },
  { name: 'en phrase "heat pump"', query: 'q=%22heat%20pump%22' },
  { name: 'en word, most shared', query: 'q=energy&sort=most_shared' },
  { name: 'topic jobs', query: 'topic=jobs' },
  { name: 'language en', query: 'language=en' },
  { name: 'network tiktok', query: 'network=tiktok' },
  { name: 'topic + language + most shared', query: 'topic=sustainability&language=da&sort=most_shared' },
  { name: 'da word + topic', query: 'q=elnet&topic=internal-news' },
  // No Danish word is in an English item: the planner expects matches, walks the whole library in
  // order and finds none. The slowest shape there is; it grows with the number of live items.
  { name: 'da word, language en (worst case)', query: 'q=elnet&language=en' },
  { name: 'no match', query: 'q=kvantecomputer' },
];

export interface LibrarySearchBench {
  items: number;
  people: number;
  shares: number;
  /** Seconds spent writing rows this run (0 when the rows were kept from an earlier run). */
  fillSeconds: number;
  deriveSeconds: number;
  requests: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  goalP95Ms: number;
  met: boolean;
  byShape: Record<string, ReturnType<typeof summary>>;
}

/** Fills the scratch database, starts the app on it, and times GET /api/library. */
export async function benchLibrarySearch(
  databaseUrl: string,
  options: { refill?: boolean } = {},
): Promise<LibrarySearchBench> {
  const tenantId = DEMO_TENANT_ID;
  const port = await freePort();
  // The app migrates the database and syncs the demo org into the tenant; no demo library.
  const app = startAppProcess(port, {
    DATABASE_URL: databaseUrl,
    DEMO_CONTENT: 'false',
    JOBS_ENABLED: 'false',
    DATABASE_POOL_SIZE: '10',
  });
  const client = new pg.Client({ connectionString: databaseUrl });
  try {
    await waitReady(app, 180_000);
    await client.connect();
    let fillSeconds = 0;
    const before = await counts(client, tenantId);
    if (
      options.refill ||
      before.items !== BENCH_ITEMS ||
      before.people !== BENCH_PEOPLE ||
      before.shares !== BENCH_SHARES
    ) {
      const started = performance.now();
      await fill(client, tenantId);
      fillSeconds = (performance.now() - started) / 1000;
    }
    const derived = performance.now();
    await derive(client, tenantId);
    const deriveSeconds = (performance.now() - derived) / 1000;
    const rows = await counts(client, tenantId);

    const person = generateDemoOrg().find((p) => p.jobTitle === 'Field Technician')!;
    const signIn = await fetch(`${app.base}/api/dev/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ personId: person.id }),
    });
    if (signIn.status !== 200) throw new Error(`sign-in failed: ${signIn.status} ${await signIn.text()}`);
    const { token } = (await signIn.json()) as { token: string };
    const get = async (query: string) => {
      const started = performance.now();
      const res = await fetch(`${app.base}/api/library?${query}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const body = (await res.json()) as { items: unknown[]; nextCursor: string | null };
      const ms = performance.now() - started;
      if (res.status !== 200)
        throw new Error(`GET /api/library?${query}: ${res.status} ${JSON.stringify(body)}`);
      return { ms, body };
    };

    // Second pages start from the first page's cursor (the cursor request alone is timed).
    const queries = new Map<string, string>();
    for (const shape of SHAPES) {
      let query = shape.query;
      if (shape.secondPage) {
        const first = await get(query);
        if (!first.body.nextCursor) throw new Error(`${shape.name}: the first page has no next page`);
        query = `${query ? `${query}&` : ''}cursor=${encodeURIComponent(first.body.nextCursor)}`;
      }
      queries.set(shape.name, query);
      await get(query); // warm-up
    }
    const byShape: Record<string, number[]> = {};
    const all: number[] = [];
    for (let round_ = 0; round_ < REPEATS; round_++) {
      for (const [name, query] of queries) {
        const { ms } = await get(query);
        (byShape[name] ??= []).push(ms);
        all.push(ms);
      }
    }
    const total = summary(all);
    return {
      ...rows,
      fillSeconds: round(fillSeconds),
      deriveSeconds: round(deriveSeconds),
      requests: total.n,
      p50Ms: total.p50Ms,
      p95Ms: total.p95Ms,
      p99Ms: total.p99Ms,
      goalP95Ms: 50,
      met: total.p95Ms <= 50,
      byShape: Object.fromEntries(Object.entries(byShape).map(([name, samples]) => [name, summary(samples)])),
    };
  } finally {
    await client.end().catch(() => undefined);
    app.child.kill('SIGTERM');
    await Promise.race([app.exited, new Promise((r) => setTimeout(r, 10_000))]);
  }
}

runPostgresBenchIfMain(import.meta.url, 'library search', benchLibrarySearch);
