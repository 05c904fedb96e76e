import http, { type IncomingHttpHeaders } from 'node:http';
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickEvents, tenantSecrets } from '../../src/db/schema';
import { clickSaltName, utcDay } from '../../src/domain/sharing';
import { startTestChorus, type TestChorus } from '../support/chorus';
import { countClicks, insertItem, setItemStatus } from '../support/content-fixtures';
import { BROWSER_UA, codeOf, employees, joinAs } from '../support/sharing';

describe('GET /r/<code>: the tracked-link redirect', () => {
  let app: TestChorus;
  let itemId = '';
  let code = '';

  beforeAll(async () => {
    app = await startTestChorus();
    // A salt from long ago: the first click of the day must delete it.
    await app.database.db
      .insert(tenantSecrets)
      .values({ tenantId: app.tenantId, name: clickSaltName('2001-01-01'), value: 'old' });
    const token = await joinAs(app, employees(1)[0]!.id);
    itemId = await insertItem(app.database.db, app.tenantId, {
      title: 'Ny havvindmøllepark åbner i Esbjerg',
      linkUrl: 'https://nordlys.example/nyheder/havvind?ref=intranet',
    });
    const res = await app.api(`/api/library/${itemId}/share`, {
      method: 'POST',
      token,
      json: { network: 'linkedin' },
    });
    code = codeOf(((await res.json()) as { trackedUrl: string }).trackedUrl);
  });
  afterAll(() => app.close());

  // node:http rather than fetch, which would add its own user agent ("node") to every request.
  const visit = (path: string, userAgent: string | null = BROWSER_UA, method = 'GET') =>
    new Promise<{ status: number; headers: IncomingHttpHeaders; text: () => string }>((resolve, reject) => {
      const req = http.request(
        `${app.url}${path}`,
        { method, headers: userAgent === null ? {} : { 'user-agent': userAgent } },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, text: () => body }));
        },
      );
      req.on('error', reject);
      req.end();
    });
  const clicks = () => countClicks(app.database.db, app.tenantId, [code]);

  it('answers 302 to the item’s link with all four UTM tags and counts the click once, before answering', async () => {
    const res = await visit(`/r/${code}`);
    expect(res.status).toBe(302);
    expect(res.headers['cache-control']).toBe('no-store');
    const location = new URL(res.headers.location!);
    expect(location.origin + location.pathname).toBe('https://nordlys.example/nyheder/havvind');
    expect(location.searchParams.get('ref')).toBe('intranet');
    expect(location.searchParams.get('utm_source')).toBe('linkedin');
    expect(location.searchParams.get('utm_medium')).toBe('employee_advocacy');
    expect(location.searchParams.get('utm_campaign')).toBe('ny-havvindmoellepark-aabner-i-esbjerg');
    expect(location.searchParams.get('utm_content')).toBe(code);
    // The 302 is sent only after the click is committed: it is there at once.
    expect(await clicks()).toBe(1);
  });

  it('redirects the same request from LinkedInBot without counting it', async () => {
    const res = await visit(
      `/r/${code}`,
      'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)',
    );
    expect(res.status).toBe(302);
    expect(res.headers.location).toContain(`utm_content=${code}`);
    expect(await clicks()).toBe(1);
  });

  it('does not count Teams, Slack, Facebook or X unfurlers, a missing user agent, or HEAD', async () => {
    const crawlers = [
      'Mozilla/5.0 (Windows NT 6.1; WOW64) SkypeUriPreview Preview/0.5 skype-url-preview@microsoft.com',
      'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
      'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
      'Twitterbot/1.0',
    ];
    for (const ua of crawlers) expect((await visit(`/r/${code}`, ua)).status, ua).toBe(302);
    expect((await visit(`/r/${code}`, null)).status).toBe(302);
    expect((await visit(`/r/${code}`, BROWSER_UA, 'HEAD')).status).toBe(302);
    expect(await clicks()).toBe(1);
  });

  it('stores a daily-salted visitor key, never the address, and deletes old salts', async () => {
    const rows = await app.database.db
      .select()
      .from(clickEvents)
      .where(and(eq(clickEvents.tenantId, app.tenantId), eq(clickEvents.code, code)));
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row.visitorKey).toMatch(/^[\w-]{43}$/);
    const stored = JSON.stringify(row);
    for (const address of ['127.0.0.1', '::1', '::ffff:127.0.0.1', 'localhost']) {
      expect(stored).not.toContain(address);
    }
    expect(row.itemId).toBe(itemId);
    expect(row.network).toBe('linkedin');
    const salts = await app.database.db
      .select({ name: tenantSecrets.name })
      .from(tenantSecrets)
      .where(and(eq(tenantSecrets.tenantId, app.tenantId), like(tenantSecrets.name, 'click-salt:%')));
    expect(salts.map((s) => s.name)).toEqual([clickSaltName(utcDay(new Date()))]);
  });

  it('counts every human click but the same visitor once as a unique click', async () => {
    await visit(`/r/${code}`);
    await visit(`/r/${code}`, `${BROWSER_UA} Edg/126.0.0.0`);
    const rows = await app.database.db
      .select({ key: clickEvents.visitorKey })
      .from(clickEvents)
      .where(and(eq(clickEvents.tenantId, app.tenantId), eq(clickEvents.code, code)));
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((r) => r.key)).size).toBe(2);
  });

  it('answers an unknown or malformed code with a plain 404 page in Danish and English', async () => {
    for (const path of [
      '/r/AAAAAAAAAA',
      '/r/x',
      '/r/',
      '/r/a/b',
      '/r/%F0%9F%98%80',
      `/r/${'a'.repeat(60)}`,
      // Longer than Fastify's route parameter limit: still the page, not a JSON 414.
      `/r/${'a'.repeat(150)}`,
      '/r/%E0%A4%A',
      `/r/${code}/more`,
    ]) {
      const res = await visit(path);
      expect(res.status, path).toBe(404);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      const body = res.text();
      expect(body).toContain('Linket findes ikke');
      expect(body).toContain('Link not found');
      expect(body).not.toMatch(/"error"|stack|at .+:\d+:\d+/);
    }
  });

  it('gives the same answers through Fastify as on the request event (app.inject, and HEAD)', async () => {
    const before = await clicks();
    const injected = await app.server.app.inject({
      method: 'GET',
      url: `/r/${code}?via=inject`,
      headers: { 'user-agent': `${BROWSER_UA} inject` },
    });
    const direct = await visit(`/r/${code}`, `${BROWSER_UA} inject`);
    expect(injected.statusCode).toBe(302);
    expect(injected.headers.location).toBe(direct.headers.location);
    expect(injected.headers['cache-control']).toBe('no-store');
    expect(await clicks()).toBe(before + 2);
    const unknown = await app.server.app.inject({ method: 'GET', url: `/r/${'b'.repeat(150)}` });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('Link not found');
    const head = await visit('/r/AAAAAAAAAA', BROWSER_UA, 'HEAD');
    expect(head.status).toBe(404);
    expect(head.text()).toBe('');
    expect(await clicks()).toBe(before + 2);
  });

  it('still redirects (and counts) when the item has expired or been archived', async () => {
    await setItemStatus(app.database.db, app.tenantId, itemId, 'archived');
    const before = await clicks();
    const res = await visit(`/r/${code}`, `${BROWSER_UA} archived`);
    expect(res.status).toBe(302);
    expect(res.headers.location).toContain('utm_source=linkedin');
    expect(await clicks()).toBe(before + 1);
  });
});

