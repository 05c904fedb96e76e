import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCommsAdmins, generateDemoOrg } from '../../src/demo/demo-org';
import type { Person } from '../../src/domain/person';
import { signInAs, startTestChorus, type TestChorus } from '../support/chorus';
import { freePort } from '../support/net';
import { launchChromium, seriousAxeViolations } from './browser';

// Issue 4's browser acceptance: comms builds and announces a recruitment campaign, a targeted
// employee joins from the invitation, a manager nominates a report, the nominee says "not now"
// (which the manager never sees), and the funnel matches counts computed here from the demo org.

const SHOTS = path.resolve(import.meta.dirname, '../../test-results/e2e-recruitment');

const CAMPAIGN = 'IT og Engineering i København';
const DEPARTMENTS = ['IT', 'Engineering'];
const LOCATION = 'København';
const CHANNEL = 'IT › Nyheder';
const PITCH = {
  da: {
    why: 'Vi vil vise, hvad IT og Engineering laver, så flere dygtige kolleger får lyst til at søge ind hos os.',
    effort: 'Omkring 30 minutter om ugen, når det passer dig.',
    support: 'En workshop til start og sparring på dine udkast.',
  },
  en: {
    why: 'We want to show what IT and Engineering do, so more good people want to work with us.',
    effort: 'About 30 minutes a week, whenever it suits you.',
    support: 'A workshop to start, and sparring on your drafts.',
  },
};
const NOTE = 'Du forklarer vores platform bedre end nogen anden. Jeg tror, du ville synes om det.';

const org = generateDemoOrg();
const byUpn = (upn: string | undefined) => org.find((p) => p.userPrincipalName?.toLowerCase() === upn);
const comms = byUpn(demoCommsAdmins(org)[0])!;
const hasReports = (p: Person) => org.some((q) => q.managerId === p.id);
/** The campaign's rules, written out here independently of the server's audience query. */
const matchesRules = (p: Person) =>
  p.accountEnabled && DEPARTMENTS.includes(p.department ?? '') && p.officeLocation === LOCATION;
// The head of IT nominates a direct report outside the audience, so the nomination is that
// person's only invitation to this campaign.
const manager = org.find((p) => p.jobTitle === 'Chief Information Officer')!;
const nominee = org.find((p) => p.managerId === manager.id && !matchesRules(p))!;

