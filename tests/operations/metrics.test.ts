import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/database';
import { startTestChorus, type TestChorus } from '../support/chorus';
import { insertItem, insertTrackedLinks } from '../support/content-fixtures';
import { BROWSER_UA } from '../support/sharing';

/** The samples of a Prometheus text answer, by metric name with its labels. */
function samples(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const at = line.lastIndexOf(' ');
    out.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return out;
}

describe('GET /metrics', () => {
  let app: TestChorus;
  const TOKEN = 'metrics-token-for-tests-0123456789';
  beforeAll(async () => {
    app = await startTestChorus({ METRICS_TOKEN: TOKEN });
  });
  afterAll(() => app.close());

  it('is not there for a caller without the token', async () => {
    expect((await app.api('/metrics')).status).toBe(404);
    expect((await app.api('/metrics', { headers: { authorization: 'Bearer wrong' } })).status).toBe(404);
  });

  it('reports queue depth, sends, 429s, click-write lag and sync status, as the database has them', async () => {
    const db = app.database.db;
    const itemId = await insertItem(db, app.tenantId, { linkUrl: 'https://nordlys.example/' });
    const [code] = await insertTrackedLinks(db, app.tenantId, itemId, 1);
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${app.url}/r/${code!}`, {
        redirect: 'manual',
        headers: { 'user-agent': BROWSER_UA },
      });
      expect(res.status).toBe(302);
    }
    const res = await app.api('/metrics', { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const m = samples(await res.text());

    // Every click was committed before its 302, so nothing waits and at least these three are counted.
    expect(m.get('chorus_clicks_committed_total')).toBeGreaterThanOrEqual(3);
    expect(m.get('chorus_click_write_waiting')).toBe(0);
    expect(m.get('chorus_click_write_lag_seconds')).toBe(0);
    expect(m.get('chorus_clicks_lost_total')).toBe(0);

    // Queue depth against the database's own count (the test app starts with its jobs queued, unrun).
    const queued = rowsOf<{ kind: string; n: number }>(
      await db.execute(sql`select kind, count(*)::int as n from jobs
        where tenant_id = ${app.tenantId} and status = 'queued' group by kind`),
    );
    for (const { kind, n } of queued) {
      expect(m.get(`chorus_jobs{kind="${kind}",status="queued"}`), kind).toBe(Number(n));
    }
    const sync = rowsOf<{ people: number; done: Date | null }>(
      await db.execute(sql`select people_count as people, last_completed_at as done from directory_sync
        where tenant_id = ${app.tenantId}`),
    )[0];
    expect(m.get('chorus_directory_people')).toBe(Number(sync?.people ?? 0));
    if (sync?.done) expect(m.get('chorus_directory_sync_age_seconds')).toBeGreaterThanOrEqual(0);
    else expect(m.get('chorus_directory_sync_age_seconds')).toBe(-1);
    expect(m.get('chorus_directory_sync_failing')).toBe(0);
    expect(m.get('chorus_outbox_sent_last_minute')).toBe(0);
    expect(m.get('chorus_outbox_throttled_last_hour')).toBe(0);
  });
});
