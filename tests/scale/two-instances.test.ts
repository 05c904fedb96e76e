import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { SendProgress } from '../../src/contracts';
import { openDatabase, rowsOf, type DatabaseHandle } from '../../src/db/database';
import { botState, onboardingProgress, shares } from '../../src/db/schema';
import { DEMO_TENANT_ID, demoCommsAdmins, generateDemoOrg } from '../../src/demo/demo-org';
import type { Person } from '../../src/domain/person';
import { startBotConnector, type BotConnector, type SentActivity } from '../fakes/bot-connector';
import { startAppProcess, waitReady, type AppProcess } from '../support/app-process';
import { chatOf, installActivity, messageActivity, teamsActivity } from '../support/bot';
import { countClicks, insertItem } from '../support/content-fixtures';
import { startTestConnector, type TestConnector } from '../support/local-connector';
import { freePort } from '../support/net';
import { BROWSER_UA, codeOf, employees } from '../support/sharing';
import { adaptiveCards } from '../support/teams-cards';

// Issue 7, "Scale out": two Chorus processes on two ports against one Postgres database share the work,
// and nothing one needs is held in the other's memory. Traffic goes to both at once: tracked-link clicks,
// shares, a session issued by one and used on the other, a bot onboarding whose turns alternate between
// them, joins whose welcomes go through the outbox, and a broadcast. One instance is stopped with SIGTERM
// mid-traffic; what it acknowledged must all be there afterwards.
//
// PGlite is a single-process database, so this needs a PostgreSQL server: TEST_DATABASE_URL (CI), or
// one on 127.0.0.1:5432 as user postgres. The test makes a scratch database there and drops it after.

const serverUrl = process.env['TEST_DATABASE_URL'] ?? (await localServer());

