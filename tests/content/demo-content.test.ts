import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPngSize } from '../../appPackage/validate';
import type { ContentDetail, ContentList, LibraryItem, LibraryPage } from '../../src/contracts/content';
import type { Config } from '../../src/config/config';
import { DEMO_ITEMS } from '../../src/demo/demo-content';
import { generateDemoOrg } from '../../src/demo/demo-org';
import { BUILT_IN_TOPICS } from '../../src/domain/content';
import { signInAs, startTestChorus, testDatabaseConfig, type TestChorus } from '../support/chorus';

// The embedded demo seeds its library at startup: a newcomer opens a full library at once. Seeded
// through the content use cases, so the workflow's history is real; seeded once, so a restart does not
// duplicate it. The restart needs a database that outlives the app: a PGlite folder, or the server.

const org = generateDemoOrg();
const employee = org.find((p) => p.jobTitle === 'Field Technician')!;
const comms = org.find((p) => p.jobTitle === 'Head of Communication')!;

async function libraryOf(app: TestChorus, token: string): Promise<LibraryItem[]> {
  const items: LibraryItem[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const res = await app.api(`/api/library?limit=50${query}`, { token });
    expect(res.status).toBe(200);
    const page = (await res.json()) as LibraryPage;
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

describe('demo content', () => {
  const tenantId = randomUUID();
  let dataDir: string | null = null;
  let database: Config['database'];
  let app: TestChorus;
  let employeeToken: string;
  let commsToken: string;

  beforeAll(async () => {
    const configured = testDatabaseConfig();
    if (configured.kind === 'pglite') {
      dataDir = await mkdtemp(path.join(tmpdir(), 'chorus-demo-content-'));
      database = { kind: 'pglite', dataDir };
    } else {
      database = configured;
    }
    app = await startTestChorus({ DEMO_CONTENT: 'true' }, { database, demoTenantId: tenantId });
    [employeeToken, commsToken] = await Promise.all([signInAs(app, employee.id), signInAs(app, comms.id)]);
  });
  afterAll(async () => {
    await app?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('gives the demo tenant at least 30 live items across every topic, in Danish and English', async () => {
    const items = await libraryOf(app, employeeToken);
    expect(items.length).toBeGreaterThanOrEqual(30);
    expect(new Set(items.map((i) => i.topic))).toEqual(new Set(BUILT_IN_TOPICS.map((t) => t.key)));
    const danish = items.filter((i) => i.language === 'da').length;
    const english = items.filter((i) => i.language === 'en').length;
    expect(english).toBeGreaterThanOrEqual(8);
    expect(danish).toBeGreaterThan(english);
    // Pinned first; some advertising, some not (a colleague's milestone is not).
    const pinned = items.filter((i) => i.pinned);
    expect(pinned.length).toBeGreaterThan(0);
    expect(items.slice(0, pinned.length).every((i) => i.pinned)).toBe(true);
    expect(items.some((i) => i.advertising) && items.some((i) => !i.advertising)).toBe(true);
    for (const item of items) {
      expect(item.linkUrl).toMatch(/^https:\/\/www\.nordlys-demo\.dk\//);
      expect(item.caption.length).toBeGreaterThan(20);
    }
  });

  it('finds demo items by a Danish and an English search word', async () => {
    const search = async (q: string) => {
      const res = await app.api(`/api/library?q=${encodeURIComponent(q)}`, { token: employeeToken });
      return ((await res.json()) as LibraryPage).items.map((i) => i.title);
    };
    expect(await search('lærlinge')).toContain('Vi søger 12 elektrikerlærlinge til efteråret');
    expect(await search('meadows')).toContain(
      'Biodiversity under the power lines: 40 km of wildflower meadows',
    );
  });

  it('gives every item a picture that loads from /media/<id> as a 600×314 PNG', async () => {
    const items = await libraryOf(app, employeeToken);
    const urls = new Set(items.map((i) => i.imageUrl));
    expect(urls.size).toBe(items.length);
    for (const url of urls) {
      expect(url).toMatch(/^\/media\/[0-9a-f-]{36}$/);
      const res = await app.api(url!);
      expect(res.status, url!).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/png');
      expect(readPngSize(Buffer.from(await res.arrayBuffer()))).toEqual({ width: 600, height: 314 });
    }
  });

  it('puts three items in review and one draft, through the real workflow', async () => {
    const res = await app.api('/api/content', { token: commsToken });
    expect(res.status).toBe(200);
    const list = (await res.json()) as ContentList;
    expect(list.counts).toMatchObject({ in_review: 3, draft: 1, rejected: 0, archived: 0 });
    expect(list.counts.approved).toBe(DEMO_ITEMS.length - 4);

    const approved = list.items.find((i) => i.status === 'approved')!;
    const detail = (await (
      await app.api(`/api/content/${approved.id}`, { token: commsToken })
    ).json()) as ContentDetail;
    expect(detail.transitions.map((t) => [t.from, t.to])).toEqual([
      [null, 'draft'],
      ['draft', 'in_review'],
      ['in_review', 'approved'],
    ]);
    // Written by a comms admin, approved by somebody else.
    const [written, , decided] = detail.transitions;
    expect(detail.authorId).toBe(comms.id);
    expect(written!.actorName).toBe(comms.displayName);
    expect(decided!.actorName).not.toBe(written!.actorName);
    expect(detail.captions[detail.language].length).toBeGreaterThanOrEqual(2);
  });

  it('does not seed again on restart', async () => {
    const before = (await libraryOf(app, employeeToken)).map((i) => i.id).sort();
    await app.close();
    app = await startTestChorus({ DEMO_CONTENT: 'true' }, { database, demoTenantId: tenantId });
    employeeToken = await signInAs(app, employee.id);
    commsToken = await signInAs(app, comms.id);
    const after = (await libraryOf(app, employeeToken)).map((i) => i.id).sort();
    expect(after).toEqual(before);
    const list = (await (await app.api('/api/content', { token: commsToken })).json()) as ContentList;
    expect(Object.values(list.counts).reduce((a, b) => a + b, 0)).toBe(DEMO_ITEMS.length);
  });

  it('is not seeded unless asked (tests, and production)', async () => {
    const plain = await startTestChorus();
    try {
      const token = await signInAs(plain, employee.id);
      expect(await libraryOf(plain, token)).toEqual([]);
    } finally {
      await plain.close();
    }
  });
});
