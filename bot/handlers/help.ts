import type { TurnContext } from 'botbuilder';
import { getChatLanguage } from '../../src/services/get-chat-language';
import { renderHelp } from '../cards';
import { personIdOf, tenantOfActivity } from '../turn';
import type { HandlerContext } from './context';

/** "help" / "hjælp": what the bot can do, in the person's language. */
export function handleHelp(ctx: HandlerContext) {
  return async (context: TurnContext) => {
    const activity = context.activity;
    const language = await getChatLanguage(ctx.deps, {
      tenantId: tenantOfActivity(activity, ctx.fallbackTenantId),
      personId: personIdOf(activity),
      locale: activity.locale ?? null,
    });
    await context.sendActivity(renderHelp(language));
  };
}
