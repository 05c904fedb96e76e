import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KPI_KEYS, ZDashboard, type Dashboard } from '../../src/contracts';
import { demoCommsAdmins, generateDemoOrg } from '../../src/demo/demo-org';
import { signInAs, startTestChorus, type TestChorus } from '../support/chorus';
import { freePort } from '../support/net';
import { launchChromium, seriousAxeViolations } from './browser';

// Issue 6's dashboard in the browser: comms opens Admin → Dashboard over the seeded demo activity,
// sees every KPI and chart drawn from the server's numbers, switches to 90 days, downloads a CSV
// (fetched with the token, saved through a Blob URL) and meets no serious axe violations in the
// light, dark and high-contrast themes.

const SHOTS = path.resolve(import.meta.dirname, '../../test-results/e2e-dashboard');
const HIDDEN = 'Hidden — fewer than 5 people';

const org = generateDemoOrg();
const byUpn = (upn: string | undefined) => org.find((p) => p.userPrincipalName?.toLowerCase() === upn);
const comms = byUpn(demoCommsAdmins(org)[0])!;

const en = new Intl.NumberFormat('en-GB');
const longDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' });
const percent = new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 0 });
/** A KPI as the tab should show it, computed here from the API's answer. */
const shown = (kpi: Dashboard['kpis'][number]) =>
  kpi.value === null
    ? HIDDEN
    : kpi.unit === 'ratio'
      ? percent.format(kpi.value)
      : en.format(Math.round(kpi.value));

