import { useState } from 'react';
import { Button, Field, Input, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useI18n } from '../../i18n';
import { useChorus } from '../../state/chorus-context';
import { ErrorBar, Notice } from '../../ui/error-bar';

const useStyles = makeStyles({
  form: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
  number: { width: '9rem' },
  // Fluent's Input has a wide minimum width; inside a narrow field it must shrink to fit.
  numberInput: { width: '100%', minWidth: 0 },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

/** A count typed by the person: empty means "not given"; anything else must be a whole number ≥ 0. */
function parseCount(value: string): number | undefined | 'invalid' {
  if (value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 ? n : 'invalid';
}

/**
 * Reactions and comments an ambassador's own post got, recorded whenever they like: in the share
 * dialog right after sharing, and later from My impact. One form, so both places behave the same.
 */
export function FeedbackForm({
  shareId,
  initialReactions = null,
  initialComments = null,
  label,
  onSaved,
}: {
  shareId: string;
  initialReactions?: number | null;
  initialComments?: number | null;
  label?: string;
  onSaved?: () => void;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const { api } = useChorus();
  const [reactions, setReactions] = useState(initialReactions === null ? '' : String(initialReactions));
  const [comments, setComments] = useState(initialComments === null ? '' : String(initialComments));
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);

  async function save() {
    const r = parseCount(reactions);
    const c = parseCount(comments);
    setSaved(false);
    if (r === 'invalid' || c === 'invalid' || (r === undefined && c === undefined)) {
      setProblem(t.share.feedbackInvalid);
      return;
    }
    setProblem(null);
    setError(null);
    setBusy(true);
    try {
      await api.shareFeedback(shareId, {
        ...(r !== undefined ? { reactions: r } : {}),
        ...(c !== undefined ? { comments: c } : {}),
      });
      setSaved(true);
      onSaved?.();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <form
        className={styles.form}
        noValidate
        aria-label={label}
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Field label={t.share.reactions} className={styles.number}>
          <Input
            className={styles.numberInput}
            type="number"
            min={0}
            step={1}
            value={reactions}
            onChange={(_, d) => setReactions(d.value)}
          />
        </Field>
        <Field label={t.share.comments} className={styles.number}>
          <Input
            className={styles.numberInput}
            type="number"
            min={0}
            step={1}
            value={comments}
            onChange={(_, d) => setComments(d.value)}
          />
        </Field>
        <div className={styles.actions}>
          <Button type="submit" disabledFocusable={busy}>
            {t.share.saveFeedback}
          </Button>
          {busy && <Spinner size="tiny" label={t.share.savingFeedback} />}
        </div>
      </form>
      {problem && <Notice intent="error">{problem}</Notice>}
      {error !== null && <ErrorBar error={error} />}
      {saved && <Notice intent="success">{t.share.feedbackSaved}</Notice>}
    </>
  );
}
