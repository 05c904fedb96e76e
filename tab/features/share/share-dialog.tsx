import { useEffect, useId, useRef, useState } from 'react';
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
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Spinner,
  Subtitle2,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { Language, LibraryItem, Network, ShareCompleted, SharePreparation } from '@contracts';
import { isApiError } from '../../api/client';
import { useI18n } from '../../i18n';
import { useChorus } from '../../state/chorus-context';
import { ErrorBar, Notice } from '../../ui/error-bar';
import { FeedbackForm } from './feedback-form';
import { DISCLOSURE_MARK, X_LINK_LENGTH, postLength, withDisclosure } from './post-text';

const useStyles = makeStyles({
  surface: { maxWidth: 'min(640px, calc(100vw - 32px))' },
  // Children keep their height: the dialog scrolls instead of squeezing message bars.
  content: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    '& > *': { flexShrink: 0 },
  },
  textarea: { width: '100%' },
  muted: { color: tokens.colorNeutralForeground2 },
  hintLine: { display: 'block' },
  preview: {
    margin: 0,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    maxHeight: '180px',
    overflowY: 'auto',
  },
  mark: { fontWeight: tokens.fontWeightSemibold },
  previewLink: { color: tokens.colorBrandForegroundLink },
  heading: { margin: 0 },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  link: { color: tokens.colorBrandForegroundLink },
  code: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
  actions: { flexWrap: 'wrap', justifyContent: 'flex-end' },
});

type Step = 'network' | 'edit' | 'done';
const MANUAL: readonly Network[] = ['instagram', 'tiktok'];

/** The marking's language: the one the caption already starts with, else the item's. */
function markLanguage(caption: string, fallback: Language): Language {
  if (/^\s*reklame\b/i.test(caption) || /^\s*annonce\b/i.test(caption)) return 'da';
  if (/^\s*advertisement\b/i.test(caption)) return 'en';
  return fallback;
}

async function copyToClipboard(value: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(value);
    return true;
  } catch {
    // Older browsers and some Teams clients: the selection-based fallback.
    const area = document.createElement('textarea');
    area.value = value;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    let ok: boolean;
    try {
      ok = document.execCommand('copy');
    } catch {
      ok = false;
    }
    area.remove();
    return ok;
  }
}

const isHttpUrl = (value: string) => {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
};

/**
 * Sharing one item: choose a network → get a caption variant and a tracked link → edit it in your
 * own words (the advertising marking stays first) → share through the network's share box, or copy,
 * post and confirm. Lazy-loaded.
 */
