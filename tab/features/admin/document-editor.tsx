import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button, Caption1, Field, Spinner, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { ZUpdateDocumentRequest, type DocumentKind, type ProgramDocumentView } from '@contracts';
import { isApiError } from '../../api/client';
import { useT } from '../../i18n';
import { useChorus } from '../../state/chorus-context';
import { ErrorBar, Notice } from '../../ui/error-bar';
import { Section } from '../../ui/layout';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  columns: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(280px, 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  textarea: { width: '100%' },
  meta: { color: tokens.colorNeutralForeground2, display: 'block' },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

type BodyField = 'bodyDa' | 'bodyEn';

/** Two textareas (Danish, English) for one program document; saving creates a new version. */
export function DocumentEditor({ kind, doc }: { kind: DocumentKind; doc: ProgramDocumentView }) {
  const t = useT();
  const styles = useStyles();
  const { api, program, reloadMe } = useChorus();
  const [bodyDa, setBodyDa] = useState(doc.bodyDa);
  const [bodyEn, setBodyEn] = useState(doc.bodyEn);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [problems, setProblems] = useState<Partial<Record<BodyField, string>>>({});
  const [saved, setSaved] = useState<number | null>(null);
  const shownVersion = useRef(doc.version);

  // When someone else saves a newer version, show it (unless this editor has unsaved changes).
  const dirty = bodyDa !== doc.bodyDa || bodyEn !== doc.bodyEn;
  useEffect(() => {
    if (doc.version !== shownVersion.current) {
      shownVersion.current = doc.version;
      if (!busy) {
        setBodyDa(doc.bodyDa);
        setBodyEn(doc.bodyEn);
      }
    }
  }, [doc, busy]);

  const labels =
    kind === 'purpose'
      ? { title: t.admin.purpose, da: t.admin.purposeDa, en: t.admin.purposeEn, save: t.admin.savePurpose }
      : {
          title: t.admin.guidelines,
          da: t.admin.guidelinesDa,
          en: t.admin.guidelinesEn,
          save: t.admin.saveGuidelines,
        };

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!dirty || busy) return;
    setSaved(null);
    setError(null);
    const parsed = ZUpdateDocumentRequest.safeParse({ bodyDa, bodyEn });
    if (!parsed.success) {
      const next: Partial<Record<BodyField, string>> = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if (field === 'bodyDa' || field === 'bodyEn') next[field] ??= issue.message;
      }
      setProblems(next);
      return;
    }
    setProblems({});
    setBusy(true);
    try {
      const updated = await api.updateDocument(kind, parsed.data);
      shownVersion.current = updated.version;
      // Refresh everything that shows the document first, so "Saved as version N" never appears
      // next to a stale "Current version". (reload() reports its own errors; it does not throw.)
      await program.reload();
      // a new guidelines version can make the editor's own membership outdated
      if (kind === 'guidelines') await reloadMe();
      setBodyDa(updated.bodyDa);
      setBodyEn(updated.bodyEn);
      setSaved(updated.version);
    } catch (err) {
      if (isApiError(err) && err.problems.length > 0) {
        const next: Partial<Record<BodyField, string>> = {};
        for (const problem of err.problems) {
          const field = problem.field.split('.')[0];
          if (field === 'bodyDa' || field === 'bodyEn') next[field] ??= problem.message;
        }
        setProblems(next);
      }
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const sectionId = `editor-${kind}`;
  return (
    <Section
      id={sectionId}
      title={labels.title}
      aside={
        <Caption1 className={styles.meta} data-testid={`${kind}-version`}>
          {t.admin.currentVersion(doc.version)}
        </Caption1>
      }
    >
      <form className={styles.form} onSubmit={(e) => void save(e)} noValidate aria-labelledby={sectionId}>
        <div className={styles.columns}>
          <Field
            label={labels.da}
            validationMessage={problems.bodyDa}
            validationState={problems.bodyDa ? 'error' : 'none'}
          >
            <Textarea
              className={styles.textarea}
              value={bodyDa}
              onChange={(_, data) => setBodyDa(data.value)}
              resize="vertical"
              rows={10}
              lang="da"
            />
          </Field>
          <Field
            label={labels.en}
            validationMessage={problems.bodyEn}
            validationState={problems.bodyEn ? 'error' : 'none'}
          >
            <Textarea
              className={styles.textarea}
              value={bodyEn}
              onChange={(_, data) => setBodyEn(data.value)}
              resize="vertical"
              rows={10}
              lang="en"
            />
          </Field>
        </div>
        {error !== null && <ErrorBar error={error} />}
        {saved !== null && (
          <Notice intent="success">
            <span data-testid={`${kind}-saved`}>{t.admin.savedAs(saved)}</span>
          </Notice>
        )}
        <div className={styles.actions}>
          <Button
            type="submit"
            appearance="primary"
            disabledFocusable={!dirty || busy}
            aria-describedby={dirty ? undefined : `${sectionId}-nochanges`}
          >
            {labels.save}
          </Button>
          {busy && <Spinner size="tiny" label={t.admin.saving} />}
          {!dirty && !busy && (
            <Caption1 id={`${sectionId}-nochanges`} className={styles.meta}>
              {t.admin.noChanges}
            </Caption1>
          )}
        </div>
      </form>
    </Section>
  );
}
