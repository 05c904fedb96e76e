import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import {
  Button,
  Caption1,
  Field,
  Input,
  Spinner,
  Subtitle2,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { CampaignInput, CampaignView, Language, Pitch } from '@contracts';
import { isApiError } from '../../../api/client';
import { useI18n } from '../../../i18n';
import { Notice, asSentence } from '../../../ui/error-bar';
import { ImageField } from '../content/image-field';
import { AudienceBuilder, AudiencePreviewPanel } from './audience-builder';
import {
  audienceFilter,
  emptyCampaignForm,
  formFromCampaign,
  toCampaignInput,
  type CampaignForm,
  type Problems,
} from './campaign-form';

const useStyles = makeStyles({
  layout: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) minmax(260px, 340px)',
    '@media (max-width: 820px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
    gap: tokens.spacingHorizontalXL,
    alignItems: 'start',
  },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  aside: { position: 'sticky', top: tokens.spacingVerticalM, minWidth: 0 },
  fieldset: {
    border: 'none',
    margin: 0,
    padding: 0,
    minWidth: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  legend: { padding: 0, margin: 0 },
  muted: { color: tokens.colorNeutralForeground2 },
  pair: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

/** The editor's field for a problem the server names after the request ("body.goalAmbassadors"). */
function fieldKey(field: string): string {
  const path = field.replace(/^body\./, '');
  if (path === 'goalAmbassadors') return 'goal';
  if (path.startsWith('audience.titleWords')) return 'titleWords';
  return path;
}

const PITCH_PARTS = ['why', 'effort', 'support'] as const satisfies readonly (keyof Pitch)[];

/**
 * The campaign editor: name, the pitch in Danish and English (why, what it takes, support), the
 * period, the goal and the audience, with a live audience preview beside it. Checked with the
 * contract's rules before it is sent; `onSave` decides create or update.
 */
export function CampaignEditor({
  campaign,
  onSave,
}: {
  campaign: CampaignView | null;
  onSave: (input: CampaignInput) => Promise<void>;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const ids = useId();
  const initial = useMemo(() => (campaign ? formFromCampaign(campaign) : emptyCampaignForm()), [campaign]);
  const [form, setForm] = useState<CampaignForm>(initial);
  const [problems, setProblems] = useState<Problems>({});
  const [serverError, setServerError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const problemsRef = useRef<HTMLDivElement>(null);

  // The server's copy after a save, not what was typed.
  useEffect(() => setForm(initial), [initial]);

  const dirty = JSON.stringify(form) !== JSON.stringify(initial);
  const filter = useMemo(() => audienceFilter(form.audience), [form.audience]);
  const problem = (key: string) => problems[key];
  const fieldState = (key: string) => (problems[key] ? ('error' as const) : ('none' as const));
  const setPitch = (lang: Language, part: keyof Pitch, value: string) =>
    setForm((f) => ({ ...f, pitch: { ...f.pitch, [lang]: { ...f.pitch[lang], [part]: value } } }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setSaved(false);
    setServerError(null);
    const result = toCampaignInput(form, t.recruit.problems);
    if (!result.ok) {
      setProblems(result.problems);
      requestAnimationFrame(() => problemsRef.current?.focus());
      return;
    }
    setProblems({});
    setBusy(true);
    try {
      await onSave(result.input);
      setSaved(true);
    } catch (err) {
      // Field problems from the server land on the fields; anything else shows above the form.
      if (isApiError(err) && err.problems.length > 0) {
        setProblems(Object.fromEntries(err.problems.map((p) => [fieldKey(p.field), asSentence(p.message)])));
      }
      setServerError(err);
      requestAnimationFrame(() => problemsRef.current?.focus());
    } finally {
      setBusy(false);
    }
  }

  const problemCount = Object.keys(problems).length;
  const languageName = (lang: Language) => t.content.languageName[lang];

  return (
    <div className={styles.layout}>
      <form
        className={styles.form}
        noValidate
        onSubmit={(e) => void submit(e)}
        aria-label={campaign ? campaign.name : t.recruit.newTitle}
      >
        {(problemCount > 0 || serverError !== null) && (
          <div ref={problemsRef} tabIndex={-1}>
            <Notice intent="error" live="assertive">
              {serverError !== null && isApiError(serverError) && serverError.fromServer
                ? serverError.message
                : t.recruit.fixProblems}
            </Notice>
          </div>
        )}
        <Field
          label={t.recruit.name}
          hint={t.recruit.nameHint}
          required
          validationState={fieldState('name')}
          validationMessage={problem('name')}
        >
          <Input
            value={form.name}
            onChange={(_, d) => setForm((f) => ({ ...f, name: d.value }))}
            data-testid="campaign-name"
          />
        </Field>

        <fieldset className={styles.fieldset} aria-describedby={`${ids}-pitch-hint`}>
          <legend className={styles.legend}>
            <Subtitle2>{t.recruit.pitch}</Subtitle2>
          </legend>
          <Caption1 id={`${ids}-pitch-hint`} className={styles.muted}>
            {t.recruit.pitchHint}
          </Caption1>
          {problem('pitch') && <Notice intent="error">{problem('pitch')}</Notice>}
          {(['da', 'en'] as const).map((lang) => (
            <fieldset key={lang} className={styles.fieldset} data-testid={`campaign-pitch-${lang}`}>
              <legend className={styles.legend}>
                <Caption1>
                  <strong>{t.recruit.pitchIn(languageName(lang))}</strong>
                </Caption1>
              </legend>
              {PITCH_PARTS.map((part) => {
                const key = `pitch.${lang}.${part}`;
                return (
                  <Field
                    key={part}
                    label={t.recruit[part]}
                    hint={t.recruit[`${part}Hint`]}
                    validationState={fieldState(key)}
                    validationMessage={problem(key)}
                  >
                    <Textarea
                      value={form.pitch[lang][part]}
                      rows={part === 'why' ? 4 : 2}
                      resize="vertical"
                      lang={lang}
                      onChange={(_, d) => setPitch(lang, part, d.value)}
                      data-testid={`campaign-${lang}-${part}`}
                    />
                  </Field>
                );
              })}
            </fieldset>
          ))}
        </fieldset>

        <ImageField
          value={form.image}
          onChange={(image) => setForm((f) => ({ ...f, image }))}
          alt={form.name}
          allowUrl={false}
          hint={t.recruit.imageHint}
          problem={problem('imageId')}
        />

        <fieldset className={styles.fieldset}>
          <legend className={styles.legend}>
            <Subtitle2>{t.recruit.period}</Subtitle2>
          </legend>
          <div className={styles.pair}>
            <Field
              label={t.recruit.startsAt}
              required
              validationState={fieldState('startsAt')}
              validationMessage={problem('startsAt')}
            >
              <Input
                type="date"
                value={form.startsOn}
                onChange={(_, d) => setForm((f) => ({ ...f, startsOn: d.value }))}
                data-testid="campaign-starts"
              />
            </Field>
            <Field
              label={t.recruit.endsAt}
              required
              validationState={fieldState('endsAt')}
              validationMessage={problem('endsAt')}
            >
              <Input
                type="date"
                value={form.endsOn}
                onChange={(_, d) => setForm((f) => ({ ...f, endsOn: d.value }))}
                data-testid="campaign-ends"
              />
            </Field>
          </div>
          <Field
            label={t.recruit.goal}
            hint={t.recruit.goalHint}
            required
            validationState={fieldState('goal')}
            validationMessage={problem('goal')}
          >
            <Input
              type="number"
              min={1}
              step={1}
              inputMode="numeric"
              value={form.goal}
              onChange={(_, d) => setForm((f) => ({ ...f, goal: d.value }))}
              data-testid="campaign-goal"
            />
          </Field>
        </fieldset>

        <AudienceBuilder
          value={form.audience}
          onChange={(audience) => setForm((f) => ({ ...f, audience }))}
          titleWordsProblem={problem('titleWords')}
        />

        <div className={styles.actions}>
          <Button type="submit" appearance="primary" disabledFocusable={busy} data-testid="campaign-save">
            {campaign ? t.recruit.save : t.recruit.create}
          </Button>
          {busy && <Spinner size="tiny" label={t.recruit.saving} />}
          {!busy && saved && !dirty && (
            <Caption1 role="status" className={styles.muted}>
              {t.recruit.saved}
            </Caption1>
          )}
          {!busy && campaign && !dirty && !saved && (
            <Caption1 className={styles.muted}>{t.recruit.noChanges}</Caption1>
          )}
        </div>
      </form>
      <aside className={styles.aside} aria-label={t.recruit.preview}>
        <AudiencePreviewPanel filter={filter} campaignId={campaign?.id ?? null} />
      </aside>
    </div>
  );
}
