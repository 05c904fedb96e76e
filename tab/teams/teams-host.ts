/**
 * Talks to the Teams host through teams-js. The library is imported dynamically, so a normal
 * browser visit never downloads it, and we only call `app.initialize()` when the page looks like
 * it runs inside Teams (outside Teams, teams-js would wait a long time before giving up).
 */

export interface TeamsHost {
  /** The locale Teams runs in, for example "da-dk". */
  locale: string;
  /** The Teams theme: "default", "dark", "contrast" (or "glass"). */
  theme: string;
  /** Subscribes to live theme changes. */
  onThemeChange: (handler: (theme: string) => void) => void;
  /** A Teams SSO token (Entra ID access token for our API). */
  getAuthToken: () => Promise<string>;
}

/** True when Teams opened us (`?inTeams=1` in the contentUrl) or we are framed by some host. */
export function looksLikeTeams(win: Window = window): boolean {
  const params = new URLSearchParams(win.location.search);
  if (params.get('inTeams') === '1') return true;
  try {
    return win.parent !== win;
  } catch {
    return true; // a cross-origin parent that refuses even this check is still a parent
  }
}

const INIT_TIMEOUT_MS = 5000;

function timeout(ms: number): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms));
}

let connection: Promise<TeamsHost | null> | null = null;

/**
 * Initialises teams-js once per page. Resolves to null (browser mode) if Teams does not answer in
 * time, so a page that is framed by something other than Teams still works.
 */
export function connectToTeams(timeoutMs = INIT_TIMEOUT_MS): Promise<TeamsHost | null> {
  connection ??= connect(timeoutMs);
  return connection;
}

async function connect(timeoutMs: number): Promise<TeamsHost | null> {
  try {
    const { app, authentication } = await import('@microsoft/teams-js');
    await Promise.race([app.initialize(), timeout(timeoutMs)]);
    const context = await Promise.race([app.getContext(), timeout(timeoutMs)]);
    app.notifySuccess().catch(() => undefined);
    return {
      locale: context.app.locale,
      theme: context.app.theme,
      onThemeChange: (handler) => app.registerOnThemeChangeHandler(handler),
      getAuthToken: () => authentication.getAuthToken(),
    };
  } catch (err) {
    console.warn('Chorus: Teams did not answer; continuing in browser mode.', err);
    return null;
  }
}
