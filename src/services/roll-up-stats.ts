import { addDays, daysBetween } from '../domain/kpi';
import type { Clock } from '../ports/clock';
import type { StatsStore } from '../ports/stats';

/** A day is closed, and rolled up, this long after its UTC midnight: late clicks still in flight land first. */
export const CLOSE_AFTER_MS = 10 * 60_000;
/** At most this many days per run, so a first run over a long history is done in slices. */
const MAX_DAYS_PER_RUN = 400;
/** Days rolled up per transaction: one statement per dimension covers them all, so a first run is quick. */
const DAYS_PER_SLICE = 16;

/** The last closed UTC day at `now`. */
export function lastClosedDay(now: Date): string {
  return addDays(new Date(now.getTime() - CLOSE_AFTER_MS).toISOString().slice(0, 10), -1);
}

/** When the next roll-up is due: now when a closed day is waiting, else when today closes. */
export function rollUpDueAt(now: Date, rolledThrough: string | null): Date {
  const closed = lastClosedDay(now);
  if (rolledThrough === null || rolledThrough < closed) return now;
  return new Date(Date.parse(`${addDays(closed, 2)}T00:00:00Z`) + CLOSE_AFTER_MS);
}

/**
 * Rolls up every closed UTC day not rolled up yet, oldest first (from the first day with activity),
 * a slice of days per transaction, so a run that stops half-way resumes where it stopped. Returns the
 * days rolled and how far the roll-ups now reach.
 */
export async function rollUpStats(
  deps: { stats: StatsStore; clock: Clock },
  input: { tenantId: string; from?: string },
): Promise<{ days: number; rolledThrough: string | null }> {
  const closed = lastClosedDay(deps.clock.now());
  const rolled = await deps.stats.rolledThrough(input.tenantId);
  const first =
    input.from ?? (rolled ? addDays(rolled, 1) : await deps.stats.firstActivityDay(input.tenantId));
  if (!first) return { days: 0, rolledThrough: rolled };
  let days = 0;
  for (let from = first; from <= closed && days < MAX_DAYS_PER_RUN; from = addDays(from, DAYS_PER_SLICE)) {
    const to = addDays(from, DAYS_PER_SLICE - 1) < closed ? addDays(from, DAYS_PER_SLICE - 1) : closed;
    await deps.stats.rollUpDays(input.tenantId, from, to);
    days += daysBetween(from, to).length;
  }
  return { days, rolledThrough: await deps.stats.rolledThrough(input.tenantId) };
}

/**
 * Recounts the days after the roll-ups (usually today so far) into a snapshot the dashboard reads
 * instead of the raw events; the job runs it every minute. Null when there is nothing to snapshot
 * yet (no roll-ups, or the roll-ups are behind).
 */
export async function snapshotRecentStats(
  deps: { stats: StatsStore; clock: Clock },
  input: { tenantId: string },
): Promise<{ from: string; at: Date } | null> {
  return deps.stats.snapshotRecent(input.tenantId, deps.clock.now());
}
