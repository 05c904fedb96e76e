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
  ProgressBar,
  Spinner,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ZOutboxState, type OutboxState, type SendProgress } from '@contracts';
import { useI18n, type Dictionary } from '../../../i18n';
import { useChorus } from '../../../state/chorus-context';
import { ErrorBar, Notice } from '../../../ui/error-bar';
import { Loading, Panel } from '../../../ui/layout';
import { useAsync } from '../../../ui/use-async';

/** While anything is queued or sending, progress is fetched this often. */
export const SEND_POLL_MS = 1500;
/** A send this young may still be fanning out (its invitations not yet queued): keep watching. */
const FRESH_MS = 15_000;
const FINAL: readonly OutboxState[] = ['sent', 'failed', 'dead', 'cancelled'];

const useStyles = makeStyles({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: tokens.spacingHorizontalM },
  heading: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground2 },
  counts: {
    margin: 0,
    display: 'flex',
    flexWrap: 'wrap',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    '& div': { display: 'flex', gap: tokens.spacingHorizontalXS },
    '& dt': { color: tokens.colorNeutralForeground2 },
    '& dd': { margin: 0, fontWeight: tokens.fontWeightSemibold },
  },
  failures: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM },
});

const count = (send: SendProgress, state: OutboxState) => send.counts[state] ?? 0;
const doneOf = (send: SendProgress) => FINAL.reduce((sum, s) => sum + count(send, s), 0);

/**
 * A failure reason the outbox recorded, in plain words: the dictionary's line for a known code, a line
 * with the status for `http_<status>` and `install_http_<status>`, else a generic line naming the code.
 */
export function explainFailure(t: Dictionary, reason: string): string {
  const known = t.recruit.failureReason;
  if (Object.hasOwn(known, reason)) return known[reason as keyof typeof known];
  const http = /^http_(\d{3})$/.exec(reason);
  if (http) return t.recruit.failureHttp(Number(http[1]));
  const install = /^install_http_(\d{3})$/.exec(reason);
  if (install) return t.recruit.failureInstallHttp(Number(install[1]));
  return t.recruit.failureUnknown(reason);
}

/** Still moving: something queued or in flight, not all accounted for, or just started. */
export function isActive(send: SendProgress, now = Date.now()): boolean {
  if (count(send, 'queued') + count(send, 'sending') > 0) return true;
  if (send.cancelledAt) return false;
  return doneOf(send) < send.total || now - Date.parse(send.createdAt) < FRESH_MS;
}

/**
 * A campaign's sends, newest first, each with a progress bar, the count in every state, the reasons
 * for failures, "possibly repeated", a pause notice and Cancel. Polls every 1.5 s while one is active.
 */
export function SendsPanel({ campaignId, generation }: { campaignId: string; generation: number }) {
  const { t } = useI18n();
  const styles = useStyles();
  const { api } = useChorus();
  const sends = useAsync((signal) => api.sends(campaignId, signal), `${campaignId}-${generation}`);
  const list = [...(sends.data?.sends ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const active = list.some((s) => isActive(s));

  const reload = sends.reload;
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => void reload(), SEND_POLL_MS);
    return () => clearInterval(timer);
  }, [active, reload]);

  if (sends.data === undefined) {
    return sends.error !== null ? (
      <ErrorBar error={sends.error} onRetry={() => void sends.reload()} />
    ) : (
      <Loading label={t.recruit.sendsLoading} />
    );
  }
  return (
    <>
      {sends.error !== null && <ErrorBar error={sends.error} onRetry={() => void sends.reload()} />}
      {list.length === 0 ? (
        <Body1>{t.recruit.sendsEmpty}</Body1>
      ) : (
        <ul className={styles.list} data-testid="send-list">
          {list.map((send) => (
            <SendCard
              key={send.id}
              send={send}
              onCancel={async () => {
                await api.cancelSend(campaignId, send.id);
                await sends.reload();
              }}
            />
          ))}
        </ul>
      )}
    </>
  );
}

