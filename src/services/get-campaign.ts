import { AppError } from '../domain/errors';
import type { CampaignDeps, CampaignRecord } from '../ports/campaigns';

/** One campaign, or NOT_FOUND. */
export async function getCampaign(
  deps: Pick<CampaignDeps, 'campaigns'>,
  input: { tenantId: string; campaignId: string },
): Promise<CampaignRecord> {
  const campaign = await deps.campaigns.get(input.tenantId, input.campaignId);
  if (!campaign) throw new AppError('NOT_FOUND', 'noSuchCampaign');
  return campaign;
}
