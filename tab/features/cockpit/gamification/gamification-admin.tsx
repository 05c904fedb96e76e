import { useEffect, useState } from 'react';
import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Radio,
  RadioGroup,
  Spinner,
  Switch,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  ZPointAction,
  type ChallengeView,
  type DrawView,
  type GamificationSettingsInput,
  type GamificationSettingsView,
  type PointAction,
  type TicketRule,
} from '@contracts';
import { isApiError } from '../../../api/client';
import { useI18n, useT } from '../../../i18n';
import { useChorus } from '../../../state/chorus-context';
import { ErrorBar, Notice, asSentence } from '../../../ui/error-bar';
import { EmptyState, Loading, Panel, Pill, Section } from '../../../ui/layout';
import { useAsync } from '../../../ui/use-async';
import { DrawResult } from './draw-result';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  points: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))',
    gap: tokens.spacingHorizontalM,
    border: 'none',
    margin: 0,
    padding: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalS },
  actions: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  muted: { color: tokens.colorNeutralForeground2, margin: 0 },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalM },
  row: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalM },
  heading: { margin: 0 },
});

/** Field problems from the server, by field name without the "body." prefix. */
type Problems = Record<string, string>;

function problemsOf(err: unknown): Problems | null {
  if (isApiError(err, 'VALIDATION_FAILED') && err.problems.length) {
    return Object.fromEntries(
      err.problems.map((p) => [p.field.replace(/^body\./, ''), asSentence(p.message)]),
    );
  }
  return null;
}

const fieldState = (problems: Problems, key: string) =>
  problems[key] ? { validationMessage: problems[key], validationState: 'error' as const } : {};

function toInput(view: GamificationSettingsView): GamificationSettingsInput {
  return {
    enabled: view.enabled,
    points: { ...view.points },
    leaderboard: view.leaderboard,
    individualLeaderboard: view.individualLeaderboard,
    badges: view.badges,
  };
}