async function localServer(): Promise<string | null> {
  const url = 'postgres://postgres@127.0.0.1:5432/postgres';
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
  try {
    await client.connect();
    return url;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function createScratchDatabase(server: string) {
  const name = `chorus_scale_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: server });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

type Json = Record<string, unknown>;

const org = generateDemoOrg();
const commsUpns = new Set(demoCommsAdmins(org));
const comms = org.find((p) => p.jobTitle === 'Head of Communication')!;
/** Eight employees who join (half on each instance) and share; none is in the broadcast's audience. */
const joiners = employees(8);
/** Someone who goes through onboarding in the bot, in English, outside the broadcast's audience. */
const onboardee = org.find(
  (p) =>
    p.preferredLanguage === 'en-GB' &&
    p.department === 'Finance' &&
    p.accountEnabled &&
    !commsUpns.has(p.userPrincipalName!.toLowerCase()),
)!;
const AUDIENCE = 'Engineering';
const CHANNEL = '19:dev-generelt@thread.tacv2';
const DAY = 86_400_000;

async function until(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string) {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.skipIf(!serverUrl)('two instances on one Postgres database', () => {
  const apps: AppProcess[] = [];
  let connector: TestConnector | null = null;
  let botConnector: BotConnector | null = null;
  let handle: DatabaseHandle | null = null;
  let drop: (() => Promise<void>) | null = null;
  afterAll(async () => {
    for (const a of apps) if (a.child.exitCode === null) a.child.kill('SIGKILL');
    await handle?.close();
    await connector?.close();
    await botConnector?.close();
    await drop?.();
  });

  it(
    'share clicks, shares, sessions, bot state and the outbox, and lose nothing at a SIGTERM',
    { timeout: 240_000 },
    async () => {
      const database = await createScratchDatabase(serverUrl!);
      drop = database.drop;
      // The outbox's Bot Connector (Teams' limits, a record that outlives the instances), and a second
      // one for the bot's replies, which go to the serviceUrl on each incoming activity.
      connector = await startTestConnector({ latencyMs: 10, limits: { tenantRps: 50 } });
      botConnector = await startBotConnector();
      const env = {
        DATABASE_URL: database.url,
        BOT_SERVICE_URL: connector.url,
        // Slow enough that the broadcast is still going when B stops.
        OUTBOX_RATE_PER_SECOND: '15',
        OUTBOX_POLL_MS: '100',
        JOBS_POLL_MS: '200',
        DEMO_CONTENT: 'false',
        DEMO_ACTIVITY: 'false',
        RATE_LIMIT_SIGNIN_PER_MINUTE: '0',
      };
      // Both start at once on an empty database: migrations, directory sync and schedules race.
      const a = startAppProcess(await freePort(), env);
      const b = startAppProcess(await freePort(), env);
      apps.push(a, b);
      await Promise.all([waitReady(a), waitReady(b)]);
      handle = await openDatabase({ kind: 'postgres', url: database.url, poolSize: 2 });
      const db = handle.db;
      const itemId = await insertItem(db, DEMO_TENANT_ID, { title: 'Scale-out item' });

      const api = async (app: AppProcess, path: string, init: { token?: string; json?: unknown } = {}) => {
        const headers: Record<string, string> = {};
        if (init.token) headers['authorization'] = `Bearer ${init.token}`;
        if (init.json !== undefined) headers['content-type'] = 'application/json';
        const res = await fetch(`${app.base}${path}`, {
          method: init.json !== undefined ? 'POST' : 'GET',
          headers,
          ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : {}),
        });
        return { status: res.status, body: (await res.json()) as Json };
      };
      const signIn = async (app: AppProcess, person: Person) => {
        const res = await api(app, '/api/dev/sign-in', { json: { personId: person.id } });
        expect(res.status).toBe(200);
        return res.body['token'] as string;
      };

      // ---- sessions: issued by A, accepted by B (the key is in Postgres, not in A's memory) ----
      const commsToken = await signIn(a, comms);
      const meOnB = await api(b, '/api/me', { token: commsToken });
      expect(meOnB.status).toBe(200);
      expect(JSON.stringify(meOnB.body)).toContain(comms.id);
      expect((await api(b, '/api/me', { token: `${commsToken.slice(0, -4)}AAAA` })).status).toBe(401);

      // ---- joins and shares, each person's requests spread over both instances ----
      const prepared = await Promise.all(
        joiners.map(async (person, i) => {
          const [first, second] = i % 2 === 0 ? [a, b] : [b, a];
          const token = await signIn(first, person);
          const join = await api(second, '/api/membership', {
            token,
            json: { guidelinesVersion: 1, networks: ['linkedin'], topics: ['jobs'] },
          });
          expect(join.status, JSON.stringify(join.body)).toBe(201);
          // A double click that lands on both instances at once opens one share and one link.
          const both = await Promise.all(
            [first, second].map((app) =>
              api(app, `/api/library/${itemId}/share`, { token, json: { network: 'linkedin' } }),
            ),
          );
          expect(both.map((r) => r.status)).toEqual([200, 200]);
          expect(both[0]!.body['shareId']).toBe(both[1]!.body['shareId']);
          const shareId = both[0]!.body['shareId'] as string;
          const done = await api(first, `/api/shares/${shareId}/complete`, {
            token,
            json: { text: 'Se vores nye park', via: 'intent' },
          });
          expect(done.status, JSON.stringify(done.body)).toBe(200);
          return { shareId, code: codeOf(both[0]!.body['trackedUrl'] as string) };
        }),
      );
      const codes = prepared.map((p) => p.code);

      // ---- clicks: browser requests on both instances until told to stop ----
      const acknowledged = new Map<AppProcess, number>([
        [a, 0],
        [b, 0],
      ]);
      /** Answers other than a 302, by instance, and whether B had been told to stop. */
      const refused: { app: 'A' | 'B'; status: number; stopping: boolean }[] = [];
      let clicking = true;
      let stopping = false;
      const clickers = Array.from({ length: 8 }, async (_, w) => {
        for (let n = w; clicking; n++) {
          const app = n % 2 === 0 ? a : b;
          try {
            const res = await fetch(`${app.base}/r/${codes[n % codes.length]!}`, {
              redirect: 'manual',
              headers: { 'user-agent': BROWSER_UA },
            });
            await res.arrayBuffer();
            if (res.status === 302) acknowledged.set(app, acknowledged.get(app)! + 1);
            else refused.push({ app: app === a ? 'A' : 'B', status: res.status, stopping });
          } catch {
            // B is stopping or stopped: an answer that never came acknowledged nothing.
            await new Promise((r) => setTimeout(r, 5));
          }
        }
      });

      // ---- the outbox: which instances hold messages while it runs ----
      const workers = new Set<string>();
      let watching = true;
      const watcher = (async () => {
        while (watching) {
          const rows = rowsOf<{ claimed_by: string }>(
            await db.execute(sql`
              select distinct claimed_by from outbox_messages
              where tenant_id = ${DEMO_TENANT_ID} and state = 'sending' and claimed_by is not null`),
          );
          for (const row of rows) workers.add(row.claimed_by);
          await new Promise((r) => setTimeout(r, 50));
        }
      })();

      // ---- a broadcast: created on A, announced on both at once with one key (one send) ----
      const created = await api(a, '/api/admin/campaigns', {
        token: commsToken,
        json: {
          name: 'Bliv ambassadør',
          pitch: { da: { why: 'Fordi dine ord rækker længere', effort: '30 minutter', support: 'Sparring' } },
          imageId: null,
          startsAt: new Date(Date.now() - DAY).toISOString(),
          endsAt: new Date(Date.now() + 30 * DAY).toISOString(),
          goalAmbassadors: 8,
          audience: { departments: [AUDIENCE] },
        },
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const announce = { channelIds: [CHANNEL], personal: 'chat', idempotencyKey: randomUUID() };
      const announced = await Promise.all(
        [a, b].map((app) =>
          api(app, `/api/admin/campaigns/${String(created.body['id'])}/announce`, {
            token: commsToken,
            json: announce,
          }),
        ),
      );
      expect(announced.map((r) => r.status)).toEqual([202, 202]);
      const send = announced[0]!.body as unknown as SendProgress;
      expect((announced[1]!.body as unknown as SendProgress).id).toBe(send.id);
      const audienceSize = org.filter((p) => p.department === AUDIENCE && p.accountEnabled).length;
      expect(send.total).toBe(audienceSize + 1);

      // ---- the bot: an onboarding whose turns alternate between A and B ----
      const tenant = { tenantId: DEMO_TENANT_ID };
      const post = async (app: AppProcess, activity: Json) => {
        const res = await fetch(`${app.base}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(activity),
        });
        await res.arrayBuffer();
        return res.status;
      };
      const replyTo = (activity: Json) => {
        const reply = botConnector!.sent.find((s) => s.replyToId === activity['id']);
        expect(reply, `a reply to ${String(activity['id'])}`).toBeDefined();
        return reply!;
      };
      const button = (sent: SentActivity, title: string) => {
        const actions = (adaptiveCards(sent.activity)[0]?.['actions'] ?? []) as Json[];
        const found = actions.find((x) => x['type'] === 'Action.Submit' && x['title'] === title);
        expect(found, `"${title}" in ${JSON.stringify(actions)}`).toBeDefined();
        return found!['data'] as Json;
      };
      expect(await post(a, installActivity(tenant, botConnector.serviceUrl, onboardee))).toBe(200);
      const start = messageActivity(tenant, botConnector.serviceUrl, onboardee, 'onboarding');
      expect(await post(b, start)).toBe(200);
      let card = replyTo(start);
      const presses = ["Let's start", 'Next', 'I accept'];
      for (const [i, title] of presses.entries()) {
        const press = teamsActivity(tenant, botConnector.serviceUrl, onboardee, {
          type: 'message',
          value: button(card, title),
        });
        expect(await post(i % 2 === 0 ? a : b, press)).toBe(200);
        card = replyTo(press);
      }
      // The last press was answered by A, from the state B wrote the turn before.
      expect(JSON.stringify(card.activity)).toContain('Your networks and topics');

      // ---- B stops mid-traffic: clicks still coming, the broadcast still going ----
      const expected = joiners.length + send.total;
      await until(() => connector!.store.size >= 10, 60_000, 'the broadcast to start');
      const clicksBeforeStop = acknowledged.get(b)!;
      stopping = true;
      b.child.kill('SIGTERM');
      expect(await b.exited).toBe(0);
      const sizeAtStop = connector.store.size;
      expect(sizeAtStop).toBeLessThan(expected);
      // A goes on alone for a moment.
      const aBefore = acknowledged.get(a)!;
      await until(() => acknowledged.get(a)! > aBefore + 50, 30_000, 'A to keep answering');
      clicking = false;
      await Promise.all(clickers);

      // A finishes the broadcast and the welcomes.
      await until(() => connector!.store.size >= expected, 120_000, `${expected} delivered activities`);
      await new Promise((r) => setTimeout(r, 1_000));
      watching = false;
      await watcher;
      a.child.kill('SIGTERM');
      expect(await a.exited).toBe(0);

      // Clicks: every 302 either instance answered is a stored click, B's included.
      expect(clicksBeforeStop).toBeGreaterThan(0);
      expect(acknowledged.get(a)).toBeGreaterThan(0);
      // A running instance answers every click with the redirect. A stopping one answers a request that
      // arrives on an open connection after it began closing with 503 (return503OnClosing in
      // src/http/server.ts), which acknowledges nothing, or refuses the connection.
      expect(refused.filter((r) => !(r.app === 'B' && r.stopping && r.status === 503))).toEqual([]);
      const answered = acknowledged.get(a)! + acknowledged.get(b)!;
      expect(await countClicks(db, DEMO_TENANT_ID, codes)).toBe(answered);

      // Shares: one per person, item and network, each shared once.
      const shareRows = await db
        .select()
        .from(shares)
        .where(and(eq(shares.tenantId, DEMO_TENANT_ID), eq(shares.itemId, itemId)));
      expect(shareRows).toHaveLength(joiners.length);
      expect(new Set(shareRows.map((s) => s.id))).toEqual(new Set(prepared.map((p) => p.shareId)));
      expect(shareRows.every((s) => s.status === 'shared')).toBe(true);

      // The bot: the onboarding reached the choices step, and accepting there made a member.
      const progress = await db
        .select()
        .from(onboardingProgress)
        .where(
          and(eq(onboardingProgress.tenantId, DEMO_TENANT_ID), eq(onboardingProgress.personId, onboardee.id)),
        );
      expect(progress[0]?.step).toBe('choices');
      const state = await db.select().from(botState).where(eq(botState.tenantId, DEMO_TENANT_ID));
      expect(state.some((r) => r.key.endsWith(`/conversations/${chatOf(onboardee)}`))).toBe(true);
      const members = rowsOf<{ guidelines_version: number }>(
        await db.execute(sql`
          select guidelines_version from memberships
          where tenant_id = ${DEMO_TENANT_ID} and person_id = ${onboardee.id}`),
      );
      expect(members.map((m) => Number(m.guidelines_version))).toEqual([1]);

      // The outbox: both instances sent, every message exactly once at the connector, all recorded sent.
      expect(workers.size).toBe(2);
      const perConversation = new Map<string, number>();
      for (const x of connector.store.list({ tenantId: DEMO_TENANT_ID })) {
        perConversation.set(x.conversationId, (perConversation.get(x.conversationId) ?? 0) + 1);
      }
      expect(perConversation.size).toBe(expected);
      expect([...perConversation.values()].every((n) => n === 1)).toBe(true);
      expect(perConversation.get(CHANNEL)).toBe(1);
      const stats = connector.connector.stats();
      expect(stats.deduped).toBe(0);
      expect(stats.throttled).toBe(0);
      const states = rowsOf<{ state: string; n: number; ambiguous: number }>(
        await db.execute(sql`
          select state, count(*)::int as n, (count(*) filter (where ambiguous))::int as ambiguous
          from outbox_messages where tenant_id = ${DEMO_TENANT_ID} group by state`),
      );
      expect(Object.fromEntries(states.map((s) => [s.state, Number(s.n)]))).toEqual({ sent: expected });
      expect(states.reduce((n, s) => n + Number(s.ambiguous), 0)).toBe(0);

      // Jobs: one welcome job per joining (the bot's included), each run once; no job ran twice.
      const welcomes = rowsOf<{ status: string; attempts: number }>(
        await db.execute(sql`
          select status, attempts from jobs where tenant_id = ${DEMO_TENANT_ID} and kind = 'bot.welcome'`),
      );
      expect(welcomes).toHaveLength(joiners.length + 1);
      expect(welcomes.every((j) => j.status === 'done' && Number(j.attempts) === 1)).toBe(true);
      const repeated = rowsOf<{ kind: string; attempts: number }>(
        await db.execute(sql`
          select kind, attempts from jobs where tenant_id = ${DEMO_TENANT_ID} and attempts > 1`),
      );
      expect(repeated).toEqual([]);
    },
  );
});
