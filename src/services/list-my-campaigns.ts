import type { CampaignDeps, MyCampaignRecord } from '../ports/campaigns';

/**
 * The campaigns open to the signed-in employee: running and within their period, aimed at them (in the
 * audience or personally invited), not declined, while they are not yet an ambassador.
 */
export async function listMyCampaigns(
  deps: CampaignDeps,
  input: { tenantId: string; personId: string },
): Promise<MyCampaignRecord[]> {
  return deps.campaigns.listOpenFor(input.tenantId, input.personId, deps.clock.now());
}
