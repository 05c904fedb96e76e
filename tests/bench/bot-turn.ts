import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { Person } from '../../src/domain/person';
import { mulberry32 } from '../../src/domain/seeded-random';
import { startBotConnector } from '../fakes/bot-connector';
import { loadActivity, loadInstallActivity, loadPeople } from '../support/bot';
import { freePort } from '../support/net';
import { spawnTs, stopGroup, waitFor } from './processes';

// Bot turn (issue 5): p95 ≤ 100 ms server-side at 20 concurrent conversations, over HTTP on
// /api/messages. The app runs in its own process on the embedded database (or BENCH_DATABASE_URL);
// each conversation is one demo person in their 1:1 chat, sending Teams-shaped activities one after
// another with a short pause after each answer (think time, 250 ms on average, drawn between 125 and
// 375 ms: far quicker than a person types, so 20 conversations make about 60 turns a second), and the replies go to a local Bot
// Connector stand-in. With no pause at all (thinkMs 0) the run measures saturation instead: each
// turn then waits behind the 19 others, and the figure is a throughput limit, not a turn's time. The time of a turn is
// from the POST to its 200, which botbuilder sends after the turn, replies included: on loopback
// that is the server's time plus a fraction of a millisecond.

export interface BotTurnBench {
  database: 'pglite' | 'postgres';
  conversations: number;
  thinkMs: number;
  /** Turns per second over the measured part. */
  rate: number;
  turns: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  errors: number;
  /** Turns by kind, with each kind's p95. */
  byKind: Record<string, { turns: number; p95Ms: number }>;
  /** Turns whose reply never reached the connector. */
  unanswered: number;
}

const DRAFT_DA = [
  'I dag var jeg med til at sætte vores nye servicecenter i drift, og jeg er stolt af holdet.',
  '',
  'Vi har arbejdet i tre måneder på at gøre ventetiden kortere for kunderne, og det lykkedes: fra 12 til 4 minutter.',
  'Det bedste var at se kollegerne fejre det sammen i kantinen bagefter.',
  '',
  'Hvis du vil være med til sådan noget, så søg hos os: https://contoso.example/jobs',
  '#Service #Teamwork #Job',
].join('\n');
const DRAFT_EN = [
  'Check this out.',
  'We are proud to announce our new service centre, which opened this morning after months of work by the whole team across three sites and two time zones, and which will cut waiting times for every customer we serve.',
  'Read more at https://contoso.example/news/service-centre #ad',
].join('\n');

/** The messages a conversation cycles through: commands, and drafts for the sparring coach. */
const SCRIPT: { kind: string; text: string }[] = [
  { kind: 'help', text: 'help' },
  { kind: 'spar (da)', text: `spar ${DRAFT_DA}` },
  { kind: 'stats', text: 'stats' },
  { kind: 'library', text: 'library' },
  { kind: 'spar (en)', text: `spar ${DRAFT_EN}` },
  { kind: 'unknown', text: 'what is the weather like?' },
];

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

export async function benchBotTurns(
  options: { databaseUrl?: string; conversations?: number; turnsEach?: number; thinkMs?: number } = {},
): Promise<BotTurnBench> {
  const conversations = options.conversations ?? 20;
  const turnsEach = options.turnsEach ?? 60;
  const thinkMs = options.thinkMs ?? 250;
  const dataDir = await mkdtemp(path.join(tmpdir(), 'chorus-bot-bench-'));
  const port = await freePort();
  const connector = await startBotConnector();
  const app = spawnTs('src/main.ts', {
    PORT: String(port),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${base}/readyz`, 120_000);
    const people = loadPeople(conversations);
    const activity = (person: Person, fields: Record<string, unknown>) =>
      loadActivity(connector.serviceUrl, 'bench', person, fields);
    const post = async (body: Record<string, unknown>) => {
      const started = performance.now();
      const res = await fetch(`${base}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      await res.arrayBuffer();
      return { ms: performance.now() - started, ok: res.status >= 200 && res.status < 300 };
    };
    // Every person installs the bot first (greeting, stored conversation reference), then warms up.
    await Promise.all(people.map((p) => post(loadInstallActivity(connector.serviceUrl, 'bench', p))));
    await Promise.all(
      people.map(async (p) => {
        for (const step of SCRIPT) await post(activity(p, { type: 'message', text: step.text }));
      }),
    );

    const samples: { kind: string; ms: number; id: string }[] = [];
    let errors = 0;
    const measuredFrom = performance.now();
    await Promise.all(
      people.map(async (p, i) => {
        // Seeded, so every run is the same: a random start within one pause, and pauses of 0.5–1.5 ×
        // thinkMs, so conversations do not march in step (twenty messages in the same millisecond,
        // every time, is not how people chat).
        const random = mulberry32(1000 + i);
        if (thinkMs > 0) await new Promise((resolve) => setTimeout(resolve, thinkMs * random()));
        for (let t = 0; t < turnsEach; t++) {
          const step = SCRIPT[(i + t) % SCRIPT.length]!;
          const body = activity(p, { type: 'message', text: step.text, textFormat: 'plain' });
          const result = await post(body);
          if (!result.ok) errors++;
          samples.push({ kind: step.kind, ms: result.ms, id: body.id });
          if (thinkMs > 0) await new Promise((resolve) => setTimeout(resolve, thinkMs * (0.5 + random())));
        }
      }),
    );
    const rate = (samples.length * 1000) / (performance.now() - measuredFrom);
    const answered = new Set(connector.sent.map((s) => s.replyToId));
    const unanswered = samples.filter((s) => !answered.has(s.id)).length;
    const all = samples.map((s) => s.ms).sort((a, b) => a - b);
    const byKind: BotTurnBench['byKind'] = {};
    for (const kind of new Set(samples.map((s) => s.kind))) {
      const ms = samples
        .filter((s) => s.kind === kind)
        .map((s) => s.ms)
        .sort((a, b) => a - b);
      byKind[kind] = { turns: ms.length, p95Ms: percentile(ms, 95) };
    }
    return {
      database: options.databaseUrl ? 'postgres' : 'pglite',
      conversations,
      thinkMs,
      rate,
      turns: samples.length,
      p50Ms: percentile(all, 50),
      p95Ms: percentile(all, 95),
      p99Ms: percentile(all, 99),
      maxMs: all[all.length - 1] ?? 0,
      errors,
      byKind,
      unanswered,
    };
  } finally {
    await stopGroup(app);
    await connector.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await benchBotTurns({
    ...(process.env['BENCH_DATABASE_URL'] ? { databaseUrl: process.env['BENCH_DATABASE_URL'] } : {}),
  });
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}
