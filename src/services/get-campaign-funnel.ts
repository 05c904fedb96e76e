import type { FunnelStage } from '../contracts/recruitment';
import { emptyCounts, foldSmallGroups, overallVisible } from '../domain/funnel';
import type { CampaignDeps } from '../ports/campaigns';
import { getCampaign } from './get-campaign';

export interface CampaignFunnel {
  campaignId: string;
  overall: Record<FunnelStage, number>;
  overallHidden: boolean;
  byDepartment: { key: string; counts: Record<FunnelStage, number> }[];
  byLocation: { key: string; counts: Record<FunnelStage, number> }[];
  hiddenGroups: { byDepartment: number; byLocation: number };
  joinedUntargeted: number;
}

/**
 * The campaign's funnel (targeted → delivered → opened → joined → onboarded → first share), overall
 * and by department and location. Groups under five targeted people fold into "Other"; nothing about
 * fewer than five people is shown, and declines are never broken down.
 */
export async function getCampaignFunnel(
  deps: Pick<CampaignDeps, 'campaigns'>,
  input: { tenantId: string; campaignId: string },
): Promise<CampaignFunnel> {
  await getCampaign(deps, input);
  const data = await deps.campaigns.funnel(input.tenantId, input.campaignId);
  const visible = overallVisible(data.overall);
  const departments = foldSmallGroups(data.byDepartment);
  const locations = foldSmallGroups(data.byLocation);
  return {
    campaignId: input.campaignId,
    overall: visible ? data.overall : emptyCounts(),
    overallHidden: !visible,
    byDepartment: departments.groups,
    byLocation: locations.groups,
    hiddenGroups: { byDepartment: departments.hidden, byLocation: locations.hidden },
    joinedUntargeted: data.joinedUntargeted,
  };
}
