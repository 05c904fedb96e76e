import type { BotChannelRecord, CampaignDeps } from '../ports/campaigns';

/** The Teams channels the bot is installed in, where a campaign can be announced. */
export async function listBotChannels(
  deps: Pick<CampaignDeps, 'campaigns'>,
  input: { tenantId: string },
): Promise<BotChannelRecord[]> {
  return deps.campaigns.channels(input.tenantId);
}
