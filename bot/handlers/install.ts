import { TurnContext } from 'botbuilder';
import { chooseLanguage } from '../../src/domain/person';
import { recordBotInstall } from '../../src/services/record-bot-install';
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
