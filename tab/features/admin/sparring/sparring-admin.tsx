import { useState } from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
  Button,
  Caption1,
  Field,
  Spinner,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { SparringRequestView, SparringWaitStats } from '@contracts';
import { isApiError } from '../../../api/client';
import { useI18n, useT } from '../../../i18n';
import { useChorus } from '../../../state/chorus-context';
import { ErrorBar, Notice, asSentence, serverMessage } from '../../../ui/error-bar';
import { EmptyState, Loading, Panel, Pill, Section } from '../../../ui/layout';
import { useAsync } from '../../../ui/use-async';
import { RequestDetails, useWaitingText } from '../../sparring/request-view';

const useStyles = makeStyles({
  stats: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXXL },
  stat: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalL,
  },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** Average and median waiting time of open and of answered requests. */
function WaitStats({ stats }: { stats: SparringWaitStats }) {
  const t = useT();
  const styles = useStyles();
  const line = (average: number | null, median: number | null) =>
    average === null || median === null
      ? t.sparring.statsNone
      : `${t.sparring.statsAverage(t.sparring.duration(average))} · ${t.sparring.statsMedian(t.sparring.duration(median))}`;
  return (
    <Panel className={styles.stats} data-testid="sparring-stats">
      <div className={styles.stat}>
        <Body1>
          <strong>{t.sparring.statsOpen(stats.openCount)}</strong>
        </Body1>
        <Caption1 className={styles.muted}>
          {line(stats.openAverageMinutes, stats.openMedianMinutes)}
        </Caption1>
      </div>
      <div className={styles.stat}>
        <Body1>
          <strong>{t.sparring.statsAnswered(stats.answeredCount)}</strong>
        </Body1>
        <Caption1 className={styles.muted}>
          {line(stats.answeredAverageMinutes, stats.answeredMedianMinutes)}
        </Caption1>
      </div>
    </Panel>
  );
}

/** The reply form of one open request. */
function ReplyForm({
  request,
  onAnswered,
}: {
  request: SparringRequestView;
  /** The reply went out, or (`conflict`, with the server's words) someone answered first. */
  onAnswered: (outcome: { kind: 'sent' } | { kind: 'conflict'; message: string }) => void;
}) {
  const t = useT();
  const styles = useStyles();
  const { api } = useChorus();
  const [reply, setReply] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);

  async function send() {
    setBusy(true);
    setError(null);
    setFieldError(null);
    try {
      await api.replySparring(request.id, reply);
      setReply('');
      onAnswered({ kind: 'sent' });
    } catch (err) {
      const problem = isApiError(err) ? err.problems.find((p) => p.field === 'body.reply') : undefined;
      if (problem) setFieldError(asSentence(problem.message));
      else if (isApiError(err, 'CONFLICT')) {
        // Answered meanwhile (another comms colleague, another window): say so, and refresh.
        onAnswered({ kind: 'conflict', message: serverMessage(err) });
      } else setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      // The server's words (in the reader's language) instead of the browser's own bubble.
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <Field
        label={t.sparring.replyLabel}
        hint={t.sparring.replyHint}
        validationMessage={fieldError ?? undefined}
        validationState={fieldError ? 'error' : 'none'}
        required
      >
        <Textarea
          value={reply}
          onChange={(_, data) => setReply(data.value)}
          resize="vertical"
          rows={5}
          maxLength={4000}
        />
      </Field>
      {error !== null && <ErrorBar error={error} />}
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={busy}>
          {busy ? t.sparring.sending : t.sparring.send}
        </Button>
        {busy && <Spinner size="tiny" aria-hidden />}
      </div>
    </form>
  );
}

/**
 * Admin → Sparring: ambassadors' "Ask comms" requests, open first (oldest first) with how long each has
 * waited, then answered ones; open one to read the draft and the coach's findings and send a reply,
 * which the bot delivers to the ambassador's chat. The waiting times sit on top.
 */
export function SparringAdmin() {
  const { t, formatDate } = useI18n();
  const styles = useStyles();
  const { api } = useChorus();
  const [generation, setGeneration] = useState(0);
  const queue = useAsync((signal) => api.sparringQueue(signal), `sparring-${generation}`);
  const [notice, setNotice] = useState<{ kind: 'sent' } | { kind: 'conflict'; message: string } | null>(null);
  const waiting = useWaitingText();

  return (
    <Section id="admin-sparring" title={t.sparring.queueTitle}>
      <Body1 as="p">{t.sparring.queueIntro}</Body1>
      {notice?.kind === 'sent' && <Notice intent="success">{t.sparring.replySent}</Notice>}
      {notice?.kind === 'conflict' && <Notice intent="warning">{notice.message}</Notice>}
      {queue.error !== null && <ErrorBar error={queue.error} onRetry={() => void queue.reload()} />}
      {queue.data === undefined ? (
        queue.error === null && <Loading label={t.sparring.queueLoading} />
      ) : (
        <>
          <WaitStats stats={queue.data.stats} />
          {queue.data.requests.length === 0 ? (
            <EmptyState id="admin-sparring-empty" title={t.sparring.queueEmptyTitle}>
              <p>{t.sparring.queueEmptyBody}</p>
            </EmptyState>
          ) : (
            <Accordion multiple collapsible data-testid="sparring-queue">
              {queue.data.requests.map((request) => {
                const name = request.personName ?? t.sparring.formerAmbassador;
                return (
                  <AccordionItem key={request.id} value={request.id}>
                    <AccordionHeader>
                      <span className={styles.header}>
                        <strong>{name}</strong>
                        <Pill strong={request.status === 'open'}>
                          {request.status === 'open' ? t.sparring.open : t.sparring.answered}
                        </Pill>
                        <span className={styles.muted}>
                          {t.networks[request.network]} · {waiting(request)} ·{' '}
                          {formatDate(request.createdAt, true)}
                        </span>
                      </span>
                    </AccordionHeader>
                    <AccordionPanel className={styles.panel}>
                      <RequestDetails
                        request={request}
                        idPrefix={`sparring-${request.id}`}
                        draftTitle={t.sparring.draftOf(name)}
                      />
                      {request.status === 'open' && (
                        <ReplyForm
                          request={request}
                          onAnswered={(outcome) => {
                            setNotice(outcome);
                            setGeneration((g) => g + 1);
                          }}
                        />
                      )}
                    </AccordionPanel>
                  </AccordionItem>
                );
              })}
            </Accordion>
          )}
        </>
      )}
    </Section>
  );
}
