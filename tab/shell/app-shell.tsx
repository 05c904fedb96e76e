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
import { MyTeamPage } from '../features/my-team/my-team-page';
import { useT, type Dictionary } from '../i18n';
import {
  ChorusContext,
  TAB_IDS,
  itemIdFromPath,
  itemPath,
  type ChorusContextValue,
  type TabId,
} from '../state/chorus-context';
import { Loading, Pill } from '../ui/layout';
import { useAsync } from '../ui/use-async';
import { PreferenceSwitches, type BrowserPreferences } from './preferences';

// Split out of the initial bundle: most people never open Admin, and the chat is demo-only.
const AdminPage = lazy(() => import('../features/admin/admin-page'));
const ChatPanel = lazy(() => import('../features/chat/chat-panel'));

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
    case 'my-team':
      return t.tabs.myTeam;
    case 'admin':
      return t.tabs.admin;
  }
}

export function visibleTabs(roles: Me['roles']): TabId[] {
  return TAB_IDS.filter(
    (id) =>
      (id !== 'my-team' || roles.includes('manager')) &&
      (id !== 'admin' || roles.includes('comms') || roles.includes('approver')),
  );
}

/** Where the person is: a tab, or (inside the library) one item's page. */
interface Route {
  tab: TabId;
  itemId: string | null;
}

function routeFromUrl(allowed: readonly TabId[]): Route {
  const itemId = itemIdFromPath(window.location.pathname);
  if (itemId) return { tab: 'library', itemId };
  const wanted = new URLSearchParams(window.location.search).get('tab');
  return { tab: allowed.find((id) => id === wanted) ?? 'library', itemId: null };
}

function urlFor(route: Route): URL {
  const url = new URL(window.location.href);
  if (route.itemId) {
    url.pathname = itemPath(route.itemId);
    url.searchParams.delete('tab');
  } else {
    url.pathname = '/';
    url.searchParams.set('tab', route.tab);
  }
  return url;
}

/** The signed-in app: header, tab navigation, the current page, and (in the demo) the chat. */
export function AppShell({
  api,
  config,
  me,
  reloadMe,
  onSignOut,
  preferences,
}: {
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
  const tabs = useMemo(() => visibleTabs(me.roles), [me.roles]);
  const [route, setRoute] = useState<Route>(() => routeFromUrl(tabs));
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
  const chat = useChatFeed(api, config.demoChat);
  const [chatLoaded, setChatLoaded] = useState(false);
  const restoreFocusTarget = useRestoreFocusTarget();

  // Roles can change (a reload of /api/me); never leave someone on a tab they cannot see.
  const current = tabs.includes(tab) ? tab : 'library';

  const itemId = current === 'library' ? route.itemId : null;

  useEffect(() => {
    const url = urlFor({ tab: current, itemId });
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
  }, [current, itemId]);

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
      setRoute({ tab: id, itemId: null });
    },
    [tabs],
  );

  const openItem = useCallback((id: string) => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    focusMain.current = true;
    historyMode.current = 'push';
    pushedItem.current = true;
    setRoute({ tab: 'library', itemId: id });
  }, []);

  const closeItem = useCallback(() => {
    if (pushedItem.current) {
      // We put the item page on the history stack: going back restores the library's address too.
      window.history.back();
      return;
    }
    focusMain.current = true;
    historyMode.current = 'push';
    setRoute({ tab: 'library', itemId: null });
  }, []);

  const value = useMemo<ChorusContextValue>(
    () => ({ api, config, me, reloadMe, program, chat, navigate, openItem, closeItem }),
    [api, config, me, reloadMe, program, chat, navigate, openItem, closeItem],
  );

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
            {config.demoChat && (
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
              setRoute({ tab: data.value as TabId, itemId: null });
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
            {current === 'my-team' && <MyTeamPage />}
            {current === 'admin' && (
              <Suspense fallback={<Loading label={t.admin.loadingPage} />}>
                <AdminPage />
              </Suspense>
            )}
          </div>
        </main>
        {config.demoChat && chatLoaded && (
          <Suspense fallback={null}>
            <ChatPanel feed={chat} />
          </Suspense>
        )}
      </div>
    </ChorusContext.Provider>
  );
}
