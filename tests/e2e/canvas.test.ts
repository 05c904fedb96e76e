import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CanvasView } from '../../src/contracts';
import { demoCommsAdmins, generateDemoOrg } from '../../src/demo/demo-org';
import { signInAs, startTestChorus, type TestChorus } from '../support/chorus';
import { freePort } from '../support/net';
import { launchChromium, seriousAxeViolations, settleAnimations } from './browser';

// Issue 6's canvas in the browser: comms opens Admin → Canvas (seeded for the demo company), changes
// a target, saves, sees the confirmation and the new audit entry, and meets a clear message when
// someone else saved in between. No serious axe violations.

const org = generateDemoOrg();
const comms = org.find((p) => p.userPrincipalName?.toLowerCase() === demoCommsAdmins(org)[0])!;

describe('canvas: fill in, save, stale version and audit log (in the browser)', () => {
  let app: TestChorus;
  let browser: Browser;
  let page: Page;
  let token = '';

  const canvas = async () => (await (await app.api('/api/admin/canvas', { token })).json()) as CanvasView;

  beforeAll(async () => {
    const port = await freePort();
    app = await startTestChorus(
      { DEMO_CONTENT: 'true', PORT: String(port), PUBLIC_URL: `http://localhost:${port}` },
      // A tab built elsewhere (CHORUS_TAB_DIR) for a run beside others building dist/tab.
      process.env['CHORUS_TAB_DIR'] ? { tabDir: process.env['CHORUS_TAB_DIR'] } : {},
    );
    token = await signInAs(app, comms.id);
    browser = await launchChromium();
    page = await (
      await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } })
    ).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('shows the seeded canvas, saves a changed target, and records it in the audit log', async () => {
    await page.goto(`${app.url}/?tab=admin`);
    await page.getByRole('heading', { name: 'Sign in as…' }).waitFor();
    await page.getByLabel('Search people').fill(comms.displayName);
    await page.getByRole('button', { name: comms.displayName }).first().click();
    await page.getByTestId('signed-in-as').filter({ hasText: comms.displayName }).waitFor();
    await page.getByRole('tab', { name: 'Program canvas' }).click();
    await page.getByTestId('canvas-form').waitFor();

    const before = await canvas();
    expect(before.version).toBe(1);
    expect(await page.getByRole('heading', { name: '1. Purpose' }).count()).toBe(1);
    expect(await page.getByLabel('Name of the target group').first().inputValue()).toBe(
      before.canvas.personas[0]!.name,
    );
    // The demo seed may already have logged actions (gamification's draw): the log is there either way.
    await page.getByRole('button', { name: 'Download CSV' }).waitFor();

    const shares = page.getByLabel('Shares', { exact: true });
    await shares.fill('55');
    await page.getByRole('button', { name: 'Save canvas' }).click();
    await page.getByText('The canvas is saved.').waitFor();
    const after = await canvas();
    expect(after.version).toBe(2);
    expect(after.canvas.targets.result.shares).toBe(55);
    // The audit log below shows the save, by this person.
    const row = page.getByRole('row').filter({ hasText: 'Saved the canvas' });
    await row.waitFor();
    expect(await row.innerText()).toContain(comms.displayName);

    await settleAnimations(page);
    expect((await seriousAxeViolations(page)).map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });

  it('says so when someone else saved in between, and changes nothing', async () => {
    const current = await canvas();
    const res = await app.api('/api/admin/canvas', {
      method: 'PUT',
      token,
      json: { canvas: { ...current.canvas, evp: ['Saved elsewhere'] }, baseVersion: current.version },
    });
    expect(res.status).toBe(200);
    await page.getByLabel('Shares', { exact: true }).fill('77');
    await page.getByRole('button', { name: 'Save canvas' }).click();
    await page.getByText('Someone else saved the canvas').waitFor();
    expect(await page.getByText(/in the meantime; reload it to see their changes/i).count()).toBe(1);
    expect((await canvas()).canvas.targets.result.shares).toBe(55);
    await page.getByRole('button', { name: 'Load their version (discards your changes)' }).click();
    await expect.poll(() => page.getByLabel('EVP statement 1').inputValue()).toBe('Saved elsewhere');
  });
});
