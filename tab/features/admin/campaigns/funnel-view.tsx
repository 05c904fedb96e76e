import { Body1, Caption1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { FUNNEL_STAGES, type Funnel, type FunnelStage } from '@contracts';
import { useI18n } from '../../../i18n';
import { ErrorBar, Notice } from '../../../ui/error-bar';
import { Loading, Panel } from '../../../ui/layout';
import { useAsync } from '../../../ui/use-async';
import { useChorus } from '../../../state/chorus-context';

type Counts = Funnel['overall'];

const WIDTH = 640;
const ROW = 34;
const BAR = 22;
const LABEL_W = 130;
const VALUE_W = 90;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  svg: { width: '100%', height: 'auto', display: 'block', maxWidth: `${WIDTH}px` },
  track: { fill: tokens.colorNeutralBackground3, stroke: tokens.colorNeutralStroke2, strokeWidth: 1 },
  bar: { fill: tokens.colorBrandBackground },
  label: { fill: tokens.colorNeutralForeground1, fontSize: '13px', fontFamily: tokens.fontFamilyBase },
  value: {
    fill: tokens.colorNeutralForeground1,
    fontSize: '13px',
    fontFamily: tokens.fontFamilyBase,
    fontWeight: tokens.fontWeightSemibold,
  },
  heading: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground2 },
  tableWrap: { overflowX: 'auto' },
  table: {
    borderCollapse: 'collapse',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    '& th, & td': {
      padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      textAlign: 'end',
      fontSize: tokens.fontSizeBase300,
      whiteSpace: 'nowrap',
    },
    '& th:first-child': { textAlign: 'start' },
    '& thead th': { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
    '& tbody th': { fontWeight: tokens.fontWeightRegular },
  },
});

/** Keys the server uses for the folded group of small departments or locations. */
const OTHER_KEYS = new Set(['other', '__other__', '_other', '(other)']);

const value = (counts: Counts, stage: FunnelStage) => counts[stage] ?? 0;

/**
 * A campaign's funnel: targeted → delivered → opened → joined → onboarded → first share, as
 * horizontal bars (overall), then tables by department and by location. Screen readers get the chart's
 * summary and the same numbers in the overall table.
 */
export function FunnelView({ campaignId }: { campaignId: string }) {
  const { t, formatNumber } = useI18n();
  const styles = useStyles();
  const { api } = useChorus();
  const funnel = useAsync((signal) => api.funnel(campaignId, signal), campaignId);

  if (funnel.data === undefined) {
    return funnel.error !== null ? (
      <ErrorBar error={funnel.error} onRetry={() => void funnel.reload()} />
    ) : (
      <Loading label={t.recruit.funnelLoading} />
    );
  }
  const data = funnel.data;
  const overall = data.overall;
  const targeted = value(overall, 'targeted');
  const max = Math.max(1, ...FUNNEL_STAGES.map((s) => value(overall, s)));
  const percent = (n: number) => (targeted > 0 ? `${Math.round((n / targeted) * 100)} %` : '–');
  const groupName = (key: string) => (OTHER_KEYS.has(key.trim().toLowerCase()) ? t.recruit.other : key);
  const plotW = WIDTH - LABEL_W - VALUE_W;
  const height = FUNNEL_STAGES.length * ROW + 4;

  const groupTable = (
    title: string,
    column: string,
    rows: Funnel['byDepartment'],
    hidden: number,
    testId: string,
  ) => (
    <div className={styles.tableWrap}>
      <Subtitle2 as="h3" className={styles.heading} id={`${testId}-title`}>
        {title}
      </Subtitle2>
      {rows.length === 0 ? (
        <Caption1 className={styles.muted}>{t.recruit.noGroups}</Caption1>
      ) : (
        <table className={styles.table} aria-labelledby={`${testId}-title`} data-testid={testId}>
          <thead>
            <tr>
              <th scope="col">{column}</th>
              {FUNNEL_STAGES.map((stage) => (
                <th key={stage} scope="col">
                  {t.recruit.stages[stage]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} data-group={row.key}>
                <th scope="row">{groupName(row.key)}</th>
                {FUNNEL_STAGES.map((stage) => (
                  <td key={stage}>{formatNumber(value(row.counts, stage))}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {hidden > 0 && <Caption1 className={styles.muted}>{t.recruit.hiddenGroups(hidden)}</Caption1>}
    </div>
  );

  return (
    <div className={styles.root} data-testid="funnel">
      {funnel.error !== null && <ErrorBar error={funnel.error} onRetry={() => void funnel.reload()} />}
      {data.overallHidden ? (
        <Notice intent="info">{t.recruit.funnelHidden}</Notice>
      ) : (
        targeted === 0 && <Notice intent="info">{t.recruit.funnelEmpty}</Notice>
      )}
      <Panel>
        <Subtitle2 as="h3" className={styles.heading}>
          {t.recruit.overall}
        </Subtitle2>
        <svg
          className={styles.svg}
          viewBox={`0 0 ${WIDTH} ${height}`}
          role="img"
          aria-label={t.recruit.funnelSummary(targeted, value(overall, 'joined'))}
          data-testid="funnel-chart"
        >
          <g aria-hidden="true">
            {FUNNEL_STAGES.map((stage, i) => {
              const n = value(overall, stage);
              const y = i * ROW + 4;
              return (
                <g key={stage}>
                  <text className={styles.label} x={0} y={y + BAR / 2 + 5}>
                    {t.recruit.stages[stage]}
                  </text>
                  <rect className={styles.track} x={LABEL_W} y={y} width={plotW} height={BAR} rx={3} />
                  <rect
                    className={styles.bar}
                    x={LABEL_W}
                    y={y}
                    width={(n / max) * plotW}
                    height={BAR}
                    rx={3}
                  />
                  <text className={styles.value} x={WIDTH} y={y + BAR / 2 + 5} textAnchor="end">
                    {formatNumber(n)}
                  </text>
                </g>
              );
            })}
          </g>
        </svg>
        <div className={styles.tableWrap}>
          <table className={styles.table} aria-label={t.recruit.overall} data-testid="funnel-overall">
            <thead>
              <tr>
                <th scope="col">{t.recruit.stage}</th>
                <th scope="col">{t.recruit.people}</th>
                <th scope="col">{t.recruit.share}</th>
              </tr>
            </thead>
            <tbody>
              {FUNNEL_STAGES.map((stage) => (
                <tr key={stage}>
                  <th scope="row">{t.recruit.stages[stage]}</th>
                  <td data-testid={`funnel-overall-${stage}`} data-value={value(overall, stage)}>
                    {formatNumber(value(overall, stage))}
                  </td>
                  <td>{percent(value(overall, stage))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {(data.joinedUntargeted ?? 0) > 0 && (
          <Body1 data-testid="funnel-joined-untargeted">
            {t.recruit.joinedUntargeted(data.joinedUntargeted ?? 0)}
          </Body1>
        )}
      </Panel>
      <Panel>
        {groupTable(
          t.recruit.byDepartment,
          t.recruit.department,
          data.byDepartment,
          data.hiddenGroups?.byDepartment ?? 0,
          'funnel-departments',
        )}
        {groupTable(
          t.recruit.byLocation,
          t.recruit.location,
          data.byLocation,
          data.hiddenGroups?.byLocation ?? 0,
          'funnel-locations',
        )}
        <Body1 className={styles.muted}>{t.recruit.funnelNote}</Body1>
      </Panel>
    </div>
  );
}
