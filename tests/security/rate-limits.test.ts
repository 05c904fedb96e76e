import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequestLimiter } from '../../src/http/request-limiter';
import { startTestChorus, type TestChorus } from '../support/chorus';
import { countClicks, insertItem, insertTrackedLinks } from '../support/content-fixtures';
import { BROWSER_UA, personWithTitle } from '../support/sharing';

interface ErrorBody {
  error: { code: string; message: string };
}

describe('the request limiter', () => {
  it('allows the limit per key and minute, then says how long to wait, and starts again next minute', () => {
    const limiter = createRequestLimiter(2);
    const t0 = 1_000_000;
    expect(limiter.take('a', t0)).toBeNull();
    expect(limiter.take('a', t0 + 1)).toBeNull();
    expect(limiter.take('a', t0 + 15_000)).toBe(45);
    expect(limiter.take('b', t0 + 15_000)).toBeNull(); // another address has its own window
    expect(limiter.take('a', t0 + 60_000)).toBeNull();
  });

  it('is off at 0', () => {
    const limiter = createRequestLimiter(0);
    for (let i = 0; i < 1000; i++) expect(limiter.take('a')).toBeNull();
  });
});

describe('rate limits on sign-in, the conversion endpoint and tracked links', () => {
  let app: TestChorus;
  beforeAll(async () => {
    app = await startTestChorus({
      RATE_LIMIT_SIGNIN_PER_MINUTE: '3',
      RATE_LIMIT_CONVERSIONS_PER_MINUTE: '2',
      RATE_LIMIT_REDIRECT_PER_MINUTE: '2',
    });
  });
  afterAll(() => app.close());

  it('refuses the fourth sign-in in a minute with 429, Retry-After and words in the caller’s language', async () => {
    const personId = personWithTitle('Head of Communication').id;
    const signIn = (lang: string) =>
      app.api('/api/dev/sign-in', {
        method: 'POST',
        json: { personId },
        headers: { 'accept-language': lang },
      });
    for (let i = 0; i < 3; i++) expect((await signIn('en')).status).toBe(200);
    const refused = await signIn('da');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await refused.json()) as ErrorBody;
    expect(body.error.code).toBe('RATE_LIMITED');
    expect(body.error.message).toMatch(/for mange forespørgsler/);
    expect(JSON.stringify(body)).not.toMatch(/at \w+ \(/); // no stack trace
  });

  it('limits the conversion endpoint before it reads the key or the body', async () => {
    const report = () =>
      app.api('/api/conversions', { method: 'POST', json: { externalId: 'x', kind: 'application' } });
    expect((await report()).status).toBe(401);
    expect((await report()).status).toBe(401);
    const refused = await report();
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as ErrorBody).error.code).toBe('RATE_LIMITED');
  });

  it('keeps redirecting past the redirect limit but stops counting the clicks', async () => {
    const db = app.database.db;
    const itemId = await insertItem(db, app.tenantId, { linkUrl: 'https://nordlys.example/job' });
    const [code] = await insertTrackedLinks(db, app.tenantId, itemId, 1);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${app.url}/r/${code!}`, {
        redirect: 'manual',
        headers: { 'user-agent': BROWSER_UA },
      });
      statuses.push(res.status);
      expect(res.headers.get('location')).toMatch(/^https:\/\/nordlys\.example\/job\?/);
    }
    expect(statuses).toEqual([302, 302, 302, 302, 302]);
    expect(await countClicks(db, app.tenantId, [code!])).toBe(2);
  });
});