/** The settings form: switches and points per action. */
function SettingsForm({
  initial,
  onSaved,
}: {
  initial: GamificationSettingsView;
  onSaved: (v: GamificationSettingsView) => void;
}) {
  const { t, formatDate } = useI18n();
  const g = t.gamification;
  const styles = useStyles();
  const { api } = useChorus();
  const [form, setForm] = useState(() => toInput(initial));
  // Points as typed, so a half-typed number is not turned into 0 under the cursor.
  const [typed, setTyped] = useState<Record<PointAction, string>>(() => pointsText(initial));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [problems, setProblems] = useState<Problems>({});
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    setForm(toInput(initial));
    setTyped(pointsText(initial));
  }, [initial]);

  const set = <K extends keyof GamificationSettingsInput>(key: K, value: GamificationSettingsInput[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setSaved(false);
  };

  async function save() {
    setBusy(true);
    setError(null);
    setProblems({});
    try {
      const points = Object.fromEntries(
        ZPointAction.options.map((a) => [a, typed[a].trim() === '' ? Number.NaN : Number(typed[a])]),
      ) as Record<PointAction, number>;
      const view = await api.saveGamificationSettings({ ...form, points });
      setSaved(true);
      onSaved(view);
    } catch (err) {
      const found = problemsOf(err);
      if (found) setProblems(found);
      else setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className={styles.form}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      data-testid="gamification-settings-form"
    >
      <Caption1 as="p" className={styles.muted}>
        {initial.updatedAt ? g.lastSaved(formatDate(initial.updatedAt, true)) : g.defaultsNote}
      </Caption1>
      <Field hint={g.enabledHint} {...fieldState(problems, 'enabled')}>
        <Switch label={g.enabled} checked={form.enabled} onChange={(_, d) => set('enabled', d.checked)} />
      </Field>
      <fieldset className={styles.points}>
        <legend className={styles.legend}>{g.pointsLegend}</legend>
        {ZPointAction.options.map((action) => (
          <Field key={action} label={g.actions[action]} {...fieldState(problems, `points.${action}`)}>
            <Input
              type="number"
              min={0}
              max={1000}
              step={1}
              inputMode="numeric"
              value={typed[action]}
              onChange={(_, d) => {
                setTyped((p) => ({ ...p, [action]: d.value }));
                setSaved(false);
              }}
            />
          </Field>
        ))}
      </fieldset>
      <Caption1 as="p" className={styles.muted}>
        {g.pointsHint}
      </Caption1>
      <Field hint={g.leaderboardHint}>
        <Switch
          label={g.leaderboard}
          checked={form.leaderboard}
          onChange={(_, d) => set('leaderboard', d.checked)}
        />
      </Field>
      <Field hint={g.individualLeaderboardHint}>
        <Switch
          label={g.individualLeaderboard}
          checked={form.leaderboard && form.individualLeaderboard}
          disabled={!form.leaderboard}
          onChange={(_, d) => set('individualLeaderboard', d.checked)}
        />
      </Field>
      <Switch label={g.badges} checked={form.badges} onChange={(_, d) => set('badges', d.checked)} />
      {error !== null && <ErrorBar error={error} />}
      {saved && <Notice intent="success">{g.saved}</Notice>}
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={busy}>
          {busy ? g.saving : g.save}
        </Button>
        {busy && <Spinner size="tiny" aria-hidden />}
      </div>
    </form>
  );
}

function pointsText(view: GamificationSettingsView): Record<PointAction, string> {
  return Object.fromEntries(ZPointAction.options.map((a) => [a, String(view.points[a])])) as Record<
    PointAction,
    string
  >;
}

/** A datetime-local value (the browser's local time) as an ISO instant, or null when empty or invalid. */
function localToIso(value: string): string | null {
  if (!value) return null;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}

/** The create form, checked at the field before it is sent; the server's problems land on the same fields. */
function CreateChallengeForm({ onCreated }: { onCreated: (c: ChallengeView) => void }) {
  const t = useT();
  const g = t.gamification;
  const styles = useStyles();
  const { api } = useChorus();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [hashtag, setHashtag] = useState('#');
  const [startsAt, setStartsAt] = useState('');
  const [endsAt, setEndsAt] = useState('');
  const [threshold, setThreshold] = useState('1');
  const [ticketRule, setTicketRule] = useState<TicketRule>('one');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [problems, setProblems] = useState<Problems>({});
  const [created, setCreated] = useState(false);

  async function create() {
    setError(null);
    setCreated(false);
    const start = localToIso(startsAt);
    const end = localToIso(endsAt);
    // Ends before it starts: said at the field at once; everything else is the server's words.
    if (start && end && Date.parse(end) <= Date.parse(start)) {
      setProblems({ endsAt: g.endBeforeStart });
      return;
    }
    setProblems({});
    setBusy(true);
    try {
      const challenge = await api.createChallenge({
        title,
        description,
        hashtag,
        startsAt: start ?? startsAt,
        endsAt: end ?? endsAt,
        threshold: Number(threshold),
        ticketRule,
      });
      setCreated(true);
      setTitle('');
      setDescription('');
      setHashtag('#');
      onCreated(challenge);
    } catch (err) {
      const found = problemsOf(err);
      if (found) setProblems(found);
      else setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className={styles.form}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void create();
      }}
      aria-labelledby="gamification-new-challenge"
      data-testid="challenge-form"
    >
      <Body1 as="h3" id="gamification-new-challenge" className={styles.heading}>
        <strong>{g.newChallenge}</strong>
      </Body1>
      <Field label={g.challengeTitle} required {...fieldState(problems, 'title')}>
        <Input value={title} maxLength={120} onChange={(_, d) => setTitle(d.value)} />
      </Field>
      <Field label={g.description} {...fieldState(problems, 'description')}>
        <Textarea value={description} maxLength={2000} onChange={(_, d) => setDescription(d.value)} />
      </Field>
      <Field label={g.hashtag} hint={g.hashtagHint} required {...fieldState(problems, 'hashtag')}>
        <Input value={hashtag} onChange={(_, d) => setHashtag(d.value)} />
      </Field>
      <div className={styles.row}>
        <Field label={g.startsAt} required {...fieldState(problems, 'startsAt')}>
          <Input type="datetime-local" value={startsAt} onChange={(_, d) => setStartsAt(d.value)} />
        </Field>
        <Field label={g.endsAt} required {...fieldState(problems, 'endsAt')}>
          <Input type="datetime-local" value={endsAt} onChange={(_, d) => setEndsAt(d.value)} />
        </Field>
      </div>
      <Field label={g.threshold} required {...fieldState(problems, 'threshold')}>
        <Input
          type="number"
          min={1}
          max={1000}
          step={1}
          inputMode="numeric"
          value={threshold}
          onChange={(_, d) => setThreshold(d.value)}
        />
      </Field>
      <Field label={g.ticketRule} {...fieldState(problems, 'ticketRule')}>
        <RadioGroup
          value={ticketRule}
          onChange={(_, d) => setTicketRule(d.value === 'per_share' ? 'per_share' : 'one')}
        >
          <Radio value="one" label={g.ticketOne} />
          <Radio value="per_share" label={g.ticketPerShare} />
        </RadioGroup>
      </Field>
      {error !== null && <ErrorBar error={error} />}
      {created && <Notice intent="success">{g.created}</Notice>}
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={busy}>
          {busy ? g.creating : g.create}
        </Button>
        {busy && <Spinner size="tiny" aria-hidden />}
      </div>
    </form>
  );
}

