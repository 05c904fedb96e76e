import { TurnContext } from 'botbuilder';
import { chooseLanguage } from '../../src/domain/person';
import { recordBotInstall } from '../../src/services/record-bot-install';
import { recordChannelInstall } from '../../src/services/record-channel-install';
import { renderGreeting } from '../cards';
import { isPersonalChat, personIdOf, referenceToStore, tenantOfActivity } from '../turn';
import type { ChorusTurnState, HandlerContext } from './context';

/** True when a conversationUpdate says the bot and a person now share a 1:1 chat. */
export function isPersonalInstall(context: TurnContext): boolean {
  const activity = context.activity;
  if (!isPersonalChat(activity)) return false;
  const added = (activity.membersAdded ?? []).map((m) => m.id);
  // Teams lists the bot when a person installs it; emulators list the person (often both).
  return added.includes(activity.recipient?.id) || added.includes(activity.from?.id);
}

/**
 * Install (conversationUpdate or installationUpdate 'add'): remember the chat for proactive
 * messages, and greet the person once, in their language.
 */
export function handleInstall(ctx: HandlerContext) {
  return async (context: TurnContext, state: ChorusTurnState) => {
    const activity = context.activity;
    const personId = personIdOf(activity);
    const locale = activity.locale ?? null;
    let greeting = { language: chooseLanguage(null, locale), displayName: activity.from?.name ?? null };
    if (personId) {
      const recorded = await recordBotInstall(ctx.deps, {
        tenantId: tenantOfActivity(activity, ctx.fallbackTenantId),
        personId,
        conversationId: activity.conversation.id,
        reference: referenceToStore(TurnContext.getConversationReference(activity)),
        locale,
      });
      greeting = { language: recorded.language, displayName: recorded.displayName ?? greeting.displayName };
    }
    if (state.conversation.greeted) return;
    await context.sendActivity(renderGreeting(greeting.language, greeting.displayName));
    state.conversation.greeted = true;
  };
}

/** installationUpdate: 'add' is an install; 'remove' forgets the chat's state, so a reinstall greets again. */
export function handleInstallationUpdate(ctx: HandlerContext) {
  const install = handleInstall(ctx);
  return async (context: TurnContext, state: ChorusTurnState) => {
    const action = String(context.activity.action ?? '');
    if (!isPersonalChat(context.activity)) return;
    if (action === 'add' || action === 'add-upgrade') return install(context, state);
    if (action === 'remove' || action === 'remove-upgrade') state.deleteConversationState();
  };
}

/** Teams' channelData on a team's conversationUpdate (design source S16). */
interface TeamsChannelData {
  eventType?: string;
  team?: { id?: string; name?: string };
  channel?: { id?: string; name?: string };
}

/** Channel events that tell the bot about a channel it can post in. */
const CHANNEL_EVENTS = new Set(['teamMemberAdded', 'channelCreated', 'channelRenamed', 'channelRestored']);

/**
 * True when a conversationUpdate says the bot is in a team channel: the bot itself was added to the
 * team, or a channel was created or renamed there.
 */
export function isChannelInstall(context: TurnContext): boolean {
  const activity = context.activity;
  const data = (activity.channelData ?? {}) as TeamsChannelData;
  if (!data.team?.id) return false;
  if (data.eventType === 'teamMemberAdded' || !data.eventType) {
    return (activity.membersAdded ?? []).some((m) => m.id === activity.recipient?.id);
  }
  return CHANNEL_EVENTS.has(data.eventType);
}

/** Records the channel in bot_channels (upsert), so campaigns can be announced there. */
export function handleChannelInstall(ctx: HandlerContext) {
  return async (context: TurnContext) => {
    const activity = context.activity;
    const channels = ctx.deps.channels;
    if (!channels) return;
    const data = (activity.channelData ?? {}) as TeamsChannelData;
    // Added to a team, the bot is in its General channel, whose id is the conversation's (and the team's).
    const conversationId = data.channel?.id ?? activity.conversation.id;
    const channelName =
      data.channel?.name ??
      (conversationId === data.team?.id ? 'General' : activity.conversation.name) ??
      'General';
    await recordChannelInstall(
      { channels },
      {
        tenantId: tenantOfActivity(activity, ctx.fallbackTenantId),
        channel: {
          conversationId,
          teamId: data.team?.id ?? null,
          teamName: data.team?.name ?? '',
          channelName,
          serviceUrl: activity.serviceUrl,
        },
      },
    );
    ctx.logger.info({ conversationId, team: data.team?.name }, 'bot channel recorded');
  };
}
