import { useState, type FormEvent } from 'react';
import { Button, Caption1, Field, Input, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { ZCreateTopicRequest } from '@contracts';
import { useI18n } from '../../../i18n';
import { useChorus } from '../../../state/chorus-context';
import { ErrorBar, Notice } from '../../../ui/error-bar';
import { Pill, Section } from '../../../ui/layout';
import { useTopics } from '../../library/use-topics';
import { problemsFrom } from './content-editor';

const useStyles = makeStyles({
  root: { marginTop: tokens.spacingVerticalXXL },
  list: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXS,
    listStyle: 'none',
    margin: 0,
    padding: 0,
  },
  form: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'end',
  },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  muted: { color: tokens.colorNeutralForeground2, display: 'block', marginTop: tokens.spacingVerticalXXS },
});

type Key = 'key' | 'labelDa' | 'labelEn';

/** Comms adds topics for the library (built-in ones stay). */
export function TopicsManager() {
  const { t, language } = useI18n();
  const styles = useStyles();
  const { api } = useChorus();
  const topics = useTopics();
  const [form, setForm] = useState<Record<Key, string>>({ key: '', labelDa: '', labelEn: '' });
  const [problems, setProblems] = useState<Partial<Record<string, string>>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [added, setAdded] = useState<string | null>(null);

  async function add(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setAdded(null);
    setError(null);
    const parsed = ZCreateTopicRequest.safeParse(form);
    if (!parsed.success) {
      const next: Record<string, string> = {};
      for (const issue of parsed.error.issues) next[String(issue.path[0])] ??= issue.message;
      setProblems(next);
      return;
    }
    setProblems({});
    setBusy(true);
    try {
      const topic = await api.createTopic(parsed.data);
      setAdded(language === 'da' ? topic.labelDa : topic.labelEn);
      setForm({ key: '', labelDa: '', labelEn: '' });
      topics.reload();
    } catch (err) {
      setProblems(problemsFrom(err));
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const field = (key: Key, label: string, lang?: string) => (
    <Field label={label} validationState={problems[key] ? 'error' : 'none'} validationMessage={problems[key]}>
      <Input value={form[key]} onChange={(_, d) => setForm((f) => ({ ...f, [key]: d.value }))} lang={lang} />
    </Field>
  );

  return (
    <div className={styles.root}>
      <Section
        id="content-topics"
        title={t.content.topicsTitle}
        aside={<Caption1 className={styles.muted}>{t.content.topicsHint}</Caption1>}
      >
        {topics.list && (
          <ul className={styles.list}>
            {topics.list.map((topic) => (
              <li key={topic.key}>
                <Pill strong={!topic.builtIn}>{topics.label(topic.key)}</Pill>
              </li>
            ))}
          </ul>
        )}
        <form
          className={styles.form}
          onSubmit={(e) => void add(e)}
          noValidate
          aria-labelledby="content-topics"
        >
          {field('labelDa', t.content.topicDa, 'da')}
          {field('labelEn', t.content.topicEn, 'en')}
          {field('key', t.content.topicKey)}
          <div className={styles.actions}>
            <Button type="submit" disabledFocusable={busy}>
              {t.content.addTopic}
            </Button>
            {busy && <Spinner size="tiny" label={t.content.saving} />}
          </div>
        </form>
        {added && <Notice intent="success">{t.content.topicAdded(added)}</Notice>}
        {error !== null && <ErrorBar error={error} />}
      </Section>
    </div>
  );
}
