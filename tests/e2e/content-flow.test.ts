import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoApprovers, demoCommsAdmins, generateDemoOrg } from '../../src/demo/demo-org';
import type { Person } from '../../src/domain/person';
import { signInAs, startTestChorus, type TestChorus } from '../support/chorus';
import { freePort } from '../support/net';
import { launchChromium, seriousAxeViolations } from './browser';

const SHOTS = path.resolve(import.meta.dirname, '../../test-results/e2e-content');

const org = generateDemoOrg();
const byUpn = (upn: string | undefined) => org.find((p) => p.userPrincipalName?.toLowerCase() === upn);
const editor = byUpn(demoCommsAdmins(org)[0])!;
const approver = byUpn(demoApprovers(org).find((upn) => upn !== editor.userPrincipalName?.toLowerCase()))!;
const staff = new Set([...demoCommsAdmins(org), ...demoApprovers(org)]);
const ambassador: Person = org.find(
  (p) => p.jobTitle === 'Field Technician' && !staff.has(p.userPrincipalName?.toLowerCase() ?? ''),
)!;

// A Danish item with a distinctive word. The ambassador searches for another form of it
// ("tidevandsturbine" for "tidevandsturbinerne"), which only Danish stemming finds.
const TITLE = 'Tidevandsturbinerne i Limfjorden leverer strøm til 4.000 hjem';
const CAPTIONS = [
  'Vores tidevandsturbinerne i Limfjorden kører nu hver dag. Jeg har været med fra første skitse, og det er fantastisk at se dem levere strøm. #energi',
  'Fra idé til drift: tidevandsturbinerne i Limfjorden giver grøn strøm til 4.000 hjem. Læs hvordan vi gjorde det. #grønomstilling',
];
const LINK = 'https://www.nordlys-demo.dk/nyheder/tidevand-limfjorden';
const SEARCH_WORD = 'tidevandsturbine';
const OWN_WORDS = 'Jeg er stolt af holdet bag.';
const BROWSER_UA =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';
const LINKEDIN_BOT_UA =
  'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)';