/**
 * "Run prize draw": the number of winners, past winners, and a confirmation (a draw cannot be undone).
 * The draw names the draws seen when the dialog opened, so if the challenge was drawn meanwhile (a
 * colleague, another window) the server refuses with who and when; drawing again means opening it again.
 */
function RunDraw({
  challenge,
  onDrawn,
  onStale,
}: {
  challenge: ChallengeView;
  onDrawn: (d: DrawView) => void;
  onStale: () => void;
}) {
  const t = useT();
  const g = t.gamification;
  const styles = useStyles();
  const { api } = useChorus();
  const [open, setOpen] = useState(false);
  const [earlierDraws, setEarlierDraws] = useState(challenge.drawIds.length);
  const [winners, setWinners] = useState('1');
  const [excludePast, setExcludePast] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [problems, setProblems] = useState<Problems>({});

  async function run() {
    setBusy(true);
    setError(null);
    setProblems({});
    try {
      const draw = await api.runPrizeDraw(challenge.id, {
        winnerCount: Number(winners),
        excludePastWinners: excludePast,
        earlierDraws,
      });
      setOpen(false);
      onDrawn(draw);
    } catch (err) {
      const found = problemsOf(err);
      if (found) setProblems(found);
      else setError(err);
      // Drawn meanwhile: the server's message says by whom; the list shows that draw.
      if (isApiError(err, 'CONFLICT')) onStale();
    } finally {
      setBusy(false);
    }
  }

  const count = Number(winners) || 0;
  return (
    <>
      <Button
        appearance="primary"
        onClick={() => {
          setEarlierDraws(challenge.drawIds.length);
          setError(null);
          setOpen(true);
        }}
      >
        {g.runDraw}
      </Button>
      <Dialog open={open} onOpenChange={(_, d) => !busy && setOpen(d.open)}>
        <DialogSurface aria-describedby={`confirm-draw-${challenge.id}`}>
          <DialogBody>
            <DialogTitle>{g.confirmDrawTitle}</DialogTitle>
            <DialogContent className={styles.form}>
              <Field label={g.winnerCount} required {...fieldState(problems, 'winnerCount')}>
                <Input
                  type="number"
                  min={1}
                  max={100}
                  step={1}
                  inputMode="numeric"
                  value={winners}
                  onChange={(_, d) => setWinners(d.value)}
                />
              </Field>
              <Checkbox
                label={g.excludePastWinners}
                checked={excludePast}
                onChange={(_, d) => setExcludePast(d.checked === true)}
              />
              <Body1 as="p" id={`confirm-draw-${challenge.id}`}>
                {g.confirmDrawBody(challenge.title, count)}
              </Body1>
              {error !== null && <ErrorBar error={error} />}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" disabled={busy} onClick={() => void run()}>
                {busy ? g.drawing : g.confirmDraw}
              </Button>
              <Button disabled={busy} onClick={() => setOpen(false)}>
                {g.cancel}
              </Button>
              {busy && <Spinner size="tiny" aria-hidden />}
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}

/** One challenge in the list, with its draw controls and published draws. */
function ChallengeRow({ challenge, onDrawn }: { challenge: ChallengeView; onDrawn: () => void }) {
  const { t, formatDate } = useI18n();
  const g = t.gamification;
  const styles = useStyles();
  const { api } = useChorus();
  const [shown, setShown] = useState<DrawView | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function show(drawId: string) {
    setError(null);
    try {
      setShown(await api.prizeDraw(drawId));
    } catch (err) {
      setError(err);
    }
  }

  return (
    <li>
      <Panel>
        <div className={styles.actions}>
          <Body1 as="h3" className={styles.heading}>
            <strong>{challenge.title}</strong>
          </Body1>
          <Pill strong={challenge.status === 'running'}>{g.status[challenge.status]}</Pill>
          <Pill>{challenge.hashtag}</Pill>
        </div>
        <Caption1 as="p" className={styles.muted}>
          {g.period(formatDate(challenge.startsAt, true), formatDate(challenge.endsAt, true))} ·{' '}
          {g.qualifyRule(challenge.threshold)} ·{' '}
          {challenge.ticketRule === 'one' ? g.ticketOne : g.ticketPerShare}
        </Caption1>
        {challenge.description && <Body1 as="p">{challenge.description}</Body1>}
        <div className={styles.actions}>
          {challenge.status === 'ended' ? (
            <RunDraw
              challenge={challenge}
              onDrawn={(d) => {
                setShown(d);
                onDrawn();
              }}
              onStale={onDrawn}
            />
          ) : (
            <Caption1 className={styles.muted}>{g.drawOnlyAfterEnd}</Caption1>
          )}
          {challenge.drawIds.map((drawId, i) => (
            <Button key={drawId} appearance="secondary" onClick={() => void show(drawId)}>
              {g.showDraw} {challenge.drawIds.length > 1 ? challenge.drawIds.length - i : ''}
            </Button>
          ))}
        </div>
        {error !== null && <ErrorBar error={error} />}
        {shown && <DrawResult key={shown.id} draw={shown} />}
      </Panel>
    </li>
  );
}

/** Admin → Gamification: points, leaderboard, badges, challenges and prize draws (issue 6). */
export function GamificationAdmin() {
  const t = useT();
  const g = t.gamification;
  const styles = useStyles();
  const { api } = useChorus();
  const settings = useAsync((signal) => api.gamificationSettings(signal), 'gamification-settings');
  const challenges = useAsync((signal) => api.adminChallenges(signal), 'gamification-challenges');
  const [current, setCurrent] = useState<GamificationSettingsView | null>(null);
  const view = current ?? settings.data ?? null;
  const list = challenges.data?.challenges;
  return (
    <Section id="gamification" title={g.title}>
      <Body1 as="p">{g.intro}</Body1>
      {settings.error !== null && <ErrorBar error={settings.error} onRetry={() => void settings.reload()} />}
      <Panel>
        <Body1 as="h3" className={styles.heading}>
          <strong>{g.settingsTitle}</strong>
        </Body1>
        {view ? (
          <SettingsForm initial={view} onSaved={setCurrent} />
        ) : (
          settings.error === null && <Loading label={g.loading} />
        )}
      </Panel>
      <Body1 as="h3" className={styles.heading}>
        <strong>{g.challengesTitle}</strong>
      </Body1>
      {challenges.error !== null && (
        <ErrorBar error={challenges.error} onRetry={() => void challenges.reload()} />
      )}
      {list === undefined ? (
        challenges.error === null && <Loading label={g.loading} />
      ) : list.length === 0 ? (
        <EmptyState id="gamification-no-challenges" title={g.noChallenges}>
          <Body1 as="p">{g.noChallengesHint}</Body1>
        </EmptyState>
      ) : (
        <ul className={styles.list} data-testid="challenge-list">
          {list.map((c) => (
            <ChallengeRow key={c.id} challenge={c} onDrawn={() => void challenges.reload()} />
          ))}
        </ul>
      )}
      <Panel>
        <CreateChallengeForm onCreated={() => void challenges.reload()} />
      </Panel>
    </Section>
  );
}
