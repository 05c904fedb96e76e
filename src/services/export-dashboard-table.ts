import type { DashboardTable } from '../contracts/dashboard';
import { writeCsv, type CsvCell } from '../domain/csv';
import { getDashboard, type DashboardDeps } from './get-dashboard';

/**
 * One dashboard table as a CSV file (UTF-8 with BOM; text cells that a spreadsheet would run as a
 * formula are defused). The same numbers as the dashboard; hidden figures (under five people) stay
 * blank. 'conversions' lists each conversion in the period, naming the ambassador only when they opted
 * in to leaderboards.
 */
export async function exportDashboardTable(
  deps: DashboardDeps,
  input: { tenantId: string; table: DashboardTable; days: number; end?: string | undefined },
): Promise<{ filename: string; csv: string }> {
  const d = await getDashboard(deps, input);
  const filename = `chorus-${input.table}-${d.period.from}-to-${d.period.to}.csv`;
  const csv = (header: string[], rows: CsvCell[][]) => ({ filename, csv: writeCsv(header, rows) });
  switch (input.table) {
    case 'kpis':
      return csv(
        ['kpi', 'unit', 'value', 'previous', 'target', 'goal'],
        d.kpis.map((k) => [k.key, k.unit, k.value, k.previous, k.target, k.goal]),
      );
    case 'daily':
      return csv(
        ['day', 'shares', 'clicks', 'unique_clicks', 'active_ambassadors'],
        d.daily.map((p) => [
          p.day,
          p.shares,
          p.clicks,
          p.uniqueClicks,
          p.activeAmbassadorsHidden ? null : p.activeAmbassadors,
        ]),
      );
    case 'networks':
      return csv(
        ['network', 'shares', 'clicks'],
        d.networks.map((n) => [n.network, n.shares, n.clicks]),
      );
    case 'top-content':
      return csv(
        ['item_id', 'title', 'shares', 'clicks', 'unique_clicks', 'conversions'],
        d.allContent.map((c) => [c.itemId, c.title, c.shares, c.clicks, c.uniqueClicks, c.conversions]),
      );
    case 'top-departments':
      return csv(
        ['department', 'ambassadors', 'shares', 'clicks'],
        d.topDepartments.map((t) => [t.department, t.ambassadors, t.shares, t.clicks]),
      );
    case 'top-contributors':
      return csv(
        ['name', 'department', 'shares', 'clicks'],
        d.topContributors.map((c) => [c.name, c.department, c.shares, c.clicks]),
      );
    case 'funnel':
      return csv(
        ['stage', 'count'],
        d.funnel.map((f) => [f.stage, f.count]),
      );
    case 'conversions': {
      const list = await deps.stats.listConversions(input.tenantId, d.period.from, d.period.to);
      return csv(
        ['external_id', 'kind', 'occurred_at', 'item', 'network', 'campaign', 'ambassador'],
        list.map((c) => [
          c.externalId,
          c.kind,
          c.occurredAt.toISOString(),
          c.itemTitle,
          c.network,
          c.campaign,
          c.ambassadorName,
        ]),
      );
    }
  }
}
