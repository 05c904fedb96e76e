import type { TurnContext } from 'botbuilder';
import { chooseLanguage, type Language } from '../../src/domain/person';
import { getChatLanguage } from '../../src/services/get-chat-language';
import { personIdOf, tenantOfActivity } from '../turn';
import type { HandlerContext } from './context';

/**
 * The language to answer the sender in: their chat preference or directory language, else the
 * activity's locale when those cannot be read (an unknown sender, the database away).
 */
export async function readerLanguage(ctx: HandlerContext, context: TurnContext): Promise<Language> {
  const activity = context.activity;
  try {
    return await getChatLanguage(ctx.deps, {
      tenantId: tenantOfActivity(activity, ctx.fallbackTenantId),
      personId: personIdOf(activity),
      locale: activity.locale ?? null,
    });
  } catch {
    return chooseLanguage(null, activity.locale);
  }
}