describe('recruitment: campaign, announcement, joining, nomination and funnel (in the browser)', () => {
  let app: TestChorus;
  let browser: Browser;
  let page: Page;
  let step = 0;
  let campaignId = '';
  /** Who the campaign targets: the rules above, minus current ambassadors at announcement time. */
  let audience: Person[] = [];
  let employee: Person;

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
  const signIn = async (person: Person, where: string) => {
    await page.goto(`${app.url}${where}`);
    await page.getByRole('heading', { name: 'Sign in as…' }).waitFor();
    await page.getByLabel('Search people').fill(person.displayName);
    await page.getByRole('button', { name: person.displayName }).first().click();
    await page.getByTestId('signed-in-as').filter({ hasText: person.displayName }).waitFor();
  };
  const signOut = async () => {
    await page.getByTestId('sign-out').click();
    await page.getByRole('heading', { name: 'Sign in as…' }).waitFor();
  };
  const isMember = async (person: Person) =>
    (await app.store.memberships.get(app.tenantId, person.id)) !== null;
  /** A choice in one of the audience builder's multi-selects. */
  const pickFacet = async (label: string, value: string) => {
    await page.getByRole('combobox', { name: label }).click();
    await page
      .locator('[role="menuitemcheckbox"], [role="option"]')
      .filter({ hasText: new RegExp(`^${value} \\(\\d+\\)$`) })
      .click();
    await page.keyboard.press('Escape');
  };

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    // The demo seed brings the bot's channels ("IT › Nyheder") and a running campaign of its own.
    const port = await freePort();
    app = await startTestChorus({
      DEMO_CONTENT: 'true',
      JOBS_ENABLED: 'true',
      JOBS_POLL_MS: '100',
      PORT: String(port),
      PUBLIC_URL: `http://localhost:${port}`,
    });
    browser = await launchChromium();
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('1. comms builds "IT og Engineering i København", previews the audience, announces it to a channel and invites personally', async () => {
    expect(comms && manager && nominee).toBeTruthy();
    await signIn(comms, '/?tab=admin');
    await page.getByRole('tab', { name: 'Recruitment' }).click();
    await page.getByTestId('campaign-new').click();

    await page.getByTestId('campaign-name').fill(CAMPAIGN);
    for (const lang of ['da', 'en'] as const) {
      await page.getByTestId(`campaign-${lang}-why`).fill(PITCH[lang].why);
      await page.getByTestId(`campaign-${lang}-effort`).fill(PITCH[lang].effort);
      await page.getByTestId(`campaign-${lang}-support`).fill(PITCH[lang].support);
    }
    await page.getByTestId('campaign-goal').fill('8');
    for (const department of DEPARTMENTS) await pickFacet('Departments', department);
    await pickFacet('Locations', LOCATION);

    // Who should be in it, computed from the org and the ambassadors there are now.
    audience = [];
    for (const person of org.filter(matchesRules)) if (!(await isMember(person))) audience.push(person);
    expect(audience.length).toBeGreaterThan(5);
    const preview = page.getByTestId('audience-count');
    await expect
      .poll(async () => Number(await preview.getAttribute('data-total')), { timeout: 15_000 })
      .toBe(audience.length);
    expect(await preview.innerText()).toContain(`${audience.length} people match`);
    const names = new Set(audience.map((p) => p.displayName));
    const sample = await page.getByTestId('audience-sample').locator('li').allInnerTexts();
    expect(sample.length).toBeGreaterThan(0);
    for (const line of sample)
      expect(
        [...names].some((n) => line.startsWith(n)),
        line,
      ).toBe(true);
    await shot('campaign-editor-preview');
    await expectAccessible('campaign editor');

    await page.getByTestId('campaign-save').click();
    await page.getByTestId('campaign-announce').waitFor();
    const token = await signInAs(app, comms.id);
    const list = (await (await app.api('/api/admin/campaigns', { token })).json()) as {
      campaigns: { id: string; name: string }[];
    };
    campaignId = list.campaigns.find((c) => c.name === CAMPAIGN)!.id;
    expect(campaignId).toBeTruthy();

    await page.getByTestId('campaign-announce').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('checkbox', { name: CHANNEL }).check();
    await dialog.getByRole('radio', { name: 'A chat message from Chorus' }).check();
    await shot('announce-choose');
    await expectAccessible('announce dialog');
    await dialog.getByTestId('announce-next').click();
    // One channel post and one invitation per person: the confirmation says how many before sending.
    await expect
      .poll(() => dialog.getByTestId('announce-count').innerText())
      .toBe(`This sends ${1 + audience.length} messages.`);
    await shot('announce-confirm');
    await expectAccessible('announce confirmation');
    await dialog.getByTestId('announce-send').click();
    await dialog.waitFor({ state: 'detached' });

    // Progress polls until everything is sent: the bars reach 100 %, nothing failed.
    const progress = page.getByTestId('send-progress');
    await expect
      .poll(
        async () => {
          const bars = await progress.evaluateAll((els: { getAttribute(name: string): string | null }[]) =>
            els.map((e) => [Number(e.getAttribute('data-done')), Number(e.getAttribute('data-total'))]),
          );
          const total = bars.reduce((sum, [, t]) => sum + (t ?? 0), 0);
          return bars.every(([d, t]) => d === t) ? total : -1;
        },
        { timeout: 60_000, interval: 500 },
      )
      .toBe(1 + audience.length);
    for (const state of ['failed', 'dead', 'cancelled']) {
      for (const cell of await page.getByTestId(`send-${state}`).allInnerTexts()) expect(cell).toBe('0');
    }
    await shot('sends-complete');
    await expectAccessible('sends');
    await signOut();
  });

  it('2. a targeted employee opens the invitation in the demo inbox and joins through consent', async () => {
    const candidates = audience.filter(
      (p) => p.id !== manager.id && !hasReports(p) && p.preferredLanguage === 'en-GB',
    );
    employee = candidates[0] ?? audience.find((p) => p.id !== manager.id && !hasReports(p))!;
    expect(employee).toBeTruthy();

    // Straight to the inbox: the library is not opened, so "onboarded" stays at zero below.
    await signIn(employee, '/?tab=inbox');
    const join = page.locator(`a[href*="campaign=${campaignId}"][href*="join=1"]`).first();
    await join.waitFor({ timeout: 30_000 });
    const card = page.getByTestId('inbox-entry').filter({ has: join });
    expect(await card.innerText()).toContain(CAMPAIGN);
    await shot('inbox-invitation');
    await expectAccessible('demo inbox');

    await join.click();
    await page.getByTestId('campaign-join-step').waitFor();
    await page.getByRole('heading', { name: `Join through “${CAMPAIGN}”` }).waitFor();
    const submit = page.getByRole('button', { name: 'Join the program' });
    // Nobody joins without accepting the current guidelines.
    expect(await page.getByTestId('guidelines-version').innerText()).toMatch(/Version 1/);
    expect(await submit.isDisabled()).toBe(true);
    await page.getByRole('checkbox', { name: 'LinkedIn' }).check();
    expect(await submit.isDisabled()).toBe(true);
    await shot('join-step');
    await expectAccessible('join step');
    await page.getByRole('checkbox', { name: /I accept the guidelines \(version 1\)/ }).check();
    await page.getByRole('checkbox', { name: 'Jobs' }).check();
    await submit.click();
    await page.getByRole('heading', { name: "You're an ambassador" }).waitFor();
    expect((await app.store.memberships.get(app.tenantId, employee.id))?.networks).toEqual(['linkedin']);
    await shot('joined');
    await signOut();
  });

  it('3. a manager nominates a direct report with a note', async () => {
    await signIn(manager, '/?tab=my-team');
    const row = page.getByTestId(`team-member-${nominee.id}`);
    await row.waitFor();
    expect(await row.getByTestId('team-status').innerText()).not.toMatch(/Ambassador/);
    await shot('my-team');
    await expectAccessible('my team');

    await row.getByRole('button', { name: `Nominate ${nominee.displayName}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('nominate-campaign').selectOption({ label: CAMPAIGN });
    await dialog.getByTestId('nominate-note').fill(NOTE);
    expect(await dialog.innerText()).toContain(`${NOTE.length} of 500 characters`);
    expect(await dialog.innerText()).toContain('joining is voluntary');
    await shot('nominate-dialog');
    await expectAccessible('nominate dialog');
    await dialog.getByTestId('nominate-send').click();
    await dialog.waitFor({ state: 'detached' });
    await page
      .getByTestId('flash')
      .filter({ hasText: `${nominee.displayName} is invited` })
      .waitFor();
    await expect.poll(() => row.getByTestId('team-status').innerText()).toBe('Invited');

    // The whole subtree: more people, each with the level they sit at.
    await page.getByRole('radio', { name: 'Everyone below me' }).check();
    await expect
      .poll(async () => page.getByTestId('team-list').locator('tbody tr').count(), { timeout: 15_000 })
      .toBeGreaterThan(org.filter((p) => p.managerId === manager.id).length);
    await shot('my-team-subtree');
    await signOut();
  });

  it('4. the nominee sees the note and says not now; the manager still sees "Invited", never the decline', async () => {
    await signIn(nominee, '/?tab=campaigns');
    const card = page
      .getByTestId('campaign-card')
      .filter({ has: page.getByRole('heading', { name: CAMPAIGN, exact: true }) });
    await card.waitFor();
    const nomination = await card.getByTestId('campaign-nomination').innerText();
    expect(nomination).toContain(manager.displayName);
    expect(nomination).toContain(NOTE);
    expect(await card.getByTestId('campaign-voluntary').innerText()).toMatch(/Joining is voluntary/);
    await shot('nominee-campaign');
    await expectAccessible('campaigns with a nomination');

    await card.getByRole('button', { name: 'Not now' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await shot('not-now-confirmation');
    await expectAccessible('not now confirmation');
    await dialog.getByTestId('campaign-decline-confirm').click();
    await card.waitFor({ state: 'detached' });
    await page.getByTestId('flash').waitFor();
    await shot('declined');
    await signOut();

    await signIn(manager, '/?tab=my-team');
    const row = page.getByTestId(`team-member-${nominee.id}`);
    await row.waitFor();
    expect(await row.getByTestId('team-status').innerText()).toBe('Invited');
    expect((await page.locator('main').innerText()).toLowerCase()).not.toContain('declin');
    await shot('manager-after-decline');
    await expectAccessible('my team after the decline');

    const token = await signInAs(app, manager.id);
    for (const scope of ['direct', 'subtree']) {
      const res = await app.api(`/api/team?scope=${scope}`, { token });
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(text.toLowerCase()).not.toContain('declin');
      const { members } = JSON.parse(text) as { members: { id: string; status: string }[] };
      expect(members.find((m) => m.id === nominee.id)?.status).toBe('invited');
    }
    await signOut();
  });

  it('5. the funnel shows the counts computed here', async () => {
    // Everyone invited to this campaign is targeted: the audience from its rules, plus the nominee
    // (outside the rules, invited personally by the manager). Every invitation was delivered. Two
    // of them opened it: the employee who followed the invitation and the nominee who read it on the
    // Campaigns page. One joined; nobody has onboarded or shared yet. Declines are not a stage.
    const targetedPeople = [...audience, nominee];
    const expected = {
      targeted: targetedPeople.length,
      delivered: targetedPeople.length,
      opened: 2,
      joined: 1,
      onboarded: 0,
      firstShare: 0,
    };
    await signIn(comms, '/?tab=admin');
    await page.getByRole('tab', { name: 'Recruitment' }).click();
    await page.getByRole('button', { name: CAMPAIGN, exact: true }).click();
    const readFunnel = async () => {
      // Switching tabs loads the funnel afresh (the nominee's invitation may still be on its way).
      await page.getByRole('tab', { name: 'Details and audience' }).click();
      await page.getByRole('tab', { name: 'Funnel' }).click();
      await page.getByTestId('funnel-chart').waitFor();
      const shown: Record<string, number> = {};
      for (const stage of Object.keys(expected)) {
        shown[stage] = Number(await page.getByTestId(`funnel-overall-${stage}`).getAttribute('data-value'));
      }
      return shown;
    };
    await expect.poll(readFunnel, { timeout: 20_000, interval: 1000 }).toEqual(expected);

    // By group: five or more targeted people get their own row; smaller groups fold into "Other",
    // which is hidden while it stays under five.
    const count = (key: (p: Person) => string | null) => {
      const counts = new Map<string, number>();
      for (const p of targetedPeople) counts.set(key(p) ?? '', (counts.get(key(p) ?? '') ?? 0) + 1);
      return counts;
    };
    for (const [testId, counts] of [
      ['funnel-departments', count((p) => p.department)],
      ['funnel-locations', count((p) => p.officeLocation)],
    ] as const) {
      const table = page.getByTestId(testId);
      let other = 0;
      for (const [group, n] of counts) {
        if (n < 5) {
          other += n;
          continue;
        }
        const cells = await table.locator(`tr[data-group="${group}"] td`).allInnerTexts();
        expect(Number(cells[0]), `${testId}: ${group}`).toBe(n);
      }
      const otherRow = table.locator('tr[data-group="Other"]');
      if (other >= 5) expect(Number((await otherRow.locator('td').allInnerTexts())[0])).toBe(other);
      else expect(await otherRow.count()).toBe(0);
    }
    await shot('funnel');
    await expectAccessible('funnel');

    for (const theme of ['Dark', 'High contrast']) {
      await page.getByLabel('Theme').selectOption({ label: theme });
      await shot(`funnel-${theme.toLowerCase().replace(' ', '-')}`);
      await expectAccessible(`funnel, ${theme} theme`);
    }
    await page.getByLabel('Theme').selectOption({ label: 'Light' });
  });
});
