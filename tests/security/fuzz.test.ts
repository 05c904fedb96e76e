import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/database';
import { demoApprovers, generateDemoOrg } from '../../src/demo/demo-org';
import { mulberry32 } from '../../src/domain/seeded-random';
import { signInAs, startTestChorus, type TestChorus } from '../support/chorus';
import { employees, joinAs } from '../support/sharing';

// Issue 7's input fuzzing, generated from the route table: every route that takes a body gets
// malformed, oversized and wrong-type input from comms, an approver and an ambassador. The answer is
// always a 4xx with a clear JSON error and no stack trace, never a 5xx, and the database is unchanged.

const org = generateDemoOrg();
const comms = org.find((p) => p.jobTitle === 'Head of Communication')!;
const approverUpn = demoApprovers(org)[0];
const approver = org.find((p) => p.userPrincipalName?.toLowerCase() === approverUpn)!;

/**
 * Well-formed JSON of the wrong shape: only routes that read a body can refuse it (a route without
 * a body, such as "rotate the key", ignores whatever is sent).
 */
function wellFormedJson(b: { type: string; body: string }): boolean {
  if (b.type !== 'application/json') return false;
  try {
    JSON.parse(b.body);
    return true;
  } catch {
    return false;
  }
}

/** Bodies no route accepts: each a content type and the raw text sent. */
function badBodies(random: () => number): { name: string; type: string; body: string }[] {
  const deep = `${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}`;
  const wrongTypes = [
    { title: 42, text: true, networks: 'linkedin', guidelinesVersion: 'one', days: [], kind: {} },
    { id: null, personId: 7, reply: ['x'], winnerCount: -1, seed: {}, canvas: 'full' },
    { baseVersion: 1e308, networkSize: 'lots', show: 'yes', externalId: '', occurredAt: 'yesterday' },
  ];
  const noise = Array.from({ length: 200 }, () => String.fromCharCode(32 + Math.floor(random() * 90))).join(
    '',
  );
  return [
    { name: 'not JSON', type: 'application/json', body: '{"unterminated": ' },
    { name: 'noise', type: 'application/json', body: noise },
    { name: 'a JSON array', type: 'application/json', body: '[1,2,3]' },
    { name: 'a JSON number', type: 'application/json', body: '12345' },
    { name: 'a JSON string', type: 'application/json', body: '"hello"' },
    { name: 'null', type: 'application/json', body: 'null' },
    { name: 'deeply nested', type: 'application/json', body: deep },
    {
      name: 'oversized',
      type: 'application/json',
      body: JSON.stringify({ text: 'x'.repeat(2 * 1024 * 1024) }),
    },
    ...wrongTypes.map((v, i) => ({
      name: `wrong types ${i + 1}`,
      type: 'application/json',
      body: JSON.stringify(v),
    })),
    { name: 'a NUL character', type: 'application/json', body: '{"title":"a\\u0000b","text":"\\u0000"}' },
    { name: 'form data', type: 'application/x-www-form-urlencoded', body: 'a=1&b=2' },
  ];
}

describe('input fuzzing of every route that takes a body', () => {
  let app: TestChorus;
  const tokens: [string, string][] = [];
  beforeAll(async () => {
    app = await startTestChorus();
    tokens.push(['comms', await signInAs(app, comms.id)]);
    tokens.push(['approver', await signInAs(app, approver.id)]);
    tokens.push(['ambassador', await joinAs(app, employees(1)[0]!.id)]);
  }, 120_000);
  afterAll(() => app.close());

  /** Rows per table for this tenant (every table has tenant_id), to show nothing changed. */
  const snapshot = async () => {
    const tables = rowsOf<{ table_name: string }>(
      await app.database.db.execute(sql`select table_name from information_schema.columns
        where column_name = 'tenant_id' and table_schema = 'public' order by table_name`),
    ).map((r) => r.table_name);
    const counts: Record<string, number> = {};
    for (const table of tables) {
      const rows = rowsOf<{ n: number }>(
        await app.database.db.execute(
          sql`select count(*)::int as n from ${sql.identifier(table)} where tenant_id = ${app.tenantId}`,
        ),
      );
      counts[table] = Number(rows[0]?.n ?? 0);
    }
    return counts;
  };

  it('answers every malformed, oversized or wrong-type body with a clear 4xx and changes nothing', async () => {
    const routes = app.server.routes.filter(
      (r) => ['POST', 'PUT', 'PATCH'].includes(r.method) && r.url !== '/api/messages',
    );
    expect(routes.length).toBeGreaterThan(20);
    const before = await snapshot();
    const random = mulberry32(7);
    const failures: string[] = [];
    for (const route of routes) {
      const url = route.url.replace(/:(\w+)/g, 'fuzz-1').replace('*', 'fuzz');
      for (const bad of badBodies(random).filter((b) => route.hasBody || !wellFormedJson(b))) {
        for (const [who, token] of tokens) {
          const res = await app.api(url, {
            method: route.method,
            token,
            headers: { 'content-type': bad.type, 'accept-language': 'da' },
            body: bad.body,
          });
          const text = await res.text();
          const where = `${route.method} ${route.url} (${bad.name}, ${who}) → ${res.status}`;
          if (res.status < 400 || res.status >= 500) failures.push(`${where}: ${text.slice(0, 200)}`);
          else if (/\bat .+:\d+:\d+/.test(text)) failures.push(`${where}: stack trace in the answer`);
          else if (!route.url.startsWith('/r/')) {
            const error = (JSON.parse(text) as { error?: { code?: string; message?: string } }).error;
            if (!error?.code || !error.message) failures.push(`${where}: no error code and message`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(await snapshot()).toEqual(before);
  }, 600_000);
});