function SendCard({ send, onCancel }: { send: SendProgress; onCancel: () => Promise<void> }) {
  const { t, formatDate, formatNumber } = useI18n();
  const styles = useStyles();
  const ids = useId();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const kind = t.recruit.sendKind[send.kind];
  const done = doneOf(send);
  const queued = count(send, 'queued');
  const paused = send.pausedUntil !== null && Date.parse(send.pausedUntil) > Date.now();
  const failedAny = count(send, 'failed') + count(send, 'dead') > 0;

  async function cancel() {
    setBusy(true);
    setError(null);
    try {
      await onCancel();
      setConfirming(false);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Panel as="li" data-testid="send">
      <div className={styles.header}>
        <Subtitle2 as="h3" className={styles.heading}>
          {kind}
        </Subtitle2>
        <Caption1 className={styles.muted}>
          {t.recruit.sendStarted(formatDate(send.createdAt, true))}
        </Caption1>
        {send.cancelledAt && (
          <Caption1 className={styles.muted}>
            {t.recruit.sendCancelled(formatDate(send.cancelledAt, true))}
          </Caption1>
        )}
      </div>
      <Field label={t.recruit.progressLabel(kind)} hint={t.recruit.progressText(done, send.total)}>
        <ProgressBar
          value={send.total > 0 ? done / send.total : isActive(send) ? undefined : 1}
          max={1}
          thickness="large"
          color={failedAny ? 'warning' : done >= send.total && send.total > 0 ? 'success' : 'brand'}
          data-testid="send-progress"
          data-done={done}
          data-total={send.total}
        />
      </Field>
      <dl className={styles.counts}>
        {ZOutboxState.options.map((state) => (
          <div key={state}>
            <dt>{t.recruit.state[state]}</dt>
            <dd data-testid={`send-${state}`}>{formatNumber(count(send, state))}</dd>
          </div>
        ))}
      </dl>
      {paused && send.pausedUntil && (
        <Notice intent="warning">{t.recruit.pausedUntil(formatDate(send.pausedUntil, true))}</Notice>
      )}
      {send.possiblyRepeated > 0 && (
        <Notice intent="info">{t.recruit.possiblyRepeated(send.possiblyRepeated)}</Notice>
      )}
      {send.failures.length > 0 && (
        <div>
          <Caption1 id={`${ids}-failures`}>
            <strong>{t.recruit.failures}</strong>
          </Caption1>
          <ul className={styles.failures} aria-labelledby={`${ids}-failures`}>
            {send.failures.map((f) => (
              <li key={f.reason} data-testid="send-failure" data-reason={f.reason}>
                <Body1>{t.recruit.failureLine(explainFailure(t, f.reason), f.count)}</Body1>
              </li>
            ))}
          </ul>
        </div>
      )}
      {queued > 0 && !send.cancelledAt && (
        <div className={styles.actions}>
          <Button onClick={() => setConfirming(true)} aria-haspopup="dialog" data-testid="send-cancel">
            {t.recruit.cancelSend}
          </Button>
        </div>
      )}
      <Dialog
        open={confirming}
        onOpenChange={(_, data) => {
          if (busy) return;
          setConfirming(data.open);
          if (!data.open) setError(null);
        }}
      >
        <DialogSurface aria-describedby={`${ids}-cancel`}>
          <DialogBody>
            <DialogTitle>{t.recruit.cancelTitle}</DialogTitle>
            <DialogContent id={`${ids}-cancel`}>
              <Body1 as="p">{t.recruit.cancelBody(queued)}</Body1>
              {error !== null && <ErrorBar error={error} />}
            </DialogContent>
            <DialogActions>
              {busy && <Spinner size="tiny" label={t.recruit.cancelling} />}
              <Button
                appearance="primary"
                onClick={() => void cancel()}
                disabledFocusable={busy}
                data-testid="send-cancel-confirm"
              >
                {t.recruit.cancelConfirm}
              </Button>
              <Button onClick={() => setConfirming(false)} disabledFocusable={busy}>
                {t.recruit.cancelKeep}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </Panel>
  );
}
