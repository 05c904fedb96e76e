import type { TurnContext } from 'botbuilder';
import { STRINGS } from '../strings';
import type { HandlerContext } from './context';
import { readerLanguage } from './reader-language';

// Activities the bot cannot read, answered before (or after) the handlers. Teams waits for an answer
// to every invoke: without one botbuilder answers 501, which reads as a failure on our side, while an
// invoke the bot does not handle, or cannot read, is the sender's mistake.

/** The Universal Actions answer to an Action.Execute the bot cannot read: a 400 with the reason. */
export function cardActionError(message: string) {
  return {
    statusCode: 400,
    type: 'application/vnd.microsoft.error',
    value: { code: 'BadRequest', message },
  };
}

/** True when a string anywhere in `value` holds NUL: PostgreSQL text cannot, and Teams never sends it. */
export function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 64 || !value || typeof value !== 'object') return false;
  const items = Array.isArray(value) ? (value as unknown[]) : Object.values(value);
  return items.some((item) => containsNul(item, depth + 1));
}

/** A message or invoke whose text or card data holds NUL (see containsNul). */
export function isUnreadable(context: TurnContext): boolean {
  const activity = context.activity;
  return (
    (activity.type === 'message' || activity.type === 'invoke') &&
    (containsNul(activity.text) || containsNul(activity.value))
  );
}

/**
 * A message or card submit with NUL in it: a short answer in the person's language, before any
 * handler would try to store it. An invoke is answered as an unhandled one.
 */
export function handleUnreadable(ctx: HandlerContext) {
  const invoke = handleUnhandledInvoke(ctx);
  return async (context: TurnContext) => {
    const activity = context.activity;
    if (activity.type === 'invoke') return invoke(context);
    ctx.logger.info({ activityId: activity.id }, 'message with a NUL character not read');
    const s = STRINGS[await readerLanguage(ctx, context)];
    await context.sendActivity(activity.value === undefined ? s.unknown : s.cardNotUnderstood);
  };
}

/**
 * A message extension query teams-ai cannot flatten (parameters that are not a list of objects):
 * refused before teams-ai's own route, which would throw on it.
 */
export function isMalformedExtensionQuery(context: TurnContext): boolean {
  const activity = context.activity;
  if (activity.type !== 'invoke' || activity.name !== 'composeExtension/query') return false;
  const value: unknown = activity.value;
  if (value === undefined || value === null) return false;
  if (typeof value !== 'object' || Array.isArray(value)) return true;
  const parameters = (value as { parameters?: unknown }).parameters;
  if (parameters === undefined || parameters === null) return false;
  return !Array.isArray(parameters) || parameters.some((p) => !p || typeof p !== 'object');
}

/**
 * Any invoke no other route answered: Action.Execute gets the protocol's 400 error with a short
 * message in the person's language; anything else (an unknown message extension command, an invoke
 * the app does not declare) a plain 400.
 */
export function handleUnhandledInvoke(ctx: HandlerContext) {
  return async (context: TurnContext) => {
    const activity = context.activity;
    ctx.logger.info(
      { invoke: String(activity.name ?? '').slice(0, 100), activityId: activity.id },
      'invoke not handled',
    );
    if (activity.name === 'adaptiveCard/action') {
      const message = STRINGS[await readerLanguage(ctx, context)].cardNotUnderstood;
      await context.sendActivity({
        type: 'invokeResponse',
        value: { status: 200, body: cardActionError(message) },
      });
      return;
    }
    await context.sendActivity({
      type: 'invokeResponse',
      value: { status: 400, body: 'the bot does not handle this invoke, or could not read it' },
    });
  };
}
