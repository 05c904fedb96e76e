import { useState } from 'react';
import { Body1, Field, Radio, RadioGroup, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { DASHBOARD_PERIODS, type Dashboard } from '@contracts';
import { useI18n } from '../../../i18n';
import { useChorus } from '../../../state/chorus-context';
import { ErrorBar } from '../../../ui/error-bar';
import { EmptyState, Loading, Section } from '../../../ui/layout';
import { useAsync } from '../../../ui/use-async';
import { ReachCalculator } from '../reach/reach-calculator';
import { CsvExport } from './csv-export';
import {
  DailyChart,
  FunnelChart,
  GoalsChart,
  NetworksChart,
  TopContentChart,
  TopContributorsTable,
  TopDepartmentsChart,
} from './dashboard-charts';
import { KpiCards } from './kpi-cards';

type Period = (typeof DASHBOARD_PERIODS)[number];

const useStyles = makeStyles({
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
  period: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  when: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  steps: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
});

/** Admin → Dashboard: the program's KPIs with definitions, period comparison and charts (issue 6). */
export function DashboardAdmin() {
  const { t } = useI18n();
  return (
    <>
      <Section id="dashboard" title={t.dashboard.title}>
        <DashboardView />
      </Section>
      <ReachCalculator />
    </>
  );
}

/** Whether anything happened yet: with no shares and no clicks there is nothing to chart. */
function hasActivity(data: Dashboard): boolean {
  return (
    data.daily.some((p) => p.shares > 0 || p.clicks > 0) ||
    data.topContent.length > 0 ||
    data.kpis.some((k) => (k.key === 'shares' || k.key === 'clicks') && k.value !== null && k.value > 0)
  );
}

/**
 * A YYYY-MM-DD day as a date in words. Noon UTC is the same calendar day in every time zone the tab
 * may run in, so the day never shifts by one.
 */
function useDay() {
  const { formatDate } = useI18n();
  return (day: string) => formatDate(/^\d{4}-\d{2}-\d{2}$/.test(day) ? `${day}T12:00:00Z` : day);
}

function DashboardView() {
  const { t, formatDate } = useI18n();
  const styles = useStyles();
  const { api } = useChorus();
  const [days, setDays] = useState<Period>(30);
  const dashboard = useAsync((signal) => api.dashboard({ days }, signal), String(days));
  const day = useDay();
  const d = t.dashboard;
  const data = dashboard.data;

  const period = (
    <div className={styles.period}>
      <Field label={d.period}>
        <RadioGroup
          layout="horizontal"
          value={String(days)}
          onChange={(_, v) => setDays(DASHBOARD_PERIODS.find((p) => String(p) === v.value) ?? 30)}
          data-testid="dashboard-period"
        >
          {DASHBOARD_PERIODS.map((p) => (
            <Radio key={p} value={String(p)} label={d.days(p)} />
          ))}
        </RadioGroup>
      </Field>
      {dashboard.loading && data !== undefined && <Spinner size="tiny" label={d.updating} />}
    </div>
  );

  return (
    <>
      <Body1 as="p" className={styles.intro}>
        {d.intro}
      </Body1>
      {period}
      {dashboard.error !== null && (
        <ErrorBar error={dashboard.error} onRetry={() => void dashboard.reload()} />
      )}
      {data === undefined ? (
        dashboard.error === null && <Loading label={d.loading} />
      ) : (
        <div className={styles.body} aria-busy={dashboard.loading} data-testid="dashboard-body">
          <div className={styles.when}>
            <Body1 as="p" className={styles.muted} data-testid="dashboard-comparing">
              {d.comparing(
                day(data.period.from),
                day(data.period.to),
                day(data.period.previousFrom),
                day(data.period.previousTo),
              )}
            </Body1>
            <Body1 as="p" className={styles.muted} data-testid="dashboard-as-of">
              {data.rolledUpThrough ? d.dataAsOf(formatDate(data.rolledUpThrough, true)) : d.notRolledUp}
              {data.recentAsOf ? ` ${d.recentAsOf(formatDate(data.recentAsOf, true))}` : ''}
            </Body1>
          </div>
          {!hasActivity(data) ? (
            <EmptyState id="dashboard-empty" title={d.emptyTitle}>
              <Body1 as="p">{d.emptyBody}</Body1>
              <ul className={styles.steps}>
                <li>{d.emptyContent(t.admin.contentTab)}</li>
                <li>{d.emptyRecruit(t.admin.campaignsTab)}</li>
                <li>{d.emptyTargets(t.canvas.title)}</li>
              </ul>
            </EmptyState>
          ) : (
            <>
              <KpiCards kpis={data.kpis} />
              <GoalsChart kpis={data.kpis} />
              <DailyChart data={data} />
              <NetworksChart data={data} />
              <TopContentChart data={data} />
              <TopDepartmentsChart data={data} />
              <TopContributorsTable data={data} />
              <FunnelChart data={data} />
            </>
          )}
          <CsvExport period={{ days: data.period.days }} from={data.period.from} to={data.period.to} />
        </div>
      )}
    </>
  );
}