export default function ShareDialog({
  item,
  open,
  onOpenChange,
}: {
  item: LibraryItem;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { t, formatNumber } = useI18n();
  const styles = useStyles();
  const { api, me, navigate } = useChorus();
  const ids = useId();
  const mine = me.membership?.networks ?? [];
  const [step, setStep] = useState<Step>('network');
  const [network, setNetwork] = useState<Network>(
    () => item.networks.find((n) => mine.includes(n)) ?? item.networks[0] ?? 'linkedin',
  );
  const [prep, setPrep] = useState<SharePreparation | null>(null);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState<null | 'prepare' | 'complete' | 'feedback'>(null);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<ShareCompleted | null>(null);
  const [popupBlocked, setPopupBlocked] = useState(false);
  const [copied, setCopied] = useState<'ok' | 'failed' | null>(null);
  const [postUrl, setPostUrl] = useState('');
  const [postUrlProblem, setPostUrlProblem] = useState<string | null>(null);
  const [feedbackOpen, setFeedbackOpen] = useState(false);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  const networkName = t.networks[network];

  // Each step starts where the person continues: the text to edit, or the result.
  useEffect(() => {
    if (step === 'edit') textRef.current?.focus();
    if (step === 'done') doneRef.current?.focus();
  }, [step]);

  const disclosed = withDisclosure(
    text,
    prep?.advertising ?? item.advertising,
    markLanguage(prep?.caption ?? '', item.language),
  );
  const used = prep ? postLength(network, disclosed.text, prep.trackedUrl) : 0;
  const limit = prep?.limit ?? 0;
  const over = prep !== null && used > limit;
  const empty = text.trim() === '';
  const problem = empty ? t.share.empty : over ? t.share.over(formatNumber(used - limit), networkName) : null;
  const manual = MANUAL.includes(network);

  async function prepare() {
    setBusy('prepare');
    setError(null);
    try {
      const prepared = await api.prepareShare(item.id, network);
      setPrep(prepared);
      setText(prepared.caption);
      setCopied(null);
      setStep('edit');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  }

  async function complete(via: 'intent' | 'confirmed', popup: Window | null) {
    if (!prep) return;
    setBusy('complete');
    setError(null);
    try {
      const done = await api.completeShare(prep.shareId, {
        text,
        via,
        postUrl: via === 'confirmed' && postUrl.trim() ? postUrl.trim() : null,
      });
      if (via === 'intent') {
        const target = done.intent.url ?? done.intent.fallbackUrl;
        if (popup && !popup.closed && target) popup.location.href = target;
        else setPopupBlocked(true);
      }
      setResult(done);
      setStep('done');
    } catch (err) {
      popup?.close();
      setError(err);
    } finally {
      setBusy(null);
    }
  }

  function shareWithIntent() {
    if (problem || busy) return;
    // Opened now, inside the click, so popup blockers allow it; it gets its address after the answer.
    const popup = window.open('', '_blank');
    if (popup) {
      try {
        popup.opener = null;
        popup.document.title = t.share.opening(networkName);
        popup.document.body.textContent = t.share.opening(networkName);
      } catch {
        // some browsers do not let us write into the new window; it still gets its address
      }
    }
    void complete('intent', popup);
  }

  function confirmPosted() {
    if (problem || busy) return;
    const value = postUrl.trim();
    if (value && !isHttpUrl(value)) {
      setPostUrlProblem(t.share.postUrlInvalid);
      return;
    }
    setPostUrlProblem(null);
    void complete('confirmed', null);
  }

  async function copy() {
    if (!prep) return;
    // Facebook gets the link from its share box; elsewhere the link goes last in the text.
    const value = network === 'facebook' ? disclosed.text : `${disclosed.text}\n${prep.trackedUrl}`;
    setCopied((await copyToClipboard(value)) ? 'ok' : 'failed');
  }

  const goJoin = () => {
    onOpenChange(false);
    navigate('campaigns');
  };
  const goImpact = () => {
    onOpenChange(false);
    navigate('impact');
  };

  // 403 also answers an item that can no longer be shared; only a missing membership gets the join link.
  const notMember =
    isApiError(error) && error.status === 403 && (!me.membership || /ambassador/i.test(error.message));
  const errorBar =
    error === null ? null : notMember ? (
      <MessageBar intent="error" layout="multiline" politeness="assertive">
        <MessageBarBody>
          <MessageBarTitle>{t.share.notMemberTitle}</MessageBarTitle>
          {t.share.notMemberBody}
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={goJoin}>{t.share.joinLink}</Button>
        </MessageBarActions>
      </MessageBar>
    ) : (
      <ErrorBar error={error} />
    );

  // The marking at the start of the preview, in bold (whether Chorus adds it or the text has it).
  // Reactions and comments on their own post: right after sharing, or when they come back to it.
  const feedbackShareId = result?.shareId ?? prep?.shareId ?? null;
  const feedback = !feedbackOpen ? (
    <div>
      <Button appearance="secondary" onClick={() => setFeedbackOpen(true)}>
        {t.share.feedbackOpen}
      </Button>
    </div>
  ) : (
    <section className={styles.group} aria-labelledby={`${ids}-feedback`}>
      <Subtitle2 as="h3" id={`${ids}-feedback`} className={styles.heading}>
        {t.share.feedbackTitle}
      </Subtitle2>
      <Body1>{t.share.feedbackHint}</Body1>
      {feedbackShareId && <FeedbackForm shareId={feedbackShareId} />}
    </section>
  );

  const markStart = prep?.advertising
    ? (/^(reklame|annonce|advertisement)\b:?/i.exec(disclosed.text)?.[0].length ?? 0)
    : 0;

  return (
    <Dialog open={open} onOpenChange={(_, data) => onOpenChange(data.open)}>
      <DialogSurface className={styles.surface} data-testid="share-dialog">
        <DialogBody>
          <DialogTitle>
            <span lang={item.language}>{t.share.title(item.title)}</span>
          </DialogTitle>
          <DialogContent className={styles.content}>
            {step === 'network' && (
              <>
                {!me.membership && !notMember && (
                  <MessageBar intent="warning" layout="multiline">
                    <MessageBarBody>
                      <MessageBarTitle>{t.share.notMemberTitle}</MessageBarTitle>
                      {t.share.notMemberBody}
                    </MessageBarBody>
                    <MessageBarActions>
                      <Button onClick={goJoin}>{t.share.joinLink}</Button>
                    </MessageBarActions>
                  </MessageBar>
                )}
                <Field label={t.share.networkLegend} hint={t.share.networkHint}>
                  <RadioGroup
                    value={network}
                    onChange={(_, data) => {
                      const next = item.networks.find((n) => n === data.value);
                      if (next) setNetwork(next);
                    }}
                    data-testid="share-networks"
                  >
                    {item.networks.map((n) => (
                      <Radio
                        key={n}
                        value={n}
                        label={mine.includes(n) ? `${t.networks[n]} ${t.share.yourNetwork}` : t.networks[n]}
                      />
                    ))}
                  </RadioGroup>
                </Field>
                {errorBar}
              </>
            )}

            {step === 'edit' && prep && (
              <>
                {prep.status === 'shared' && (
                  <>
                    <Notice intent="info">{t.share.alreadyShared(networkName)}</Notice>
                    {feedback}
                  </>
                )}
                <Caption1 className={styles.muted}>
                  {t.share.variant(Math.min(prep.variantPosition + 1, prep.variantCount), prep.variantCount)}
                </Caption1>
                <Field
                  label={t.share.text}
                  hint={
                    <>
                      <span className={styles.hintLine}>{t.share.ownWords}</span>
                      <span className={styles.hintLine} data-testid="share-count">
                        {t.share.count(formatNumber(used), formatNumber(limit))}
                        {network === 'x' ? ` ${t.share.xLink}` : ''}
                      </span>
                    </>
                  }
                  validationState={problem ? 'error' : 'none'}
                  validationMessage={problem ?? undefined}
                >
                  <Textarea
                    ref={textRef}
                    className={styles.textarea}
                    value={text}
                    onChange={(_, data) => {
                      setText(data.value);
                      setCopied(null);
                    }}
                    resize="vertical"
                    rows={7}
                    lang={item.language}
                    data-testid="share-text"
                  />
                </Field>
                {prep.advertising && (
                  <Notice intent="info">
                    {t.share.markAdded(DISCLOSURE_MARK[markLanguage(prep.caption, item.language)])}
                  </Notice>
                )}
                {disclosed.misplaced && <Notice intent="warning">{t.share.markMisplaced}</Notice>}
                <section className={styles.group} aria-labelledby={`${ids}-preview`}>
                  <Subtitle2 as="h3" id={`${ids}-preview`} className={styles.heading}>
                    {t.share.preview}
                  </Subtitle2>
                  <Caption1 className={styles.muted}>{t.share.previewNote}</Caption1>
                  <p className={styles.preview} lang={item.language} data-testid="share-preview">
                    {markStart > 0 ? (
                      <>
                        <span className={styles.mark}>{disclosed.text.slice(0, markStart)}</span>
                        {disclosed.text.slice(markStart)}
                      </>
                    ) : (
                      disclosed.text
                    )}
                    {'\n'}
                    <span className={styles.previewLink}>{prep.trackedUrl}</span>
                  </p>
                  <Caption1 className={styles.muted}>
                    {t.share.trackedLink}:{' '}
                    <span className={styles.code} data-testid="tracked-link">
                      {prep.trackedUrl}
                    </span>
                    {network === 'x' ? ` (${X_LINK_LENGTH})` : ''}
                  </Caption1>
                </section>
                {network === 'facebook' && <Notice intent="info">{t.share.facebookNote}</Notice>}
                {manual && <Notice intent="info">{t.share.manualNote(networkName)}</Notice>}
                {(manual || network === 'facebook') && (
                  <div className={styles.row}>
                    <Button onClick={() => void copy()} disabledFocusable={empty}>
                      {t.share.copy}
                    </Button>
                    {manual && prep.imageUrl && (
                      <a className={styles.link} href={prep.imageUrl} download target="_blank" rel="noopener">
                        {t.share.downloadImage}
                      </a>
                    )}
                  </div>
                )}
                <div role="status" aria-live="polite">
                  {copied === 'ok' && <Notice intent="success">{t.share.copied}</Notice>}
                  {copied === 'failed' && <Notice intent="warning">{t.share.copyFailed}</Notice>}
                </div>
                {manual && (
                  <Field
                    label={t.share.postUrl}
                    hint={t.share.postUrlHint}
                    validationState={postUrlProblem ? 'error' : 'none'}
                    validationMessage={postUrlProblem ?? undefined}
                  >
                    <Input
                      type="url"
                      value={postUrl}
                      onChange={(_, data) => setPostUrl(data.value)}
                      inputMode="url"
                      data-testid="post-url"
                    />
                  </Field>
                )}
                {errorBar}
              </>
            )}

            {step === 'done' && result && (
              <>
                <div ref={doneRef} tabIndex={-1} data-testid="share-done">
                  <MessageBar intent="success" layout="multiline">
                    <MessageBarBody>
                      <MessageBarTitle>{t.share.doneTitle}</MessageBarTitle>
                      {result.intent.manual || !result.intent.url
                        ? t.share.doneManual
                        : t.share.doneIntent(networkName)}
                      {!result.recorded && ` ${t.share.alreadyRecorded}`}
                    </MessageBarBody>
                  </MessageBar>
                </div>
                {result.disclosure.warnings.length > 0 && (
                  <Notice intent="warning" title={t.share.serverWarnings}>
                    {t.share.markMisplaced}
                  </Notice>
                )}
                {popupBlocked && <Notice intent="warning">{t.share.popupBlocked(networkName)}</Notice>}
                {!result.intent.manual && (result.intent.url || result.intent.fallbackUrl) && (
                  <ul className={styles.group}>
                    {result.intent.url && (
                      <li>
                        <a
                          className={styles.link}
                          href={result.intent.url}
                          target="_blank"
                          rel="noopener noreferrer"
                          data-testid="intent-link"
                        >
                          {t.share.fallback(networkName)}
                        </a>
                      </li>
                    )}
                    {result.intent.fallbackUrl && (
                      <li>
                        <a
                          className={styles.link}
                          href={result.intent.fallbackUrl}
                          target="_blank"
                          rel="noopener noreferrer"
                          data-testid="fallback-link"
                        >
                          {t.share.fallbackLinkOnly}
                        </a>
                      </li>
                    )}
                  </ul>
                )}
                {feedback}
                {errorBar}
              </>
            )}
          </DialogContent>
          <DialogActions fluid className={styles.actions}>
            {step === 'network' && (
              <>
                <Button
                  appearance="primary"
                  onClick={() => void prepare()}
                  disabledFocusable={busy !== null}
                  data-testid="share-next"
                >
                  {t.share.next}
                </Button>
                <Button onClick={() => onOpenChange(false)}>{t.share.cancel}</Button>
                {busy === 'prepare' && <Spinner size="tiny" label={t.share.preparing} />}
              </>
            )}
            {step === 'edit' && (
              <>
                {manual ? (
                  <Button
                    appearance="primary"
                    onClick={confirmPosted}
                    disabledFocusable={problem !== null || busy !== null}
                    data-testid="share-confirm"
                  >
                    {t.share.posted}
                  </Button>
                ) : (
                  <Button
                    appearance="primary"
                    onClick={shareWithIntent}
                    disabledFocusable={problem !== null || busy !== null}
                    data-testid="share-open"
                  >
                    {t.share.shareOn(networkName)}
                  </Button>
                )}
                {item.networks.length > 1 && (
                  <Button
                    onClick={() => {
                      setError(null);
                      setStep('network');
                    }}
                    disabledFocusable={busy !== null}
                  >
                    {t.share.changeNetwork}
                  </Button>
                )}
                <Button onClick={() => onOpenChange(false)}>{t.share.cancel}</Button>
                {busy === 'complete' && (
                  <Spinner size="tiny" label={manual ? t.share.recording : t.share.opening(networkName)} />
                )}
              </>
            )}
            {step === 'done' && (
              <>
                <Button appearance="primary" onClick={goImpact}>
                  {t.share.goToImpact}
                </Button>
                <Button onClick={() => onOpenChange(false)}>{t.share.close}</Button>
              </>
            )}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