describe('GET /r/<code> behind a proxy (TRUST_PROXY=true)', () => {
  let app: TestChorus;
  let code = '';
  beforeAll(async () => {
    app = await startTestChorus({ TRUST_PROXY: 'true' });
    const token = await joinAs(app, employees(1)[0]!.id);
    const itemId = await insertItem(app.database.db, app.tenantId, {
      title: 'Bag en proxy',
      linkUrl: 'https://nordlys.example/proxy',
    });
    const res = await app.api(`/api/library/${itemId}/share`, {
      method: 'POST',
      token,
      json: { network: 'x' },
    });
    code = codeOf(((await res.json()) as { trackedUrl: string }).trackedUrl);
  });
  afterAll(() => app.close());

  const visitFrom = (forwardedFor: string) =>
    fetch(`${app.url}/r/${code}`, {
      redirect: 'manual',
      headers: { 'user-agent': BROWSER_UA, 'x-forwarded-for': forwardedFor },
    });

  it('tells visitors apart by the forwarded client address, not the proxy', async () => {
    expect((await visitFrom('203.0.113.7, 10.0.0.1')).status).toBe(302);
    expect((await visitFrom('203.0.113.7, 10.0.0.2')).status).toBe(302);
    expect((await visitFrom('198.51.100.9, 10.0.0.1')).status).toBe(302);
    const rows = await app.database.db
      .select({ key: clickEvents.visitorKey })
      .from(clickEvents)
      .where(and(eq(clickEvents.tenantId, app.tenantId), eq(clickEvents.code, code)));
    expect(rows).toHaveLength(3);
    // The same client through two proxy hops is one visitor; another client is another.
    expect(new Set(rows.map((r) => r.key)).size).toBe(2);
  });
});
