import { randomUUID } from 'node:crypto';
import { migrate, type Db } from '../../src/db/database';
import { createOutboxStore } from '../../src/db/outbox-store';
import { DEMO_TENANT_ID, generateDemoOrg } from '../../src/demo/demo-org';
import { invitations, scratchDatabase, seedCampaign, sendInput } from '../outbox/harness';
import { startAppProcess, waitReady, type AppProcess } from './app-process';
import { startTestConnector, type TestConnectorOptions, type TestConnector } from './local-connector';
import { freePort } from './net';

// Chorus as child processes (one, or several sharing one database) sending through a standalone local
// Bot Connector that outlives them: the set-up of the multi-process outbox and fault tests.

/** A scratch database, a standalone local connector, and the Chorus processes started against both. */
export interface OutboxInstances {
  database: Awaited<ReturnType<typeof scratchDatabase>>;
  connector: TestConnector;
  /** What every instance runs with: the database, the connector as BOT_SERVICE_URL, no demo library, and the test's own. */
  env: Record<string, string>;
  /** Every instance started so far, killed or not. */
  apps: AppProcess[];
  /** Starts `count` instances, one after another, each on a free port, then waits until all are ready. */
  start(count: number): Promise<AppProcess[]>;
  /** SIGKILLs the instances still running, closes the connector and drops the database. */
  close(): Promise<void>;
}

/** A scratch database and a local connector (with `connector` options) for instances run with `env`. */
export async function prepareOutboxInstances(
  connectorOptions: TestConnectorOptions,
  env: Record<string, string>,
): Promise<OutboxInstances> {
  const database = await scratchDatabase();
  let connector: TestConnector;
  try {
    connector = await startTestConnector(connectorOptions);
  } catch (err) {
    await database.drop();
    throw err;
  }
  const apps: AppProcess[] = [];
  const instanceEnv = { ...database.env, BOT_SERVICE_URL: connector.url, DEMO_CONTENT: 'false', ...env };
  return {
    database,
    connector,
    env: instanceEnv,
    apps,
    async start(count) {
      const started: AppProcess[] = [];
      for (let i = 0; i < count; i++) {
        const app = startAppProcess(await freePort(), instanceEnv);
        apps.push(app);
        started.push(app);
      }
      await Promise.all(started.map((a) => waitReady(a)));
      return started;
    },
    async close() {
      for (const a of apps) if (a.child.exitCode === null) a.child.kill('SIGKILL');
      await connector.close();
      await database.drop();
    },
  };
}

/**
 * Migrates `db` and queues one invitation broadcast (a new campaign, a fresh send key) in the demo
 * tenant to the first `count` demo people; returns the send and the recipients' ids.
 */
export async function queueDemoInvitations(db: Db, count: number) {
  const recipients = generateDemoOrg()
    .slice(0, count)
    .map((p) => p.id);
  await migrate(db);
  const campaignId = await seedCampaign(db, DEMO_TENANT_ID);
  const send = { ...sendInput('invitations', campaignId), idempotencyKey: randomUUID() };
  await createOutboxStore(db).enqueue(DEMO_TENANT_ID, send, invitations(campaignId, recipients));
  return { send, recipients };
}
