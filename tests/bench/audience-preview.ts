/**
 * Audience preview at scale, on a PostgreSQL server: a fresh tenant with the demo org plus 100,000
 * people (twenty departments, ten offices, a manager tree ten wide and six levels deep, one in five
 * English-speaking, some disabled accounts, some ambassadors, and a campaign some of them declined).
 * The app runs in its own process on that tenant; the bench signs in as comms and times
 * POST /api/admin/audience/preview, one request at a time, for five query shapes. Goal: p95 ≤ 100 ms.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/chorus_audience_bench npx tsx tests/bench/audience-preview.ts
 *
 * prints JSON. The tenant is new on every run (its rows are written with `insert … select
 * generate_series`) and deleted afterwards.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { generateDemoOrg } from '../../src/demo/demo-org';
import { waitReady, type AppProcess } from '../support/app-process';
import { freePort } from '../support/net';

const ROOT = path.resolve(import.meta.dirname, '../..');

export const BENCH_AUDIENCE_PEOPLE = 100_000;
/** Timed requests per query shape, after one warm-up request each. */
const REPEATS = 25;
const GOAL_P95_MS = 100;

const TITLES = [
  'Field Technician',
  'Grid Electrician',
  'Service Planner',
  'Electrical Engineer',
  'Project Engineer',
  'Software Developer',
  'Cloud Engineer',
  'Data Engineer',
  'Customer Advisor',
  'Billing Specialist',
  'Controller',
  'Accountant',
  'HR Partner',
  'Recruiter',
  'Communication Consultant',
  'Team Lead',
  'Section Manager',
  'Security Analyst',
  'Asset Engineer',
  'Graduate Engineer',
];
const DEPARTMENTS = Array.from({ length: 20 }, (_, i) => `Department ${i + 1}`);
const OFFICES = Array.from({ length: 10 }, (_, i) => `Office ${i + 1}`);

/** A deterministic "random" integer in [0, n) from a seed expression, in SQL. */
const pick = (seed: string, n: number) => `((hashint4(${seed})::bigint & 2147483647) % ${n})`;

/**
 * 100,000 people under one root ('ap-1'): person i reports to person floor((i - 2) / 10) + 1, so the
 * tree is ten wide and six levels deep, and each of the root's ten reports leads about 11,000 people
 * (a director's subtree; the design's estimate was about 15,000).
 */
async function seed(client: pg.Client, tenantId: string) {
  await client.query('begin');
  await client.query(
    `insert into people (tenant_id, id, display_name, mail, user_principal_name, job_title, department,
        office_location, manager_id, preferred_language, account_enabled)
     select $1, 'ap-' || i, 'Audience Person ' || i, 'ap' || i || '@bench.example', 'ap' || i || '@bench.example',
        ($2::text[])[1 + ${pick('i * 7 + 1', TITLES.length)}],
        ($3::text[])[1 + ${pick('i * 11 + 3', DEPARTMENTS.length)}],
        ($4::text[])[1 + ${pick('i * 13 + 5', OFFICES.length)}],
        case when i = 1 then null else 'ap-' || ((i - 2) / 10 + 1) end,
        case ${pick('i * 17 + 7', 10)} when 0 then 'en-GB' when 1 then 'en-US' when 2 then null else 'da-DK' end,
        ${pick('i * 19 + 11', 100)} <> 0
     from generate_series(1, ${BENCH_AUDIENCE_PEOPLE}) i`,
    [tenantId, TITLES, DEPARTMENTS, OFFICES],
  );
  // Two in a hundred are ambassadors already.
  await client.query(
    `insert into memberships (tenant_id, person_id, guidelines_version, networks, topics, source)
     select $1, 'ap-' || i, 1, array['linkedin'], array[]::text[], 'tab'
     from generate_series(1, ${BENCH_AUDIENCE_PEOPLE}) i where ${pick('i * 23 + 13', 50)} = 0`,
    [tenantId],
  );
  await client.query('commit');
  await client.query('analyze people, memberships');
}

