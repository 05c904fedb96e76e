import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoOrg } from '../../src/demo/demo-org';
import { startTestChorus, type TestChorus } from '../support/chorus';
import { launchChromium, seriousAxeViolations } from './browser';

const SHOTS = path.resolve(import.meta.dirname, '../../test-results/e2e');
const org = generateDemoOrg();
const employee =
  org.find((p) => p.jobTitle === 'Billing Specialist' && p.preferredLanguage === 'en-GB') ??
  org.find((p) => p.jobTitle === 'Billing Specialist')!;

describe('the tab outside Teams, as a person would use it', () => {
  let app: TestChorus;
  let browser: Browser;
  let page: Page;
  let step = 0;
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

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    app = await startTestChorus({ JOBS_ENABLED: 'true', JOBS_POLL_MS: '100' });
    browser = await launchChromium();
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('signs in as a demo employee, joins, leaves with confirmation, and joins again', async () => {
    await page.goto(`${app.url}/`);
    await page.getByRole('heading', { name: 'Sign in as…' }).waitFor();
    await page.getByLabel('Search people').fill(employee.displayName);
    const personButton = page.getByRole('button', { name: employee.displayName }).first();
    await personButton.waitFor();
    await shot('sign-in');
    await expectAccessible('sign-in');
    await personButton.click();

    await page.getByRole('tab', { name: 'Campaigns' }).click();
    const join = page.getByRole('button', { name: 'Join the program' });
    await join.waitFor();
    // The purpose and the current guidelines are on the page before anyone can join.
    await expect.poll(() => page.getByText('Why an ambassador program?').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByText('Social media guidelines').count()).toBeGreaterThan(0);
    expect(await join.isDisabled()).toBe(true);
    await shot('campaigns-before-join');
    await expectAccessible('campaigns');

    await page.getByRole('checkbox', { name: /I accept the guidelines \(version 1\)/ }).check();
    await page.getByRole('checkbox', { name: 'LinkedIn' }).check();
    await page.getByRole('checkbox', { name: 'Jobs' }).check();
    await join.click();
    await page.getByRole('heading', { name: "You're an ambassador" }).waitFor();
    await shot('joined');
    expect((await app.store.memberships.get(app.tenantId, employee.id))?.networks).toEqual(['linkedin']);

    await page.getByRole('button', { name: 'Leave the program' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await shot('leave-confirmation');
    await expectAccessible('leave dialog');
    await dialog.getByRole('button', { name: 'Yes, leave' }).click();
    await page.getByRole('button', { name: 'Join the program' }).waitFor();
    await shot('left');
    expect(await app.store.memberships.get(app.tenantId, employee.id)).toBeNull();

    await page.getByRole('checkbox', { name: /I accept the guidelines/ }).check();
    await page.getByRole('checkbox', { name: 'X' }).check();
    await page.getByRole('button', { name: 'Join the program' }).click();
    await page.getByRole('heading', { name: "You're an ambassador" }).waitFor();
    await shot('joined-again');
    expect((await app.store.memberships.get(app.tenantId, employee.id))?.networks).toEqual(['x']);
  });

  it('shows the bot welcome in the demo chat after joining', async () => {
    await page.getByRole('button', { name: /Chat with Chorus/ }).click();
    const log = page.getByTestId('chat-log');
    await log.waitFor();
    await expect
      .poll(async () => (await log.innerText()).toLowerCase(), { timeout: 15_000 })
      .toMatch(/welcome/);
    await shot('bot-welcome');
    await expectAccessible('chat');
  });

  it('has no serious accessibility violations in the dark and high-contrast themes', async () => {
    await page.keyboard.press('Escape');
    for (const theme of ['Dark', 'High contrast']) {
      await page.getByLabel('Theme').selectOption({ label: theme });
      await page.getByRole('tab', { name: 'Campaigns' }).click();
      await shot(`theme-${theme.toLowerCase().replace(' ', '-')}`);
      await expectAccessible(`${theme} theme`);
    }
  });

  it('speaks Danish when switched, and works by keyboard alone', async () => {
    await page.getByLabel('Language').selectOption('da');
    await page.getByRole('tab', { name: 'Kampagner' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('da');
    await page.getByRole('tab', { name: 'Kampagner' }).focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    expect(await page.getByRole('tab', { selected: true }).innerText()).toMatch(/Bibliotek/);
    await shot('danish-library');
    await expectAccessible('Danish library');
  });
});
