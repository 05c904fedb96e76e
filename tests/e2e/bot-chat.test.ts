import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCommsAdmins, generateDemoOrg } from '../../src/demo/demo-org';
import { startTestChorus, type TestChorus } from '../support/chorus';
import { launchChromium, seriousAxeViolations } from './browser';

// The bot in the tab's demo chat, as a person outside Teams uses it: the onboarding conversation
// clicked through on its Adaptive Cards (inputs included), then sparring on a draft. Every click goes
// the production way: tab → /api/dev/chat → POST /api/messages → bot → local Bot Connector → log.

const SHOTS = path.resolve(import.meta.dirname, '../../test-results/e2e');
const org = generateDemoOrg();
const commsUpns = new Set(demoCommsAdmins(org));
const comms = org.find((p) => commsUpns.has(p.userPrincipalName!.toLowerCase()))!;
const person =
  org.find((p) => p.jobTitle === 'Field Technician' && p.preferredLanguage === 'en-GB' && p.accountEnabled) ??
  org.find((p) => p.preferredLanguage === 'en-GB' && p.accountEnabled && p.managerId !== null)!;

describe('the bot in the demo chat', () => {
  let app: TestChorus;
  let browser: Browser;
  let page: Page;
  let log: Locator;

  const shot = (name: string) =>
    page.screenshot({ path: path.join(SHOTS, `bot-${name}.png`), fullPage: false });
  const lastCardButton = (name: string | RegExp) => log.getByRole('button', { name }).last();
  const say = async (text: string) => {
    const input = page.getByTestId('chat-input');
    await input.fill(text);
    await input.press('Enter');
  };
  const expectAccessible = async (where: string) => {
    const violations = await seriousAxeViolations(page);
    expect(
      violations.map((v) => `${where}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
  };

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    app = await startTestChorus({ JOBS_ENABLED: 'true', JOBS_POLL_MS: '100', DEMO_CONTENT: 'true' });
    browser = await launchChromium();
    page = await (
      await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } })
    ).newPage();
    await page.goto(`${app.url}/`);
    await page.getByLabel('Search people').fill(person.displayName);
    await page.getByRole('button', { name: person.displayName }).first().click();
    await page.getByRole('button', { name: /Chat with Chorus/ }).click();
    log = page.getByTestId('chat-log');
    await log.waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('holds the whole onboarding on cards, and records consent and choices', async () => {
    await expect.poll(() => log.innerText(), { timeout: 15_000 }).toMatch(/Hi /);
    await say('onboarding');
    await lastCardButton("Let's start").click();
    await lastCardButton('Next').click();
    await expect.poll(() => log.innerText()).toMatch(/The guidelines/);
    await lastCardButton('I accept').click();

    // Networks and topics: the card's own inputs, drawn as checkboxes in the chat.
    await expect.poll(() => log.getByRole('checkbox', { name: 'LinkedIn' }).count()).toBeGreaterThan(0);
    await shot('onboarding-choices');
    await expectAccessible('onboarding choices');
    await log.getByRole('checkbox', { name: 'LinkedIn' }).last().check();
    await log.getByRole('checkbox', { name: 'Instagram' }).last().check();
    await lastCardButton('Save').click();

    await expect.poll(() => log.innerText()).toMatch(/Three tips/);
    await lastCardButton('Got it').click();
    await expect.poll(() => log.innerText()).toMatch(/Something to share|Write your own post/);
    await lastCardButton('Finish').click();
    await expect.poll(() => log.innerText()).toMatch(/You're all set!/);
    await shot('onboarding-done');

    const membership = await app.store.memberships.get(app.tenantId, person.id);
    expect(membership?.source).toBe('bot');
    expect([...(membership?.networks ?? [])].sort()).toEqual(['instagram', 'linkedin']);
  });

  it('answers a pressed button of a finished step with where the person is, not a second record', async () => {
    await lastCardButton('I accept').click();
    await expect.poll(() => log.innerText()).toMatch(/already finished the introduction|already answered/);
    expect((await app.store.memberships.get(app.tenantId, person.id))?.networks).toHaveLength(2);
  });

  it('coaches a draft with findings and their severities, and sends it to comms', async () => {
    // A code name from the demo program's blocked terms is a must-fix; the generic opener a consider.
    const draft =
      'We are proud to announce that Projekt Polarstjerne opens our new service centre in Aarhus today.';
    await say(`spar ${draft}`);
    await expect.poll(() => log.innerText(), { timeout: 15_000 }).toMatch(/Feedback on your draft/);
    const text = await log.innerText();
    expect(text).toMatch(/Must fix/);
    expect(text).toMatch(/Consider/);
    expect(text).toMatch(/Projekt Polarstjerne/);
    await shot('sparring');
    await expectAccessible('sparring feedback');
    // "Ask comms" sends it to the human queue.
    await lastCardButton('Ask comms').click();
    await expect.poll(() => log.innerText()).toMatch(/Sent to comms/);
  });

  it('lets comms answer in Admin, and the answer reaches the ambassador’s chat and Sparring tab', async () => {
    const commsPage = await (
      await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } })
    ).newPage();
    await commsPage.goto(`${app.url}/`);
    await commsPage.getByLabel('Search people').fill(comms.displayName);
    await commsPage.getByRole('button', { name: comms.displayName }).first().click();
    await commsPage.getByRole('tab', { name: 'Admin' }).click();

    // Onboarding progress in aggregate: one person, so the group is hidden as "fewer than 5".
    await commsPage.getByRole('tab', { name: 'Program', exact: true }).click();
    await expect.poll(() => commsPage.getByText('Onboarding in the bot').count()).toBeGreaterThan(0);
    await expect.poll(() => commsPage.getByText(/Fewer than 5/).count()).toBeGreaterThan(0);

    await commsPage.getByRole('tab', { name: 'Sparring requests' }).click();
    const queue = commsPage.getByTestId('sparring-queue');
    await queue.waitFor();
    await queue
      .getByRole('button', { name: new RegExp(person.displayName) })
      .first()
      .click();
    await expect.poll(() => queue.innerText()).toMatch(/Projekt Polarstjerne/);
    await commsPage
      .getByRole('textbox', { name: 'Your answer' })
      .fill('Leave the code name out, and say what the centre changes for customers.');
    await commsPage.getByRole('button', { name: 'Send answer' }).click();
    await expect.poll(() => commsPage.getByText(/Answer sent/).count()).toBeGreaterThan(0);
    await commsPage.screenshot({ path: path.join(SHOTS, 'bot-comms-answer.png') });
    const violations = await seriousAxeViolations(commsPage);
    expect(violations.map((v) => `admin sparring: ${v.id}`)).toEqual([]);
    await commsPage.context().close();

    // The answer goes through the outbox to the ambassador's chat, and shows in their Sparring tab.
    await expect
      .poll(async () => log.innerText(), { timeout: 20_000 })
      .toMatch(/say what the centre changes for customers/);
    await page.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('tab', { name: 'Sparring' }).click();
    await expect.poll(() => page.getByText('Answered').count()).toBeGreaterThan(0);
    await expectAccessible('my sparring');
  });
});
