import { z } from 'zod';
import { schemaMessage as m } from './schema-messages';

/**
 * The demo's local chat with the bot. In Teams, people chat with the bot in Teams itself; outside
 * Teams (demo mode) the tab shows this panel, which talks to the same bot over Bot Framework HTTP.
 */
export const ZChatSendRequest = z.object({
  text: z.string().trim().min(1, m('chatTextRequired')).max(4000, m('chatTextTooLong')),
});
export type ChatSendRequest = z.infer<typeof ZChatSendRequest>;

export const ZChatMessage = z.object({
  id: z.number().int(),
  from: z.enum(['bot', 'user']),
  text: z.string(),
  /** Plain text lines pulled from any Adaptive Card the bot sent, for display. */
  cardLines: z.array(z.string()),
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
