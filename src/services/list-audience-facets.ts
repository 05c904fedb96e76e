import type { CampaignDeps } from '../ports/campaigns';

/** The departments and locations the audience builder offers, with how many enabled people have each. */
export async function listAudienceFacets(deps: Pick<CampaignDeps, 'campaigns'>, input: { tenantId: string }) {
  return deps.campaigns.audience.facets(input.tenantId);
}
