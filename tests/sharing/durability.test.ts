import http from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DatabaseConfig } from '../../src/config/config';
import { migrate, openDatabase } from '../../src/db/database';
import { DEMO_TENANT_ID } from '../../src/demo/demo-org';
import { startAppProcess, waitReady, type AppProcess } from '../support/app-process';
import { countClicks, insertItem, insertTrackedLinks } from '../support/content-fixtures';
import { freePort } from '../support/net';
import { BROWSER_UA } from '../support/sharing';

// Acknowledged clicks survive SIGTERM: the real process is stopped while clicks are still arriving,
// and afterwards the database holds exactly as many clicks as 302 answers were received.

const databaseUrl = process.env['TEST_DATABASE_URL'];
const CODES = 300;

async function seed(config: DatabaseConfig): Promise<string[]> {
  const handle = await openDatabase(config);
  try {
    await migrate(handle.db);
    const itemId = await insertItem(handle.db, DEMO_TENANT_ID, { title: 'Durability' });
    return await insertTrackedLinks(handle.db, DEMO_TENANT_ID, itemId, CODES);
  } finally {
    await handle.close();
  }
}

async function counted(config: DatabaseConfig, codes: string[]): Promise<number> {
  const handle = await openDatabase(config);
  try {
    return await countClicks(handle.db, DEMO_TENANT_ID, codes);
  } finally {
    await handle.close();
  }
}

/** Clicks from `concurrency` keep-alive clients, spread over the instances, until `done()` says stop. */
function clickTraffic(apps: AppProcess[], codes: string[], concurrency: number, done: () => boolean) {
  const tally = { redirected: 0, other: 0, failed: 0 };
  const agents = apps.map(() => new http.Agent({ keepAlive: true, maxSockets: concurrency }));
  let next = 0;
  const once = (i: number) =>
    new Promise<void>((resolve) => {
      const app = apps[i % apps.length]!;
      const code = codes[next++ % codes.length]!;
      const req = http.get(
        `${app.base}/r/${code}`,
        { agent: agents[i % apps.length], headers: { 'user-agent': BROWSER_UA } },
        (res) => {
          res.resume();
          res.on('end', () => {
            if (res.statusCode === 302) tally.redirected++;
            else tally.other++;
            resolve();
          });
          res.on('error', () => {
            tally.failed++;
            resolve();
          });
        },
      );
      req.on('error', () => {
        tally.failed++;
        setTimeout(resolve, 5);
      });
    });
  const finished = Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      for (let n = worker; !done(); n++) await once(n);
    }),
  ).then(() => {
    for (const a of agents) a.destroy();
    return tally;
  });
  return { tally, finished };
}

async function until(check: () => boolean, timeoutMs = 30_000) {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('durable click counting across SIGTERM', () => {
  const started: AppProcess[] = [];
  const dirs: string[] = [];
  afterAll(async () => {
    for (const a of started) if (a.child.exitCode === null) a.child.kill('SIGKILL');
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it(
    'loses no acknowledged click when the process is stopped mid-traffic',
    { timeout: 180_000 },
    async () => {
      const dataDir = await mkdtemp(path.join(tmpdir(), 'chorus-clicks-'));
      dirs.push(dataDir);
      const config: DatabaseConfig = databaseUrl
        ? { kind: 'postgres', url: databaseUrl, poolSize: 2 }
        : { kind: 'pglite', dataDir };
      const codes = await seed(config);
      const app = startAppProcess(
        await freePort(),
        databaseUrl ? { DATABASE_URL: databaseUrl } : { DATA_DIR: dataDir },
      );
      started.push(app);
      await waitReady(app);

      const traffic = clickTraffic([app], codes, 50, () => app.child.exitCode !== null);
      await until(() => traffic.tally.redirected >= CODES);
      app.child.kill('SIGTERM');
      expect(await app.exited).toBe(0);
      const tally = await traffic.finished;

      expect(tally.redirected).toBeGreaterThanOrEqual(CODES);
      expect(await counted(config, codes)).toBe(tally.redirected);
    },
  );

  // Two instances need one shared database server: CI runs this with TEST_DATABASE_URL set (PGlite is
  // a single-process database, so there is nothing to share on the default run).
  it.skipIf(!databaseUrl)(
    'loses none with two instances on one database, one stopped while both take clicks',
    { timeout: 180_000 },
    async () => {
      const config: DatabaseConfig = { kind: 'postgres', url: databaseUrl!, poolSize: 2 };
      const codes = await seed(config);
      const apps = [
        startAppProcess(await freePort(), { DATABASE_URL: databaseUrl! }),
        startAppProcess(await freePort(), { DATABASE_URL: databaseUrl! }),
      ];
      started.push(...apps);
      await Promise.all(apps.map((a) => waitReady(a)));
      const [first, second] = apps as [AppProcess, AppProcess];

      const traffic = clickTraffic(apps, codes, 60, () => second.child.exitCode !== null);
      await until(() => traffic.tally.redirected >= CODES);
      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);
      const afterFirst = traffic.tally.redirected;
      await until(() => traffic.tally.redirected >= afterFirst + CODES);
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
      const tally = await traffic.finished;

      expect(await counted(config, codes)).toBe(tally.redirected);
    },
  );
});