/** One in twenty declined the campaign (an audience row with declined_at), as "Not now" records it. */
async function declineSome(client: pg.Client, tenantId: string, campaignId: string) {
  await client.query(
    `insert into campaign_audience_members (tenant_id, campaign_id, person_id, department, office_location,
        targeted, declined_at)
     select $1, $2, p.id, p.department, p.office_location, true, now()
     from people p where p.tenant_id = $1 and p.id like 'ap-%' and ${pick('substr(p.id, 4)::int * 29 + 17', 20)} = 0`,
    [tenantId, campaignId],
  );
  await client.query('analyze campaign_audience_members, invitations');
}

async function cleanUp(client: pg.Client, tenantId: string) {
  for (const table of [
    'campaign_audience_members',
    'invitations',
    'recruitment_campaigns',
    'memberships',
    'consents',
    'activity_events',
    'jobs',
    'program_documents',
    'topics',
    'tenant_secrets',
    'directory_sync',
    'people',
    'tenants',
  ]) {
    await client.query(`delete from ${table} where tenant_id = $1`, [tenantId]);
  }
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

interface Shape {
  name: string;
  filter: Record<string, unknown>;
  /** Leave out the people who declined the bench campaign (POST …/preview?campaignId=). */
  withCampaign?: boolean;
}

/** The five shapes: everyone (the worst case), org fields, title words, a director's subtree, a campaign. */
const SHAPES: Shape[] = [
  { name: 'everyone (no filter)', filter: {} },
  {
    name: 'two departments in one office',
    filter: { departments: ['Department 3', 'Department 7'], locations: ['Office 2'] },
  },
  {
    name: 'title words, English speakers',
    filter: { titleWords: ['engineer', 'develop'], languages: ['en'] },
  },
  { name: "a director's subtree (~11,000)", filter: { managerId: 'ap-2', includeSubtree: true } },
  {
    name: 'campaign: departments, offices, title word, declines left out',
    filter: {
      departments: DEPARTMENTS.slice(0, 10),
      locations: OFFICES.slice(0, 5),
      titleWords: ['engineer'],
      languages: ['da'],
    },
    withCampaign: true,
  },
];

export interface AudiencePreviewBench {
  people: number;
  seedSeconds: number;
  requests: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  goalP95Ms: number;
  met: boolean;
  byShape: Record<string, ReturnType<typeof summary> & { total: number }>;
}

/**
 * The app as `npm start` runs it, but serving the bench's fresh tenant: in demo mode the tenant comes
 * from the composition root's options, so this file is also the child's entry point (see the end).
 */
function startBenchApp(port: number, databaseUrl: string, tenantId: string): AppProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/bench/audience-preview.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env['PATH'] ?? '',
      LOG_LEVEL: 'warn',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      DEMO_CONTENT: 'false',
      JOBS_ENABLED: 'false',
      DATABASE_POOL_SIZE: '10',
      BENCH_AUDIENCE_SERVE: tenantId,
    },
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, base: `http://127.0.0.1:${port}`, output: () => out, exited };
}

