import { dayRange } from '../domain/sharing';
import type { Clock } from '../ports/clock';
import type { ImpactData, SharingStore } from '../ports/sharing';

export interface ImpactResult extends ImpactData {
  days: number;
}

/**
 * An ambassador's own impact over the last `days` UTC days: shares, clicks and unique clicks per item
 * and per network, and a daily series with every day present (zeros included) for the chart. Only
 * ever the caller's own numbers; nobody can read another person's impact.
 */
export async function getImpact(
  deps: { sharing: SharingStore; clock: Clock },
  input: { tenantId: string; personId: string; days: number },
): Promise<ImpactResult> {
  const range = dayRange(deps.clock.now(), input.days);
  const since = new Date(`${range[0]!}T00:00:00Z`);
  const data = await deps.sharing.impact(input.tenantId, input.personId, since);
  const byDay = new Map(data.daily.map((d) => [d.date, d]));
  const byClicks = <T extends { clicks: number; shares: number }>(a: T, b: T) =>
    b.clicks - a.clicks || b.shares - a.shares;
  return {
    days: input.days,
    totals: data.totals,
    byItem: [...data.byItem].sort(byClicks),
    byNetwork: [...data.byNetwork].sort(byClicks),
    daily: range.map((date) => ({
      date,
      shares: byDay.get(date)?.shares ?? 0,
      clicks: byDay.get(date)?.clicks ?? 0,
    })),
  };
}
