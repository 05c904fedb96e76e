import { useEffect, useId, useState } from 'react';
import {
  Body1,
  Button,
  Caption1,
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
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import type { CoachSettingsInput, CoachSettingsView } from '@contracts';
import { isApiError } from '../../../api/client';
import { useI18n, useT } from '../../../i18n';
import { useChorus } from '../../../state/chorus-context';
import { ErrorBar, Notice, asSentence } from '../../../ui/error-bar';
import { Loading, Panel, Section } from '../../../ui/layout';
import { useAsync } from '../../../ui/use-async';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
  },
  entry: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    paddingInlineStart: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  adder: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  muted: { color: tokens.colorNeutralForeground2 },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  block: { display: 'block', margin: 0 },
  fieldset: {
    border: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
});

type ListKey = 'blockedTerms' | 'requiredHashtags' | 'companyDomains' | 'suggestedHashtags';

/** Field problems from the server, by field name without the "body." prefix ("requiredHashtags.0"). */
type Problems = Record<string, string>;

/** The problems of one list, whichever entry they are about. */
const listProblems = (problems: Problems, key: ListKey) =>
  Object.entries(problems)
    .filter(([field]) => field === key || field.startsWith(`${key}.`))
    .map(([, message]) => message);

/**
 * A list comms can add entries to and remove entries from; removing asks for confirmation first.
 * Keyboard: type, Enter (or Add) adds; each entry's remove button opens the confirmation dialog.
 */
