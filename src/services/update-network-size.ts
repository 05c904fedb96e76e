import { AppError } from '../domain/errors';
import type { Clock } from '../ports/clock';
import type { StatsStore } from '../ports/stats';

/**
 * An ambassador states how many people follow them. It feeds the estimated reach, and every later
 * change is recorded (the positive ones are the dashboard's new followers).
 */
export async function updateNetworkSize(
  deps: { stats: StatsStore; clock: Clock },
  input: { tenantId: string; personId: string; networkSize: number },
): Promise<{ networkSize: number }> {
  const saved = await deps.stats.setNetworkSize(
    input.tenantId,
    input.personId,
    input.networkSize,
    deps.clock.now(),
  );
  if (!saved) throw new AppError('NOT_A_MEMBER', 'notAMemberForNetworkSize');
  return { networkSize: input.networkSize };
}