/** A small, valid PNG (a horizontal gradient), built with zlib: no image files in the repository. */
function gradientPng(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([length, typed, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    rows[row] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const at = row + 1 + x * 3;
      rows[at] = 20 + Math.round((x / width) * 60);
      rows[at + 1] = 90 + Math.round((y / height) * 100);
      rows[at + 2] = 160 + Math.round((x / width) * 80);
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('content: write, approve, find, share, count (in the browser, as people would)', () => {
  let app: TestChorus;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let step = 0;
  let itemId = '';
  let trackedUrl = '';
  const shot = async (name: string) => {
    step++;
    await page.screenshot({
      path: path.join(SHOTS, `${String(step).padStart(2, '0')}-${name}.png`),
      fullPage: true,
    });
  };
  const expectAccessible = async (where: string) => {
    const violations = await seriousAxeViolations(page);
    expect(
      violations.map(
        (v) =>
          `${where}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      ),
    ).toEqual([]);
  };
  const signIn = async (person: Person) => {
    await page.goto(`${app.url}/`);
    await page.getByRole('heading', { name: 'Sign in as…' }).waitFor();
    await page.getByLabel('Search people').fill(person.displayName);
    await page.getByRole('button', { name: person.displayName }).first().click();
    await page.getByTestId('signed-in-as').filter({ hasText: person.displayName }).waitFor();
  };
  const signOut = async () => {
    await page.getByTestId('sign-out').click();
    await page.getByRole('heading', { name: 'Sign in as…' }).waitFor();
  };

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    // The demo library (about 30 items) is seeded too: the new item must be found among them.
    // A fixed port, so the tracked links Chorus hands out point at this very app.
    const port = await freePort();
    app = await startTestChorus({
      DEMO_CONTENT: 'true',
      PORT: String(port),
      PUBLIC_URL: `http://localhost:${port}`,
    });
    browser = await launchChromium();
    context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    // The share box opens in a new window; answer for LinkedIn locally (this network is closed).
    await context.route(/^https:\/\/(www\.)?linkedin\.com\//, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<title>LinkedIn (test)</title>' }),
    );
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('1. an editor writes a Danish item with two texts and an uploaded image, and submits it', async () => {
    expect(editor && approver && ambassador).toBeTruthy();
    await signIn(editor);
    await page.getByRole('tab', { name: 'Admin' }).click();
    await page.getByRole('tab', { name: /^In review/ }).waitFor();
    await page.getByRole('button', { name: 'New item' }).click();
    await page.getByRole('heading', { name: 'New item' }).waitFor();

    await page.getByRole('textbox', { name: 'Title' }).fill(TITLE);
    await page.getByRole('textbox', { name: 'Link' }).fill(LINK);
    await page.getByRole('combobox', { name: 'Topic' }).selectOption('sustainability');
    await page.getByRole('radio', { name: 'Dansk' }).check();
    await page.getByRole('checkbox', { name: 'X', exact: true }).check();
    await page.getByLabel('Danish text 1').fill(CAPTIONS[0]!);
    await page.getByRole('button', { name: 'Add a text in Danish' }).click();
    await page.getByLabel('Danish text 2').fill(CAPTIONS[1]!);
    await page
      .getByLabel('Text (Markdown)')
      .fill(
        'Tre **tidevandsturbiner** i Limfjorden leverer nu strøm til 4.000 hjem.\n\n- Stille\n- Forudsigelig',
      );
    await page.getByTestId('image-file').setInputFiles({
      name: 'tidevand.png',
      mimeType: 'image/png',
      buffer: gradientPng(382, 200),
    });
    await page.getByText('Uploaded tidevand.png.').waitFor();
    // The LinkedIn preview shows the marked text, the title and the image.
    const preview = page.getByTestId('linkedin-preview');
    await expect.poll(() => preview.innerText()).toContain('Reklame: Vores tidevandsturbinerne');
    await expect.poll(() => preview.getByRole('img', { name: TITLE }).count()).toBe(1);
    await shot('editor-filled');
    await expectAccessible('admin editor');

    await page.getByRole('button', { name: 'Submit for review' }).click();
    await page.getByText('Submitted for review.').waitFor();
    await expect.poll(() => page.getByTestId('content-status').innerText()).toBe('In review');
    await shot('editor-submitted');

    const token = await signInAs(app, editor.id);
    const list = (await (await app.api('/api/content?status=in_review', { token })).json()) as {
      items: { id: string; title: string; imageId: string | null }[];
    };
    const created = list.items.find((i) => i.title === TITLE);
    expect(created?.imageId).toBeTruthy();
    itemId = created!.id;
    await signOut();
  });

  it('2. an approver (not the author) approves it', async () => {
    await signIn(approver);
    await page.getByRole('tab', { name: 'Admin' }).click();
    await page.getByRole('tab', { name: /^In review/ }).waitFor();
    await page.getByRole('button', { name: TITLE }).click();
    await page.getByRole('heading', { name: TITLE }).waitFor();
    await shot('approver-review');
    await expectAccessible('approver review');
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.getByText('Approved. It is in the library now.').waitFor();
    await expect.poll(() => page.getByTestId('content-status').innerText()).toBe('Approved');
    // The history names who did what.
    const history = await page.getByTestId('content-history-list').innerText();
    expect(history).toContain(`In review by ${editor.displayName}`);
    expect(history).toContain(`Approved by ${approver.displayName}`);
    await shot('approver-approved');
    await signOut();
  });

  it('3. an ambassador joins, finds it by another form of a Danish word, and shares it to LinkedIn', async () => {
    await signIn(ambassador);
    await page.getByRole('tab', { name: 'Campaigns' }).click();
    await page.getByRole('checkbox', { name: /I accept the guidelines/ }).check();
    await page.getByRole('checkbox', { name: 'LinkedIn' }).check();
    await page.getByRole('button', { name: 'Join the program' }).click();
    await page.getByRole('heading', { name: "You're an ambassador" }).waitFor();

    await page.getByRole('tab', { name: 'Library' }).click();
    const results = page.getByTestId('library-results');
    await results.waitFor();
    // The demo library is full: the new item is one among many until the search narrows it down.
    expect(await results.getByRole('article').count()).toBeGreaterThan(1);
    await page.getByLabel('Search the library').fill(SEARCH_WORD);
    const card = page.getByRole('article', { name: TITLE });
    await card.waitFor();
    await expect.poll(() => results.getByRole('article').count()).toBe(1);
    await expect.poll(() => card.getByRole('img', { name: TITLE }).count()).toBe(1);
    await shot('library-search');
    await expectAccessible('library');

    await card.getByRole('button', { name: `Share: ${TITLE}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio', { name: /LinkedIn/ }).check();
    await shot('share-network');
    await expectAccessible('share dialog: network');
    await dialog.getByRole('button', { name: 'Get my text' }).click();
    const text = dialog.getByRole('textbox', { name: 'Your post' });
    await text.waitFor();
    const suggested = await text.inputValue();
    expect(suggested.startsWith('Reklame')).toBe(true);
    expect(CAPTIONS.some((c) => suggested.includes(c))).toBe(true);
    trackedUrl = await dialog.getByTestId('tracked-link').innerText();
    expect(trackedUrl).toMatch(/\/r\/[A-Za-z0-9_-]{6,}$/);
    await text.fill(`${suggested} ${OWN_WORDS}`);
    await expect.poll(() => dialog.getByTestId('share-preview').innerText()).toContain(OWN_WORDS);
    await shot('share-edit');
    await expectAccessible('share dialog: text');

    const popupOpened = context.waitForEvent('page');
    await dialog.getByRole('button', { name: 'Share on LinkedIn' }).click();
    const popup = await popupOpened;
    await popup.waitForURL(/linkedin\.com/);
    const intent = new URL(popup.url());
    expect(intent.hostname).toBe('www.linkedin.com');
    expect(intent.searchParams.get('shareActive')).toBe('true');
    const shared = intent.searchParams.get('text') ?? '';
    expect(shared.startsWith('Reklame')).toBe(true);
    expect(shared).toContain(OWN_WORDS);
    expect(shared).toContain(trackedUrl);
    await popup.close();

    await dialog.getByText('Thank you for sharing!').waitFor();
    await dialog.getByRole('link', { name: /If LinkedIn’s share box didn’t open/ }).waitFor();
    await shot('share-done');
    await expectAccessible('share dialog: done');
    await dialog.getByRole('button', { name: 'Close' }).click();
  });

  it('4. the tracked link redirects with UTM tags and counts a person once, never a crawler', async () => {
    expect(new URL(trackedUrl).origin).toBe(new URL(app.url).origin);
    const follow = (userAgent: string) =>
      fetch(trackedUrl, { redirect: 'manual', headers: { 'user-agent': userAgent } });
    const human = await follow(BROWSER_UA);
    expect(human.status).toBe(302);
    const location = new URL(human.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(LINK);
    expect(location.searchParams.get('utm_source')).toBe('linkedin');
    expect(location.searchParams.get('utm_medium')).toBe('employee_advocacy');
    expect(location.searchParams.get('utm_campaign')).toBeTruthy();
    expect(location.searchParams.get('utm_content')).toBe(trackedUrl.slice(trackedUrl.lastIndexOf('/') + 1));

    const crawler = await follow(LINKEDIN_BOT_UA);
    expect(crawler.status).toBe(302);
    expect(crawler.headers.get('location')).toBe(human.headers.get('location'));

    const token = await signInAs(app, editor.id);
    const stats = async () =>
      (await (await app.api(`/api/content/${itemId}/stats`, { token })).json()) as {
        shares: number;
        clicks: number;
        uniqueClicks: number;
      };
    await expect.poll(async () => (await stats()).clicks, { timeout: 10_000 }).toBe(1);
    // Still one a moment later: the crawler's visit never turns into a click.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await stats()).toMatchObject({ shares: 1, clicks: 1, uniqueClicks: 1 });
  });

  it('5. My impact (the ambassador) and the item stats (comms) show the click', async () => {
    await page.getByRole('tab', { name: 'My impact' }).click();
    await page.getByRole('heading', { name: 'Totals' }).waitFor();
    await expect.poll(() => page.getByTestId('impact-clicks').innerText()).toContain('1');
    await expect.poll(() => page.getByTestId('impact-shares').innerText()).toContain('1');
    const byItem = page.getByTestId('impact-by-item');
    await expect.poll(() => byItem.innerText()).toContain(TITLE);
    const row = byItem.getByRole('row', { name: new RegExp(TITLE) });
    expect((await row.getByRole('cell').allInnerTexts()).map((s) => s.trim())).toEqual(['1', '1', '1']);
    await page.getByText('Only you can see these numbers.', { exact: false }).waitFor();
    expect(
      await page.getByRole('img', { name: /Bar chart of the last 30 days: 1 share and 1 click/ }).count(),
    ).toBe(1);
    await shot('impact');
    await expectAccessible('impact');
    await signOut();

    await signIn(editor);
    await page.getByRole('tab', { name: 'Admin' }).click();
    await page.getByRole('tab', { name: /^Approved/ }).click();
    await page.getByRole('button', { name: TITLE }).click();
    const stats = page.getByTestId('content-stats');
    await expect.poll(() => stats.getByTestId('content-stat-clicks').innerText()).toContain('1');
    expect(await stats.getByTestId('content-stat-shares').innerText()).toContain('1');
    expect(
      await stats
        .getByRole('row', { name: /LinkedIn/ })
        .getByRole('cell')
        .allInnerTexts(),
    ).toEqual(['1', '1', '1']);
    await shot('admin-item-stats');
    await expectAccessible('admin item');
  });

  it('opens an item page from its deep link (/items/<id>), in Danish too', async () => {
    await page.getByTestId('language-switch').selectOption('da');
    await page.goto(`${app.url}/items/${itemId}`);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByRole('button', { name: 'Del' }).waitFor();
    await shot('item-page-danish');
    await expectAccessible('item page');
    await page.getByRole('link', { name: 'Tilbage til biblioteket' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bibliotek' }).waitFor();
    await page.getByTestId('language-switch').selectOption('en');
  });
});
