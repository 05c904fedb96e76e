/**
 * Redirect throughput: GET /r/<code> through the whole app (cached link lookup, daily-salted visitor
 * key, group-committed click insert before the 302) against a bare Node http server answering 302,
 * with 100 concurrent connections, in the same run. Afterwards every 302 must be a stored click.
 *
 * Standalone: `npx tsx tests/bench/redirect.ts` prints JSON (BENCH_DATABASE_URL for a Postgres server;
 * BENCH_SETUP_SQL for statements run on the fresh database before the app starts).
 */
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'drizzle-orm';
import type { DatabaseConfig } from '../../src/config/config';
import { migrate, openDatabase } from '../../src/db/database';
import { DEMO_TENANT_ID } from '../../src/demo/demo-org';
import { countClicks, insertItem, insertTrackedLinks } from '../support/content-fixtures';
import { freePort } from '../support/net';
import { BROWSER_UA } from '../support/sharing';
import { runLoad, type LoadResult } from './load';
import { spawnTs, stopGroup, waitFor } from './processes';

export interface RedirectBench {
  database: 'pglite' | 'postgres';
  chorusRps: number;
  bareRps: number;
  /** Chorus requests per second over bare Node's, measured back to back. */
  ratio: number;
  p50Ms: number;
  p99Ms: number;
  bareP99Ms: number;
  /** Requests Chorus answered (warm-up included), and how many of them were not a 302. */
  sent: number;
  errors: number;
  /** Click rows stored for the codes used, after the app stopped: must equal `sent`. */
  counted: number;
  /**
   * Where the CPU went during each measured run, in µs per answered request (Linux /proc; null
   * elsewhere): the server process (the app, or bare Node), this process (the load client), and the
   * rest of the machine (the Postgres backends, the kernel's softirq work, anything else running).
   * `busy` is the machine's busy share of all its cores over the run.
   */
  cpu: { chorus: CpuShare; bare: CpuShare } | null;
}

export interface CpuShare {
  serverUs: number;
  clientUs: number;
  restUs: number;
  busy: number;
}

