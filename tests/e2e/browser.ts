import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';

const require = createRequire(import.meta.url);

/** Debian's Chromium (never a downloaded browser), headless, with the flags this closed network needs. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}: apt-get install -y chromium (or set CHROMIUM_PATH)`,
    );
  }
  return chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

let axeScript: Promise<string> | null = null;
const axeSource = () => (axeScript ??= readFile(require.resolve('axe-core/axe.min.js'), 'utf8'));

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Waits until every running CSS/Web animation in the page has finished (dialogs fade in, for example).
 * A contrast check taken mid-fade measures half-transparent text and fails for a reason no user sees.
 */
export async function settleAnimations(page: Page): Promise<void> {
  // A string, because this project's TypeScript has no DOM types; it runs in the page.
  await page.evaluate(`(async () => {
    // Two frames, so a transition that starts with the next paint is already running.
    for (let i = 0; i < 2; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
    const finite = document
      .getAnimations()
      .filter((a) => a.effect && a.effect.getComputedTiming().endTime !== Infinity);
    await Promise.race([
      Promise.allSettled(finite.map((a) => a.finished)),
      new Promise((resolve) => setTimeout(resolve, 2000)),
    ]);
  })()`);
}

/**
 * Runs axe-core in the page and returns serious and critical violations. Fluent UI's focus manager
 * (tabster) adds invisible "dummy" focus guards that axe reports as aria-hidden-focus; they are part of
 * Fluent's keyboard trapping, not content, so they are left out of the scan.
 */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  await settleAnimations(page);
  // Evaluated through the DevTools protocol rather than added as a <script>: Chorus's
  // Content-Security-Policy (script-src 'self') rightly refuses inline scripts, and the scan must run
  // against the real policy, not a browser context that bypasses it.
  await page.evaluate(await axeSource());
  const result = await page.evaluate<{ violations: AxeViolation[] }>(
    `axe.run({ exclude: [['[data-tabster-dummy]']] }, { resultTypes: ['violations'] })`,
  );
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
