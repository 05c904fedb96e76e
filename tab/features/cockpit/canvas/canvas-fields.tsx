import { useEffect, useId, useState, type ReactNode } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useT } from '../../../i18n';

/** Field problems from the server, by path inside the canvas ("personas.0.name"). */
export type Problems = Record<string, string>;

/** Props that show a field's problem at the field, in Fluent's way. */
export function fieldState(problems: Problems, key: string) {
  return problems[key] ? { validationMessage: problems[key], validationState: 'error' as const } : {};
}

const useStyles = makeStyles({
  rows: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0 },
  row: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalS, listStyle: 'none' },
  grow: { flexGrow: 1 },
});

/** Asks before something is removed; the caller renders it while `open`. */
export function ConfirmDialog({
  open,
  title,
  body,
  confirm,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  body: ReactNode;
  confirm: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const t = useT();
  const bodyId = useId();
  return (
    <Dialog open={open} onOpenChange={(_, data) => !data.open && onCancel()}>
      <DialogSurface aria-describedby={bodyId}>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent id={bodyId}>{body}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onConfirm}>
              {confirm}
            </Button>
            <Button onClick={onCancel}>{t.sparring.cancel}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/**
 * A list of short texts (EVP statements, key messages): one labelled input each, an add button, and a
 * remove button per row that asks first when the row has text.
 */
export function TextListEditor({
  values,
  onChange,
  label,
  addLabel,
  problems,
  problemKey,
  maxLength = 280,
  max = 10,
}: {
  values: string[];
  onChange: (values: string[]) => void;
  /** The label of row n (1-based). */
  label: (n: number) => string;
  addLabel: string;
  problems: Problems;
  /** The path of the list in the canvas ("evp", "personas.0.keyMessages"). */
  problemKey: string;
  maxLength?: number;
  max?: number;
}) {
  const t = useT();
  const styles = useStyles();
  const [removing, setRemoving] = useState<number | null>(null);
  const listProblem = problems[problemKey];
  return (
    <>
      {values.length > 0 && (
        <ol className={styles.rows}>
          {values.map((value, index) => (
            <li key={index} className={styles.row}>
              <Field
                className={styles.grow}
                label={label(index + 1)}
                {...fieldState(problems, `${problemKey}.${index}`)}
              >
                <Input
                  value={value}
                  maxLength={maxLength}
                  onChange={(_, data) => onChange(values.map((v, i) => (i === index ? data.value : v)))}
                />
              </Field>
              <Button
                appearance="subtle"
                aria-label={t.sparring.remove(value || label(index + 1))}
                onClick={() =>
                  value.trim() ? setRemoving(index) : onChange(values.filter((_, i) => i !== index))
                }
              >
                ×
              </Button>
            </li>
          ))}
        </ol>
      )}
      {listProblem && <Field validationMessage={listProblem} validationState="error" />}
      <div>
        <Button disabled={values.length >= max} onClick={() => onChange([...values, ''])}>
          {addLabel}
        </Button>
      </div>
      <ConfirmDialog
        open={removing !== null}
        title={t.sparring.confirmRemoveTitle}
        body={removing !== null && t.sparring.confirmRemoveBody(values[removing] ?? '', label(removing + 1))}
        confirm={t.sparring.confirmRemove}
        onConfirm={() => {
          onChange(values.filter((_, i) => i !== removing));
          setRemoving(null);
        }}
        onCancel={() => setRemoving(null)}
      />
    </>
  );
}

const format = (value: number | null) => (value === null ? '' : String(value));

/** What an input's text means: empty is null (or 0 where a number is required); a decimal comma is fine. */
function parseNumber(text: string, nullable: boolean): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return nullable ? null : 0;
  const n = Number(trimmed.replace(',', '.'));
  return Number.isNaN(n) ? 0 : n;
}

/**
 * A number input whose empty value means "none" (null) when `nullable`. Whatever is typed is sent as a
 * number, so the server's own words say what is wrong with it (not whole, negative, too large).
 */
export function NumberField({
  label,
  hint,
  value,
  onChange,
  problems,
  problemKey,
  nullable = false,
  step = 1,
  min = 0,
  max,
}: {
  label: string;
  hint?: string;
  value: number | null;
  onChange: (value: number | null) => void;
  problems: Problems;
  problemKey: string;
  nullable?: boolean;
  step?: number;
  min?: number;
  max?: number;
}) {
  const [text, setText] = useState(format(value));
  // Keep what the person is typing ("0," mid-edit) unless the value changed from outside (a reload).
  useEffect(() => {
    if (parseNumber(text, nullable) !== value) setText(format(value));
  }, [value]);
  return (
    <Field label={label} hint={hint} {...fieldState(problems, problemKey)}>
      <Input
        type="number"
        inputMode="decimal"
        step={step}
        min={min}
        max={max}
        value={text}
        onChange={(_, data) => {
          setText(data.value);
          onChange(parseNumber(data.value, nullable));
        }}
      />
    </Field>
  );
}
