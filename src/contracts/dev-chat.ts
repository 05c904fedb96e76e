import { z } from 'zod';
import { schemaMessage as m } from './schema-messages';

/**
 * The demo's local chat with the bot. In Teams, people chat with the bot in Teams itself; outside
 * Teams (demo mode) the tab shows this panel, which talks to the same bot over Bot Framework HTTP.
 */
export const ZChatText = z.string().trim().min(1, m('chatTextRequired')).max(4000, m('chatTextTooLong'));

/**
 * A button pressed on one of the bot's Adaptive Cards, as Teams sends it: Action.Submit becomes a
 * `message` whose `value` is the action's data merged with the card's inputs; Action.Execute becomes
 * an `invoke` named `adaptiveCard/action` with the verb and the same data.
 */
export const ZChatCardAnswer = z.object({
  kind: z.enum(['submit', 'execute']),
  verb: z.string().max(200).nullable(),
  data: z
    .record(z.unknown())
    .refine((d) => JSON.stringify(d).length <= 8000, { message: m('chatCardTooLarge') }),
  /** The button's title, shown as the person's side of the chat (Teams shows nothing). */
  title: z.string().max(200),
});
export type ChatCardAnswer = z.infer<typeof ZChatCardAnswer>;

/** The person writes a message, or answers a card: exactly one of the two. */
export const ZChatSendRequest = z
  .object({ text: ZChatText.optional(), card: ZChatCardAnswer.optional() })
  .refine((b) => (b.text === undefined) !== (b.card === undefined), { message: m('chatTextOrCard') });
export type ChatSendRequest = z.infer<typeof ZChatSendRequest>;

export const ZChatMessage = z.object({
  id: z.number().int(),
  from: z.enum(['bot', 'user']),
  text: z.string(),
  /** Plain text lines pulled from any Adaptive Card the bot sent, for display. */
  cardLines: z.array(z.string()),
  /** The first Adaptive Card of a bot message, to draw with its inputs and buttons; null otherwise. */
  card: z.record(z.unknown()).nullable().default(null),
  createdAt: z.string(),
});
export type ChatMessage = z.infer<typeof ZChatMessage>;

export const ZChatHistoryQuery = z.object({ after: z.coerce.number().int().min(0).default(0) });

export const ZChatHistory = z.object({ messages: z.array(ZChatMessage) });
export type ChatHistory = z.infer<typeof ZChatHistory>;

export const ZClientConfig = z.object({
  mode: z.enum(['demo', 'production']),
  devSignIn: z.boolean(),
  demoChat: z.boolean(),
  ssoClientId: z.string().nullable(),
  /** Comms can publish campaigns as SharePoint news pages (SHAREPOINT_SITE_ID is set). */
  sharepointPublishing: z.boolean().default(false),
});
export type ClientConfig = z.infer<typeof ZClientConfig>;
