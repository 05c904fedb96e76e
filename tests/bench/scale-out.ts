/**
 * Scale out (issue 7): two Chorus instances against one, on the same PostgreSQL server, in the same run.
 * Redirect throughput (GET /r/<code>, 100 keep-alive connections split evenly over the instances, every
 * 302 a committed click) and bot-turn throughput (20 conversations over HTTP on /api/messages with no
 * pause between turns, each conversation's turns alternating between the instances, so every turn reads
 * the state the other instance wrote). Both instances run the whole time; in the one-instance runs all
 * load goes to the first and the second idles. The runs go one, two, one, two, one, so a drift of the
 * shared machine (or the click table growing) favours neither side: each two-instance run is divided by
 * the mean of its neighbours, and the ratio is the median of those. Background jobs are off in both
 * instances, so only the request paths are compared.
 *
 * Standalone: `BENCH_DATABASE_URL=postgres://… npx tsx tests/bench/scale-out.ts` prints JSON.
 */
import type { ChildProcess } from 'node:child_process';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { migrate, openDatabase } from '../../src/db/database';
import { DEMO_TENANT_ID } from '../../src/demo/demo-org';
import type { Person } from '../../src/domain/person';
import { startBotConnector } from '../fakes/bot-connector';
import { loadActivity, loadInstallActivity, loadPeople } from '../support/bot';
import { countClicks, insertItem, insertTrackedLinks } from '../support/content-fixtures';
import { freePort } from '../support/net';
import { BROWSER_UA } from '../support/sharing';
import { runLoad, type LoadResult } from './load';
import { runPostgresBenchIfMain, spawnTs, stopGroup, waitFor } from './processes';