function ListEditor({
  label,
  hint,
  values,
  onChange,
  problems,
  testId,
}: {
  label: string;
  hint: string;
  values: string[];
  onChange: (values: string[]) => void;
  problems: string[];
  testId: string;
}) {
  const t = useT();
  const styles = useStyles();
  const labelId = useId();
  const [draft, setDraft] = useState('');
  const [duplicate, setDuplicate] = useState(false);
  const [removing, setRemoving] = useState<string | null>(null);

  const add = () => {
    const value = draft.trim();
    if (!value) return;
    if (values.some((v) => v.toLocaleLowerCase() === value.toLocaleLowerCase())) {
      setDuplicate(true);
      return;
    }
    onChange([...values, value]);
    setDraft('');
    setDuplicate(false);
  };

  const message = duplicate ? t.sparring.alreadyInList : problems.join(' ');
  return (
    <div role="group" aria-labelledby={labelId} className={styles.group} data-testid={testId}>
      <Body1 id={labelId} as="p" className={styles.block}>
        <strong>{label}</strong>
      </Body1>
      <Caption1 as="p" className={mergeClasses(styles.block, styles.muted)}>
        {hint}
      </Caption1>
      {values.length === 0 ? (
        <Caption1 as="p" className={styles.block}>
          {t.sparring.emptyList}
        </Caption1>
      ) : (
        <ul className={styles.list}>
          {values.map((value) => (
            <li key={value} className={styles.entry}>
              <span>{value}</span>
              <Button
                appearance="subtle"
                size="small"
                aria-label={t.sparring.remove(value)}
                onClick={() => setRemoving(value)}
              >
                ×
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div className={styles.adder}>
        <Field
          label={t.sparring.newEntry(label)}
          validationMessage={message || undefined}
          validationState={message ? 'error' : 'none'}
        >
          <Input
            value={draft}
            onChange={(_, data) => {
              setDraft(data.value);
              setDuplicate(false);
            }}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                add();
              }
            }}
          />
        </Field>
        <Button onClick={add} aria-label={t.sparring.addTo(label)}>
          {t.sparring.add}
        </Button>
      </div>
      <Dialog open={removing !== null} onOpenChange={(_, data) => !data.open && setRemoving(null)}>
        <DialogSurface aria-describedby={`${labelId}-confirm`}>
          <DialogBody>
            <DialogTitle>{t.sparring.confirmRemoveTitle}</DialogTitle>
            <DialogContent id={`${labelId}-confirm`}>
              {removing !== null && t.sparring.confirmRemoveBody(removing, label)}
            </DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                onClick={() => {
                  onChange(values.filter((v) => v !== removing));
                  setRemoving(null);
                }}
              >
                {t.sparring.confirmRemove}
              </Button>
              <Button onClick={() => setRemoving(null)}>{t.sparring.cancel}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}

function toInput(view: CoachSettingsView): CoachSettingsInput {
  return {
    companyName: view.companyName,
    blockedTerms: view.blockedTerms,
    requiredHashtags: view.requiredHashtags,
    tone: view.tone,
    emojiPolicy: view.emojiPolicy,
    companyDomains: view.companyDomains,
    suggestedHashtags: view.suggestedHashtags,
    disclosureMarks: view.disclosureMarks,
  };
}

/** The form, once the current settings are loaded. */
function SettingsForm({
  initial,
  onSaved,
}: {
  initial: CoachSettingsView;
  onSaved: (v: CoachSettingsView) => void;
}) {
  const { t, formatDate } = useI18n();
  const styles = useStyles();
  const { api } = useChorus();
  const [form, setForm] = useState<CoachSettingsInput>(() => toInput(initial));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [problems, setProblems] = useState<Problems>({});
  const [saved, setSaved] = useState(false);

  useEffect(() => setForm(toInput(initial)), [initial]);

  const set = <K extends keyof CoachSettingsInput>(key: K, value: CoachSettingsInput[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setSaved(false);
  };

  async function save() {
    setBusy(true);
    setError(null);
    setProblems({});
    try {
      const view = await api.saveCoachSettings(form);
      setSaved(true);
      onSaved(view);
    } catch (err) {
      if (isApiError(err, 'VALIDATION_FAILED') && err.problems.length) {
        setProblems(
          Object.fromEntries(
            err.problems.map((p) => [p.field.replace(/^body\./, ''), asSentence(p.message)]),
          ),
        );
      } else setError(err);
    } finally {
      setBusy(false);
    }
  }

  const fieldState = (key: string) =>
    problems[key] ? { validationMessage: problems[key], validationState: 'error' as const } : {};

  return (
    <form
      className={styles.form}
      // The server's words (in the reader's language) instead of the browser's own bubble.
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      data-testid="coach-settings-form"
    >
      <Caption1 className={styles.muted}>
        {initial.updatedAt
          ? t.sparring.lastSaved(formatDate(initial.updatedAt, true))
          : t.sparring.defaultsNote}
      </Caption1>
      <Field
        label={t.sparring.companyName}
        hint={t.sparring.companyNameHint}
        required
        {...fieldState('companyName')}
      >
        <Input
          value={form.companyName}
          onChange={(_, data) => set('companyName', data.value)}
          maxLength={120}
        />
      </Field>
      <ListEditor
        label={t.sparring.blockedTerms}
        hint={t.sparring.blockedTermsHint}
        values={form.blockedTerms}
        onChange={(v) => set('blockedTerms', v)}
        problems={listProblems(problems, 'blockedTerms')}
        testId="coach-blocked-terms"
      />
      <ListEditor
        label={t.sparring.requiredHashtags}
        hint={t.sparring.requiredHashtagsHint}
        values={form.requiredHashtags}
        onChange={(v) => set('requiredHashtags', v)}
        problems={listProblems(problems, 'requiredHashtags')}
        testId="coach-hashtags"
      />
      <ListEditor
        label={t.canvas.suggestedHashtags}
        hint={t.canvas.suggestedHashtagsHint}
        values={form.suggestedHashtags ?? []}
        onChange={(v) => set('suggestedHashtags', v)}
        problems={listProblems(problems, 'suggestedHashtags')}
        testId="coach-suggested-hashtags"
      />
      <ListEditor
        label={t.sparring.companyDomains}
        hint={t.sparring.companyDomainsHint}
        values={form.companyDomains}
        onChange={(v) => set('companyDomains', v)}
        problems={listProblems(problems, 'companyDomains')}
        testId="coach-domains"
      />
      <fieldset className={styles.fieldset}>
        <legend>
          <strong>{t.canvas.disclosureMarks}</strong>
        </legend>
        <Caption1 as="p" className={mergeClasses(styles.block, styles.muted)}>
          {t.canvas.disclosureMarksHint}
        </Caption1>
        {(['da', 'en'] as const).map((language) => (
          <Field
            key={language}
            label={language === 'da' ? t.canvas.disclosureMarkDa : t.canvas.disclosureMarkEn}
            required
            {...fieldState(`disclosureMarks.${language}`)}
          >
            <Input
              value={form.disclosureMarks?.[language] ?? ''}
              maxLength={30}
              onChange={(_, data) =>
                set('disclosureMarks', {
                  da: form.disclosureMarks?.da ?? '',
                  en: form.disclosureMarks?.en ?? '',
                  [language]: data.value,
                })
              }
            />
          </Field>
        ))}
      </fieldset>
      <Field label={t.sparring.tone} {...fieldState('tone')}>
        <RadioGroup value={form.tone} onChange={(_, data) => set('tone', data.value === 'De' ? 'De' : 'du')}>
          <Radio value="du" label={t.sparring.toneDu} />
          <Radio value="De" label={t.sparring.toneDe} />
        </RadioGroup>
      </Field>
      <Field label={t.sparring.emojiPolicy} {...fieldState('emojiPolicy')}>
        <RadioGroup
          value={form.emojiPolicy}
          onChange={(_, data) =>
            set('emojiPolicy', data.value === 'none' ? 'none' : data.value === 'free' ? 'free' : 'sparing')
          }
        >
          <Radio value="none" label={t.sparring.emojiNone} />
          <Radio value="sparing" label={t.sparring.emojiSparing} />
          <Radio value="free" label={t.sparring.emojiFree} />
        </RadioGroup>
      </Field>
      {error !== null && <ErrorBar error={error} />}
      {saved && <Notice intent="success">{t.sparring.saved}</Notice>}
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={busy}>
          {busy ? t.sparring.saving : t.sparring.save}
        </Button>
        {busy && <Spinner size="tiny" aria-hidden />}
      </div>
    </form>
  );
}

/**
 * The coach settings form without a section of its own, for pages that show it as one step among
 * others (the program canvas's brand style).
 */
export function CoachSettingsPanel() {
  const t = useT();
  const { api } = useChorus();
  const settings = useAsync((signal) => api.coachSettings(signal), 'coach-settings');
  const [current, setCurrent] = useState<CoachSettingsView | null>(null);
  const view = current ?? settings.data ?? null;
  if (settings.error !== null)
    return <ErrorBar error={settings.error} onRetry={() => void settings.reload()} />;
  return view ? (
    <SettingsForm initial={view} onSaved={setCurrent} />
  ) : (
    <Loading label={t.sparring.settingsLoading} />
  );
}

/** Admin → Coach settings: what the sparring coach checks drafts against (comms only). */
export function CoachSettingsAdmin() {
  const t = useT();
  const { api } = useChorus();
  const settings = useAsync((signal) => api.coachSettings(signal), 'coach-settings');
  const [current, setCurrent] = useState<CoachSettingsView | null>(null);
  const view = current ?? settings.data ?? null;
  return (
    <Section id="admin-coach-settings" title={t.sparring.settingsTitle}>
      <Body1 as="p">{t.sparring.settingsIntro}</Body1>
      {settings.error !== null && <ErrorBar error={settings.error} onRetry={() => void settings.reload()} />}
      {view ? (
        <Panel>
          <SettingsForm initial={view} onSaved={setCurrent} />
        </Panel>
      ) : (
        settings.error === null && <Loading label={t.sparring.settingsLoading} />
      )}
    </Section>
  );
}
