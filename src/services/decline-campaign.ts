import type { CampaignDeps } from '../ports/campaigns';
import { getCampaign } from './get-campaign';

/**
 * "Not now": the campaign stops listing for the person, their open invitation is closed, and later
 * announcements of this campaign leave them out. Only aggregates of declines are ever reported, and
 * managers never see them.
 */
export async function declineCampaign(
  deps: CampaignDeps,
  input: { tenantId: string; personId: string; campaignId: string },
): Promise<void> {
  await getCampaign(deps, input);
  await deps.campaigns.recordDeclined(input.tenantId, input.campaignId, input.personId, deps.clock.now());
}
