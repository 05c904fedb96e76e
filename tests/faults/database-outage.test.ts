import http from 'node:http';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate, openDatabase } from '../../src/db/database';
import { DEMO_TENANT_ID } from '../../src/demo/demo-org';
import { visitorKey } from '../../src/domain/sharing';
import { startAppProcess, waitReady, type AppProcess } from '../support/app-process';
import { insertItem, insertTrackedLinks } from '../support/content-fixtures';
import { freePort } from '../support/net';
import { BROWSER_UA, employees } from '../support/sharing';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';

// Fault (issue 7): the PostgreSQL server goes away for 10 seconds while people click tracked links and
// ambassadors record shares. Chorus runs as a real process whose DATABASE_URL points at a TCP proxy in
// front of the server; the proxy's cut() resets every connection and refuses new ones (a stopped server).
//
// What must hold: /readyz says 503 while the database is gone and 200 after; every request answered
// with success (302 or 2xx) is stored exactly once; every other answer is a retryable 503 with
// Retry-After and a plain message (never a 500, never a stack trace); and the app recovers by itself.
//
// It needs a PostgreSQL server: TEST_DATABASE_URL's, or the local one on 127.0.0.1:5432 when it answers.
// It creates a scratch database there and drops it afterwards.

const CUT_MS = 10_000;
const serverUrl = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const haveServer = await reachable(serverUrl);
if (!haveServer) {
  console.warn(
    `tests/faults/database-outage: skipped, no PostgreSQL server at ${new URL(serverUrl).host} ` +
      '(set TEST_DATABASE_URL): the outage is simulated with a proxy in front of a real server',
  );
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Answer {
  status: number;
  retryAfter: string | null;
  body: string;
  /** performance.now() when the answer arrived. */
  at: number;
}

function request(
  agent: http.Agent,
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer | null> {
  return new Promise((resolve) => {
    const req = http.request(url, { agent, method: init.method ?? 'GET', headers: init.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          retryAfter: res.headers['retry-after'] ?? null,
          body,
          at: performance.now(),
        }),
      );
      res.on('error', () => resolve(null));
    });
    req.on('error', () => resolve(null));
    req.end(init.body);
  });
}

/** A retryable refusal: 503, Retry-After, plain words, no stack trace. */
function isRetryable(answer: Answer): boolean {
  return (
    answer.status === 503 &&
    answer.retryAfter !== null &&
    Number(answer.retryAfter) > 0 &&
    !/\n\s+at |Error:|node_modules|ECONN/.test(answer.body)
  );
}

