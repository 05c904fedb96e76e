import { useState } from 'react';
import {
  Body1,
  Button,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { AuditEntry } from '@contracts';
import { useI18n } from '../../../i18n';
import { useChorus } from '../../../state/chorus-context';
import { ErrorBar } from '../../../ui/error-bar';
import { EmptyState, Loading, Section } from '../../../ui/layout';
import { useAsync } from '../../../ui/use-async';
import { saveTextFile } from '../../../ui/save-file';

const useStyles = makeStyles({
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
  scroll: { overflowX: 'auto' },
  actions: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
});

/** Admin → Canvas, at the bottom: the audit log, newest first, with older pages on demand and a CSV. */
export function AuditLog() {
  const { t, formatDate } = useI18n();
  const styles = useStyles();
  const { api } = useChorus();
  const first = useAsync((signal) => api.auditLog(null, signal), 'audit-log');
  const [older, setOlder] = useState<AuditEntry[]>([]);
  const [cursor, setCursor] = useState<string | null | undefined>(undefined);
  const [loadingMore, setLoadingMore] = useState(false);
  const [downloading, setDownloading] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const entries = [...(first.data?.entries ?? []), ...older];
  const next = cursor === undefined ? (first.data?.nextCursor ?? null) : cursor;

  async function more() {
    if (!next) return;
    setLoadingMore(true);
    setError(null);
    try {
      const page = await api.auditLog(next);
      setOlder((o) => [...o, ...page.entries]);
      setCursor(page.nextCursor);
    } catch (err) {
      setError(err);
    } finally {
      setLoadingMore(false);
    }
  }

  async function download() {
    setDownloading(true);
    setError(null);
    try {
      saveTextFile(await api.auditLogCsv(), 'chorus-audit-log.csv');
    } catch (err) {
      setError(err);
    } finally {
      setDownloading(false);
    }
  }

  const details = (entry: AuditEntry) => {
    const changed = entry.data['changed'];
    return Array.isArray(changed) && changed.length ? t.canvas.auditChanged(changed.join(', ')) : '';
  };

  return (
    <Section id="canvas-audit" title={t.canvas.auditTitle}>
      <Body1 as="p" className={styles.intro}>
        {t.canvas.auditIntro}
      </Body1>
      {first.error !== null && <ErrorBar error={first.error} onRetry={() => void first.reload()} />}
      {error !== null && <ErrorBar error={error} />}
      {!first.data ? (
        first.error === null && <Loading label={t.canvas.auditLoading} />
      ) : entries.length === 0 ? (
        <EmptyState id="canvas-audit-empty" title={t.canvas.auditTitle}>
          <Body1 as="p">{t.canvas.auditEmpty}</Body1>
        </EmptyState>
      ) : (
        <>
          <div className={styles.scroll}>
            <Table aria-labelledby="canvas-audit" size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t.canvas.auditWhen}</TableHeaderCell>
                  <TableHeaderCell>{t.canvas.auditWho}</TableHeaderCell>
                  <TableHeaderCell>{t.canvas.auditAction}</TableHeaderCell>
                  <TableHeaderCell>{t.canvas.auditSubject}</TableHeaderCell>
                  <TableHeaderCell>{t.canvas.auditDetails}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {entries.map((entry) => (
                  <TableRow key={entry.id}>
                    <TableCell>{formatDate(entry.at, true)}</TableCell>
                    <TableCell>{entry.actorName ?? t.canvas.auditUnknownActor}</TableCell>
                    <TableCell>{t.canvas.actions[entry.action] ?? entry.action}</TableCell>
                    <TableCell>{entry.subject ?? ''}</TableCell>
                    <TableCell>{details(entry)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          <div className={styles.actions}>
            {next && (
              <Button onClick={() => void more()} disabled={loadingMore}>
                {t.canvas.auditMore}
              </Button>
            )}
            {loadingMore && <Spinner size="tiny" aria-hidden />}
          </div>
        </>
      )}
      <div className={styles.actions}>
        <Button onClick={() => void download()} disabled={downloading}>
          {downloading ? t.canvas.downloading : t.canvas.downloadCsv}
        </Button>
        {downloading && <Spinner size="tiny" aria-hidden />}
      </div>
    </Section>
  );
}
