/**
 * Talks to the host (Teams, Outlook, the Microsoft 365 app or SharePoint) through teams-js. The
 * library is imported dynamically, so a normal browser visit never downloads it, and we only call
 * `app.initialize()` when the page looks like it runs inside a host (outside one, teams-js would
 * wait a long time before giving up).
 */

/**
 * Where the tab runs. teams-js has no SharePoint host name: SharePoint (a full page or a web part)
 * is recognised by `context.sharepoint` being set.
 */
export type HostKind = 'browser' | 'teams' | 'outlook' | 'office' | 'sharepoint' | 'other';

/** What the pages need to know about the host, in every host (the browser included). */
export interface HostInfo {
  kind: HostKind;
  /** teams-js' frame context: "content", "settings" (the configuration page), "sidePanel", … */
  frameContext: string | null;
  /** A deep link's sub-page (Teams' subEntityId), for example "campaign:<id>:join". */
  subPageId: string | null;
}

export const BROWSER_HOST: HostInfo = { kind: 'browser', frameContext: null, subPageId: null };

/** What a configurable tab saves: the page a channel or a SharePoint page shows. */
export interface TabConfig {
  entityId: string;
  contentUrl: string;
  websiteUrl: string;
  suggestedDisplayName: string;
}

export interface TeamsHost {
  info: HostInfo;
  /** The locale the host runs in, for example "da-dk". */
  locale: string;
  /** The host theme: "default", "dark", "contrast" (or "glass"). */
  theme: string;
  /** Subscribes to live theme changes. */
  onThemeChange: (handler: (theme: string) => void) => void;
  /** A Teams SSO token (Entra ID access token for our API). */
  getAuthToken: () => Promise<string>;
  /** The configuration page's side of a configurable tab (only in the "settings" frame). */
  tabConfig: {
    /** Remembers the configuration to save and enables the host's Save button. */
    set: (config: TabConfig) => Promise<void>;
    /** Called when the person presses Save; `save` must resolve once the configuration is stored. */
    onSave: (save: () => Promise<void>) => void;
  };
}

/** True when a host opened us (`?inTeams=1` in the contentUrl) or something frames us. */
export function looksLikeTeams(win: Window = window): boolean {
  const params = new URLSearchParams(win.location.search);
  if (params.get('inTeams') === '1') return true;
  try {
    return win.parent !== win;
  } catch {
    return true; // a cross-origin parent that refuses even this check is still a parent
  }
}

/**
 * Our name for the host from teams-js' context. `hostName` is one of Teams, TeamsModern, Outlook,
 * OutlookWin32, Office, Places or Orange; SharePoint hosts Teams tabs under those names, so its own
 * page context decides first.
 */
export function hostKind(hostName: string | undefined, sharepoint: unknown): HostKind {
  if (sharepoint !== undefined && sharepoint !== null) return 'sharepoint';
  switch (hostName) {
    case 'Teams':
    case 'TeamsModern':
      return 'teams';
    case 'Outlook':
    case 'OutlookWin32':
      return 'outlook';
    case 'Office':
      return 'office';
    default:
      return 'other';
  }
}

/**
 * The demo chat and links into the bot's chat only make sense where a person can chat with the bot:
 * in a browser (the demo's panel) and in Teams. SharePoint, Outlook and the Microsoft 365 app hide them.
 */
export function hostHasBotChat(info: HostInfo): boolean {
  return info.kind === 'browser' || info.kind === 'teams';
}

const INIT_TIMEOUT_MS = 5000;

function timeout(ms: number): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms));
}

let connection: Promise<TeamsHost | null> | null = null;

/**
 * Initialises teams-js once per page. Resolves to null (browser mode) if the host does not answer
 * in time, so a page that is framed by something else still works.
 */
export function connectToTeams(timeoutMs = INIT_TIMEOUT_MS): Promise<TeamsHost | null> {
  connection ??= connect(timeoutMs);
  return connection;
}

async function connect(timeoutMs: number): Promise<TeamsHost | null> {
  try {
    const { app, authentication, pages } = await import('@microsoft/teams-js');
    await Promise.race([app.initialize(), timeout(timeoutMs)]);
    const context = await Promise.race([app.getContext(), timeout(timeoutMs)]);
    app.notifySuccess().catch(() => undefined);
    const info: HostInfo = {
      kind: hostKind(context.app.host?.name, context.sharepoint),
      frameContext: context.page?.frameContext ?? null,
      subPageId: context.page?.subPageId || null,
    };
    return {
      info,
      locale: context.app.locale,
      theme: context.app.theme,
      onThemeChange: (handler) => app.registerOnThemeChangeHandler(handler),
      getAuthToken: () => authentication.getAuthToken(),
      tabConfig: {
        set: async (config) => {
          await pages.config.setConfig(config);
          pages.config.setValidityState(true);
        },
        onSave: (save) =>
          pages.config.registerOnSaveHandler((event) => {
            save().then(
              () => event.notifySuccess(),
              (err: unknown) => event.notifyFailure(err instanceof Error ? err.message : String(err)),
            );
          }),
      },
    };
  } catch (err) {
    console.warn('Chorus: the host did not answer; continuing in browser mode.', err);
    return null;
  }
}