describe('dashboard: KPIs, charts, period, CSV export and accessibility (in the browser)', () => {
  let app: TestChorus;
  let browser: Browser;
  let page: Page;
  let token = '';
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
  /**
   * The contrast (WCAG) of the partial day's marks in the daily chart against what they are drawn
   * on: the hatching against its ground, and the dashed edges and open dot against the panel. Graphics
   * need 3:1 (WCAG 1.4.11); axe does not measure svg strokes, so this does.
   */
  const partialDayContrast = async () => {
    const colours = await page.evaluate<
      Record<'hatch' | 'ground' | 'edge' | 'line' | 'dot' | 'panel', string>
    >(`(() => {
      const svg = document.querySelector('[data-testid="dashboard-daily-chart"]');
      const css = (el, prop) => getComputedStyle(el)[prop];
      let bg = svg;
      while (bg && ['rgba(0, 0, 0, 0)', 'transparent'].includes(css(bg, 'backgroundColor'))) bg = bg.parentElement;
      const partialEdge = (series) => svg.querySelector('[data-series="' + series + '"] path[class]:last-of-type');
      return {
        hatch: css(svg.querySelector('pattern line'), 'stroke'),
        ground: css(svg.querySelector('pattern rect'), 'fill'),
        edge: css(partialEdge('clicks'), 'stroke'),
        line: css(partialEdge('shares'), 'stroke'),
        dot: css(svg.querySelector('circle[data-partial]'), 'stroke'),
        panel: css(bg, 'backgroundColor'),
      };
    })()`);
    const luminance = (colour: string) => {
      const [r, g, b] = (colour.match(/[\d.]+/g) ?? []).slice(0, 3).map((c) => {
        const v = Number(c) / 255;
        return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
      }) as [number, number, number];
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const ratio = (a: string, b: string) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
      return Math.round(((hi + 0.05) / (lo + 0.05)) * 100) / 100;
    };
    return {
      colours,
      hatch: ratio(colours.hatch, colours.ground),
      edge: ratio(colours.edge, colours.panel),
      line: ratio(colours.line, colours.panel),
      dot: ratio(colours.dot, colours.panel),
    };
  };
  const expectPartialDayContrast = async (theme: string) => {
    const c = await partialDayContrast();
    for (const mark of ['hatch', 'edge', 'line', 'dot'] as const)
      expect(c[mark], `${theme}: ${mark} ${JSON.stringify(c.colours)}`).toBeGreaterThanOrEqual(3);
  };
  const fetchDashboard = async (days: number): Promise<Dashboard> => {
    const res = await app.api(`/api/admin/dashboard?days=${days}`, { token });
    expect(res.status).toBe(200);
    return ZDashboard.parse(await res.json());
  };
  /** Every KPI card shows the server's value (or "hidden"), and every KPI has a card and a definition. */
  const expectKpis = async (data: Dashboard) => {
    expect(data.kpis.map((k) => k.key).sort()).toEqual([...KPI_KEYS].sort());
    for (const kpi of data.kpis) {
      const card = page.getByTestId(`kpi-${kpi.key}`);
      await expect.poll(() => card.getByTestId(`kpi-${kpi.key}-value`).innerText()).toBe(shown(kpi));
      // the change is said in words ("Up …", "Down …", "Unchanged …", "No figure …"), not colour alone
      expect(await card.innerText()).toMatch(/Up |Down |Unchanged |No figure from the previous period/);
    }
  };
  /** Bars (rects with a value) or lines (paths) inside each chart's svg, which has a summary. */
  const expectChart = async (testId: string, shape: 'rect[data-value]' | 'path') => {
    const svg = page.getByTestId(testId);
    await svg.waitFor();
    expect(await svg.getAttribute('role')).toBe('img');
    expect((await svg.getAttribute('aria-label'))?.length ?? 0).toBeGreaterThan(10);
    expect(await svg.locator(shape).count(), testId).toBeGreaterThan(0);
  };

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    const port = await freePort();
    // The demo seed brings 90 days of activity (shares, clicks, conversions) for the dashboard.
    app = await startTestChorus({
      DEMO_CONTENT: 'true',
      DEMO_ACTIVITY: 'true',
      PORT: String(port),
      PUBLIC_URL: `http://localhost:${port}`,
    });
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

  it('1. comms opens Admin → Dashboard: every KPI with its value, change and definition, and every chart drawn', async () => {
    expect(comms).toBeTruthy();
    const data = await fetchDashboard(30);
    expect(data.period.days).toBe(30);
    expect(data.daily.some((p) => p.shares > 0 && p.clicks > 0)).toBe(true);

    await page.goto(`${app.url}/?tab=admin`);
    await page.getByRole('heading', { name: 'Sign in as…' }).waitFor();
    await page.getByLabel('Search people').fill(comms.displayName);
    await page.getByRole('button', { name: comms.displayName }).first().click();
    await page.getByTestId('signed-in-as').filter({ hasText: comms.displayName }).waitFor();
    await page.getByRole('tab', { name: 'Dashboard' }).click();
    await page.getByTestId('dashboard-body').waitFor();

    expect(await page.getByRole('radio', { name: '30 days' }).isChecked()).toBe(true);
    expect(await page.getByTestId('dashboard-comparing').innerText()).toMatch(
      /^Showing .+ – .+, compared with the period before: .+ – .+\.$/,
    );
    expect(await page.getByTestId('dashboard-as-of').innerText()).toMatch(
      /^(Data as of .+\.|The numbers have not been rolled up yet\.)$/,
    );
    await expectKpis(data);
    // every definition is on screen, in plain words
    expect(await page.getByTestId('kpi-clicks').innerText()).toContain('crawlers) are not counted');
    expect(await page.getByTestId('kpi-estimatedReach').innerText()).toContain('organic-reach rate');
    // result and effect goals are grouped apart
    for (const goal of ['result', 'effect'] as const) {
      const group = page.getByTestId(`dashboard-kpis-${goal}`);
      for (const kpi of data.kpis.filter((k) => k.goal === goal))
        expect(await group.getByTestId(`kpi-${kpi.key}`).count(), `${kpi.key} in ${goal}`).toBe(1);
    }

    await expectChart('dashboard-daily-chart', 'path');
    expect(await page.getByTestId('dashboard-daily-chart').locator('[data-series="clicks"]').count()).toBe(1);
    expect(await page.getByTestId('dashboard-daily-chart').locator('[data-series="shares"]').count()).toBe(1);
    // Today is still under way: the server says so, and the chart draws it apart (hatched area,
    // dashed edges, an open dot) and names it in its description, tooltip, legend and table.
    const today = data.daily.at(-1)!;
    expect(data.daily.filter((p) => p.partial)).toEqual([today]);
    expect(today.day).toBe(data.period.to);
    const chart = page.getByTestId('dashboard-daily-chart');
    expect(await chart.locator('[data-series="clicks"] path[data-partial]').getAttribute('fill')).toMatch(
      /^url\(#hatch-/,
    );
    expect(await chart.locator('[data-series="shares"] circle[data-partial]').count()).toBe(1);
    expect(await chart.locator('[data-series="shares"] circle:not([data-partial])').count()).toBe(
      data.daily.length - 1,
    );
    expect(await chart.getAttribute('aria-label')).toContain(
      `Last point: Today (so far), ${longDate.format(new Date(today.day))}, with ${en.format(today.shares)} shares and ${en.format(today.clicks)} clicks`,
    );
    expect(await chart.locator('rect[data-partial] title').textContent()).toBe(
      `Today (so far), ${longDate.format(new Date(today.day))}\nClicks: ${en.format(today.clicks)}\nShares: ${en.format(today.shares)}`,
    );
    expect(await chart.locator('rect:not([data-partial]) > title').count()).toBe(data.daily.length - 1);
    expect(await page.getByTestId('dashboard-daily').locator('ul li').last().innerText()).toBe(
      'Today (so far)',
    );
    expect(
      await page.getByTestId('dashboard-daily').locator('tbody tr').last().locator('th').innerText(),
    ).toBe(`Today (so far), ${longDate.format(new Date(today.day))}`);
    expect(
      await page.getByTestId('dashboard-daily').locator('tbody tr').first().locator('th').innerText(),
    ).toBe(longDate.format(new Date(data.daily[0]!.day)));
    await expectChart('dashboard-networks-chart', 'rect[data-value]');
    await expectChart('dashboard-top-content-chart', 'rect[data-value]');
    await expectChart('dashboard-top-departments-chart', 'rect[data-value]');
    await expectChart('dashboard-funnel-chart', 'rect[data-value]');
    if (data.kpis.some((k) => k.target !== null))
      await expectChart('dashboard-goals-chart', 'rect[data-value]');

    // top content: one bar and one table row per item, in the server's order
    const contentRows = page.getByTestId('dashboard-top-content-table').locator('tbody tr');
    expect(await contentRows.count()).toBe(data.topContent.length);
    expect(await contentRows.first().locator('th').innerText()).toBe(data.topContent[0]!.title);
    // top contributors: only named ones, with the note saying so
    expect(await page.getByTestId('dashboard-top-contributors').innerText()).toContain(
      'Only ambassadors who chose to be named are shown.',
    );
    if (data.topContributors.length > 0)
      expect(await page.getByTestId('dashboard-top-contributors-table').locator('tbody tr').count()).toBe(
        data.topContributors.length,
      );
    if (data.hiddenDepartments > 0)
      expect(await page.getByTestId('dashboard-hidden-departments').innerText()).toContain(
        'hidden — fewer than 5 ambassadors',
      );
    // the daily chart's table (read by screen readers; shown by "Show as table") has every day
    const daily = page.getByTestId('dashboard-daily');
    expect(await daily.locator('tbody tr').count()).toBe(data.daily.length);
    await daily.getByRole('button', { name: 'Show as table' }).click();
    expect(await daily.getByRole('button', { name: 'Show as table' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(await daily.getByRole('table').isVisible()).toBe(true);

    await shot('dashboard-30-days');
    await page.getByTestId('dashboard-daily').screenshot({ path: path.join(SHOTS, 'daily-light.png') });
    await expectAccessible('dashboard, 30 days');
    await expectPartialDayContrast('Light');
  });

  it('2. switching to 90 days loads the longer period and compares it with the 90 days before', async () => {
    const data = await fetchDashboard(90);
    expect(data.period.days).toBe(90);
    const before = await page.getByTestId('dashboard-comparing').innerText();
    await page.getByRole('radio', { name: '90 days' }).check();
    const daily = page.getByTestId('dashboard-daily');
    await expect.poll(() => daily.locator('tbody tr').count(), { timeout: 20_000 }).toBe(data.daily.length);
    expect(data.daily.length).toBeGreaterThan(30);
    const comparing = await page.getByTestId('dashboard-comparing').innerText();
    expect(comparing).not.toBe(before);
    await expectKpis(data);
    await shot('dashboard-90-days');
  });

  it('3. downloads a table as CSV: the file has the header row and data rows, as the API sends it', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('dashboard-csv-daily').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^chorus-daily-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    const file = await download.path();
    const text = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
    const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
    expect(lines[0]!.toLowerCase()).toMatch(/day|date|dag/);
    expect(lines[0]).toMatch(/shares|delinger/i);
    expect(lines.length).toBeGreaterThan(1);
    // the 90-day period is on screen, so the file covers 90 days
    const res = await app.api('/api/admin/dashboard/export/daily.csv?days=90', { token });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type') ?? '').toContain('text/csv');
    expect(text).toBe((await res.text()).replace(/^\uFEFF/, ''));
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Downloaded' }).count()).toBe(1);
  });

  it('4. has no serious accessibility violations in the dark and high-contrast themes', async () => {
    for (const theme of ['Dark', 'High contrast']) {
      await page.getByLabel('Theme').selectOption({ label: theme });
      await shot(`dashboard-${theme.toLowerCase().replace(' ', '-')}`);
      await page.getByTestId('dashboard-daily').screenshot({
        path: path.join(SHOTS, `daily-${theme.toLowerCase().replace(' ', '-')}.png`),
      });
      await expectAccessible(`dashboard, ${theme} theme`);
      await expectPartialDayContrast(theme);
    }
    await page.getByLabel('Theme').selectOption({ label: 'Light' });
  });
});
