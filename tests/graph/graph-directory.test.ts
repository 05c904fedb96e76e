import { afterEach, describe, expect, it } from 'vitest';
import type { DirectoryChanges, DirectoryPage } from '../../src/ports/directory';
import { GraphDirectory, toPerson, type GraphDirectoryOptions } from '../../src/graph/graph-directory';
import { createAppTokenProvider } from '../../src/graph/token-provider';
import { startGraphServer, type GraphServer, type GraphServerOptions } from '../fakes/graph-server';

const servers: GraphServer[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function setup(options: GraphServerOptions, directory: Partial<GraphDirectoryOptions> = {}) {
  const server = await startGraphServer(options);
  servers.push(server);
  const tokenProvider = createAppTokenProvider({
    tenantId: server.tenantId,
    clientId: server.clientId,
    clientSecret: server.clientSecret,
    authorityHost: server.url,
  });
  return {
    server,
    tokenProvider,
    graph: new GraphDirectory({ tokenProvider, baseUrl: server.graphUrl, ...directory }),
  };
}

async function readAll(changes: DirectoryChanges): Promise<DirectoryPage[]> {
  const pages: DirectoryPage[] = [];
  for await (const page of changes.pages) pages.push(page);
  return pages;
}

const upsertIds = (pages: DirectoryPage[]) =>
  pages.flatMap((page) => page.upserts.map((person) => person.id));

describe('GraphDirectory against a local Graph', () => {
  it('gets an app-only token from the token endpoint through msal and sends it on every Graph call', async () => {
    const { server, graph } = await setup({ users: 2500 });

    await readAll(graph.readChanges(null));

    const tokenRequests = server.tokenRequests();
    expect(tokenRequests).toHaveLength(1); // msal caches the token across pages
    expect(tokenRequests[0]?.pathname).toBe(`/${server.tenantId}/oauth2/v2.0/token`);
    const form = new URLSearchParams(tokenRequests[0]?.body);
    expect(form.get('grant_type')).toBe('client_credentials');
    expect(form.get('client_id')).toBe(server.clientId);
    expect(form.get('scope')).toBe('https://graph.microsoft.com/.default');
    const [token] = server.issuedTokens();
    expect(token).toBeDefined();
    const graphRequests = server.graphRequests();
    expect(graphRequests.length).toBeGreaterThan(1);
    for (const request of graphRequests) expect(request.headers.authorization).toBe(`Bearer ${token}`);
  });

  it('fails when the token endpoint rejects the client secret', async () => {
    const server = await startGraphServer({ users: 1 });
    servers.push(server);
    const tokenProvider = createAppTokenProvider({
      tenantId: server.tenantId,
      clientId: server.clientId,
      clientSecret: 'wrong-secret',
      authorityHost: server.url,
    });

    await expect(tokenProvider.getToken()).rejects.toThrow(/invalid_client/);
    expect(server.issuedTokens()).toHaveLength(0);
  });

  it('follows @odata.nextLink across pages of 999 and stops at the deltaLink', async () => {
    const { server, graph } = await setup({ users: 2500 });

    const changes = graph.readChanges(null);
    expect(changes.nextDeltaLink()).toBeNull(); // nothing read yet
    const pages = await readAll(changes);

    expect(pages.map((page) => page.upserts.length)).toEqual([999, 999, 502]);
    const ids = upsertIds(pages);
    expect(new Set(ids).size).toBe(2500);
    expect(ids).toContain(server.userId(2499));
    expect(changes.requestCount()).toBe(3);
    const graphRequests = server.graphRequests();
    expect(graphRequests).toHaveLength(3);
    expect(graphRequests[0]?.path).toContain('/v1.0/users/delta?$select=');
    expect(graphRequests[0]?.path).toContain('manager');
    expect(graphRequests[1]?.path).toContain('$skiptoken=');
    expect(graphRequests[2]?.path).toContain('$skiptoken=');
    for (const request of graphRequests) expect(request.headers.prefer).toBe('odata.maxpagesize=999');
    expect(changes.nextDeltaLink()).toMatch(new RegExp(`^${server.graphUrl}/users/delta\\?\\$deltatoken=`));
  });

  it('maps Graph users to people, managers included', async () => {
    const { server, graph } = await setup({ users: 60 });

    const people = new Map(
      (await readAll(graph.readChanges(null))).flatMap((p) => p.upserts).map((p) => [p.id, p]),
    );

    expect(people.get(server.userId(0))?.managerId).toBeNull();
    expect(people.get(server.userId(1))?.managerId).toBe(server.userId(0));
    expect(people.get(server.userId(10))?.managerId).toBe(server.userId(0));
    expect(people.get(server.userId(23))?.managerId).toBe(server.userId(2));
    expect(people.get(server.userId(3))).toEqual({
      id: server.userId(3),
      displayName: 'Lars Jensen 3',
      mail: 'user3@contoso.example',
      userPrincipalName: 'user3@contoso.example',
      jobTitle: 'Accountant',
      department: 'Finance',
      officeLocation: 'Stockholm',
      country: 'Sweden',
      managerId: server.userId(0),
      preferredLanguage: 'sv-SE',
      accountEnabled: true,
    });
    expect(people.get(server.userId(5))?.preferredLanguage).toBeNull();
    expect(people.get(server.userId(12))?.mail).toBeNull();
    expect(people.get(server.userId(49))?.accountEnabled).toBe(false);
    // Managers come from manager@delta on the delta pages themselves: no extra requests.
    expect(server.graphRequests()).toHaveLength(1);
  });

  it('returns only the changes since the delta link, deletions as removedIds', async () => {
    const { server, graph } = await setup({ users: 30 });
    const first = graph.readChanges(null);
    await readAll(first);
    const deltaLink = first.nextDeltaLink();
    expect(deltaLink).not.toBeNull();

    server.updateUser(server.userId(4), { jobTitle: 'Head of Sales' });
    server.deleteUser(server.userId(9));
    const added = server.addUser({ displayName: 'Nyansat Person', managerId: server.userId(4) });
    const second = graph.readChanges(deltaLink);
    const pages = await readAll(second);

    const upserts = pages.flatMap((page) => page.upserts);
    expect(upserts.map((person) => person.id).sort()).toEqual([server.userId(4), added].sort());
    expect(upserts.find((person) => person.id === server.userId(4))?.jobTitle).toBe('Head of Sales');
    expect(upserts.find((person) => person.id === added)).toMatchObject({
      displayName: 'Nyansat Person',
      managerId: server.userId(4),
    });
    expect(pages.flatMap((page) => page.removedIds)).toEqual([server.userId(9)]);
    expect(second.nextDeltaLink()).not.toBeNull();
    expect(second.nextDeltaLink()).not.toBe(deltaLink);

    // The newest link knows about these changes, so reading from it again yields nothing.
    const third = graph.readChanges(second.nextDeltaLink());
    const rest = await readAll(third);
    expect(rest.flatMap((page) => [...page.upserts, ...page.removedIds])).toEqual([]);
    expect(third.requestCount()).toBe(1);
  });

  it('keeps managers right in later rounds, where manager@delta only comes with a manager change', async () => {
    const { server, graph } = await setup({ users: 30 });
    const first = graph.readChanges(null);
    await readAll(first);

    server.updateUser(server.userId(21), { managerId: server.userId(7) }); // was user 2
    server.updateUser(server.userId(22), { managerId: null }); // was user 2
    server.updateUser(server.userId(23), { department: 'Legal' }); // manager (user 2) unchanged
    const before = server.graphRequests().length;
    const second = graph.readChanges(first.nextDeltaLink());
    const people = new Map((await readAll(second)).flatMap((p) => p.upserts).map((p) => [p.id, p]));

    expect(people.get(server.userId(21))?.managerId).toBe(server.userId(7));
    expect(people.get(server.userId(22))?.managerId).toBeNull();
    expect(people.get(server.userId(23))).toMatchObject({ department: 'Legal', managerId: server.userId(2) });
    // Only user 23's manager was unknown: one lookup for it, none for the two that carried manager@delta.
    const lookups = server
      .graphRequests()
      .slice(before)
      .filter((r) => r.pathname === '/v1.0/users');
    expect(lookups).toHaveLength(1);
    const filter = new URL(lookups[0]?.path ?? '', server.url).searchParams.get('$filter');
    expect(filter).toBe(`id in ('${server.userId(23)}')`);
    expect(second.requestCount()).toBe(2);
  });

  it('waits as long as Retry-After says on a 429, then retries the same request', async () => {
    const { server, graph } = await setup({ users: 10 });
    server.throttleNext({ retryAfterSeconds: 1 });

    const changes = graph.readChanges(null);
    const pages = await readAll(changes);

    expect(upsertIds(pages)).toHaveLength(10);
    const [throttled, retried, ...others] = server.graphRequests();
    expect(others).toEqual([]);
    expect(throttled?.status).toBe(429);
    expect(retried?.status).toBe(200);
    expect(retried?.path).toBe(throttled?.path);
    expect(retried?.headers['retry-attempt']).toBe('1');
    const waitedMs = (retried?.at ?? 0) - (throttled?.at ?? 0);
    expect(waitedMs).toBeGreaterThanOrEqual(1000);
    // The default back-off is 3 s; coming back well before that shows Retry-After was what we obeyed.
    expect(waitedMs).toBeLessThan(2500);
    expect(changes.requestCount()).toBe(2);
  });

  it('gives up after a bounded number of retries', async () => {
    const { server, graph } = await setup({ users: 10 }, { maxRetries: 2 });
    server.throttleNext({ retryAfterSeconds: 0, count: 5, status: 503 });

    const changes = graph.readChanges(null);
    // Still unavailable after the retries: a RetryLaterError (its job runs again later).
    await expect(readAll(changes)).rejects.toMatchObject({
      name: 'RetryLaterError',
      cause: { statusCode: 503 },
    });
    expect(server.graphRequests().map((r) => r.status)).toEqual([503, 503, 503]);
    expect(changes.requestCount()).toBe(3);
  });

  it('marks background reads low priority, and only those', async () => {
    const { server, graph } = await setup({ users: 1500 });

    const background = graph.readChanges(null, { background: true });
    await readAll(background);
    server.updateUser(server.userId(15), { jobTitle: 'Lead' }); // forces a manager lookup request too
    await readAll(graph.readChanges(background.nextDeltaLink(), { background: true }));
    const backgroundRequests = server.graphRequests();
    expect(backgroundRequests.map((r) => r.pathname)).toEqual([
      '/v1.0/users/delta',
      '/v1.0/users/delta',
      '/v1.0/users/delta',
      '/v1.0/users',
    ]);
    for (const request of backgroundRequests) expect(request.headers['x-ms-throttle-priority']).toBe('low');

    await readAll(graph.readChanges(null));
    const interactive = server.graphRequests().slice(backgroundRequests.length);
    expect(interactive).toHaveLength(2);
    for (const request of interactive) expect(request.headers['x-ms-throttle-priority']).toBeUndefined();
  });

  it('refuses a delta link that points away from the configured Graph', async () => {
    const { server, graph } = await setup({ users: 1 });

    const changes = graph.readChanges('https://evil.example/v1.0/users/delta?$deltatoken=x');
    await expect(readAll(changes)).rejects.toThrow(/Refusing/);
    expect(changes.requestCount()).toBe(0);
    expect(server.requests).toEqual([]);
  });
});

describe('toPerson', () => {
  it('defaults accountEnabled to true and absent properties to null', () => {
    expect(toPerson({ id: 'u1', displayName: 'Ada' }, null)).toEqual({
      id: 'u1',
      displayName: 'Ada',
      mail: null,
      userPrincipalName: null,
      jobTitle: null,
      department: null,
      officeLocation: null,
      country: null,
      managerId: null,
      preferredLanguage: null,
      accountEnabled: true,
    });
    expect(toPerson({ id: 'u2', displayName: 'Bo', accountEnabled: false }, 'm1')).toMatchObject({
      accountEnabled: false,
      managerId: 'm1',
    });
  });
});
