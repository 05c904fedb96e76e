import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  KPI_KEYS,
  PURPOSE_PREFILL,
  ZCanvasView,
  ZChallengeList,
  ZDashboard,
  ZDrawView,
  type CanvasView,
  type Dashboard,
  type DrawView,
  type KpiKey,
} from '../../src/contracts';
import { DEMO_DRAW_SEED } from '../../src/demo/demo-gamification';
import { demoCommsAdmins, generateDemoOrg } from '../../src/demo/demo-org';
import { TARGET_PERIOD_DAYS } from '../../src/domain/kpi';
import { rerun } from '../cockpit/prize-draw-verify';
import { signInAs, startTestChorus, type TestChorus } from '../support/chorus';
import { freePort } from '../support/net';
import { launchChromium, seriousAxeViolations } from './browser';

// Issue 6's acceptance, end to end in one browser session: comms fills in the program canvas (purpose
// from a template, EVP, a target group, ambition, design), sets KPI targets and the organic reach rate,
// sees them on the dashboard over the seeded 90 days of demo activity (scaled to the period, as the API
// says), downloads the key figures as CSV, and runs a prize draw on the finished demo challenge, which
// the tab, the API and the standalone verifier all re-run to the same winners.

const SHOTS = path.resolve(import.meta.dirname, '../../test-results/e2e-cockpit');

const org = generateDemoOrg();
const comms = org.find((p) => p.userPrincipalName?.toLowerCase() === demoCommsAdmins(org)[0])!;

const en = new Intl.NumberFormat('en-GB');

// What comms writes in the canvas (Danish content, as the demo company's, in the English tab).
const PURPOSE_EXTRA = ' Målet er 40 ansøgere til graduate-programmet i 2027.';
const EVP = 'Du får lov at prøve kræfter med rigtige projekter fra første uge.';
const PERSONA = {
  name: 'Datamatikere fra erhvervsakademierne',
  description: 'Nyuddannede datamatikere, der vil bygge systemer til elnettet.',
  keyMessage: 'Din første kode kører i produktion inden for en måned.',
};
const AMBITION = { targetAmbassadors: 25, hoursPerWeek: 10, owner: 'Employer branding-teamet' };
const CURATED = 40;
/** The targets comms sets per quarter; followers is left empty (no target). */
const TARGETS = {
  result: { shares: 300, clicks: 4500, reactions: 2000, followers: null },
  effect: { applications: 36, conversions: 90, jobInteractions: 600 },
} as const;
const TARGET_LABELS: Record<string, string> = {
  shares: 'Shares',
  clicks: 'Clicks',
  reactions: 'Reactions',
  followers: 'New followers',
  applications: 'Applications to job ads',
  conversions: 'Other conversions',
  jobInteractions: 'Clicks on job content',
};
const REACH_PERCENT = 7.5;
const WINNERS = 3;

/** A quarterly target over a period of `days`, as docs and src/domain/kpi.ts define it: pro rata, rounded. */
const scaled = (quarterly: number | null, days: number) =>
  quarterly === null ? null : Math.round((quarterly * days) / TARGET_PERIOD_DAYS.quarter);
const allTargets = { ...TARGETS.result, ...TARGETS.effect } as Record<string, number | null>;

/** How many draws a challenge in the list has. */
function drawnCount(challenges: { id: string; drawIds: string[] }[], id: string): number {
  return challenges.find((c) => c.id === id)?.drawIds.length ?? 0;
}

