import { z } from 'zod';
import { ZFunnelStage } from './recruitment';
import { schemaMessage as m } from './schema-messages';

// The program dashboard (issue 6). Every figure has a definition (in the tab's words, keyed by
// `key`), a value for the chosen period and for the period before it, and a target where the canvas
// sets one. A null value means "hidden": it would describe fewer than five people.

/** The periods the dashboard offers, in days, ending with `end` (today by default). */
export const DASHBOARD_PERIODS = [7, 30, 90] as const;
export const ZDashboardQuery = z
  .object({
    days: z.coerce
      .number()
      .int()
      .refine((d) => (DASHBOARD_PERIODS as readonly number[]).includes(d), m('dashboardDaysInvalid'))
      .default(30),
    /** The last day of the period, YYYY-MM-DD (UTC); today when absent. */
    end: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, m('dashboardEndFormat'))
      .optional(),
  })
  .strict();
export type DashboardQuery = z.infer<typeof ZDashboardQuery>;

export const KPI_KEYS = [
  'activeAmbassadors',
  'adoptionRate',
  'shareRate',
  'shares',
  'clicks',
  'uniqueClicks',
  'estimatedReach',
  'reactions',
  'comments',
  'followers',
  'applications',
  'conversions',
  'jobInteractions',
] as const;
export const ZKpiKey = z.enum(KPI_KEYS);
export type KpiKey = z.infer<typeof ZKpiKey>;

export const ZKpi = z.object({
  key: ZKpiKey,
  /** 'ratio' values are between 0 and 1. */
  unit: z.enum(['count', 'ratio']),
  value: z.number().nullable(),
  previous: z.number().nullable(),
  /** The canvas target scaled to the period's length, for result and effect goals; else null. */
  target: z.number().nullable(),
  /** Result goals are what ambassadors do; effect goals what it leads to; others are neither. */
  goal: z.enum(['result', 'effect']).nullable(),
});
export type Kpi = z.infer<typeof ZKpi>;

/** One day of the period (for the charts). */
export const ZDailyPoint = z.object({
  day: z.string(),
  shares: z.number().int(),
  clicks: z.number().int(),
  uniqueClicks: z.number().int(),
  activeAmbassadors: z.number().int(),
  /** True when some members shared that day but fewer than five: activeAmbassadors shows 0 then. */
  activeAmbassadorsHidden: z.boolean().optional(),
  /**
   * True for the day still under way (today, UTC, when the period ends today): its figures are what
   * has been counted so far, not a whole day. Absent on every closed day.
   */
  partial: z.boolean().optional(),
});
export type DailyPoint = z.infer<typeof ZDailyPoint>;

export const ZTopContent = z.object({
  itemId: z.string(),
  title: z.string(),
  shares: z.number().int(),
  clicks: z.number().int(),
  uniqueClicks: z.number().int(),
  conversions: z.number().int(),
});
export const ZTopDepartment = z.object({
  department: z.string(),
  ambassadors: z.number().int(),
  shares: z.number().int(),
  clicks: z.number().int(),
});
/** Only ambassadors who chose to appear on leaderboards are named. */
export const ZTopContributor = z.object({
  name: z.string(),
  department: z.string().nullable(),
  shares: z.number().int(),
  clicks: z.number().int(),
});
export const ZNetworkSplit = z.object({
  network: z.string(),
  shares: z.number().int(),
  clicks: z.number().int(),
});

export const ZDashboard = z.object({
  period: z.object({
    from: z.string(),
    to: z.string(),
    previousFrom: z.string(),
    previousTo: z.string(),
    days: z.number().int(),
  }),
  kpis: z.array(ZKpi),
  daily: z.array(ZDailyPoint),
  networks: z.array(ZNetworkSplit),
  topContent: z.array(ZTopContent),
  /** Departments with fewer than five ambassadors are left out, and counted here. */
  topDepartments: z.array(ZTopDepartment),
  hiddenDepartments: z.number().int(),
  topContributors: z.array(ZTopContributor),
  /** The recruitment funnel over all campaigns running in the period; null stages are hidden (< 5). */
  funnel: z.array(z.object({ stage: ZFunnelStage, count: z.number().int().nullable() })),
  /** When the numbers were last rolled up (ISO), for "data as of". */
  rolledUpThrough: z.string().nullable(),
  /**
   * The days after rolledUpThrough (usually today) as counted at this moment (ISO), refreshed every
   * minute; null when they are read live.
   */
  recentAsOf: z.string().nullable(),
});
export type Dashboard = z.infer<typeof ZDashboard>;

/** The tables the dashboard exports as CSV: GET /api/admin/dashboard/export/<table>.csv?days=… */
export const DASHBOARD_TABLES = [
  'kpis',
  'daily',
  'networks',
  'top-content',
  'top-departments',
  'top-contributors',
  'funnel',
  'conversions',
] as const;
export const ZDashboardTable = z.enum(DASHBOARD_TABLES);
export type DashboardTable = z.infer<typeof ZDashboardTable>;

/** The export's path: GET /api/admin/dashboard/export/<table>.csv */
export const ZDashboardExportParams = z
  .object({
    table: z
      .string()
      .transform((file) => file.replace(/\.csv$/i, ''))
      .pipe(ZDashboardTable),
  })
  .strict();
export type DashboardExportParams = z.infer<typeof ZDashboardExportParams>;

/** An ambassador states how many people follow them (for estimated reach and new followers). */
export const ZNetworkSizeRequest = z
  .object({
    networkSize: z
      .number({ invalid_type_error: m('networkSizeWhole') })
      .int(m('networkSizeWhole'))
      .min(0, m('networkSizeWhole'))
      .max(10_000_000, m('networkSizeTooLarge')),
  })
  .strict();
export type NetworkSizeRequest = z.infer<typeof ZNetworkSizeRequest>;

/** The stated network size, as saved. */
export const ZNetworkSizeView = z.object({ networkSize: z.number().int() });
export type NetworkSizeView = z.infer<typeof ZNetworkSizeView>;
