import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasAnyRole, type Role } from '../../src/domain/roles';
import { signInAs, startTestChorus, type TestChorus } from '../support/chorus';
import { personas } from '../support/personas';

// One persona per role (the approver too), from the demo org.
const sampleParams: Record<string, string> = { kind: 'purpose' };
const fill = (url: string) => url.replace(/:(\w+)/g, (_, name: string) => sampleParams[name] ?? 'x');

describe('authorization matrix, generated from the route table', () => {
  let app: TestChorus;
  const tokens = new Map<string, string>();
  beforeAll(async () => {
    app = await startTestChorus();
    for (const p of personas) tokens.set(p.name, await signInAs(app, p.id));
  });
  afterAll(() => app.close());

  it('declares an access rule for every API route', () => {
    const declared = new Set(app.server.routes.map((r) => `${r.method} ${r.url}`));
    const undeclared = app.server.registered
      .filter((r) => r.url.startsWith('/api/') && r.method !== 'HEAD' && r.method !== 'OPTIONS')
      .map((r) => `${r.method} ${r.url}`)
      .filter((key) => !declared.has(key));
    expect(undeclared).toEqual([]);
    expect(app.server.routes.length).toBeGreaterThanOrEqual(8);
  });

  it('gives each persona the roles the matrix assumes', async () => {
    for (const p of personas) {
      const me = (await (await app.api('/api/me', { token: tokens.get(p.name)! })).json()) as {
        roles: Role[];
      };
      expect(me.roles, p.name).toEqual(p.roles);
    }
  });

  it('refuses anonymous callers on every protected route, and each role where it must', async () => {
    const protectedRoutes = app.server.routes.filter((r) => r.access !== 'public');
    expect(protectedRoutes.length).toBeGreaterThan(0);
    for (const route of protectedRoutes) {
      const url = fill(route.url);
      const anonymous = await app.api(url, {
        method: route.method,
        json: route.method === 'GET' ? undefined : {},
      });
      expect(anonymous.status, `anonymous ${route.method} ${route.url}`).toBe(401);
      for (const p of personas) {
        const res = await app.api(url, {
          method: route.method,
          token: tokens.get(p.name)!,
          json: route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
        });
        const allowed = hasAnyRole(p.roles, route.access as Role[]);
        if (allowed) expect([401, 403], `${p.name} ${route.method} ${route.url}`).not.toContain(res.status);
        else expect(res.status, `${p.name} ${route.method} ${route.url}`).toBe(403);
      }
    }
  });
});