describe('program cockpit: canvas, targets, dashboard, CSV and a verifiable prize draw (in the browser)', () => {
  let app: TestChorus;
  let browser: Browser;
  let page: Page;
  let token = '';
  let step = 0;

  /** A full-page screenshot; with a modal dialog open, the viewport only (the page behind is locked). */
  const shot = async (name: string, fullPage = true) => {
    step++;
    await page.screenshot({
      path: path.join(SHOTS, `${String(step).padStart(2, '0')}-${name}.png`),
      fullPage,
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
  const fetchCanvas = async (): Promise<CanvasView> => {
    const res = await app.api('/api/admin/canvas', { token });
    expect(res.status).toBe(200);
    return ZCanvasView.parse(await res.json());
  };
  const fetchDashboard = async (days: number): Promise<Dashboard> => {
    const res = await app.api(`/api/admin/dashboard?days=${days}`, { token });
    expect(res.status).toBe(200);
    return ZDashboard.parse(await res.json());
  };
  const fetchDraw = async (id: string): Promise<DrawView> => {
    const res = await app.api(`/api/draws/${id}`, { token });
    expect(res.status).toBe(200);
    return ZDrawView.parse(await res.json());
  };
  const openAdminTab = async (name: string) => {
    await page.getByRole('tab', { name }).click();
    expect(await page.getByRole('tab', { name }).getAttribute('aria-selected')).toBe('true');
  };
  /** The canvas's target groups: the list items that hold a target group's name. */
  const personaItems = () =>
    page.getByRole('listitem').filter({ has: page.getByLabel('Name of the target group') });
  /** A published draw's entries as the table on screen shows them: entrant and tickets, in order. */
  const readEntries = async (region: Locator) => {
    const cells = await region.locator('tbody td').allInnerTexts();
    const entries: { entrant: string; tickets: number }[] = [];
    for (let i = 0; i < cells.length; i += 2)
      entries.push({ entrant: cells[i]!.trim(), tickets: Number(cells[i + 1]) });
    return entries;
  };
  /** Bars (rects with a value) or lines (paths) inside a chart's svg, which has a summary. */
  const expectChart = async (testId: string, shape: 'rect[data-value]' | 'path') => {
    const svg = page.getByTestId(testId);
    await svg.waitFor();
    expect(await svg.evaluate((el: { tagName: string }) => el.tagName.toLowerCase())).toBe('svg');
    expect(await svg.getAttribute('role')).toBe('img');
    expect((await svg.getAttribute('aria-label'))?.length ?? 0).toBeGreaterThan(10);
    expect(await svg.locator(shape).count(), testId).toBeGreaterThan(0);
  };

  beforeAll(async () => {
    // this file's screenshots only, so an old run's pictures are never mistaken for this one's
    await rm(SHOTS, { recursive: true, force: true });
    await mkdir(SHOTS, { recursive: true });
    const port = await freePort();
    // Demo content seeds the canvas and gamification (with the finished "#GrønOmstilling" challenge);
    // demo activity brings 90 days of shares, clicks and conversions for the dashboard and the draw.
    app = await startTestChorus(
      {
        DEMO_CONTENT: 'true',
        DEMO_ACTIVITY: 'true',
        PORT: String(port),
        PUBLIC_URL: `http://localhost:${port}`,
      },
      // A tab built elsewhere (CHORUS_TAB_DIR) for a run beside others building dist/tab.
      process.env['CHORUS_TAB_DIR'] ? { tabDir: process.env['CHORUS_TAB_DIR'] } : {},
    );
    token = await signInAs(app, comms.id);
    browser = await launchChromium();
    const context = await browser.newContext({
      locale: 'en-GB',
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('1. comms fills in the canvas (purpose from a template, EVP, a target group, ambition, design), saves, and finds it kept after a reload', async () => {
    expect(comms?.department).toBe('Communication');
    const before = await fetchCanvas();

    await page.goto(`${app.url}/?tab=admin`);
    await page.getByRole('heading', { name: 'Sign in as…' }).waitFor();
    await page.getByLabel('Search people').fill(comms.displayName);
    await page.getByRole('button', { name: comms.displayName }).first().click();
    await page.getByTestId('signed-in-as').filter({ hasText: comms.displayName }).waitFor();
    await openAdminTab('Program canvas');
    await page.getByTestId('canvas-form').waitFor();
    expect(await page.getByRole('heading', { name: '1. Purpose' }).count()).toBe(1);

    // 1. Purpose: a template replaces the demo's own words only after comms agrees; then comms edits it.
    await page.getByRole('radio', { name: 'More graduate applicants' }).check();
    const replace = page.getByRole('dialog', { name: 'Replace the purpose text?' });
    await replace.waitFor();
    await replace.getByRole('button', { name: 'Replace text' }).click();
    await replace.waitFor({ state: 'detached' });
    const purpose = page.getByLabel('Purpose', { exact: true });
    expect(await purpose.inputValue()).toBe(PURPOSE_PREFILL['graduate-recruitment'].en);
    await purpose.press('End');
    await purpose.pressSequentially(PURPOSE_EXTRA);
    const purposeText = PURPOSE_PREFILL['graduate-recruitment'].en + PURPOSE_EXTRA;
    expect(await purpose.inputValue()).toBe(purposeText);

    // 2. EVP: one more statement after the demo's.
    const evpNumber = before.canvas.evp.length + 1;
    await page.getByRole('button', { name: 'Add an EVP statement' }).click();
    await page.getByRole('textbox', { name: `EVP statement ${evpNumber}` }).fill(EVP);

    // 3. A new target group with a key message and one more network than the default LinkedIn.
    await page.getByRole('button', { name: 'Add a target group' }).click();
    const persona = personaItems().nth(before.canvas.personas.length);
    await persona.getByLabel('Name of the target group').fill(PERSONA.name);
    await persona.getByLabel('Who they are').fill(PERSONA.description);
    await persona.getByRole('button', { name: 'Add a key message' }).click();
    await persona.getByRole('textbox', { name: 'Key message 1' }).fill(PERSONA.keyMessage);
    expect(await persona.getByRole('checkbox', { name: 'LinkedIn' }).isChecked()).toBe(true);
    await persona.getByRole('checkbox', { name: 'Instagram' }).check();

    // 5. Ambition and 6. design.
    await page.getByRole('radio', { name: 'Full program' }).check();
    await page.getByLabel('Ambassadors we aim for').fill(String(AMBITION.targetAmbassadors));
    await page.getByLabel('Hours per week for the program owner').fill(String(AMBITION.hoursPerWeek));
    await page.getByLabel('Program owner (a role or a team)').fill(AMBITION.owner);
    await page.getByLabel('Curated content (%)').fill(String(CURATED));
    await page.getByRole('radio', { name: 'Steered: prepared posts and timing' }).check();
    await shot('canvas-filled-in');

    await page.getByRole('button', { name: 'Save canvas' }).click();
    await page.getByText('The canvas is saved.').waitFor();
    await shot('canvas-saved');

    const saved = await fetchCanvas();
    expect(saved.version).toBe(before.version + 1);
    expect(saved.canvas.purpose).toEqual({ template: 'graduate-recruitment', text: purposeText.trim() });
    expect(saved.canvas.evp).toEqual([...before.canvas.evp, EVP]);
    expect(saved.canvas.personas).toHaveLength(before.canvas.personas.length + 1);
    expect(saved.canvas.personas.at(-1)).toEqual({
      name: PERSONA.name,
      description: PERSONA.description,
      keyMessages: [PERSONA.keyMessage],
      networks: ['linkedin', 'instagram'],
    });
    expect(saved.canvas.ambition).toEqual({ stage: 'full', ...AMBITION });
    expect(saved.canvas.design).toEqual({ curatedPercent: CURATED, steering: 'steered' });
    // what was not touched is as before
    expect(saved.canvas.personas.slice(0, -1)).toEqual(before.canvas.personas);
    expect(saved.canvas.targets).toEqual(before.canvas.targets);

    // A reload shows what the server kept, field by field.
    await page.reload();
    await page.getByTestId('signed-in-as').filter({ hasText: comms.displayName }).waitFor();
    if ((await page.getByTestId('canvas-form').count()) === 0) await openAdminTab('Program canvas');
    await page.getByTestId('canvas-form').waitFor();
    expect(await page.getByText(`(version ${saved.version})`).count()).toBe(1);
    const c = saved.canvas;
    expect(await page.getByRole('radio', { name: 'More graduate applicants' }).isChecked()).toBe(true);
    expect(await page.getByLabel('Purpose', { exact: true }).inputValue()).toBe(c.purpose.text);
    for (const [i, statement] of c.evp.entries())
      expect(
        await page.getByRole('textbox', { name: `EVP statement ${i + 1}`, exact: true }).inputValue(),
      ).toBe(statement);
    expect(await personaItems().count()).toBe(c.personas.length);
    for (const [i, p] of c.personas.entries()) {
      const item = personaItems().nth(i);
      expect(await item.getByLabel('Name of the target group').inputValue()).toBe(p.name);
      expect(await item.getByLabel('Who they are').inputValue()).toBe(p.description);
      for (const [k, message] of p.keyMessages.entries())
        expect(
          await item.getByRole('textbox', { name: `Key message ${k + 1}`, exact: true }).inputValue(),
        ).toBe(message);
      for (const [network, label] of [
        ['linkedin', 'LinkedIn'],
        ['instagram', 'Instagram'],
        ['x', 'X'],
      ] as const)
        expect(
          await item.getByRole('checkbox', { name: label, exact: true }).isChecked(),
          `${p.name} ${label}`,
        ).toBe(p.networks.includes(network));
    }
    expect(await page.getByRole('radio', { name: 'Full program' }).isChecked()).toBe(true);
    expect(await page.getByLabel('Ambassadors we aim for').inputValue()).toBe(
      String(c.ambition.targetAmbassadors),
    );
    expect(await page.getByLabel('Hours per week for the program owner').inputValue()).toBe(
      String(c.ambition.hoursPerWeek),
    );
    expect(await page.getByLabel('Program owner (a role or a team)').inputValue()).toBe(c.ambition.owner);
    expect(await page.getByLabel('Curated content (%)').inputValue()).toBe(String(c.design.curatedPercent));
    expect(await page.getByRole('radio', { name: 'Steered: prepared posts and timing' }).isChecked()).toBe(
      true,
    );
    await shot('canvas-after-reload');
    await expectAccessible('canvas');
  });

  it('2. sets quarterly KPI targets (result and effect goals) and the organic reach rate, and saves', async () => {
    const before = await fetchCanvas();
    await page.getByRole('radio', { name: 'Quarter' }).check();
    for (const [key, value] of Object.entries(allTargets))
      await page.getByLabel(TARGET_LABELS[key]!, { exact: true }).fill(value === null ? '' : String(value));
    const rate = page.getByLabel(/^Organic reach rate/);
    await rate.fill(String(REACH_PERCENT));
    await shot('canvas-targets');

    await page.getByRole('button', { name: 'Save canvas' }).click();
    await page.getByText('The canvas is saved.').waitFor();
    // the audit log below records the save, by this person
    await expect
      .poll(() => page.getByRole('row').filter({ hasText: 'Saved the canvas' }).count(), { timeout: 10_000 })
      .toBeGreaterThanOrEqual(2);
    expect(await page.getByRole('row').filter({ hasText: 'Saved the canvas' }).first().innerText()).toContain(
      comms.displayName,
    );
    await shot('canvas-targets-saved');

    const saved = await fetchCanvas();
    expect(saved.version).toBe(before.version + 1);
    expect(saved.canvas.targets).toEqual({ period: 'quarter', ...TARGETS });
    expect(saved.canvas.reach.organicReachRate).toBeCloseTo(REACH_PERCENT / 100, 10);
    // step 1's work is untouched by the second save
    expect({ ...saved.canvas, targets: null, reach: null }).toEqual({
      ...before.canvas,
      targets: null,
      reach: null,
    });
  });

  it('3. the dashboard over 90 days of demo activity draws every chart, shows the targets scaled to the period, and has no serious axe violations', async () => {
    const data = await fetchDashboard(30);
    expect(data.period.days).toBe(30);
    expect(data.daily.some((p) => p.shares > 0 && p.clicks > 0)).toBe(true);
    // the API scales the quarterly targets to the 30 days on screen
    for (const key of KPI_KEYS) {
      const kpi = data.kpis.find((k) => k.key === key)!;
      expect(kpi.target, key).toBe(key in allTargets ? scaled(allTargets[key]!, 30) : null);
    }

    await openAdminTab('Dashboard');
    await page.getByTestId('dashboard-body').waitFor();
    expect(await page.getByRole('radio', { name: '30 days' }).isChecked()).toBe(true);

    // the goal cards: each target as the API has it, and "no target" where none is set
    for (const kpi of data.kpis.filter((k) => k.goal !== null)) {
      const card = page.getByTestId(`kpi-${kpi.key}`);
      const text = await card.innerText();
      if (kpi.target === null) {
        expect(text, kpi.key).toContain('No target set in the program canvas.');
        continue;
      }
      expect(text, kpi.key).toContain(`of the target of ${en.format(kpi.target)}.`);
      if (kpi.value !== null) {
        const percent = new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 0 });
        expect(text, kpi.key).toContain(`${percent.format(kpi.value / kpi.target)} of the target of`);
        expect(text, kpi.key).toContain(kpi.value >= kpi.target ? 'Target reached.' : 'Not reached yet.');
      }
      const bar = card.getByRole('progressbar');
      expect(await bar.count(), kpi.key).toBe(1);
    }
    // the goals chart has one row per target, with the target in the table behind it
    const withTarget = data.kpis.filter((k) => k.target !== null);
    expect(withTarget).toHaveLength(6);
    const goalRows = page.getByTestId('dashboard-goals').locator('tbody tr');
    expect(await goalRows.count()).toBe(withTarget.length);
    for (const [i, kpi] of withTarget.entries())
      expect(await goalRows.nth(i).innerText(), kpi.key).toContain(en.format(kpi.target!));

    // every chart: an svg with bars or lines
    await expectChart('dashboard-goals-chart', 'rect[data-value]');
    await expectChart('dashboard-daily-chart', 'path');
    await expectChart('dashboard-networks-chart', 'rect[data-value]');
    await expectChart('dashboard-top-content-chart', 'rect[data-value]');
    await expectChart('dashboard-top-departments-chart', 'rect[data-value]');
    await expectChart('dashboard-funnel-chart', 'rect[data-value]');
    expect(
      await page.locator('[data-testid="dashboard-body"] svg[role="img"]').count(),
    ).toBeGreaterThanOrEqual(6);

    // the reach calculator below starts from the canvas's organic reach rate
    await expect
      .poll(() => page.getByTestId('reach-organicReachPercent').inputValue(), { timeout: 10_000 })
      .toBe(String(REACH_PERCENT));

    await shot('dashboard');
    await expectAccessible('dashboard');
  });

  it('4. downloads the key figures as CSV: header and rows as the export route sends them, with the scaled targets', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Key figures (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^chorus-kpis-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Downloaded' }).count(), { timeout: 10_000 })
      .toBe(1);
    await shot('dashboard-csv-downloaded');

    const res = await app.api('/api/admin/dashboard/export/kpis.csv?days=30', { token });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type') ?? '').toContain('text/csv');
    const fromRoute = (await res.text()).replace(/^\uFEFF/, '');

    const rows = (csv: string) =>
      csv
        .split(/\r?\n/)
        .filter((line) => line.trim() !== '')
        .map((line) => line.split(','));
    const file = rows(text);
    expect(file[0]).toEqual(['kpi', 'unit', 'value', 'previous', 'target', 'goal']);
    expect(file).toEqual(rows(fromRoute));
    expect(
      file
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual([...KPI_KEYS].sort());
    // the targets column holds the canvas's quarterly targets scaled to 30 days; blank where none is set
    const data = await fetchDashboard(30);
    for (const row of file.slice(1)) {
      const key = row[0] as KpiKey;
      const kpi = data.kpis.find((k) => k.key === key)!;
      expect(row[4], key).toBe(kpi.target === null ? '' : String(kpi.target));
      expect(row[4], key).toBe(
        key in allTargets && allTargets[key] !== null ? String(scaled(allTargets[key]!, 30)) : '',
      );
      expect(row[5], key).toBe(kpi.goal ?? '');
      expect(row[2], key).toBe(kpi.value === null ? '' : String(kpi.value));
    }
  });

  it('5. runs the prize draw of the finished #GrønOmstilling challenge, verifies it in the tab, and the API and the standalone verifier re-run it to the same winners', async () => {
    const challenges = ZChallengeList.parse(
      await (await app.api('/api/admin/challenges', { token })).json(),
    ).challenges;
    const finished = challenges.find((c) => c.hashtag === '#GrønOmstilling')!;
    expect(finished.status).toBe('ended');
    // the demo's own earlier draw, whose winners are left out of this one
    expect(finished.drawIds.length).toBeGreaterThanOrEqual(1);
    const earlier = await Promise.all(finished.drawIds.map(fetchDraw));
    const pastWinnerNames = new Set(earlier.flatMap((d) => d.winners.map((w) => w.name)));

    await openAdminTab('Gamification');
    const row = page
      .getByTestId('challenge-list')
      .getByRole('listitem')
      .filter({ hasText: '#GrønOmstilling' });
    await row.waitFor();
    expect(await row.innerText()).toContain('Ended');
    await row.getByRole('button', { name: 'Run prize draw' }).click();
    const dialog = page.getByRole('dialog', { name: 'Run the prize draw now?' });
    await dialog.waitFor();
    await dialog.getByLabel('Number of winners').fill(String(WINNERS));
    expect(
      await dialog.getByRole('checkbox', { name: 'Leave out people who won an earlier draw' }).isChecked(),
    ).toBe(true);
    await expect
      .poll(() => dialog.innerText(), { timeout: 10_000 })
      .toContain(`${WINNERS} winners are drawn. The result is published and the winners are told in Teams.`);
    await shot('draw-confirm', false);
    await expectAccessible('prize draw confirmation');
    const [response] = await Promise.all([
      page.waitForResponse(
        (r) => r.request().method() === 'POST' && /\/api\/admin\/challenges\/[^/]+\/draws$/.test(r.url()),
      ),
      dialog.getByRole('button', { name: 'Run the draw' }).click(),
    ]);
    expect(response.status()).toBe(201);
    const drawn = ZDrawView.parse(await response.json());
    await dialog.waitFor({ state: 'detached' });

    // The result on screen: the published seed, the entries in order, the winners with their names.
    const result = row.getByRole('region', { name: 'Prize draw result: Grøn omstilling' });
    await result.waitFor();
    const seed = (await result.getByTestId('draw-seed').innerText()).trim();
    expect(seed).toMatch(/^[0-9a-f]{64}$/);
    const entriesRegion = result.getByRole('region', { name: /^Entries \(\d+\), in the published order$/ });
    const entryRows = entriesRegion.locator('tbody tr');
    const entries = await readEntries(entriesRegion);
    expect(await entryRows.count()).toBe(entries.length);
    expect(entries.length).toBeGreaterThan(WINNERS);
    expect(await entriesRegion.getAttribute('aria-label')).toBe(
      `Entries (${entries.length}), in the published order`,
    );
    expect(entries.every((e) => /^E\d+$/.test(e.entrant) && e.tickets === 1)).toBe(true); // rule "one"
    const winnerLines = await result.getByRole('list').first().getByRole('listitem').allInnerTexts();
    expect(winnerLines).toHaveLength(WINNERS);
    const onScreen = winnerLines.map((line) => line.split(' – ')[0]!.trim());
    const names = winnerLines.map((line) => line.split(' – ')[1]?.trim() ?? '');
    expect(names.every((n) => n.length > 0)).toBe(true); // comms sees who won
    for (const name of names) expect(pastWinnerNames.has(name), `${name} won before`).toBe(false);
    // what is on screen is what the server published
    expect(seed).toBe(drawn.seed);
    expect(entries).toEqual(drawn.entries);
    expect(onScreen).toEqual(drawn.winners.map((w) => w.entrant));
    expect(await fetchDraw(drawn.id)).toMatchObject({
      seed,
      entries,
      winnerCount: WINNERS,
      winners: drawn.winners,
    });
    await shot('draw-result');

    // Verify in the tab: re-run with the published seed, same winners.
    await result.getByRole('button', { name: 'Verify' }).click();
    await result.getByText('Same winners ✓').waitFor();
    expect(await result.getByText('The re-run gave different winners.').count()).toBe(0);
    await shot('draw-verified');
    await expectAccessible('prize draw result');

    // Re-run outside the browser, from what the screen shows: the server's verifier and the standalone one.
    const verify = await app.api('/api/draws/verify', {
      method: 'POST',
      token,
      json: { seed, entries, winnerCount: WINNERS },
    });
    expect(verify.status).toBe(200);
    expect(((await verify.json()) as { winners: string[] }).winners).toEqual(onScreen);
    expect(rerun(seed, entries, WINNERS)).toEqual(onScreen);

    // A colleague draws while the dialog is open (another window or instance): the tab's draw, which
    // names the draws it saw, is refused, the server's words are shown, and the colleague's draw appears.
    await row.getByRole('button', { name: 'Run prize draw' }).click();
    const again = page.getByRole('dialog', { name: 'Run the prize draw now?' });
    await again.waitFor();
    const seen = drawnCount(
      ZChallengeList.parse(await (await app.api('/api/admin/challenges', { token })).json()).challenges,
      finished.id,
    );
    const colleague = await app.api(`/api/admin/challenges/${finished.id}/draws`, {
      method: 'POST',
      token,
      json: { winnerCount: 1, earlierDraws: seen },
    });
    expect(colleague.status).toBe(201);
    const [refused] = await Promise.all([
      page.waitForResponse(
        (r) => r.request().method() === 'POST' && /\/api\/admin\/challenges\/[^/]+\/draws$/.test(r.url()),
      ),
      again.getByRole('button', { name: 'Run the draw' }).click(),
    ]);
    expect(refused.status()).toBe(409);
    await again.getByText(/^This challenge was drawn meanwhile by .+ UTC\): see that draw/).waitFor();
    await again.getByRole('button', { name: 'Cancel' }).click();
    await again.waitFor({ state: 'detached' });
    await expect.poll(() => row.getByRole('button', { name: /^Show draw/ }).count()).toBe(seen + 1);
  });

  it("6. in Danish, the demo's own published draw (seed nordlys-groen-omstilling-2026) re-runs to the same winners", async () => {
    await page.getByLabel('Language').selectOption('da');
    await page.getByRole('tab', { name: 'Gamification', selected: true }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('da');
    const row = page
      .getByTestId('challenge-list')
      .getByRole('listitem')
      .filter({ hasText: '#GrønOmstilling' });
    const shows = row.getByRole('button', { name: /^Vis lodtrækning/ });
    const result = row.getByRole('region', { name: 'Resultat af lodtrækningen: Grøn omstilling' });
    // The draws are numbered, not named: open each until the demo's seed is on screen.
    let found = false;
    for (let i = 0; i < (await shows.count()) && !found; i++) {
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'GET' && /\/api\/draws\/[^/]+$/.test(r.url())),
        shows.nth(i).click(),
      ]);
      found = ZDrawView.parse(await response.json()).seed === DEMO_DRAW_SEED;
    }
    expect(found).toBe(true);
    await expect
      .poll(() => result.getByTestId('draw-seed').innerText(), { timeout: 10_000 })
      .toBe(DEMO_DRAW_SEED);
    // the explanation comes from the server, in the language the draw was fetched in
    await result.getByText('Alle kan efterprøve lodtrækningen').waitFor();
    const entries = await readEntries(result.getByRole('region', { name: /^Deltagere \(\d+\)/ }));
    const winners = (await result.getByRole('list').first().getByRole('listitem').allInnerTexts()).map(
      (line) => line.split(' – ')[0]!.trim(),
    );
    expect(winners).toHaveLength(3); // the demo drew three winners
    await result.getByRole('button', { name: 'Efterprøv' }).click();
    await result.getByText('Samme vindere ✓').waitFor();
    expect(rerun(DEMO_DRAW_SEED, entries, 3)).toEqual(winners);
    await shot('demo-draw-verified-danish');
    await expectAccessible('prize draw result, Danish');
    await page.getByLabel('Sprog').selectOption('en');
  });
});
