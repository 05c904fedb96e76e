import { AppError } from '../domain/errors';
import type { ItemStatsData, SharingStore } from '../ports/sharing';

/** Aggregate shares, clicks and unique clicks for one item, in total and by network; never per person. */
export async function getItemStats(
  deps: { sharing: SharingStore },
  input: { tenantId: string; itemId: string },
): Promise<ItemStatsData & { itemId: string }> {
  const item = await deps.sharing.getItem(input.tenantId, input.itemId);
  if (!item) throw new AppError('NOT_FOUND', 'noSuchItem');
  const stats = await deps.sharing.itemStats(input.tenantId, input.itemId);
  return {
    itemId: input.itemId,
    ...stats,
    byNetwork: [...stats.byNetwork].sort((a, b) => b.shares - a.shares || b.clicks - a.clicks),
  };
}
