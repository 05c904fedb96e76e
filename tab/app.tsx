import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Body1, Button, FluentProvider, Title2, makeStyles, tokens } from '@fluentui/react-components';
import type { Language } from '@contracts';
import { createChorusApi } from './api/chorus-api';
import { ApiRequestError, createApiClient } from './api/client';
import { clearDevToken, readDevToken, writeDevToken } from './features/sign-in/dev-session';
import { SignInPage } from './features/sign-in/sign-in-page';
import {
  I18nProvider,
  browserLanguage,
  languageFromLocale,
  storeLanguage,
  storedLanguage,
  useI18n,
} from './i18n';
import { AppShell } from './shell/app-shell';
import type { BrowserPreferences } from './shell/preferences';
import { PublicFrame } from './shell/public-frame';
import { BROWSER_HOST, connectToTeams, looksLikeTeams, type TeamsHost } from './teams/teams-host';
import { createSsoTokenSource } from './teams/sso';
import {
  fluentTheme,
  storeTheme,
  storedTheme,
  systemTheme,
  themeFromTeams,
  type ThemeName,
} from './teams/theme';
import { ErrorBar, Notice } from './ui/error-bar';
import { Loading } from './ui/layout';
import { useAsync } from './ui/use-async';

const useStyles = makeStyles({
  provider: { minHeight: '100%', backgroundColor: tokens.colorNeutralBackground2 },
  centered: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    maxWidth: '640px',
    margin: '0 auto',
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalL}`,
  },
  heading: { margin: 0 },
});

type HostState = { kind: 'connecting' } | { kind: 'browser' } | { kind: 'teams'; host: TeamsHost };

/**
 * Decides where we run (Teams or a browser), then applies theme and language:
 * in Teams both follow Teams; in a browser the person picks them and we remember the choice.
 */
export function App() {
  const styles = useStyles();
  // Outside Teams this is decided synchronously: no waiting for teams-js.
  const [host, setHost] = useState<HostState>(() =>
    looksLikeTeams() ? { kind: 'connecting' } : { kind: 'browser' },
  );
  const [teamsTheme, setTeamsTheme] = useState<ThemeName>('light');
  const [browserTheme, setBrowserTheme] = useState<ThemeName>(() => storedTheme() ?? systemTheme());
  const [browserLang, setBrowserLang] = useState<Language>(() => storedLanguage() ?? browserLanguage());

  useEffect(() => {
    if (host.kind !== 'connecting') return;
    let cancelled = false;
    void connectToTeams().then((teams) => {
      if (!cancelled) setHost(teams ? { kind: 'teams', host: teams } : { kind: 'browser' });
    });
    return () => {
      cancelled = true;
    };
  }, [host.kind]);

  useEffect(() => {
    if (host.kind !== 'teams') return;
    setTeamsTheme(themeFromTeams(host.host.theme));
    host.host.onThemeChange((theme) => setTeamsTheme(themeFromTeams(theme)));
  }, [host]);

  const inTeams = host.kind === 'teams';
  const language: Language = host.kind === 'teams' ? languageFromLocale(host.host.locale) : browserLang;
  const themeName = inTeams ? teamsTheme : browserTheme;

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const preferences = useMemo<BrowserPreferences | null>(
    () =>
      host.kind === 'browser'
        ? {
            language: browserLang,
            setLanguage: (next) => {
              storeLanguage(next);
              setBrowserLang(next);
            },
            theme: browserTheme,
            setTheme: (next) => {
              storeTheme(next);
              setBrowserTheme(next);
            },
          }
        : null,
    [host.kind, browserLang, browserTheme],
  );

  return (
    <FluentProvider theme={fluentTheme(themeName, inTeams)} className={styles.provider}>
      <I18nProvider language={language}>
        {host.kind === 'connecting' ? (
          <StartingUp />
        ) : (
          <Session teams={host.kind === 'teams' ? host.host : null} preferences={preferences} />
        )}
      </I18nProvider>
    </FluentProvider>
  );
}

function StartingUp() {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <main className={styles.centered}>
      <Loading label={t.app.loading} />
    </main>
  );
}

type Auth =
  { kind: 'none' } | { kind: 'dev'; token: string } | { kind: 'sso'; getToken: () => Promise<string> };

function authKey(auth: Auth): string {
  return auth.kind === 'dev' ? `dev:${auth.token}` : auth.kind;
}

/** Config, then who is signed in (Teams SSO, or the demo's "Sign in as…"), then the app. */
function Session({
  teams,
  preferences,
}: {
  teams: TeamsHost | null;
  preferences: BrowserPreferences | null;
}) {
  const { t, language } = useI18n();
  const styles = useStyles();
  const [auth, setAuth] = useState<Auth>(() => {
    if (teams) return { kind: 'sso', getToken: createSsoTokenSource(teams.getAuthToken) };
    const token = readDevToken();
    return token ? { kind: 'dev', token } : { kind: 'none' };
  });
  const [sessionEnded, setSessionEnded] = useState(false);
  const authRef = useRef(auth);
  authRef.current = auth;
  const languageRef = useRef(language);
  languageRef.current = language;

  const api = useMemo(
    () =>
      createChorusApi(
        createApiClient({
          getToken: async () => {
            const current = authRef.current;
            if (current.kind === 'dev') return current.token;
            if (current.kind === 'sso') return current.getToken();
            return null;
          },
          onUnauthorized: () => {
            // A demo session that expired or was revoked: back to the picker.
            if (authRef.current.kind === 'dev') {
              clearDevToken();
              setSessionEnded(true);
              setAuth({ kind: 'none' });
            }
          },
          getLanguage: () => languageRef.current,
        }),
      ),
    [],
  );

  const config = useAsync(() => api.config(), 'config');
  const me = useAsync(() => (auth.kind === 'none' ? Promise.resolve(null) : api.me()), authKey(auth));

  const frame = (page: ReactNode) => <PublicFrame preferences={preferences}>{page}</PublicFrame>;

  const signIn = useCallback((token: string) => {
    writeDevToken(token);
    setSessionEnded(false);
    setAuth({ kind: 'dev', token });
  }, []);
  const signOut = useCallback(() => {
    clearDevToken();
    setSessionEnded(false);
    setAuth({ kind: 'none' });
  }, []);

  if (config.data === undefined) {
    return frame(
      <main className={styles.centered}>
        {config.error !== null ? (
          <ErrorBar error={config.error} title={t.errors.configFailed} onRetry={() => void config.reload()} />
        ) : (
          <Loading label={t.app.loading} />
        )}
      </main>,
    );
  }
  const cfg = config.data;

  const picker = (notice?: ReactNode) =>
    frame(
      <SignInPage
        api={api}
        onSignIn={signIn}
        notice={notice ?? (sessionEnded ? <Notice intent="info">{t.errors.sessionEnded}</Notice> : undefined)}
      />,
    );

  if (auth.kind === 'none') {
    if (cfg.devSignIn) return picker();
    return frame(
      <main className={styles.centered}>
        <Title2 as="h1" className={styles.heading}>
          {t.errors.notInTeamsTitle}
        </Title2>
        <Body1>{t.errors.notInTeamsBody}</Body1>
        {sessionEnded && <Notice intent="info">{t.errors.sessionEnded}</Notice>}
      </main>,
    );
  }

  if (me.error !== null && !me.loading) {
    const ssoProblem =
      auth.kind === 'sso' && (!(me.error instanceof ApiRequestError) || me.error.status === 401);
    if (ssoProblem && cfg.devSignIn) {
      return picker(
        <Notice intent="warning" title={t.errors.ssoFailed}>
          {t.errors.ssoFallback}
        </Notice>,
      );
    }
    return frame(
      <main className={styles.centered}>
        <ErrorBar
          error={me.error}
          title={ssoProblem ? t.errors.ssoFailed : t.errors.title}
          onRetry={() => void me.reload()}
        />
        {auth.kind === 'dev' && (
          <div>
            <Button onClick={signOut}>{t.app.signOut}</Button>
          </div>
        )}
      </main>,
    );
  }

  if (!me.data) {
    return frame(
      <main className={styles.centered}>
        <Loading label={t.app.loading} />
      </main>,
    );
  }

  return (
    <AppShell
      key={me.data.person.id}
      host={teams?.info ?? BROWSER_HOST}
      tabConfig={teams?.tabConfig ?? null}
      api={api}
      config={cfg}
      me={me.data}
      reloadMe={me.reload}
      onSignOut={auth.kind === 'dev' ? signOut : null}
      preferences={preferences}
    />
  );
}
