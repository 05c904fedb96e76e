import type { KpiTargets } from '../contracts/canvas';

/** Event counts for one span of days (or one day). */
export interface EventCounts {
  shares: number;
  clicks: number;
  uniqueClicks: number;
  reactions: number;
  comments: number;
}

/** One current member's activity over the dashboard's days, for the people-based figures. */
export interface MemberActivity {
  personId: string;
  displayName: string;
  department: string | null;
  networkSize: number | null;
  showOnLeaderboard: boolean;
  joinedAt: Date;
  /** Shares and clicks on the member's own links in the period. */
  shares: number;
  clicks: number;
  sharedCurrent: boolean;
  sharedPrevious: boolean;
  /** Shared, reported an own post or asked for sparring. */
  activeCurrent: boolean;
  activePrevious: boolean;
  /** Active in the 30 days ending on the period's last day (and on the previous period's). */
  activeAdoptionCurrent: boolean;
  activeAdoptionPrevious: boolean;
}

/** The days and windows one dashboard read covers (YYYY-MM-DD, inclusive, UTC). */
export interface DashboardWindow {
  from: string;
  to: string;
  previousFrom: string;
  previousTo: string;
  /** Start of the adoption windows: the 30 days ending on `previousTo` and on `to`. */
  adoptionFrom: string;
  previousAdoptionFrom: string;
  /** The moment of the read (a snapshot is used only while it is fresh at this time). */
  now: Date;
}

/** Everything the dashboard is computed from, gathered in a few queries. */
export interface DashboardData {
  /** Days up to this one are read from daily_stats; later days from the raw tables. */
  rolledThrough: string | null;
  /** When the days after rolledThrough come from a snapshot: the moment it counts up to; null = live. */
  snapshotAt: Date | null;
  /** Per day from previousFrom to `to`, days with activity only. */
  daily: (EventCounts & { day: string; sharers: number })[];
  members: MemberActivity[];
  /** Per item in the period (items with shares or clicks). */
  items: { itemId: string; title: string; shares: number; clicks: number; uniqueClicks: number }[];
  networks: { network: string; shares: number; clicks: number }[];
  /** Conversions by kind, in the period and the previous one. */
  conversions: {
    current: Record<'application' | 'conversion', number>;
    previous: Record<'application' | 'conversion', number>;
  };
  /** Conversions per item in the period. */
  conversionsByItem: Record<string, number>;
  followers: { current: number; previous: number };
  jobInteractions: { current: number; previous: number };
  targets: KpiTargets | null;
  organicReachRate: number;
  /** Recruitment campaigns (not drafts) running at some time in the period. */
  campaignIds: string[];
}

/** One conversion in the period, for the export (ambassador named only when they opted in). */
export interface ConversionListing {
  externalId: string;
  kind: 'application' | 'conversion';
  occurredAt: Date;
  itemTitle: string | null;
  network: string | null;
  campaign: string | null;
  ambassadorName: string | null;
}

/** The dashboard's reads, the daily roll-ups, and stated network sizes. */
export interface StatsStore {
  /** Gathers the dashboard's inputs for a window (roll-ups for rolled days, raw rows for the rest). */
  dashboardData(tenantId: string, window: DashboardWindow): Promise<DashboardData>;
  /** Conversions that occurred from `from` to `to` (days, inclusive), oldest first. */
  listConversions(tenantId: string, from: string, to: string): Promise<ConversionListing[]>;
  /** The last rolled-up day, or null when nothing is rolled up yet. */
  rolledThrough(tenantId: string): Promise<string | null>;
  /** The first day with any share or click, or null when there is none. */
  firstActivityDay(tenantId: string): Promise<string | null>;
  /**
   * Rolls up closed days `from` … `to`: replaces their daily_stats rows from the raw tables and moves
   * rolled_through to `to` when it is later, in one transaction (re-running a day gives the same rows).
   */
  rollUpDays(tenantId: string, from: string, to: string): Promise<void>;
  /**
   * Recounts the days after the roll-ups (usually today) into daily_stats from the raw events before
   * `now`, and records `now` as the snapshot's time, in one transaction. Null (nothing written) when
   * nothing is rolled up yet or the roll-ups are more than a few days behind.
   */
  snapshotRecent(tenantId: string, now: Date): Promise<{ from: string; at: Date } | null>;
  /**
   * Sets a member's stated network size and records the change ('network_size_changed' with its
   * delta) in one transaction. Null when the person is not a member.
   */
  setNetworkSize(
    tenantId: string,
    personId: string,
    networkSize: number,
    at: Date,
  ): Promise<{ previous: number | null } | null>;
}
