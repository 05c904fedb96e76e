import type { CampaignStore } from '../ports/campaigns';
import type { Clock } from '../ports/clock';

/** The campaigns open now, by name: what a manager can nominate for, or a colleague recommend. */
export async function listRunningCampaigns(
  deps: { campaigns: CampaignStore; clock: Clock },
  input: { tenantId: string },
): Promise<{ id: string; name: string }[]> {
  const now = deps.clock.now().getTime();
  const campaigns = await deps.campaigns.list(input.tenantId);
  return campaigns
    .filter((c) => c.status === 'running' && c.startsAt.getTime() <= now && now < c.endsAt.getTime())
    .map((c) => ({ id: c.id, name: c.name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'da'));
}
