import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { securityHeaders, TEAMS_FRAME_ANCESTORS } from '../../src/http/security-headers';
import { PNG_16 } from '../fixtures/images';
import { startContentApp, type ContentApp } from '../content/support';

const directives = (csp: string | null) =>
  new Map(
    (csp ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name ?? '', values]),
  );

describe('security headers', () => {
  let c: ContentApp;
  beforeAll(async () => {
    c = await startContentApp();
  });
  afterAll(() => c.close());

  it('lets only Teams and Microsoft 365 hosts frame Chorus, and keeps API answers out of caches', async () => {
    const res = await c.app.api('/api/me', { token: c.tokens.employee });
    expect(res.status).toBe(200);
    const csp = directives(res.headers.get('content-security-policy'));
    expect(csp.get('frame-ancestors')).toEqual([...TEAMS_FRAME_ANCESTORS]);
    expect(csp.get('frame-ancestors')).not.toContain('*');
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    // The demo runs on http://localhost: no HSTS there.
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });

  it('sets them on errors too, and leaves a stricter policy of a route alone', async () => {
    const missing = await c.app.api('/api/no-such-route');
    expect(missing.status).toBe(404);
    expect(directives(missing.headers.get('content-security-policy')).get('frame-ancestors')).toEqual([
      ...TEAMS_FRAME_ANCESTORS,
    ]);

    const upload = await c.app.api('/api/images', {
      method: 'POST',
      token: c.tokens.writer,
      headers: { 'content-type': 'image/png' },
      body: PNG_16,
    });
    expect(upload.status).toBe(201);
    const { url } = (await upload.json()) as { url: string };
    const image = await fetch(`${c.app.url}${url}`);
    expect(image.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
  });

  it('keeps every /api answer out of caches: personal data, errors and the bot endpoint alike', async () => {
    // Generated from the route table, so a new route is covered; each is asked as a signed-in
    // employee (answers or 403), without a token (401), and with a body no route accepts (4xx).
    const routes = c.app.server.routes.filter((r) => r.url.startsWith('/api/'));
    expect(routes.length).toBeGreaterThan(30);
    const missing: string[] = [];
    for (const route of routes) {
      const url = route.url.replace(/:(\w+)/g, 'x').replace('*', 'x');
      const body = route.method === 'GET' ? undefined : '{"not":"what any route takes"}';
      for (const token of [c.tokens.employee, undefined]) {
        const res = await c.app.api(url, {
          method: route.method,
          token,
          ...(body ? { body, headers: { 'content-type': 'application/json' } } : {}),
        });
        await res.arrayBuffer();
        if (res.headers.get('cache-control') !== 'no-store') {
          missing.push(`${route.method} ${route.url} → ${res.status}: ${res.headers.get('cache-control')}`);
        }
      }
    }
    expect(missing).toEqual([]);
  }, 120_000);

  it('adds HSTS only in production', () => {
    expect(securityHeaders(true)['strict-transport-security']).toMatch(/^max-age=31536000/);
    expect(securityHeaders(false)['strict-transport-security']).toBeUndefined();
  });
});
