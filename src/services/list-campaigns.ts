import type { CampaignDeps, CampaignRecord } from '../ports/campaigns';

/** Every campaign of the tenant, newest first, for comms. */
export async function listCampaigns(
  deps: Pick<CampaignDeps, 'campaigns'>,
  input: { tenantId: string },
): Promise<CampaignRecord[]> {
  return deps.campaigns.list(input.tenantId);
}