/** CPU seconds so far: of one process (from /proc/<pid>/stat), or of the whole machine (/proc/stat). */
function processCpuSeconds(pid: number): number {
  // Fields after the command name: utime and stime are the 12th and 13th, in clock ticks (100 Hz).
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
function machineCpuSeconds(): { busy: number; all: number } {
  const ticks = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const all = ticks.reduce((a, b) => a + b, 0);
  // idle and iowait are the 4th and 5th.
  return { busy: (all - ticks[3]! - ticks[4]!) / 100, all: all / 100 };
}

/** Runs `run` and accounts the CPU it took to the server `pid`, this process and the rest. */
async function measured(pid: number, run: () => Promise<LoadResult>) {
  if (process.platform !== 'linux') return { load: await run(), cpu: null };
  const server0 = processCpuSeconds(pid);
  const machine0 = machineCpuSeconds();
  const client0 = process.cpuUsage();
  const load = await run();
  const clientUsed = process.cpuUsage(client0);
  const server = processCpuSeconds(pid) - server0;
  const machine1 = machineCpuSeconds();
  const busy = machine1.busy - machine0.busy;
  const client = (clientUsed.user + clientUsed.system) / 1e6;
  const perRequest = (seconds: number) => Number(((seconds / Math.max(1, load.requests)) * 1e6).toFixed(1));
  const cpu: CpuShare = {
    serverUs: perRequest(server),
    clientUs: perRequest(client),
    restUs: perRequest(Math.max(0, busy - server - client)),
    busy: Number((busy / Math.max(0.01, machine1.all - machine0.all)).toFixed(2)),
  };
  return { load, cpu };
}

async function withDatabase<T>(
  config: DatabaseConfig,
  work: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>,
) {
  const handle = await openDatabase(config);
  try {
    return await work(handle);
  } finally {
    await handle.close();
  }
}

/** Runs the comparison; `databaseUrl` for a Postgres server, else embedded PGlite in a fresh folder. */
export async function benchRedirect(
  options: { databaseUrl?: string; concurrency?: number; durationMs?: number } = {},
): Promise<RedirectBench> {
  const concurrency = options.concurrency ?? 100;
  const durationMs = options.durationMs ?? 8000;
  const dataDir = await mkdtemp(path.join(tmpdir(), 'chorus-bench-redirect-'));
  const config: DatabaseConfig = options.databaseUrl
    ? { kind: 'postgres', url: options.databaseUrl, poolSize: 2 }
    : { kind: 'pglite', dataDir };
  let app: ChildProcess | null = null;
  let bare: ChildProcess | null = null;
  try {
    // The app's own migrations run on this database first, then the item and a tracked link.
    const codes = await withDatabase(config, async (h) => {
      await migrate(h.db);
      // Experiments on the click table's shape, e.g. BENCH_SETUP_SQL="drop index clicks_item_idx;
      // drop index clicks_person_idx" (statements split on ';', run once on the bench's own database).
      for (const statement of (process.env['BENCH_SETUP_SQL'] ?? '').split(';')) {
        if (statement.trim()) await h.db.execute(sql.raw(statement));
      }
      const itemId = await insertItem(h.db, DEMO_TENANT_ID, {
        title: 'Redirect benchmark',
        linkUrl: 'https://nordlys.example/nyheder/havvind?ref=bench',
      });
      return insertTrackedLinks(h.db, DEMO_TENANT_ID, itemId, 1);
    });
    const port = await freePort();
    app = spawnTs('src/main.ts', {
      PORT: String(port),
      LOG_LEVEL: 'warn',
      // One load client on one address: the per-address limit would stop counting its clicks, and this
      // benchmark measures the counting path (every 302 a committed click).
      RATE_LIMIT_REDIRECT_PER_MINUTE: '0',
      ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : { DATA_DIR: dataDir }),
    });
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/readyz`, 120_000);
    const url = `${base}/r/${codes[0]!}`;
    // What Chorus answers, so the bare server sends the same Location header.
    const sample = await fetch(url, { redirect: 'manual', headers: { 'user-agent': BROWSER_UA } });
    const location = sample.headers.get('location') ?? 'https://nordlys.example/';
    const barePort = await freePort();
    bare = spawnTs('tests/bench/bare-server.ts', { PORT: String(barePort), BENCH_LOCATION: location });
    const bareUrl = `http://127.0.0.1:${barePort}/r/${codes[0]!}`;
    await waitFor(bareUrl, 30_000, 302);

    const headers = { 'user-agent': BROWSER_UA };
    const load = { concurrency, durationMs, okStatus: 302, headers };
    const runs: LoadResult[] = [];
    // Warm both up, then measure them back to back.
    runs.push(await runLoad({ ...load, url, durationMs: 1500 }));
    await runLoad({ ...load, url: bareUrl, durationMs: 1500 });
    const measuredChorus = await measured(app.pid!, () => runLoad({ ...load, url }));
    const chorus = measuredChorus.load;
    runs.push(chorus);
    const measuredBare = await measured(bare.pid!, () => runLoad({ ...load, url: bareUrl }));
    const baseline = measuredBare.load;

    // Stop the app (it flushes and closes the database) before counting: PGlite has one owner.
    await stopGroup(app);
    const counted = await withDatabase(config, (h) => countClicks(h.db, DEMO_TENANT_ID, codes));
    const sent = 1 + runs.reduce((n, r) => n + r.requests + r.errors, 0);
    return {
      database: config.kind,
      chorusRps: Math.round(chorus.rps),
      bareRps: Math.round(baseline.rps),
      ratio: Number((chorus.rps / baseline.rps).toFixed(3)),
      p50Ms: Number(chorus.p50Ms.toFixed(2)),
      p99Ms: Number(chorus.p99Ms.toFixed(2)),
      bareP99Ms: Number(baseline.p99Ms.toFixed(2)),
      sent,
      errors: runs.reduce((n, r) => n + r.errors, 0),
      counted,
      cpu:
        measuredChorus.cpu && measuredBare.cpu
          ? { chorus: measuredChorus.cpu, bare: measuredBare.cpu }
          : null,
    };
  } finally {
    if (bare) await stopGroup(bare);
    if (app) await stopGroup(app);
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const databaseUrl = process.env['BENCH_DATABASE_URL'];
  benchRedirect(databaseUrl ? { databaseUrl } : {})
    .then((result) => process.stdout.write(`${JSON.stringify(result, null, 2)}\n`))
    .catch((err: unknown) => {
      process.stderr.write(`benchmark failed: ${err instanceof Error ? err.stack : String(err)}\n`);
      process.exit(1);
    });
}
