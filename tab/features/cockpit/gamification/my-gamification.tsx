import { useState } from 'react';
import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  ProgressBar,
  Spinner,
  Switch,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { Leaderboard, MyPoints } from '@contracts';
import { isApiError } from '../../../api/client';
import { useI18n } from '../../../i18n';
import { useChorus } from '../../../state/chorus-context';
import { ErrorBar, Notice, asSentence } from '../../../ui/error-bar';
import { Panel, Pill, Section } from '../../../ui/layout';
import { useAsync } from '../../../ui/use-async';

const useStyles = makeStyles({
  total: { margin: 0, fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground2, margin: 0 },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  badges: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    listStyle: 'none',
    margin: 0,
    padding: 0,
  },
  tableWrap: { overflowX: 'auto' },
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    '& th, & td': {
      padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      textAlign: 'start',
    },
    '& td.num, & th.num': { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
  heading: { margin: 0 },
});

/** The leaderboard: teams of five or more, then individuals who chose to appear. */
function LeaderboardView({ board }: { board: Leaderboard }) {
  const { t, formatNumber } = useI18n();
  const g = t.gamification;
  const styles = useStyles();
  return (
    <>
      {board.teams.length === 0 ? (
        <Body1 as="p">{g.leaderboardNoTeams}</Body1>
      ) : (
        <div className={styles.tableWrap}>
          <table className={styles.table} data-testid="leaderboard-teams">
            <caption className={styles.muted}>{g.leaderboardTeams}</caption>
            <thead>
              <tr>
                <th scope="col">{g.team}</th>
                <th scope="col" className="num">
                  {g.ambassadors}
                </th>
                <th scope="col" className="num">
                  {g.points}
                </th>
                <th scope="col" className="num">
                  {g.average}
                </th>
              </tr>
            </thead>
            <tbody>
              {board.teams.map((team) => (
                <tr key={team.team}>
                  <td>{team.team}</td>
                  <td className="num">{formatNumber(team.ambassadors)}</td>
                  <td className="num">{formatNumber(team.points)}</td>
                  <td className="num">{formatNumber(team.averagePoints)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {board.individuals.length > 0 && (
        <div className={styles.tableWrap}>
          <table className={styles.table} data-testid="leaderboard-individuals">
            <caption className={styles.muted}>{g.leaderboardIndividuals}</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{g.name}</th>
                <th scope="col" className="num">
                  {g.points}
                </th>
              </tr>
            </thead>
            <tbody>
              {board.individuals.map((person, i) => (
                <tr key={`${i}-${person.displayName}`}>
                  <td>{i + 1}</td>
                  <td>
                    {person.displayName} {person.isMe ? g.you : ''}
                  </td>
                  <td className="num">{formatNumber(person.points)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** "I wrote my own post": counts for points (the program's best posts are in people's own words). */
function OwnPostForm({ onSaved }: { onSaved: () => void }) {
  const { t } = useI18n();
  const g = t.gamification;
  const styles = useStyles();
  const { api } = useChorus();
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);

  async function save() {
    setBusy(true);
    setProblem(null);
    setError(null);
    setSaved(false);
    try {
      await api.reportOwnPost(url.trim() || null);
      setSaved(true);
      setUrl('');
      onSaved();
    } catch (err) {
      if (isApiError(err, 'VALIDATION_FAILED') && err.problems.length)
        setProblem(asSentence(err.problems[0]!.message));
      else setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <div className={styles.row}>
        <Field
          label={g.ownPostUrl}
          validationMessage={problem ?? undefined}
          validationState={problem ? 'error' : 'none'}
        >
          <Input type="url" value={url} onChange={(_, d) => setUrl(d.value)} />
        </Field>
        <Button type="submit" disabled={busy}>
          {g.reportOwnPost}
        </Button>
        {busy && <Spinner size="tiny" aria-hidden />}
      </div>
      {saved && <Notice intent="success">{g.ownPostSaved}</Notice>}
      {error !== null && <ErrorBar error={error} />}
    </form>
  );
}

/** My points, badges, the leaderboard opt-in and running challenges; private, and hidden when switched off. */
function MyGamificationContent({ mine, reload }: { mine: MyPoints; reload: () => void }) {
  const { t, formatNumber } = useI18n();
  const g = t.gamification;
  const styles = useStyles();
  const { api } = useChorus();
  const board = useAsync(
    (signal) => (mine.leaderboardEnabled ? api.leaderboard(signal) : Promise.resolve(null)),
    `leaderboard-${mine.leaderboardEnabled}-${mine.showOnLeaderboard}`,
  );
  const challenges = useAsync((signal) => api.myChallenges(signal), 'my-challenges');
  const [show, setShow] = useState(mine.showOnLeaderboard);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function toggle(next: boolean) {
    setSaving(true);
    setError(null);
    setShow(next);
    try {
      await api.setLeaderboardVisibility(next);
      reload();
    } catch (err) {
      setShow(!next);
      setError(err);
    } finally {
      setSaving(false);
    }
  }

  const running = (challenges.data?.challenges ?? []).filter((c) => c.status === 'running');
  return (
    <Section id="impact-gamification" title={g.myTitle}>
      <Panel>
        <p className={styles.total} data-testid="my-points">
          {g.myPoints(formatNumber(mine.points))}
        </p>
        <Caption1 as="p" className={styles.muted}>
          {g.myPointsPrivate}
        </Caption1>
        <Body1 as="h3" className={styles.heading}>
          <strong>{g.breakdownTitle}</strong>
        </Body1>
        <ul className={styles.list}>
          {mine.breakdown
            .filter((b) => b.count > 0)
            .map((b) => (
              <li key={b.action}>
                {g.breakdownLine(g.actions[b.action], formatNumber(b.count), formatNumber(b.points))}
              </li>
            ))}
        </ul>
        {mine.badgesEnabled && (
          <>
            <Body1 as="h3" className={styles.heading}>
              <strong>{g.badgesTitle}</strong>
            </Body1>
            {mine.badges.length === 0 ? (
              <Body1 as="p">{g.noBadges}</Body1>
            ) : (
              <ul className={styles.badges} data-testid="my-badges">
                {mine.badges.map((b) => (
                  <li key={b}>
                    <Pill strong>{g.badgeNames[b]}</Pill>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
        <OwnPostForm onSaved={reload} />
      </Panel>
      {mine.leaderboardEnabled && (
        <Panel>
          <Body1 as="h3" className={styles.heading}>
            <strong>{g.leaderboardTitle}</strong>
          </Body1>
          {mine.individualLeaderboard && (
            <Field hint={g.showMeHint}>
              <Switch
                label={g.showMe}
                checked={show}
                disabled={saving}
                onChange={(_, d) => void toggle(d.checked)}
              />
            </Field>
          )}
          {error !== null && <ErrorBar error={error} />}
          {board.error !== null && <ErrorBar error={board.error} onRetry={() => void board.reload()} />}
          {board.data ? (
            <LeaderboardView board={board.data} />
          ) : (
            board.loading && <Spinner size="tiny" label={g.loading} />
          )}
        </Panel>
      )}
      <Panel>
        <Body1 as="h3" className={styles.heading}>
          <strong>{g.myChallengesTitle}</strong>
        </Body1>
        {challenges.error !== null && (
          <ErrorBar error={challenges.error} onRetry={() => void challenges.reload()} />
        )}
        {challenges.data && running.length === 0 && <Body1 as="p">{g.noRunningChallenges}</Body1>}
        {running.map((c) => {
          const shares = c.progress?.shares ?? 0;
          return (
            <div key={c.id}>
              <Body1 as="p">
                <strong>{c.title}</strong> <Pill>{c.hashtag}</Pill>
              </Body1>
              {c.description && <Caption1 as="p">{c.description}</Caption1>}
              <Field
                label={g.myProgress(shares, c.threshold)}
                validationState={c.progress?.qualified ? 'success' : 'none'}
                validationMessage={c.progress?.qualified ? g.qualified : undefined}
              >
                <ProgressBar value={Math.min(1, shares / c.threshold)} max={1} />
              </Field>
            </div>
          );
        })}
      </Panel>
    </Section>
  );
}

/** Mounted on My impact: nothing at all while gamification is off or the person is not an ambassador. */
export function MyGamification() {
  const { api } = useChorus();
  const mine = useAsync((signal) => api.myPoints(signal), 'my-points');
  if (!mine.data || !mine.data.enabled) {
    // Not a member (409) or switched off: the section is hidden; other errors are shown.
    if (mine.error !== null && !isApiError(mine.error, 'NOT_A_MEMBER')) {
      return <ErrorBar error={mine.error} onRetry={() => void mine.reload()} />;
    }
    return null;
  }
  return <MyGamificationContent mine={mine.data} reload={() => void mine.reload()} />;
}
