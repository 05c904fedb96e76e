import { useState } from 'react';
import { Body1, Button, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { DASHBOARD_TABLES, type DashboardTable } from '@contracts';
import type { DashboardPeriod } from '../../../api/chorus-api';
import { useI18n } from '../../../i18n';
import { useChorus } from '../../../state/chorus-context';
import { ErrorBar } from '../../../ui/error-bar';
import { saveTextFile } from '../../../ui/save-file';
import { useVisuallyHidden } from '../../../ui/visually-hidden';
import { DashboardPanel } from './dashboard-charts';

/** Kept here too: the canvas's audit-log export imports it from this file. */
export { saveTextFile };
const useStyles = makeStyles({
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
  list: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    margin: 0,
    padding: 0,
    listStyle: 'none',
  },
});

/** A download button for each table the dashboard exports, for the period on screen. */
export function CsvExport({ period, from, to }: { period: DashboardPeriod; from: string; to: string }) {
  const { t } = useI18n();
  const styles = useStyles();
  const hidden = useVisuallyHidden();
  const { api } = useChorus();
  const [busy, setBusy] = useState<DashboardTable | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState('');
  const d = t.dashboard;

  const download = async (table: DashboardTable) => {
    setBusy(table);
    setError(null);
    setDone('');
    try {
      const csv = await api.dashboardCsv(table, period);
      const fileName = `chorus-${table}-${from}-to-${to}.csv`;
      saveTextFile(csv, fileName);
      setDone(d.downloaded(fileName));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };

  return (
    <DashboardPanel id="dashboard-export" title={d.exportTitle}>
      <Body1 as="p" className={styles.intro}>
        {d.exportIntro}
      </Body1>
      {error !== null && <ErrorBar error={error} title={d.downloadFailed} />}
      <ul className={styles.list}>
        {DASHBOARD_TABLES.map((table) => (
          <li key={table}>
            <Button
              icon={busy === table ? <Spinner size="extra-tiny" /> : undefined}
              disabledFocusable={busy !== null}
              onClick={() => void download(table)}
              data-testid={`dashboard-csv-${table}`}
            >
              {d.download(d.tables[table])}
            </Button>
          </li>
        ))}
      </ul>
      <div className={hidden.root} role="status" aria-live="polite">
        {busy !== null ? d.downloading(d.tables[busy]) : done}
      </div>
    </DashboardPanel>
  );
}
