import type { AudienceFilter } from '../contracts/recruitment';
import { PREVIEW_SAMPLE_SIZE } from '../domain/audience';
import type { AudienceMember, CampaignDeps } from '../ports/campaigns';
import { getCampaign } from './get-campaign';

/**
 * How many people the audience rules reach now, and a sample of names, before anything is sent. With
 * a campaign, the people who declined that campaign are left out, as its announcement would.
 */
export async function previewAudience(
  deps: Pick<CampaignDeps, 'campaigns'>,
  input: { tenantId: string; filter: AudienceFilter; campaignId: string | null },
): Promise<{ total: number; sample: AudienceMember[] }> {
  if (input.campaignId !== null) await getCampaign(deps, { ...input, campaignId: input.campaignId });
  return deps.campaigns.audience.preview(input.tenantId, input.filter, {
    campaignId: input.campaignId,
    sampleSize: PREVIEW_SAMPLE_SIZE,
  });
}
