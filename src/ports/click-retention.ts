/** How far the raw click rows reach, and the steps of the retention job that moves that line. */
export interface ClickRetention {
  /** The first UTC day whose raw click rows are kept, or null when every raw row is kept. */
  rawClicksFrom(tenantId: string): Promise<string | null>;
  /**
   * Moves the raw-clicks line towards `cutOff` by at most `maxDays` days, in one transaction: counts
   * the raw clicks of those days into click_days (per link and day) and records the new line. Never
   * past a day that is not rolled up (the line stays at most rolled_through + 1). Returns the days
   * moved (0: nothing to do) and the line.
   */
  retireDays(
    tenantId: string,
    cutOff: string,
    maxDays: number,
  ): Promise<{ days: number; rawClicksFrom: string | null }>;
  /** Deletes at most `limit` raw click rows before the line, in one short transaction; the count. */
  deleteRetiredClicks(tenantId: string, limit: number): Promise<number>;
}