describe.skipIf(!haveServer)('a 10-second database outage during traffic', () => {
  const apps: AppProcess[] = [];
  const proxies: TcpProxy[] = [];
  const drops: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const app of apps) {
      if (app.child.exitCode !== null) continue;
      app.child.kill('SIGTERM');
      await Promise.race([app.exited, sleep(10_000)]);
      if (app.child.exitCode === null) app.child.kill('SIGKILL');
    }
    for (const proxy of proxies) await proxy.close();
    for (const drop of drops) await drop();
  });

  // 'refuse': the server is stopped (new connections are reset at once). 'blackhole': the network to it
  // is gone (new connections are accepted and never answered), which only the pool's connection
  // timeout turns into an answer.
  it.each(['refuse', 'blackhole'] as const)(
    'stores every acknowledged click and share exactly once and answers the rest with a retryable 503 (%s)',
    { timeout: 150_000 },
    async (mode) => {
      // A scratch database on the server, reached directly by the test and through the proxy by the app.
      const name = `chorus_fault_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      drops.push(async () => {
        const client = new pg.Client({ connectionString: serverUrl });
        await client.connect();
        await client.query(`drop database if exists ${name} with (force)`);
        await client.end();
      });
      const direct = new URL(serverUrl);
      direct.pathname = `/${name}`;
      const proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
      proxies.push(proxy);
      const viaProxy = new URL(direct);
      viaProxy.hostname = '127.0.0.1';
      viaProxy.port = String(proxy.port);

      const handle = await openDatabase({ kind: 'postgres', url: direct.toString(), poolSize: 2 });
      await migrate(handle.db);
      const clickItem = await insertItem(handle.db, DEMO_TENANT_ID, { title: 'Outage clicks' });
      const codes = await insertTrackedLinks(handle.db, DEMO_TENANT_ID, clickItem, 20);
      const shareItems = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          insertItem(handle.db, DEMO_TENANT_ID, { title: `Outage share ${i}`, networks: ['linkedin'] }),
        ),
      );

      const app = startAppProcess(await freePort(), {
        DATABASE_URL: viaProxy.toString(),
        DEMO_CONTENT: 'false',
        DEMO_ACTIVITY: 'false',
      });
      apps.push(app);
      await waitReady(app);
      const base = app.base;
      const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
      const json = (token: string | null, body?: unknown) => ({
        method: body === undefined ? 'GET' : 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });

      // Ambassadors, joined before the outage.
      const people = employees(8);
      const tokens: string[] = [];
      for (const person of people) {
        const signIn = await request(agent, `${base}/api/dev/sign-in`, json(null, { personId: person.id }));
        const token = (JSON.parse(signIn!.body) as { token: string }).token;
        const program = await request(agent, `${base}/api/program`, json(token));
        const version = (JSON.parse(program!.body) as { guidelines: { version: number } }).guidelines.version;
        const joined = await request(
          agent,
          `${base}/api/membership`,
          json(token, { guidelinesVersion: version, networks: ['linkedin'], topics: ['events'] }),
        );
        expect(joined?.status).toBe(201);
        tokens.push(token);
      }
      // Each link is looked up once, as a visitor would have done before the outage: the cached
      // target keeps the redirect answering, so the outage meets the click writes themselves.
      for (const code of codes) expect((await request(agent, `${base}/r/${code}`))?.status).toBe(302);

      const started = performance.now();
      const phase = { cutAt: Infinity, restoredAt: Infinity, stop: false };

      // Clicks: every request has its own user agent, so its stored row (visitor key) can be found.
      const clicks = new Map<string, Answer | null>();
      let clickNo = 0;
      const clickWorkers = Array.from({ length: 8 }, async () => {
        while (!phase.stop) {
          const n = clickNo++;
          const ua = `${BROWSER_UA} outage/${n}`;
          clicks.set(ua, null);
          const answer = await request(agent, `${base}/r/${codes[n % codes.length]!}`, {
            headers: { 'user-agent': ua },
          });
          clicks.set(ua, answer);
          await sleep(answer?.status === 302 ? 2 : 20);
        }
      });

      // Shares: each pair of ambassador and item is prepared and completed, and a 503 is retried after
      // its Retry-After, as the tab does; every answer is kept.
      const shareAnswers: Answer[] = [];
      const completed = new Map<string, Answer>();
      const pairs = tokens.flatMap((token, p) => shareItems.map((itemId) => ({ token, p, itemId })));
      let nextPair = 0;
      const untilDone = async (send: () => Promise<Answer | null>): Promise<Answer> => {
        for (;;) {
          const answer = await send();
          if (answer) shareAnswers.push(answer);
          if (answer && answer.status < 300) return answer;
          if (answer && !isRetryable(answer)) return answer;
          await sleep(answer ? Number(answer.retryAfter) * 1000 : 500);
        }
      };
      const shareWorkers = Array.from({ length: 4 }, async () => {
        while (!phase.stop && nextPair < pairs.length) {
          const { token, p, itemId } = pairs[nextPair++]!;
          const prepared = await untilDone(() =>
            request(agent, `${base}/api/library/${itemId}/share`, json(token, { network: 'linkedin' })),
          );
          if (prepared.status !== 200) continue;
          const { shareId, caption } = JSON.parse(prepared.body) as { shareId: string; caption: string };
          const done = await untilDone(() =>
            request(
              agent,
              `${base}/api/shares/${shareId}/complete`,
              json(token, { text: caption, via: 'confirmed', postUrl: null }),
            ),
          );
          completed.set(`${people[p]!.id}/${itemId}`, done);
          await sleep(150);
        }
      });

      // The outage, with /readyz asked every 250 ms throughout.
      const ready: { status: number; at: number }[] = [];
      const readiness = (async () => {
        while (!phase.stop) {
          const answer = await request(agent, `${base}/readyz`);
          ready.push({ status: answer?.status ?? 0, at: performance.now() });
          await sleep(250);
        }
      })();
      await sleep(3_000);
      phase.cutAt = performance.now();
      proxy.cut(mode);
      await sleep(CUT_MS);
      phase.restoredAt = performance.now();
      proxy.restore();
      // Back within a few seconds, and then still taking traffic for a while.
      const until = performance.now() + 20_000;
      while (!ready.some((r) => r.at > phase.restoredAt && r.status === 200)) {
        if (performance.now() > until) throw new Error(`not ready again after the outage:\n${app.output()}`);
        await sleep(100);
      }
      const readyAgainAt = ready.find((r) => r.at > phase.restoredAt && r.status === 200)!.at;
      await sleep(3_000);
      phase.stop = true;
      await Promise.all([...clickWorkers, ...shareWorkers, readiness]);
      agent.destroy();

      // /readyz followed the database: 200 before, 503 while cut (after the first moment), 200 after.
      expect(ready.filter((r) => r.at < phase.cutAt).every((r) => r.status === 200)).toBe(true);
      const whileCut = ready.filter((r) => r.at > phase.cutAt + 500 && r.at < phase.restoredAt);
      // Refused connections fail at once; blackholed ones after the pool's 5 s connection timeout.
      expect(whileCut.length).toBeGreaterThanOrEqual(mode === 'refuse' ? 10 : 1);
      expect(whileCut.every((r) => r.status === 503)).toBe(true);
      expect(readyAgainAt - phase.restoredAt).toBeLessThan(10_000);
      expect(ready.filter((r) => r.at > readyAgainAt).every((r) => r.status === 200)).toBe(true);

      // Every click got an answer: a 302, or a retryable 503 (never a 500, never a dropped connection).
      const answers = [...clicks.values()];
      expect(answers.every((a) => a !== null)).toBe(true);
      const wrong = answers.filter((a) => a && a.status !== 302 && !isRetryable(a));
      expect(wrong.map((a) => `${a!.status} ${a!.body.slice(0, 200)}`)).toEqual([]);
      const refused = answers.filter((a) => a?.status === 503);
      // The outage really met the clicks, and they flowed again after it.
      expect(refused.length).toBeGreaterThan(0);
      const after = answers.filter((a) => a && a.at > readyAgainAt + 500);
      expect(after.length).toBeGreaterThan(50);
      expect(after.every((a) => a!.status === 302)).toBe(true);
      // The 503 page still shows the visitor the way on, and reloads the link.
      const page = refused[0]!.body;
      expect(page).toContain('https://nordlys.example/nyheder/havvind');
      expect(page).toMatch(/http-equiv="refresh"/);

      // Share answers: 2xx or a retryable 503 in JSON with a correlation id; every pair was completed.
      const badShares = shareAnswers.filter((a) => a.status >= 300 && !isRetryable(a));
      expect(badShares.map((a) => `${a.status} ${a.body.slice(0, 200)}`)).toEqual([]);
      const refusedShares = shareAnswers.filter((a) => a.status === 503);
      for (const a of refusedShares) {
        const body = JSON.parse(a.body) as {
          error: { code: string; message: string; correlationId: string };
        };
        expect(body.error.code).toBe('UNAVAILABLE');
        expect(body.error.correlationId).toBeTruthy();
      }
      expect(refusedShares.length).toBeGreaterThan(0);
      expect([...completed.values()].every((a) => a.status === 200)).toBe(true);

      // Now the database itself, read directly (not through the proxy).
      const db = new pg.Client({ connectionString: direct.toString() });
      await db.connect();
      try {
        const salts = (
          await db.query<{ value: string }>(
            `select value from tenant_secrets where tenant_id = $1 and name like 'click-salt:%'`,
            [DEMO_TENANT_ID],
          )
        ).rows.map((r) => r.value);
        const stored = new Map<string, number>();
        for (const row of (
          await db.query<{ visitor_key: string; n: number }>(
            `select visitor_key, count(*)::int as n from click_events
             where tenant_id = $1 and code = any($2) group by visitor_key`,
            [DEMO_TENANT_ID, codes],
          )
        ).rows) {
          stored.set(row.visitor_key, row.n);
        }
        const rowsOf = (ua: string) => {
          let n = 0;
          for (const salt of salts) {
            for (const ip of ['127.0.0.1', '::ffff:127.0.0.1'])
              n += stored.get(visitorKey(salt, ip, ua)) ?? 0;
          }
          return n;
        };
        const lost: string[] = [];
        const twice: string[] = [];
        let ambiguous = 0;
        for (const [ua, answer] of clicks) {
          const n = rowsOf(ua);
          if (n > 1) twice.push(ua);
          if (answer?.status === 302 && n === 0) lost.push(ua);
          if (answer?.status !== 302 && n === 1) ambiguous++;
        }
        expect(lost).toEqual([]);
        expect(twice).toEqual([]);
        // A 503 whose batch did commit (the commit's reply was lost with the connection) is possible but
        // rare: never more than one batch's worth.
        expect(ambiguous).toBeLessThanOrEqual(64);

        // One shared row per completed pair, none twice, and each item's share count matches its rows.
        const shares = (
          await db.query<{ person_id: string; item_id: string; status: string; n: number }>(
            `select person_id, item_id, status, count(*)::int as n from shares
             where tenant_id = $1 and item_id = any($2) group by person_id, item_id, status`,
            [DEMO_TENANT_ID, shareItems],
          )
        ).rows;
        expect(shares.every((s) => s.n === 1 && s.status === 'shared')).toBe(true);
        expect(new Set(shares.map((s) => `${s.person_id}/${s.item_id}`))).toEqual(new Set(completed.keys()));
        const counts = (
          await db.query<{ id: string; share_count: number }>(
            `select id, share_count from content_items where tenant_id = $1 and id = any($2)`,
            [DEMO_TENANT_ID, shareItems],
          )
        ).rows;
        for (const item of counts) {
          expect(item.share_count).toBe(shares.filter((s) => s.item_id === item.id).length);
        }
        expect(completed.size).toBeGreaterThan(5);
      } finally {
        await db.end();
        await handle.close();
      }
      // No 500s were logged, and the process is still the one started.
      expect(app.child.exitCode).toBeNull();
      expect(performance.now() - started).toBeLessThan(60_000);
    },
  );
});
