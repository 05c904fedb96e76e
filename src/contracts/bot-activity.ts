import { z } from 'zod';
import { schemaMessage as m } from './schema-messages';

const ZAccount = z.object({ id: z.string().min(1, m('required')) }).passthrough();

/**
 * The least a Bot Framework activity must carry for the bot to handle it (POST /api/messages).
 * Everything else passes through to botbuilder untouched.
 */
export const ZIncomingActivity = z
  .object({
    type: z.string().min(1, m('required')),
    channelId: z.string().min(1, m('required')),
    serviceUrl: z.string().url(m('botConnectorUrl')),
    conversation: z.object({ id: z.string().min(1, m('required')) }).passthrough(),
    from: ZAccount,
    recipient: ZAccount,
  })
  .passthrough();
export type IncomingActivity = z.infer<typeof ZIncomingActivity>;
