import type { SendProgress } from '../contracts/recruitment';
import type { CampaignDeps } from '../ports/campaigns';
import type { OutboxStore } from '../ports/outbox';
import { getCampaign } from './get-campaign';

/** Each send of a campaign (announcements, invitations) with its progress. */
export async function listCampaignSends(
  deps: Pick<CampaignDeps, 'campaigns'> & { outbox: OutboxStore },
  input: { tenantId: string; campaignId: string },
): Promise<SendProgress[]> {
  await getCampaign(deps, input);
  return deps.outbox.listSends(input.tenantId, input.campaignId);
}
