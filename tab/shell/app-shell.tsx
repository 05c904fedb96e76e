import { Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  Button,
  Caption1,
  Tab,
  TabList,
  Text,
  makeStyles,
  tokens,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import type { ClientConfig, Me } from '@contracts';
import type { ChorusApi } from '../api/chorus-api';
import { CampaignsPage } from '../features/campaigns/campaigns-page';
import { useChatFeed } from '../features/chat/chat-feed';
import { ImpactPage } from '../features/impact/impact-page';
import { ItemPage } from '../features/library/item-page';
import { LibraryPage } from '../features/library/library-page';
import { useT, type Dictionary } from '../i18n';
import {
  ChorusContext,
  TAB_IDS,
  campaignLinkFromSearch,
  campaignLinkFromSubPage,
  itemIdFromPath,
  itemPath,
  type CampaignLink,
  type ChorusContextValue,
  type TabId,
} from '../state/chorus-context';
import { hostHasBotChat, type HostInfo, type TeamsHost } from '../teams/teams-host';
import { Loading, Pill } from '../ui/layout';
import { useAsync } from '../ui/use-async';
import { PreferenceSwitches, type BrowserPreferences } from './preferences';

// Split out of the initial bundle: most people never open Admin, and the chat is demo-only.
const AdminPage = lazy(() => import('../features/admin/admin-page'));
const ChatPanel = lazy(() => import('../features/chat/chat-panel'));
const DevInboxPage = lazy(() => import('../features/dev-inbox/dev-inbox-page'));
const MyTeamPage = lazy(() => import('../features/my-team/my-team-page'));
const MySparringPage = lazy(() => import('../features/sparring/my-sparring-page'));
const ConfigurePage = lazy(() => import('../features/campaigns/configure-page'));

const useStyles = makeStyles({
  root: { minHeight: '100vh', display: 'flex', flexDirection: 'column' },
  skip: {
    position: 'absolute',
    left: tokens.spacingHorizontalS,
    top: '-100px',
    zIndex: 10,
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorBrandForegroundLink,
    ':focus': { top: tokens.spacingVerticalS },
  },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  brand: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  tools: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  muted: { color: tokens.colorNeutralForeground2 },
  unread: { marginInlineStart: tokens.spacingHorizontalXS },
  nav: {
    padding: `0 ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  embedded: {
    flexGrow: 1,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground2,
    ':focus': { outline: 'none' },
  },
  main: {
    flexGrow: 1,
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground2,
    ':focus': { outline: 'none' },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
});

function tabLabel(id: TabId, t: Dictionary): string {
  switch (id) {
    case 'library':
      return t.tabs.library;
    case 'campaigns':
      return t.tabs.campaigns;
    case 'impact':
      return t.tabs.impact;
    case 'sparring':
      return t.sparring.tab;
    case 'my-team':
      return t.tabs.myTeam;
    case 'admin':
      return t.tabs.admin;
    case 'inbox':
      return t.tabs.inbox;
  }
}

/** The tabs a person sees: My team for managers, Admin for comms and approvers, the inbox in the demo. */
export function visibleTabs(roles: Me['roles'], demoInbox: boolean): TabId[] {
  return TAB_IDS.filter(
    (id) =>
      (id !== 'my-team' || roles.includes('manager')) &&
      (id !== 'admin' || roles.includes('comms') || roles.includes('approver')) &&
      (id !== 'inbox' || demoInbox),
  );
}

/** Where the person is: a tab, (inside the library) one item's page, or one campaign. */
interface Route {
  tab: TabId;
  itemId: string | null;
  campaign: CampaignLink | null;
}

/** The tab the address asks for: `?tab=`, or `?page=` as invitation links write it. */
function wantedTab(params: URLSearchParams): string | null {
  return params.get('tab') ?? params.get('page');
}

/** The configuration page of the configurable tab (a channel tab, or a SharePoint page or web part). */
function isConfigureRequest(host: HostInfo): boolean {
  return (
    host.frameContext === 'settings' || wantedTab(new URLSearchParams(window.location.search)) === 'configure'
  );
}

function routeFromUrl(allowed: readonly TabId[], subPageId: string | null = null): Route {
  const itemId = itemIdFromPath(window.location.pathname);
  if (itemId) return { tab: 'library', itemId, campaign: null };
  const campaign = campaignLinkFromSearch(window.location.search) ?? campaignLinkFromSubPage(subPageId);
  if (campaign) return { tab: 'campaigns', itemId: null, campaign };
  const wanted = wantedTab(new URLSearchParams(window.location.search));
  return { tab: allowed.find((id) => id === wanted) ?? 'library', itemId: null, campaign: null };
}

function urlFor(route: Route): URL {
  const url = new URL(window.location.href);
  url.searchParams.delete('page');
  if (route.itemId) {
    url.pathname = itemPath(route.itemId);
    url.searchParams.delete('tab');
  } else {
    url.pathname = '/';
    url.searchParams.set('tab', route.tab);
  }
  if (route.tab === 'campaigns' && route.campaign) {
    url.searchParams.set('campaign', route.campaign.campaignId);
    if (route.campaign.join) url.searchParams.set('join', '1');
    else url.searchParams.delete('join');
  } else {
    url.searchParams.delete('campaign');
    url.searchParams.delete('join');
  }
  return url;
}

/** The signed-in app: header, tab navigation, the current page, and (in the demo) the chat. */
export function AppShell({
  host,
  tabConfig,
  api,
  config,
  me,
  reloadMe,
  onSignOut,
  preferences,
}: {
  /** Where the tab runs; the browser outside any host. */
  host: HostInfo;
  /** The host's configurable-tab API (only inside a host). */
  tabConfig: TeamsHost['tabConfig'] | null;
  api: ChorusApi;
  config: ClientConfig;
  me: Me;
  reloadMe: () => Promise<void>;
  /** Only for the demo sign-in; in Teams, Teams owns the session. */
  onSignOut: (() => void) | null;
  /** Only outside Teams. */
  preferences: BrowserPreferences | null;
}) {
  const t = useT();
  const styles = useStyles();
  const botChat = config.demoChat && hostHasBotChat(host);
  const tabs = useMemo(() => visibleTabs(me.roles, botChat), [me.roles, botChat]);
  const [route, setRoute] = useState<Route>(() => routeFromUrl(tabs, host.subPageId));
  const [configuring] = useState(() => isConfigureRequest(host));
  // A channel tab or a SharePoint page shows the campaigns alone: no header, no navigation.
  const [embedded] = useState(
    () => host.kind === 'sharepoint' || new URLSearchParams(window.location.search).get('embed') === '1',
  );
  const tab = route.tab;
  const mainRef = useRef<HTMLElement>(null);
  const focusMain = useRef(false);
  // How the next route change reaches the address bar: a new history entry for an item page,
  // a replacement for a tab switch, nothing when the browser's back/forward caused it.
  const historyMode = useRef<'push' | 'replace' | 'none'>('replace');
  const pushedItem = useRef(false);
  const opener = useRef<HTMLElement | null>(null);
  const restoreOpener = useRef(false);
  const [libraryKept, setLibraryKept] = useState(false);
  const program = useAsync(() => api.program(), 'program');
  const chat = useChatFeed(api, botChat);
  const [chatLoaded, setChatLoaded] = useState(false);
  const restoreFocusTarget = useRestoreFocusTarget();

  // Roles can change (a reload of /api/me); never leave someone on a tab they cannot see.
  const current = tabs.includes(tab) ? tab : 'library';

  const itemId = current === 'library' ? route.itemId : null;
  const campaignLink = current === 'campaigns' ? route.campaign : null;

  useEffect(() => {
    if (configuring) return;
    const url = urlFor({ tab: current, itemId, campaign: campaignLink });
    const mode = historyMode.current;
    historyMode.current = 'replace';
    if (mode !== 'none' && url.href !== window.location.href) {
      if (mode === 'push') window.history.pushState({ chorus: true }, '', url);
      else window.history.replaceState(window.history.state, '', url);
    }
    if (current === 'library' && !itemId) setLibraryKept(true);
    if (restoreOpener.current) {
      restoreOpener.current = false;
      const target = opener.current;
      opener.current = null;
      if (target?.isConnected) {
        target.focus();
        focusMain.current = false;
      }
    }
    if (focusMain.current) {
      focusMain.current = false;
      mainRef.current?.focus();
    }
  }, [current, itemId, campaignLink, configuring]);

  useEffect(() => {
    const onPopState = () => {
      historyMode.current = 'none';
      const next = routeFromUrl(tabs);
      if (!next.itemId) {
        pushedItem.current = false;
        restoreOpener.current = true;
      }
      focusMain.current = true;
      setRoute(next);
    };
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, [tabs]);

  useEffect(() => {
    if (chat.open) setChatLoaded(true);
  }, [chat.open]);

  const navigate = useCallback(
    (id: TabId) => {
      if (!tabs.includes(id)) return;
      focusMain.current = true;
      historyMode.current = 'replace';
      setRoute({ tab: id, itemId: null, campaign: null });
    },
    [tabs],
  );

  const showCampaign = useCallback((link: CampaignLink | null) => {
    // Opening the join step is a step forward (Back returns to the list); leaving it is not.
    historyMode.current = link?.join ? 'push' : 'replace';
    setRoute({ tab: 'campaigns', itemId: null, campaign: link });
  }, []);

  const openItem = useCallback((id: string) => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    focusMain.current = true;
    historyMode.current = 'push';
    pushedItem.current = true;
    setRoute({ tab: 'library', itemId: id, campaign: null });
  }, []);

  const closeItem = useCallback(() => {
    if (pushedItem.current) {
      // We put the item page on the history stack: going back restores the library's address too.
      window.history.back();
      return;
    }
    focusMain.current = true;
    historyMode.current = 'push';
    setRoute({ tab: 'library', itemId: null, campaign: null });
  }, []);

  const value = useMemo<ChorusContextValue>(
    () => ({
      api,
      config,
      me,
      reloadMe,
      program,
      chat,
      host,
      embedded,
      campaignLink,
      showCampaign,
      navigate,
      openItem,
      closeItem,
    }),
    [
      api,
      config,
      me,
      reloadMe,
      program,
      chat,
      host,
      embedded,
      campaignLink,
      showCampaign,
      navigate,
      openItem,
      closeItem,
    ],
  );

  if (configuring) {
    return (
      <ChorusContext.Provider value={value}>
        <main id="main" className={styles.main}>
          <Suspense fallback={<Loading label={t.app.loading} />}>
            <ConfigurePage tabConfig={tabConfig} />
          </Suspense>
        </main>
      </ChorusContext.Provider>
    );
  }

  if (embedded) {
    return (
      <ChorusContext.Provider value={value}>
        <main id="main" className={styles.embedded} tabIndex={-1}>
          <CampaignsPage />
        </main>
      </ChorusContext.Provider>
    );
  }

  return (
    <ChorusContext.Provider value={value}>
      <div className={styles.root}>
        <a className={styles.skip} href="#main">
          {t.app.skipToContent}
        </a>
        <header className={styles.header}>
          <div className={styles.brand}>
            <Text as="span" size={500} weight="semibold">
              {t.app.name}
            </Text>
            <Caption1 className={styles.muted}>{t.app.tagline}</Caption1>
            {config.mode === 'demo' && <Pill>{t.app.demoBadge}</Pill>}
          </div>
          <div className={styles.tools}>
            <Caption1 data-testid="signed-in-as">{t.app.signedInAs(me.person.displayName)}</Caption1>
            {preferences && <PreferenceSwitches preferences={preferences} />}
            {botChat && (
              <Button
                onClick={() => chat.setOpen(true)}
                aria-haspopup="dialog"
                {...restoreFocusTarget}
                data-testid="open-chat"
              >
                {t.chat.open}
                {chat.unread > 0 && (
                  <span className={styles.unread}>
                    <Pill strong>{t.chat.unread(chat.unread)}</Pill>
                  </span>
                )}
              </Button>
            )}
            {onSignOut && (
              <Button appearance="subtle" onClick={onSignOut} data-testid="sign-out">
                {t.app.signOut}
              </Button>
            )}
          </div>
        </header>
        <nav className={styles.nav} aria-label={t.app.navLabel}>
          <TabList
            selectedValue={current}
            onTabSelect={(_, data) => {
              historyMode.current = 'replace';
              pushedItem.current = false;
              setRoute({ tab: data.value as TabId, itemId: null, campaign: null });
            }}
          >
            {tabs.map((id) => (
              <Tab key={id} id={`tab-${id}`} value={id} aria-controls="tabpanel">
                {tabLabel(id, t)}
              </Tab>
            ))}
          </TabList>
        </nav>
        <main id="main" ref={mainRef} tabIndex={-1} className={styles.main}>
          <div id="tabpanel" role="tabpanel" aria-labelledby={`tab-${current}`}>
            {itemId && <ItemPage key={itemId} itemId={itemId} />}
            {current === 'library' && (libraryKept || !itemId) && (
              // Kept (hidden) while an item page is open, so going back finds the same search and results.
              <div hidden={itemId !== null}>
                <LibraryPage />
              </div>
            )}
            {current === 'campaigns' && <CampaignsPage />}
            {current === 'impact' && <ImpactPage />}
            {current === 'sparring' && (
              <Suspense fallback={<Loading label={t.sparring.loading} />}>
                <MySparringPage />
              </Suspense>
            )}
            {current === 'my-team' && (
              <Suspense fallback={<Loading label={t.myTeam.loading} />}>
                <MyTeamPage />
              </Suspense>
            )}
            {current === 'inbox' && (
              <Suspense fallback={<Loading label={t.inbox.loading} />}>
                <DevInboxPage />
              </Suspense>
            )}
            {current === 'admin' && (
              <Suspense fallback={<Loading label={t.admin.loadingPage} />}>
                <AdminPage />
              </Suspense>
            )}
          </div>
        </main>
        {botChat && chatLoaded && (
          <Suspense fallback={null}>
            <ChatPanel feed={chat} />
          </Suspense>
        )}
      </div>
    </ChorusContext.Provider>
  );
}
