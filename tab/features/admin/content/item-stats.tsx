import { Caption1, Subtitle1, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { useI18n } from '../../../i18n';
import { useChorus } from '../../../state/chorus-context';
import { ErrorBar } from '../../../ui/error-bar';
import { Loading, Panel } from '../../../ui/layout';
import { useAsync } from '../../../ui/use-async';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  numbers: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))',
    gap: tokens.spacingHorizontalM,
    margin: 0,
  },
  card: { padding: tokens.spacingHorizontalL, gap: tokens.spacingVerticalXS },
  label: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  value: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground2 },
  table: {
    borderCollapse: 'collapse',
    minWidth: '320px',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    '& th, & td': {
      padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      textAlign: 'start',
    },
    '& td': { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
    '& thead th:not(:first-child)': { textAlign: 'end' },
  },
});

/** Per-item results for comms and approvers: shares, clicks, unique visitors, by network. */
export function ItemStatsSection({ itemId }: { itemId: string }) {
  const { t, formatNumber } = useI18n();
  const styles = useStyles();
  const { api } = useChorus();
  const stats = useAsync((signal) => api.contentStats(itemId, signal), itemId);
  const data = stats.data;
  return (
    <section className={styles.section} aria-labelledby="content-stats" data-testid="content-stats">
      <Subtitle1 as="h3" id="content-stats" className={styles.heading}>
        {t.content.stats}
      </Subtitle1>
      {stats.error !== null && <ErrorBar error={stats.error} onRetry={() => void stats.reload()} />}
      {data === undefined ? (
        stats.error === null && <Loading label={t.content.statsLoading} />
      ) : (
        <>
          <dl className={styles.numbers}>
            {[
              { key: 'shares', label: t.impact.shares, value: data.shares },
              { key: 'clicks', label: t.impact.clicks, value: data.clicks },
              { key: 'unique', label: t.impact.uniqueClicks, value: data.uniqueClicks },
            ].map((n) => (
              <Panel key={n.key} className={styles.card} data-testid={`content-stat-${n.key}`}>
                <dt className={styles.label}>{n.label}</dt>
                <dd className={styles.value}>
                  <Title3>{formatNumber(n.value)}</Title3>
                </dd>
              </Panel>
            ))}
          </dl>
          {data.byNetwork.length === 0 ? (
            <Caption1 className={styles.muted}>{t.content.statsNone}</Caption1>
          ) : (
            <table className={styles.table} aria-label={t.impact.byNetwork}>
              <thead>
                <tr>
                  <th scope="col">{t.impact.network}</th>
                  <th scope="col">{t.impact.shares}</th>
                  <th scope="col">{t.impact.clicks}</th>
                  <th scope="col">{t.impact.uniqueClicks}</th>
                </tr>
              </thead>
              <tbody>
                {data.byNetwork.map((row) => (
                  <tr key={row.network}>
                    <th scope="row">{t.networks[row.network]}</th>
                    <td>{formatNumber(row.shares)}</td>
                    <td>{formatNumber(row.clicks)}</td>
                    <td>{formatNumber(row.uniqueClicks)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
