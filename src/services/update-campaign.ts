import { assertEditable } from '../domain/campaign';
import { AppError } from '../domain/errors';
import type { CampaignDeps, CampaignFields, CampaignRecord } from '../ports/campaigns';
import { checkCampaignFields } from './create-campaign';
import { getCampaign } from './get-campaign';

/**
 * Replaces a campaign's name, pitch, image, period, goal and audience rules. The status stays; a
 * closed campaign is kept as it was (CONFLICT). New rules apply from the next announcement on.
 */
export async function updateCampaign(
  deps: CampaignDeps,
  input: { tenantId: string; campaignId: string; campaign: CampaignFields },
): Promise<CampaignRecord> {
  assertEditable(await getCampaign(deps, input));
  await checkCampaignFields(deps, input.tenantId, input.campaign);
  const updated = await deps.campaigns.update(
    input.tenantId,
    input.campaignId,
    input.campaign,
    deps.clock.now(),
  );
  if (!updated) throw new AppError('NOT_FOUND', 'noSuchCampaign');
  return updated;
}
