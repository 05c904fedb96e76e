import type { CampaignDeps } from '../ports/campaigns';
import { getCampaign } from './get-campaign';

/** Records that the person opened the campaign (card or page), once; for the funnel's "opened". */
export async function recordCampaignOpened(
  deps: CampaignDeps,
  input: { tenantId: string; personId: string; campaignId: string },
): Promise<void> {
  await getCampaign(deps, input);
  // Someone outside the audience (who found it in a channel, say) leaves no trace: the funnel counts
  // the targeted, and joining records the rest.
  await deps.campaigns.recordOpened(input.tenantId, input.campaignId, input.personId, deps.clock.now());
}
