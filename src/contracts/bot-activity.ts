import { z } from 'zod';

const ZAccount = z.object({ id: z.string().min(1, 'is required') }).passthrough();

/**
 * The least a Bot Framework activity must carry for the bot to handle it (POST /api/messages).
 * Everything else passes through to botbuilder untouched.
 */
export const ZIncomingActivity = z
  .object({
    type: z.string().min(1, 'is required'),
    channelId: z.string().min(1, 'is required'),
    serviceUrl: z.string().url('must be the URL of the Bot Connector that sent it'),
    conversation: z.object({ id: z.string().min(1, 'is required') }).passthrough(),
    from: ZAccount,
    recipient: ZAccount,
  })
  .passthrough();
export type IncomingActivity = z.infer<typeof ZIncomingActivity>;
