import type { TurnContext } from 'botbuilder';
import { getChatLanguage } from '../../src/services/get-chat-language';
import { renderUnknown } from '../cards';
import { personIdOf, tenantOfActivity } from '../turn';
import type { HandlerContext } from './context';

/** Any other message: a friendly pointer to "help". */
export function handleUnknown(ctx: HandlerContext) {
  return async (context: TurnContext) => {
    const activity = context.activity;
    const language = await getChatLanguage(ctx.deps, {
      tenantId: tenantOfActivity(activity, ctx.fallbackTenantId),
      personId: personIdOf(activity),
      locale: activity.locale ?? null,
    });
    await context.sendActivity(renderUnknown(language));
  };
}
