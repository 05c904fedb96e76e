import { useId, useState, type ReactNode } from 'react';
import {
  Body1,
  Button,
  Caption1,
  Field,
  SearchBox,
  Spinner,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { PersonSummary } from '@contracts';
import type { ChorusApi } from '../../api/chorus-api';
import { useT } from '../../i18n';
import { ErrorBar } from '../../ui/error-bar';
import { useDebounced } from '../../ui/use-debounced';
import { useAsync } from '../../ui/use-async';

const useStyles = makeStyles({
  main: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    maxWidth: '640px',
    width: '100%',
    margin: '0 auto',
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalL}`,
    boxSizing: 'border-box',
  },
  heading: { margin: 0 },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  item: { position: 'relative' },
  person: {
    width: '100%',
    justifyContent: 'flex-start',
    alignItems: 'flex-start',
    textAlign: 'start',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalXXL}`,
    minHeight: '60px',
  },
  details: {
    position: 'absolute',
    // the button's border plus its padding, so both lines start at the same place
    left: `calc(${tokens.spacingHorizontalM} + ${tokens.strokeWidthThin})`,
    right: tokens.spacingHorizontalM,
    bottom: tokens.spacingVerticalS,
    pointerEvents: 'none',
    color: tokens.colorNeutralForeground2,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  status: { color: tokens.colorNeutralForeground2 },
});

const SEARCH_DELAY_MS = 250;
const LIMIT = 20;

/** The demo's "Sign in as…" picker: find a made-up colleague and see Chorus as them. */
export function SignInPage({
  api,
  onSignIn,
  notice,
}: {
  api: ChorusApi;
  onSignIn: (token: string) => void;
  /** Shown above the picker (for example "your session has ended"). */
  notice?: ReactNode;
}) {
  const t = useT();
  const styles = useStyles();
  const [query, setQuery] = useState('');
  const debounced = useDebounced(query.trim(), SEARCH_DELAY_MS);
  const people = useAsync((signal) => api.searchPeople(debounced, LIMIT, signal), debounced);
  const [signingIn, setSigningIn] = useState<PersonSummary | null>(null);
  const [signInError, setSignInError] = useState<unknown>(null);
  const headingId = useId();
  const statusId = useId();

  async function signIn(person: PersonSummary) {
    setSigningIn(person);
    setSignInError(null);
    try {
      const session = await api.devSignIn({ personId: person.id });
      onSignIn(session.token);
    } catch (err) {
      setSignInError(err);
      setSigningIn(null);
    }
  }

  const list = people.data?.people ?? [];
  const status = people.loading
    ? t.signIn.loading
    : people.error
      ? ''
      : list.length === 0
        ? t.signIn.none
        : t.signIn.results(list.length);

  return (
    <main className={styles.main} aria-labelledby={headingId}>
      <Title2 as="h1" id={headingId} className={styles.heading}>
        {t.signIn.title}
      </Title2>
      <Body1>{t.signIn.intro}</Body1>
      {notice}
      <Field label={t.signIn.search} hint={t.signIn.searchHint}>
        <SearchBox
          value={query}
          onChange={(_, data) => setQuery(data.value)}
          autoComplete="off"
          aria-controls={`${headingId}-people`}
          data-testid="people-search"
        />
      </Field>
      <Caption1 id={statusId} className={styles.status} role="status" aria-live="polite">
        {status}
      </Caption1>
      {people.loading && list.length === 0 && <Spinner size="small" aria-hidden />}
      {people.error !== null && <ErrorBar error={people.error} onRetry={() => void people.reload()} />}
      {signInError !== null && <ErrorBar error={signInError} />}
      {signingIn && <Spinner size="small" label={t.signIn.signingIn(signingIn.displayName)} />}
      <ul
        id={`${headingId}-people`}
        className={styles.list}
        aria-label={t.signIn.listLabel}
        aria-busy={people.loading}
      >
        {list.map((person) => {
          const detailsId = `${headingId}-${person.id}`;
          const details =
            [person.jobTitle, person.department].filter(Boolean).join(' · ') || t.signIn.unknownTitle;
          return (
            <li key={person.id} className={styles.item}>
              {/* The button's name is just the person's name; job title and department describe it.
                  They sit over the button's lower half (clicks pass through), so the whole row is
                  one target with one focus ring. */}
              <Button
                className={styles.person}
                appearance="subtle"
                aria-describedby={detailsId}
                disabled={signingIn !== null}
                onClick={() => void signIn(person)}
                data-testid={`person-${person.id}`}
              >
                {person.displayName}
              </Button>
              <Caption1 id={detailsId} className={styles.details}>
                {details}
              </Caption1>
            </li>
          );
        })}
      </ul>
    </main>
  );
}
