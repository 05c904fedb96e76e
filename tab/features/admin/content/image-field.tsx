import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import {
  Button,
  Caption1,
  Field,
  Input,
  ProgressBar,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useI18n } from '../../../i18n';
import { useChorus } from '../../../state/chorus-context';
import { ErrorBar, Notice } from '../../../ui/error-bar';

export interface ImageValue {
  /** An uploaded image (the server's id). */
  imageId: string | null;
  /** Or an image elsewhere on the web. */
  imageUrl: string;
  /** Where to show the current image from. */
  previewUrl: string | null;
}

const useStyles = makeStyles({
  group: {
    border: 'none',
    margin: 0,
    padding: 0,
    minWidth: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  legend: { padding: 0, margin: 0 },
  muted: { color: tokens.colorNeutralForeground2 },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  preview: {
    display: 'block',
    width: '240px',
    maxWidth: '100%',
    aspectRatio: '1.91 / 1',
    objectFit: 'cover',
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  file: { display: 'none' },
});

/**
 * Upload an image (with progress and the server's verdict on type and size), or give its address
 * (unless `allowUrl` is false: campaigns take uploaded images only).
 */
export function ImageField({
  value,
  onChange,
  alt,
  problem,
  disabled = false,
  allowUrl = true,
  hint,
}: {
  value: ImageValue;
  onChange: (value: ImageValue) => void;
  alt: string;
  problem?: string | undefined;
  disabled?: boolean;
  allowUrl?: boolean;
  hint?: string;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const { api } = useChorus();
  const ids = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [uploaded, setUploaded] = useState<string | null>(null);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort(), []);

  async function upload(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = ''; // choosing the same file again still uploads
    if (!file) return;
    controller.current?.abort();
    const c = new AbortController();
    controller.current = c;
    setError(null);
    setUploaded(null);
    setProgress(0);
    try {
      const image = await api.uploadImage(
        file,
        (sent, total) => setProgress(total ? sent / total : 0),
        c.signal,
      );
      onChange({ imageId: image.id, imageUrl: '', previewUrl: image.url });
      setUploaded(file.name);
    } catch (err) {
      if (!c.signal.aborted) setError(err);
    } finally {
      if (!c.signal.aborted) setProgress(null);
    }
  }

  const percent = progress === null ? 0 : Math.round(progress * 100);
  return (
    <fieldset className={styles.group} aria-describedby={`${ids}-hint`} data-testid="image-field">
      <legend className={styles.legend}>
        <Subtitle2>{t.content.image}</Subtitle2>
      </legend>
      <Caption1 id={`${ids}-hint`} className={styles.muted}>
        {hint ?? t.content.imageHint}
      </Caption1>
      {value.previewUrl && (
        <img className={styles.preview} src={value.previewUrl} alt={alt || t.content.imagePreview} />
      )}
      <div className={styles.row}>
        <input
          ref={fileRef}
          className={styles.file}
          type="file"
          accept="image/png,image/jpeg,image/webp,image/gif"
          tabIndex={-1}
          aria-hidden="true"
          onChange={(e) => void upload(e)}
          data-testid="image-file"
        />
        <Button
          onClick={() => fileRef.current?.click()}
          disabledFocusable={disabled || progress !== null}
          data-testid="image-upload"
        >
          {t.content.upload}
        </Button>
        {(value.imageId || value.previewUrl) && (
          <Button
            appearance="subtle"
            disabledFocusable={disabled || progress !== null}
            onClick={() => {
              onChange({ imageId: null, imageUrl: '', previewUrl: null });
              setUploaded(null);
            }}
          >
            {t.content.removeImage}
          </Button>
        )}
      </div>
      {progress !== null && (
        <Field label={t.content.uploading(percent)} validationState="none">
          <ProgressBar value={progress} max={1} thickness="large" />
        </Field>
      )}
      <div role="status" aria-live="polite">
        {uploaded && <Notice intent="success">{t.content.uploaded(uploaded)}</Notice>}
      </div>
      {error !== null && <ErrorBar error={error} title={t.content.uploadFailed} />}
      {!allowUrl && problem && <Notice intent="error">{problem}</Notice>}
      {allowUrl && (
        <Field
          label={t.content.imageUrl}
          validationState={problem ? 'error' : 'none'}
          validationMessage={problem}
        >
          <Input
            type="url"
            inputMode="url"
            value={value.imageUrl}
            disabled={disabled}
            onChange={(_, data) =>
              onChange({
                imageId: null,
                imageUrl: data.value,
                previewUrl: /^https?:\/\/\S+$/i.test(data.value.trim()) ? data.value.trim() : null,
              })
            }
            data-testid="image-url"
          />
        </Field>
      )}
    </fieldset>
  );
}
