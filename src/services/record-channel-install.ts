import type { BotChannelInput, BotChannelRepository } from '../ports/outbox';

/**
 * The bot was added to a team, or a channel it is in was created or renamed: remember the channel, so
 * comms can announce campaigns there.
 */
export async function recordChannelInstall(
  deps: { channels: BotChannelRepository },
  input: { tenantId: string; channel: BotChannelInput },
): Promise<void> {
  await deps.channels.upsert(input.tenantId, input.channel);
}
