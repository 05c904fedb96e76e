import { addDays } from '../domain/kpi';
import type { ClickRetention } from '../ports/click-retention';
import type { Clock } from '../ports/clock';

/** Days moved past the raw-clicks line per transaction (each counts those days' clicks per link). */
const DAYS_PER_SLICE = 7;
/** At most this many days per run, so a first run over a long history is done in slices over runs. */
const MAX_DAYS_PER_RUN = 400;
/** Raw rows deleted per statement: short transactions, so clicks being recorded never wait long. */
export const DELETE_BATCH = 5_000;

/** The first UTC day whose raw clicks are kept at `now` with a retention of `retentionDays` days. */
export function retentionCutOff(now: Date, retentionDays: number): string {
  return addDays(now.toISOString().slice(0, 10), -retentionDays);
}

/**
 * Retires raw click rows older than the retention period (CLICK_RETENTION_DAYS): the days before the
 * cut-off that are already rolled up are counted per tracked link and day into click_days, then their
 * raw rows (with the visitor keys) are deleted in bounded batches. Idempotent: a second run, or a run
 * on another instance at the same time, finds nothing left to do. Returns the cut-off, the days
 * retired, the raw rows deleted and the first day whose raw rows are kept.
 */
export async function retainClicks(
  deps: { retention: ClickRetention; clock: Clock },
  input: { tenantId: string; retentionDays: number; batchSize?: number },
): Promise<{ cutOff: string; days: number; deleted: number; rawClicksFrom: string | null }> {
  const cutOff = retentionCutOff(deps.clock.now(), input.retentionDays);
  let days = 0;
  let step;
  do {
    step = await deps.retention.retireDays(input.tenantId, cutOff, DAYS_PER_SLICE);
    days += step.days;
  } while (step.days > 0 && days < MAX_DAYS_PER_RUN);
  const rawClicksFrom = step.rawClicksFrom;
  const batch = input.batchSize ?? DELETE_BATCH;
  let deleted = 0;
  for (;;) {
    const n = await deps.retention.deleteRetiredClicks(input.tenantId, batch);
    deleted += n;
    if (n < batch) break;
  }
  return { cutOff, days, deleted, rawClicksFrom };
}

/** The retention job runs daily at this UTC time, after the roll-up (ten minutes past midnight). */
const RUN_AT_UTC_MS = 30 * 60_000;

/** When the next retention run is due: the next 00:30 UTC after `now`. */
export function retentionDueAt(now: Date): Date {
  const today = Date.parse(`${now.toISOString().slice(0, 10)}T00:00:00Z`) + RUN_AT_UTC_MS;
  return new Date(today > now.getTime() ? today : today + 86_400_000);
}
