import type { TurnContext } from 'botbuilder';
import { chooseLanguage, type Language } from '../../src/domain/person';
import { getChatLanguage } from '../../src/services/get-chat-language';
import { renderFailure } from '../cards';
import { personIdOf, tenantOfActivity } from '../turn';
import type { HandlerContext } from './context';

// Activities a person caused and so may be answered; reactions, typing and the like get no reply.
const ANSWERABLE = new Set(['message', 'conversationUpdate', 'installationUpdate']);

/** A turn failed: log the details, and tell the person briefly, in their language. */
export function handleTurnError(ctx: HandlerContext) {
  return async (context: TurnContext, error: Error) => {
    const activity = context.activity;
    const tenantId = tenantOfActivity(activity, ctx.fallbackTenantId);
    ctx.logger.error(
      {
        err: error,
        tenantId,
        activityType: activity.type,
        activityId: activity.id,
        conversationId: activity.conversation?.id,
      },
      'bot turn failed',
    );
    if (!ANSWERABLE.has(activity.type)) return;
    let language: Language;
    try {
      language = await getChatLanguage(ctx.deps, {
        tenantId,
        personId: personIdOf(activity),
        locale: activity.locale ?? null,
      });
    } catch {
      // The failure may be the database itself: fall back to what the client said.
      language = chooseLanguage(null, activity.locale);
    }
    try {
      await context.sendActivity(renderFailure(language));
    } catch (err) {
      ctx.logger.error(
        { err, tenantId, conversationId: activity.conversation?.id },
        'bot could not report a failure',
      );
    }
  };
}