export interface ScaleRun {
  instances: 1 | 2;
  rate: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

export interface ScaleOutBench {
  cores: number;
  redirect: {
    connections: number;
    durationMs: number;
    runs: ScaleRun[];
    /** Two instances' requests per second over their one-instance neighbours' (median). */
    ratio: number;
    /** Requests answered (warm-ups included) and click rows stored afterwards: must be equal. */
    sent: number;
    counted: number;
  };
  bot: {
    conversations: number;
    durationMs: number;
    runs: ScaleRun[];
    /** Two instances' turns per second over their one-instance neighbours' (median). */
    ratio: number;
    /** Turns whose reply never reached the connector. */
    unanswered: number;
  };
}

/** Commands that each cost a turn's usual work: bot state, the person, their preferences, a read or two. */
const SCRIPT = ['help', 'stats', 'library', 'what is the weather like?'];

const percentile = (sorted: number[], q: number) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

const round = (n: number, digits = 1) => Number(n.toFixed(digits));

/**
 * Each two-instance run over the mean of the one-instance runs either side of it (the machine's load
 * drifts during a run; a neighbour on each side cancels a steady drift), and the median of those.
 */
function ratioOf(runs: ScaleRun[]): number {
  const ratios: number[] = [];
  runs.forEach((run, i) => {
    const before = runs[i - 1];
    const after = runs[i + 1];
    if (run.instances === 2 && before && after) ratios.push(run.rate / ((before.rate + after.rate) / 2));
  });
  ratios.sort((x, y) => x - y);
  const mid = ratios.length / 2;
  const median = ratios.length % 2 ? ratios[Math.floor(mid)]! : (ratios[mid - 1]! + ratios[mid]!) / 2;
  return round(median, 3);
}

/** One instance, two, one, two, one: every two-instance run has a one-instance run on each side. */
const PATTERN = [1, 2, 1, 2, 1] as const;

/** 100 connections, all on the first instance or split evenly over both, for `durationMs`. */
async function redirectRun(
  bases: string[],
  code: string,
  connections: number,
  durationMs: number,
): Promise<LoadResult[]> {
  const headers = { 'user-agent': BROWSER_UA };
  return Promise.all(
    bases.map((base) =>
      runLoad({
        url: `${base}/r/${code}`,
        headers,
        okStatus: 302,
        concurrency: connections / bases.length,
        durationMs,
      }),
    ),
  );
}

function summarise(instances: 1 | 2, parts: LoadResult[]): ScaleRun {
  return {
    instances,
    rate: Math.round(parts.reduce((s, p) => s + p.rps, 0)),
    // Each half's percentiles are of equal-sized closed loops; the larger is the conservative figure.
    p50Ms: round(Math.max(...parts.map((p) => p.p50Ms)), 2),
    p99Ms: round(Math.max(...parts.map((p) => p.p99Ms)), 2),
    errors: parts.reduce((s, p) => s + p.errors, 0),
  };
}

export async function benchScaleOut(
  databaseUrl: string,
  options: { connections?: number; conversations?: number; durationMs?: number } = {},
): Promise<ScaleOutBench> {
  const connections = options.connections ?? 100;
  const conversations = options.conversations ?? 20;
  const durationMs = options.durationMs ?? 5000;
  const config = { kind: 'postgres' as const, url: databaseUrl, poolSize: 2 };
  const setup = await openDatabase(config);
  let codes: string[];
  try {
    await migrate(setup.db);
    const itemId = await insertItem(setup.db, DEMO_TENANT_ID, {
      title: 'Scale-out benchmark',
      linkUrl: 'https://nordlys.example/nyheder/havvind?ref=scale',
    });
    codes = await insertTrackedLinks(setup.db, DEMO_TENANT_ID, itemId, 1);
  } finally {
    await setup.close();
  }
  const code = codes[0]!;

  const connector = await startBotConnector();
  const apps: ChildProcess[] = [];
  try {
    const bases: string[] = [];
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      apps.push(
        spawnTs('src/main.ts', {
          PORT: String(port),
          LOG_LEVEL: 'warn',
          DATABASE_URL: databaseUrl,
          // One load client on one address: the per-address limit would stop counting its clicks.
          RATE_LIMIT_REDIRECT_PER_MINUTE: '0',
          // The demo library and activity are not what this measures, and two instances seeding at once
          // would only add noise to their start.
          DEMO_CONTENT: 'false',
          DEMO_ACTIVITY: 'false',
          // No directory sync or per-minute recount of today's clicks landing in one run and not another.
          JOBS_ENABLED: 'false',
        }),
      );
      bases.push(`http://127.0.0.1:${port}`);
    }
    await Promise.all(bases.map((base) => waitFor(`${base}/readyz`, 120_000)));
    const one = [bases[0]!];

    // ---- bot turns (first: the redirect runs leave 100,000 new click rows for autovacuum to work on) ----
    const people = loadPeople(conversations);
    const activity = (person: Person, fields: Record<string, unknown>) =>
      loadActivity(connector.serviceUrl, 'scale', person, fields);
    const post = async (base: string, body: Record<string, unknown>) => {
      const res = await fetch(`${base}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      await res.arrayBuffer();
      return res.status >= 200 && res.status < 300;
    };
    await Promise.all(
      people.map((p) => post(bases[0]!, loadInstallActivity(connector.serviceUrl, 'scale', p))),
    );
    const sentIds: string[] = [];
    /** Every conversation sends its next turn as soon as the last is answered, turn t to instance (i+t) mod n. */
    const botRun = async (targets: string[], ms: number): Promise<ScaleRun> => {
      const latencies: number[] = [];
      let errors = 0;
      const started = performance.now();
      const deadline = started + ms;
      await Promise.all(
        people.map(async (p, i) => {
          for (let t = 0; performance.now() < deadline; t++) {
            const body = activity(p, {
              type: 'message',
              text: SCRIPT[(i + t) % SCRIPT.length]!,
              textFormat: 'plain',
            });
            const at = performance.now();
            if (await post(targets[(i + t) % targets.length]!, body)) latencies.push(performance.now() - at);
            else errors++;
            sentIds.push(body.id);
          }
        }),
      );
      const elapsed = (performance.now() - started) / 1000;
      latencies.sort((x, y) => x - y);
      return {
        instances: targets.length === 1 ? 1 : 2,
        rate: round(latencies.length / elapsed),
        p50Ms: round(percentile(latencies, 0.5), 2),
        p99Ms: round(percentile(latencies, 0.99), 2),
        errors,
      };
    };
    await botRun(bases, 6000);
    const botRuns: ScaleRun[] = [];
    for (const n of PATTERN) botRuns.push(await botRun(n === 1 ? one : bases, durationMs));
    const answered = new Set(connector.sent.map((s) => s.replyToId));
    const unanswered = sentIds.filter((id) => !answered.has(id)).length;

    // ---- redirects ----
    let sent = 0;
    const count = (parts: LoadResult[]) => {
      sent += parts.reduce((s, p) => s + p.requests + p.errors, 0);
      return parts;
    };
    count(await redirectRun(bases, code, connections, 2000));
    const redirectRuns: ScaleRun[] = [];
    for (const n of PATTERN) {
      const parts = count(await redirectRun(n === 1 ? one : bases, code, connections, durationMs));
      redirectRuns.push(summarise(n, parts));
    }

    // Stop both (each flushes and closes its pool) before counting.
    await Promise.all(apps.map((app) => stopGroup(app)));
    const check = await openDatabase(config);
    let counted: number;
    try {
      counted = await countClicks(check.db, DEMO_TENANT_ID, codes);
    } finally {
      await check.close();
    }
    return {
      cores: cpus().length,
      redirect: { connections, durationMs, runs: redirectRuns, ratio: ratioOf(redirectRuns), sent, counted },
      bot: { conversations, durationMs, runs: botRuns, ratio: ratioOf(botRuns), unanswered },
    };
  } finally {
    await Promise.all(apps.map((app) => stopGroup(app)));
    await connector.close();
  }
}

runPostgresBenchIfMain(import.meta.url, 'scale-out', (url) => benchScaleOut(url));
