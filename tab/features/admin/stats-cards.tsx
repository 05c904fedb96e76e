import { Caption1, Title2, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ProgramStats } from '@contracts';
import { useI18n } from '../../i18n';
import { Notice } from '../../ui/error-bar';
import { Panel } from '../../ui/layout';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(170px, 1fr))',
    gap: tokens.spacingHorizontalM,
    margin: 0,
  },
  card: { padding: tokens.spacingHorizontalL, gap: tokens.spacingVerticalXS },
  label: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  value: { margin: 0 },
  detail: { color: tokens.colorNeutralForeground2, display: 'block' },
  wide: { gridColumn: 'span 2', '@media (max-width: 480px)': { gridColumn: 'span 1' } },
});

/** The program's key numbers, as a description list so each number is read with its label. */
export function StatsCards({ stats }: { stats: ProgramStats }) {
  const { t, formatNumber, formatDate } = useI18n();
  const styles = useStyles();
  const numbers: { key: string; label: string; value: number }[] = [
    { key: 'people', label: t.admin.people, value: stats.people },
    { key: 'ambassadors', label: t.admin.ambassadors, value: stats.ambassadors },
    { key: 'joined', label: t.admin.joinedTotal, value: stats.joinedTotal },
    { key: 'left', label: t.admin.leftTotal, value: stats.leftTotal },
  ];
  const { directory } = stats;
  return (
    <>
      <dl className={styles.grid}>
        {numbers.map((n) => (
          <Panel key={n.key} className={styles.card} data-testid={`stat-${n.key}`}>
            <dt className={styles.label}>{n.label}</dt>
            <dd className={styles.value}>
              <Title2>{formatNumber(n.value)}</Title2>
            </dd>
          </Panel>
        ))}
        <Panel className={mergeClasses(styles.card, styles.wide)} data-testid="stat-directory">
          <dt className={styles.label}>{t.admin.directory}</dt>
          <dd className={styles.value}>
            <Title2>{t.admin.directoryPeople(directory.peopleCount)}</Title2>
            <Caption1 className={styles.detail}>{t.admin.directorySource(directory.source)}</Caption1>
            <Caption1 className={styles.detail}>
              {directory.lastCompletedAt
                ? t.admin.lastSync(formatDate(directory.lastCompletedAt, true))
                : t.admin.neverSynced}
            </Caption1>
          </dd>
        </Panel>
      </dl>
      {directory.lastError && <Notice intent="warning">{t.admin.syncError(directory.lastError)}</Notice>}
    </>
  );
}
