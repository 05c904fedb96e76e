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
import { LibraryPage } from '../features/library/library-page';
import { MyTeamPage } from '../features/my-team/my-team-page';
import { useT, type Dictionary } from '../i18n';
import { ChorusContext, TAB_IDS, type ChorusContextValue, type TabId } from '../state/chorus-context';
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
    (id) => (id !== 'my-team' || roles.includes('manager')) && (id !== 'admin' || roles.includes('comms')),
  );
}

function tabFromUrl(allowed: readonly TabId[]): TabId {
  const wanted = new URLSearchParams(window.location.search).get('tab');
  return allowed.find((id) => id === wanted) ?? 'library';
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
  const [tab, setTab] = useState<TabId>(() => tabFromUrl(tabs));
  const mainRef = useRef<HTMLElement>(null);
  const focusMain = useRef(false);
  const program = useAsync(() => api.program(), 'program');
  const chat = useChatFeed(api, config.demoChat);
  const [chatLoaded, setChatLoaded] = useState(false);
  const restoreFocusTarget = useRestoreFocusTarget();

  // Roles can change (a reload of /api/me); never leave someone on a tab they cannot see.
  const current = tabs.includes(tab) ? tab : 'library';

  useEffect(() => {
    const url = new URL(window.location.href);
    if (url.searchParams.get('tab') !== current) {
      url.searchParams.set('tab', current);
      window.history.replaceState(window.history.state, '', url);
    }
    if (focusMain.current) {
      focusMain.current = false;
      mainRef.current?.focus();
    }
  }, [current]);

  useEffect(() => {
    if (chat.open) setChatLoaded(true);
  }, [chat.open]);

  const navigate = useCallback(
    (id: TabId) => {
      if (!tabs.includes(id)) return;
      focusMain.current = true;
      setTab(id);
    },
    [tabs],
  );

  const value = useMemo<ChorusContextValue>(
    () => ({ api, config, me, reloadMe, program, chat, navigate }),
    [api, config, me, reloadMe, program, chat, navigate],
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
          <TabList selectedValue={current} onTabSelect={(_, data) => setTab(data.value as TabId)}>
            {tabs.map((id) => (
              <Tab key={id} id={`tab-${id}`} value={id} aria-controls="tabpanel">
                {tabLabel(id, t)}
              </Tab>
            ))}
          </TabList>
        </nav>
        <main id="main" ref={mainRef} tabIndex={-1} className={styles.main}>
          <div id="tabpanel" role="tabpanel" aria-labelledby={`tab-${current}`}>
            {current === 'library' && <LibraryPage />}
            {current === 'campaigns' && <CampaignsPage />}
            {current === 'impact' && <ImpactPage />}
            {current === 'my-team' && <MyTeamPage />}
            {current === 'admin' && (
              <Suspense fallback={<Loading label={t.admin.loading} />}>
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
