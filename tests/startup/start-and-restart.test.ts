import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDemoOrg } from '../../src/demo/demo-org';
import { freePort } from '../support/net';

const ROOT = path.resolve(import.meta.dirname, '../..');

interface Running {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts the app exactly as `npm start` does after building the tab: node + tsx + src/main.ts. */
function startProcess(env: Record<string, string>): Running {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', LOG_LEVEL: 'warn', ...env },
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function waitReady(base: string, run: Running, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const res = await fetch(`${base}/readyz`);
      if (res.status === 200) return (await res.json()) as { status: string; database: string };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`not ready in time; output:\n${run.output()}`);
}

describe('npm start on an empty data folder, SIGTERM, and a restart that keeps everything', () => {
  const org = generateDemoOrg();
  // Customer advisors in a random order: the demo's 90 days of activity make some of them members
  // already, so the test joins as the first one who is not.
  const candidates = org
    .filter((p) => p.jobTitle === 'Customer Advisor')
    .map((p) => ({ p, order: Math.random() }))
    .sort((a, b) => a.order - b.order)
    .map(({ p }) => p);
  let person = candidates[0]!;
  let dataDir = '';
  const running: Running[] = [];
  afterAll(async () => {
    for (const r of running) if (r.child.exitCode === null) r.child.kill('SIGKILL');
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('starts, prints the URLs first, joins, shuts down cleanly, and restarts with the data intact', async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'chorus-start-'));
    const port = await freePort();
    const base = `http://localhost:${port}`;
    const env: Record<string, string> = { PORT: String(port), DATA_DIR: dataDir };
    if (process.env['TEST_DATABASE_URL']) env['DATABASE_URL'] = process.env['TEST_DATABASE_URL'];

    const first = startProcess(env);
    running.push(first);
    const ready = await waitReady(base, first);
    expect(ready.status).toBe('ready');
    expect(ready.database).toBe(env['DATABASE_URL'] ? 'postgres' : 'pglite');
    const firstLines = first.output().split('\n').slice(0, 4).join('\n');
    expect(firstLines).toContain(`Tab:          ${base}/`);
    expect(firstLines).toContain(`Bot endpoint: ${base}/api/messages`);
    expect(firstLines).toMatch(/Sign in as/);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);

    let auth: Record<string, string> = {};
    for (const candidate of candidates) {
      const signIn = await fetch(`${base}/api/dev/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ personId: candidate.id }),
      });
      const { token } = (await signIn.json()) as { token: string };
      auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      const me = (await (await fetch(`${base}/api/me`, { headers: auth })).json()) as { membership: unknown };
      person = candidate;
      if (me.membership === null) break;
    }
    const program = (await (await fetch(`${base}/api/program`, { headers: auth })).json()) as {
      guidelines: { version: number };
    };
    const join = await fetch(`${base}/api/membership`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({
        guidelinesVersion: program.guidelines.version,
        networks: ['linkedin'],
        topics: ['events'],
      }),
    });
    expect(join.status).toBe(201);

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const second = startProcess(env);
    running.push(second);
    await waitReady(base, second);
    // The session key lives in the database, so the old token still works after the restart.
    const me = (await (await fetch(`${base}/api/me`, { headers: auth })).json()) as {
      person: { displayName: string };
      membership: { networks: string[]; topics: string[]; guidelinesVersion: number } | null;
    };
    expect(me.person.displayName).toBe(person.displayName);
    expect(me.membership?.networks).toEqual(['linkedin']);
    expect(me.membership?.topics).toEqual(['events']);
    expect(me.membership?.guidelinesVersion).toBe(program.guidelines.version);
    const people = (await (await fetch(`${base}/api/dev/people?q=Customer&limit=50`)).json()) as {
      people: unknown[];
    };
    expect(people.people.length).toBeGreaterThan(10);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });

  it('refuses to start with bad configuration, listing every problem without a stack trace', async () => {
    const run = startProcess({ PORT: 'abc', CHORUS_MODE: 'production', DEV_SIGNIN: 'true' });
    running.push(run);
    expect(await run.exited).toBe(1);
    const out = run.output();
    expect(out).toMatch(/Chorus cannot start/);
    expect(out).toMatch(/PORT/);
    expect(out).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });
});
