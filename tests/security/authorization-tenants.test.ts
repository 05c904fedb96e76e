import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeclaredRoute } from '../../src/http/route';
import {
  dumpTenant,
  fillRoute,
  leaksIn,
  markersOfB,
  MUTATION_BODIES,
  PARAM_SAMPLES,
  ROLE_REFUSAL,
  personas,
  placeholdersOf,
  samplesOf,
  startTwoTenants,
  TENANT_RESOURCE_PARAMS,
  type Persona,
  type Samples,
  type TenantSide,
  type TwoTenants,
} from './two-tenants';

// The authorization matrix of tests/http/authorization.test.ts, with a third axis: every route of the
// route table × every role × the caller's own tenant's row and another tenant's row (both tenants in
// one database). Every placeholder must map to a sample id, so a new route cannot skip the matrix.

type Tenancy = 'own' | 'other';

const keyOf = (route: DeclaredRoute) => `${route.method} ${route.url}`;
const namesResource = (route: DeclaredRoute) =>
  placeholdersOf(route.url).some((p) => TENANT_RESOURCE_PARAMS.has(p));
const allowed = (persona: Persona, route: DeclaredRoute) =>
  route.access === 'public' || route.access.some((role) => persona.roles.includes(role));

describe('authorization matrix × tenants, generated from the route table', () => {
  let two: TwoTenants;
  let a: TenantSide;
  let samples: Record<Tenancy, Samples>;
  let markers: Set<string>;
  let routes: DeclaredRoute[];
  const ownShares = new Map<Persona['name'], string>();

  beforeAll(async () => {
    two = await startTwoTenants();
    a = two.a;
    samples = {
      own: await samplesOf(two.database, two.a.tenantId),
      other: await samplesOf(two.database, two.b.tenantId),
    };
    markers = await markersOfB(two.database, two.a.tenantId, two.b.tenantId);
    routes = a.app.server.routes;
    // A share is only its own ambassador's: each persona shares the own tenant's sample item once.
    for (const persona of personas) {
      const res = await a.app.api(`/api/library/${samples.own.approved}/share`, {
        method: 'POST',
        token: a.tokens.get(persona.name)!,
        json: { network: 'linkedin' },
      });
      if (res.status !== 200)
        throw new Error(`${persona.name} could not share: ${res.status} ${await res.text()}`);
      ownShares.set(persona.name, ((await res.json()) as { shareId: string }).shareId);
    }
  }, 300_000);
  afterAll(async () => {
    await two?.close();
  }, 60_000);

  const call = async (persona: Persona | null, route: DeclaredRoute, url: string): Promise<Response> => {
    const body = MUTATION_BODIES[keyOf(route)] ?? (route.hasBody ? {} : undefined);
    const init = {
      method: route.method,
      redirect: 'manual' as const,
      headers: { 'accept-language': 'en' },
      ...(persona ? { token: a.tokens.get(persona.name)! } : {}),
      ...(route.method === 'GET' || body === undefined ? {} : { json: body }),
    };
    return a.app.api(url, init);
  };

  it('gives each persona the roles the matrix assumes', async () => {
    for (const p of personas) {
      const res = await a.app.api('/api/me', { token: a.tokens.get(p.name)! });
      const me = (await res.json()) as { roles: string[] };
      expect([...me.roles].sort(), p.name).toEqual([...p.roles].sort());
    }
  });

  it('has a sample id for every placeholder of every route', () => {
    const missing = routes.flatMap((route) =>
      placeholdersOf(route.url)
        .filter((p) => !PARAM_SAMPLES[p])
        .map((p) => `${keyOf(route)}: "${p}"`),
    );
    expect(
      missing,
      'add each of these placeholders to PARAM_SAMPLES in tests/security/two-tenants.ts ' +
        '(and to TENANT_RESOURCE_PARAMS when it names a tenant row)',
    ).toEqual([]);
    expect(routes.filter(namesResource).length).toBeGreaterThan(15);
    // A route added with a placeholder nobody mapped fails here, naming what to add.
    expect(() => fillRoute('/api/widgets/:widgetId', samples.own)).toThrow(/add it to PARAM_SAMPLES/);
  });

  it("answers every route × role × own and other tenant's row as its rule says", async () => {
    const bBefore = await dumpTenant(two.database, two.b.tenantId);
    const problems: string[] = [];
    let tried = 0;
    // Reads first, then changes (aimed at the other tenant before the own one, which they may change),
    // and deletions last: leaving the program deletes the persona's sparring requests and stops sharing.
    const rank = (r: DeclaredRoute) => (r.method === 'GET' ? 0 : r.method === 'DELETE' ? 2 : 1);
    const ordered = [...routes].sort((x, y) => rank(x) - rank(y));
    for (const route of ordered) {
      for (const tenancy of ['other', 'own'] as const) {
        const url = fillRoute(route.url, samples[tenancy]);
        const label = (who: string, status: number) =>
          `${who} ${route.method} ${route.url} (${tenancy} tenant) answered ${status}`;
        if (route.access !== 'public') {
          const anonymous = await call(null, route, url);
          if (anonymous.status !== 401) problems.push(label('anonymous', anonymous.status));
        }
        for (const persona of personas) {
          const mine = tenancy === 'own' ? { ...samples.own, share: ownShares.get(persona.name)! } : null;
          const res = await call(persona, route, mine ? fillRoute(route.url, mine) : url);
          const text = await res.text();
          tried++;
          if (tenancy === 'other') {
            const leaks = leaksIn(`${res.headers.get('location') ?? ''} ${text}`, markers);
            if (leaks.length) problems.push(`${label(persona.name, res.status)} with B's ${leaks[0]}`);
          }
          if (!allowed(persona, route)) {
            if (res.status !== 403 || !text.includes(ROLE_REFUSAL)) {
              problems.push(`${label(persona.name, res.status)}, not the role check's 403`);
            }
            continue;
          }
          // A 403 of a business rule (not an ambassador, say) is an answer; the role check's is not.
          if (res.status === 401 || (res.status === 403 && text.includes(ROLE_REFUSAL))) {
            problems.push(`${label(persona.name, res.status)} though the role is allowed`);
            continue;
          }
          if (!namesResource(route)) continue;
          if (tenancy === 'other') {
            const sharepointOff =
              route.url.endsWith('/sharepoint') && text.includes('SHAREPOINT_NOT_CONFIGURED');
            const graphStandIn = route.url.includes('/users/:personId');
            if (res.status !== 404 && !sharepointOff && !graphStandIn) {
              problems.push(`${label(persona.name, res.status)}, not 404: ${text.slice(0, 160)}`);
            }
          } else if (res.status === 404) {
            problems.push(
              `${label(persona.name, res.status)}: its own row was not found: ${text.slice(0, 160)}`,
            );
          }
        }
      }
    }
    expect(tried).toBeGreaterThan(routes.length * personas.length);
    expect(problems).toEqual([]);
    // None of it touched the other tenant.
    expect(await dumpTenant(two.database, two.b.tenantId)).toEqual(bBefore);
  });
});