/** Seeds a fresh tenant with 100,000 people, starts the app on it, and times the audience preview. */
export async function benchAudiencePreview(databaseUrl: string): Promise<AudiencePreviewBench> {
  const tenantId = `bench-audience-${randomUUID()}`;
  const port = await freePort();
  const app = startBenchApp(port, databaseUrl, tenantId);
  const client = new pg.Client({ connectionString: databaseUrl });
  try {
    await waitReady(app, 180_000);
    await client.connect();
    const started = performance.now();
    await seed(client, tenantId);
    const seedSeconds = (performance.now() - started) / 1000;

    const comms = generateDemoOrg().find((p) => p.jobTitle === 'Head of Communication')!;
    const signIn = await fetch(`${app.base}/api/dev/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ personId: comms.id }),
    });
    if (signIn.status !== 200) throw new Error(`sign-in failed: ${signIn.status} ${await signIn.text()}`);
    const { token } = (await signIn.json()) as { token: string };
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

    const created = await fetch(`${app.base}/api/admin/campaigns`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        name: 'Bench campaign',
        pitch: { en: { why: 'Why', effort: '30 minutes a week', support: 'Sparring' } },
        startsAt: new Date(Date.now() - 86_400_000).toISOString(),
        endsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        goalAmbassadors: 8,
        audience: {},
      }),
    });
    if (created.status !== 201) throw new Error(`campaign: ${created.status} ${await created.text()}`);
    const campaignId = ((await created.json()) as { id: string }).id;
    await declineSome(client, tenantId, campaignId);

    const preview = async (shape: Shape) => {
      const t0 = performance.now();
      const res = await fetch(
        `${app.base}/api/admin/audience/preview${shape.withCampaign ? `?campaignId=${campaignId}` : ''}`,
        { method: 'POST', headers, body: JSON.stringify(shape.filter) },
      );
      const body = (await res.json()) as { total: number; sample: unknown[] };
      const ms = performance.now() - t0;
      if (res.status !== 200) throw new Error(`${shape.name}: ${res.status} ${JSON.stringify(body)}`);
      return { ms, total: body.total };
    };

    const totals = new Map<string, number>();
    for (const shape of SHAPES) totals.set(shape.name, (await preview(shape)).total); // warm-up
    const byShape: Record<string, number[]> = {};
    const all: number[] = [];
    for (let r = 0; r < REPEATS; r++) {
      for (const shape of SHAPES) {
        const { ms } = await preview(shape);
        (byShape[shape.name] ??= []).push(ms);
        all.push(ms);
      }
    }
    const total = summary(all);
    return {
      people: BENCH_AUDIENCE_PEOPLE,
      seedSeconds: round(seedSeconds),
      requests: total.n,
      p50Ms: total.p50Ms,
      p95Ms: total.p95Ms,
      p99Ms: total.p99Ms,
      goalP95Ms: GOAL_P95_MS,
      met: total.p95Ms <= GOAL_P95_MS,
      byShape: Object.fromEntries(
        Object.entries(byShape).map(([name, samples]) => [
          name,
          { ...summary(samples), total: totals.get(name)! },
        ]),
      ),
    };
  } finally {
    app.child.kill('SIGTERM');
    await Promise.race([app.exited, new Promise((r) => setTimeout(r, 10_000))]);
    await cleanUp(client, tenantId).catch(() => undefined);
    await client.end().catch(() => undefined);
  }
}

/** The child: Chorus on the bench's tenant (demo directory, so comms can sign in), until SIGTERM. */
async function serve(tenantId: string) {
  const { loadConfig } = await import('../../src/config/config');
  const { createLogger } = await import('../../src/logger');
  const { createChorus } = await import('../../src/main');
  const config = loadConfig(process.env);
  const chorus = await createChorus({
    config,
    logger: createLogger(config.logLevel),
    demoTenantId: tenantId,
  });
  await chorus.listen();
  process.on('SIGTERM', () => {
    void chorus.close().then(() => process.exit(0));
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const serveTenant = process.env['BENCH_AUDIENCE_SERVE'];
  if (serveTenant) {
    serve(serveTenant).catch((err: unknown) => {
      process.stderr.write(`bench app failed: ${err instanceof Error ? err.stack : String(err)}\n`);
      process.exit(1);
    });
  } else {
    const url = process.env['BENCH_DATABASE_URL'];
    if (!url) {
      process.stderr.write('set BENCH_DATABASE_URL to a scratch PostgreSQL database\n');
      process.exit(1);
    }
    benchAudiencePreview(url)
      .then((result) => process.stdout.write(`${JSON.stringify(result, null, 2)}\n`))
      .catch((err: unknown) => {
        process.stderr.write(
          `audience preview benchmark failed: ${err instanceof Error ? err.stack : String(err)}\n`,
        );
        process.exit(1);
      });
  }
}
