import type { ReactNode } from 'react';
import { Body1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { FUNNEL_STAGES, type Dashboard, type Kpi, type Network } from '@contracts';
import { useI18n } from '../../../i18n';
import { BarChart, BarSwatch, type BarSeries } from '../../../ui/charts/bar-chart';
import { ChartFrame } from '../../../ui/charts/chart-frame';
import { DataTable } from '../../../ui/charts/data-table';
import { Legend } from '../../../ui/charts/legend';
import { LineChart, LineSwatch, PartialSwatch } from '../../../ui/charts/line-chart';
import { useShortDate } from '../../../ui/charts/scale';
import { Panel } from '../../../ui/layout';
import { useKpiFormat } from './use-kpi-format';

const useStyles = makeStyles({
  panel: { gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  note: { margin: 0, color: tokens.colorNeutralForeground2 },
});

/** One chart or table of the dashboard: an h3 in a panel, labelling the region. */
export function DashboardPanel({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <section aria-labelledby={id} data-testid={id}>
      <Panel className={styles.panel}>
        <Subtitle2 as="h3" id={id} className={styles.heading}>
          {title}
        </Subtitle2>
        {children}
      </Panel>
    </section>
  );
}

function Note({ children }: { children: ReactNode }) {
  const styles = useStyles();
  return (
    <Body1 as="p" className={styles.note}>
      {children}
    </Body1>
  );
}

function useNetworkName() {
  const { t } = useI18n();
  return (network: string) => (network in t.networks ? t.networks[network as Network] : network);
}

export function DailyChart({ data }: { data: Dashboard }) {
  const { t, formatNumber } = useI18n();
  const shortDate = useShortDate();
  const longDate = useShortDate('long');
  const d = t.dashboard;
  const daily = data.daily;
  const shares = daily.reduce((sum, p) => sum + p.shares, 0);
  const clicks = daily.reduce((sum, p) => sum + p.clicks, 0);
  const best = daily.reduce<(typeof daily)[number] | null>(
    (top, p) => (p.clicks > 0 && (!top || p.clicks > top.clicks) ? p : top),
    null,
  );
  // The server says which day is still under way (today, so far); it is never guessed here.
  const partialFrom = daily.findIndex((p) => p.partial);
  const partial = partialFrom >= 0 ? daily[partialFrom]! : null;
  /** A day's full name: its date, or "Today (so far), 30 March" for the day under way. */
  const dayName = (p: (typeof daily)[number]) =>
    p.partial ? d.daily.partialDayOn(longDate(p.day)) : longDate(p.day);
  return (
    <DashboardPanel id="dashboard-daily" title={d.daily.title}>
      <ChartFrame
        showTableLabel={d.showTable}
        chart={
          <LineChart
            testId="dashboard-daily-chart"
            labels={daily.map((p) => (p.partial ? d.daily.today : shortDate(p.day)))}
            pointNames={daily.map(dayName)}
            partialFrom={partial ? partialFrom : undefined}
            series={[
              { key: 'clicks', label: d.columns.clicks, values: daily.map((p) => p.clicks), variant: 'area' },
              { key: 'shares', label: d.columns.shares, values: daily.map((p) => p.shares), variant: 'line' },
            ]}
            summary={
              d.daily.summary(
                data.period.days,
                formatNumber(shares),
                formatNumber(clicks),
                best ? longDate(best.day) : null,
              ) +
              (partial
                ? d.daily.partialSummary(
                    longDate(partial.day),
                    formatNumber(partial.shares),
                    formatNumber(partial.clicks),
                  )
                : '')
            }
            formatNumber={formatNumber}
          />
        }
        legend={
          <Legend
            items={[
              { key: 'clicks', swatch: <LineSwatch variant="area" />, label: d.columns.clicks },
              { key: 'shares', swatch: <LineSwatch variant="line" />, label: d.columns.shares },
              ...(partial ? [{ key: 'partial', swatch: <PartialSwatch />, label: d.daily.partialDay }] : []),
            ]}
          />
        }
        table={
          <DataTable
            caption={d.daily.caption}
            rows={daily}
            rowKey={(p) => p.day}
            columns={[
              { key: 'day', header: d.daily.day, cell: dayName },
              { key: 'shares', header: d.columns.shares, numeric: true, cell: (p) => formatNumber(p.shares) },
              { key: 'clicks', header: d.columns.clicks, numeric: true, cell: (p) => formatNumber(p.clicks) },
              {
                key: 'unique',
                header: d.columns.uniqueClicks,
                numeric: true,
                cell: (p) => formatNumber(p.uniqueClicks),
              },
              {
                key: 'active',
                header: d.columns.activeAmbassadors,
                numeric: true,
                cell: (p) => (p.activeAmbassadorsHidden ? d.hiddenShort : formatNumber(p.activeAmbassadors)),
              },
            ]}
          />
        }
      />
    </DashboardPanel>
  );
}

/** Shares (solid bars) and clicks (outlined bars): two series that differ in shape, not only colour. */
function useSharesClicksSeries(): BarSeries[] {
  const { t } = useI18n();
  return [
    { key: 'shares', label: t.dashboard.columns.shares, variant: 'solid' },
    { key: 'clicks', label: t.dashboard.columns.clicks, variant: 'outline' },
  ];
}

function SharesClicksLegend() {
  const { t } = useI18n();
  return (
    <Legend
      items={[
        { key: 'shares', swatch: <BarSwatch variant="solid" />, label: t.dashboard.columns.shares },
        { key: 'clicks', swatch: <BarSwatch variant="outline" />, label: t.dashboard.columns.clicks },
      ]}
    />
  );
}

export function NetworksChart({ data }: { data: Dashboard }) {
  const { t, formatNumber } = useI18n();
  const d = t.dashboard;
  const networkName = useNetworkName();
  const series = useSharesClicksSeries();
  const rows = [...data.networks].sort((a, b) => b.shares - a.shares);
  return (
    <DashboardPanel id="dashboard-networks" title={d.networks.title}>
      {rows.length === 0 ? (
        <Note>{d.noData}</Note>
      ) : (
        <ChartFrame
          showTableLabel={d.showTable}
          chart={
            <BarChart
              testId="dashboard-networks-chart"
              rows={rows.map((n) => ({
                key: n.network,
                label: networkName(n.network),
                values: [n.shares, n.clicks],
              }))}
              series={series}
              summary={d.networks.summary(rows[0] ? networkName(rows[0].network) : null)}
              formatValue={formatNumber}
              hiddenText={d.hiddenShort}
            />
          }
          legend={<SharesClicksLegend />}
          table={
            <DataTable
              caption={d.networks.caption}
              rows={rows}
              rowKey={(n) => n.network}
              columns={[
                { key: 'network', header: d.networks.network, cell: (n) => networkName(n.network) },
                {
                  key: 'shares',
                  header: d.columns.shares,
                  numeric: true,
                  cell: (n) => formatNumber(n.shares),
                },
                {
                  key: 'clicks',
                  header: d.columns.clicks,
                  numeric: true,
                  cell: (n) => formatNumber(n.clicks),
                },
              ]}
            />
          }
        />
      )}
    </DashboardPanel>
  );
}

export function TopContentChart({ data }: { data: Dashboard }) {
  const { t, formatNumber } = useI18n();
  const d = t.dashboard;
  const rows = data.topContent;
  return (
    <DashboardPanel id="dashboard-top-content" title={d.topContent.title}>
      {rows.length === 0 ? (
        <Note>{d.noData}</Note>
      ) : (
        <>
          <BarChart
            testId="dashboard-top-content-chart"
            rows={rows.map((c) => ({ key: c.itemId, label: c.title, values: [c.clicks] }))}
            series={[{ key: 'clicks', label: d.columns.clicks, variant: 'solid' }]}
            summary={d.topContent.summary(rows[0]?.title ?? null)}
            formatValue={formatNumber}
            hiddenText={d.hiddenShort}
          />
          <DataTable
            caption={d.topContent.caption}
            testId="dashboard-top-content-table"
            rows={rows}
            rowKey={(c) => c.itemId}
            columns={[
              { key: 'item', header: d.topContent.item, cell: (c) => c.title },
              { key: 'shares', header: d.columns.shares, numeric: true, cell: (c) => formatNumber(c.shares) },
              { key: 'clicks', header: d.columns.clicks, numeric: true, cell: (c) => formatNumber(c.clicks) },
              {
                key: 'unique',
                header: d.columns.uniqueClicks,
                numeric: true,
                cell: (c) => formatNumber(c.uniqueClicks),
              },
              {
                key: 'conversions',
                header: d.columns.conversions,
                numeric: true,
                cell: (c) => formatNumber(c.conversions),
              },
            ]}
          />
        </>
      )}
    </DashboardPanel>
  );
}

export function TopDepartmentsChart({ data }: { data: Dashboard }) {
  const { t, formatNumber } = useI18n();
  const d = t.dashboard;
  const series = useSharesClicksSeries();
  const rows = data.topDepartments;
  return (
    <DashboardPanel id="dashboard-top-departments" title={d.topDepartments.title}>
      {rows.length === 0 ? (
        <Note>{d.noData}</Note>
      ) : (
        <ChartFrame
          showTableLabel={d.showTable}
          chart={
            <BarChart
              testId="dashboard-top-departments-chart"
              rows={rows.map((r) => ({
                key: r.department,
                label: r.department,
                values: [r.shares, r.clicks],
              }))}
              series={series}
              summary={d.topDepartments.summary(rows[0]?.department ?? null)}
              formatValue={formatNumber}
              hiddenText={d.hiddenShort}
            />
          }
          legend={<SharesClicksLegend />}
          table={
            <DataTable
              caption={d.topDepartments.caption}
              rows={rows}
              rowKey={(r) => r.department}
              columns={[
                { key: 'department', header: d.topDepartments.department, cell: (r) => r.department },
                {
                  key: 'ambassadors',
                  header: d.columns.ambassadors,
                  numeric: true,
                  cell: (r) => formatNumber(r.ambassadors),
                },
                {
                  key: 'shares',
                  header: d.columns.shares,
                  numeric: true,
                  cell: (r) => formatNumber(r.shares),
                },
                {
                  key: 'clicks',
                  header: d.columns.clicks,
                  numeric: true,
                  cell: (r) => formatNumber(r.clicks),
                },
              ]}
            />
          }
        />
      )}
      {data.hiddenDepartments > 0 && (
        <Note>
          <span data-testid="dashboard-hidden-departments">
            {d.topDepartments.hidden(data.hiddenDepartments)}
          </span>
        </Note>
      )}
    </DashboardPanel>
  );
}

export function TopContributorsTable({ data }: { data: Dashboard }) {
  const { t, formatNumber } = useI18n();
  const d = t.dashboard;
  const rows = data.topContributors;
  return (
    <DashboardPanel id="dashboard-top-contributors" title={d.topContributors.title}>
      <Note>{d.topContributors.note}</Note>
      {rows.length === 0 ? (
        <Note>{d.topContributors.none}</Note>
      ) : (
        <DataTable
          caption={d.topContributors.title}
          testId="dashboard-top-contributors-table"
          rows={rows.map((r, i) => ({ ...r, rank: i }))}
          rowKey={(r) => `${r.rank}-${r.name}`}
          columns={[
            { key: 'name', header: d.topContributors.name, cell: (r) => r.name },
            { key: 'department', header: d.topContributors.department, cell: (r) => r.department ?? '–' },
            { key: 'shares', header: d.columns.shares, numeric: true, cell: (r) => formatNumber(r.shares) },
            { key: 'clicks', header: d.columns.clicks, numeric: true, cell: (r) => formatNumber(r.clicks) },
          ]}
        />
      )}
    </DashboardPanel>
  );
}

export function FunnelChart({ data }: { data: Dashboard }) {
  const { t, formatNumber } = useI18n();
  const d = t.dashboard;
  // In the contract's stage order, whatever order the server sends.
  const rows = FUNNEL_STAGES.map((stage) => ({
    stage,
    count: data.funnel.find((f) => f.stage === stage)?.count ?? null,
  })).filter((row) => data.funnel.some((f) => f.stage === row.stage));
  const count = (stage: string) => {
    const n = rows.find((r) => r.stage === stage)?.count;
    return n === null || n === undefined ? d.hiddenShort.toLowerCase() : formatNumber(n);
  };
  return (
    <DashboardPanel id="dashboard-funnel" title={d.funnel.title}>
      <Note>{d.funnel.intro}</Note>
      {rows.length === 0 ? (
        <Note>{d.noData}</Note>
      ) : (
        <ChartFrame
          showTableLabel={d.showTable}
          chart={
            <BarChart
              testId="dashboard-funnel-chart"
              rows={rows.map((r) => ({ key: r.stage, label: t.recruit.stages[r.stage], values: [r.count] }))}
              series={[{ key: 'people', label: d.columns.people, variant: 'solid' }]}
              summary={d.funnel.summary(count('targeted'), count('joined'))}
              formatValue={formatNumber}
              hiddenText={d.hiddenShort}
            />
          }
          table={
            <DataTable
              caption={d.funnel.caption}
              rows={rows}
              rowKey={(r) => r.stage}
              columns={[
                { key: 'stage', header: d.columns.stage, cell: (r) => t.recruit.stages[r.stage] },
                {
                  key: 'people',
                  header: d.columns.people,
                  numeric: true,
                  cell: (r) => (r.count === null ? d.hiddenShort : formatNumber(r.count)),
                },
              ]}
            />
          }
        />
      )}
    </DashboardPanel>
  );
}

/** The KPIs that have a target, as progress towards it (100 % is the dashed line). */
export function GoalsChart({ kpis }: { kpis: Kpi[] }) {
  const { t } = useI18n();
  const format = useKpiFormat();
  const d = t.dashboard;
  const rows = kpis.filter((k) => k.target !== null).map((k) => ({ kpi: k, progress: format.progress(k) }));
  const met = rows.filter((r) => r.progress !== null && r.progress >= 1).length;
  const top = Math.max(1, ...rows.map((r) => Math.min(2, r.progress ?? 0)));
  return (
    <DashboardPanel id="dashboard-goals" title={d.goals.title}>
      {rows.length === 0 ? (
        <Note>{d.goals.none}</Note>
      ) : (
        <ChartFrame
          showTableLabel={d.showTable}
          chart={
            <BarChart
              testId="dashboard-goals-chart"
              rows={rows.map((r) => ({
                key: r.kpi.key,
                label: d.kpis[r.kpi.key].label,
                values: [r.progress],
              }))}
              series={[{ key: 'progress', label: d.columns.percentOfTarget, variant: 'solid' }]}
              summary={d.goals.summary(met, rows.length)}
              formatValue={format.percent}
              hiddenText={d.hiddenShort}
              reference={{ value: 1, label: format.percent(1) }}
              max={top}
            />
          }
          table={
            <DataTable
              caption={d.goals.caption}
              rows={rows}
              rowKey={(r) => r.kpi.key}
              columns={[
                { key: 'figure', header: d.columns.figure, cell: (r) => d.kpis[r.kpi.key].label },
                {
                  key: 'value',
                  header: d.columns.value,
                  numeric: true,
                  cell: (r) => (r.kpi.value === null ? d.hiddenShort : format.value(r.kpi.value, r.kpi.unit)),
                },
                {
                  key: 'target',
                  header: d.columns.target,
                  numeric: true,
                  cell: (r) => (r.kpi.target === null ? '–' : format.value(r.kpi.target, r.kpi.unit)),
                },
                {
                  key: 'percent',
                  header: d.columns.percentOfTarget,
                  numeric: true,
                  cell: (r) => (r.progress === null ? d.hiddenShort : format.percent(r.progress)),
                },
                {
                  key: 'status',
                  header: d.goals.status,
                  cell: (r) =>
                    r.progress === null
                      ? d.hiddenShort
                      : r.progress >= 1
                        ? d.goals.reached
                        : d.goals.notReached,
                },
              ]}
            />
          }
        />
      )}
    </DashboardPanel>
  );
}
