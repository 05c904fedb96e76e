import { z } from 'zod';
import { schemaMessage as m } from './schema-messages';

/** Text without NUL: ids end up in PostgreSQL, whose text cannot hold it. */
const ZNoNul = z.string().refine((v) => !v.includes('\u0000'), m('botActivityNul'));
/** An Entra object or tenant id as Teams sends it (a GUID; any short text passes). */
const ZEntraId = ZNoNul.pipe(z.string().max(200, m('botActivityTooLong')));

const ZAccount = z
  .object({ id: ZNoNul.pipe(z.string().min(1, m('required'))), aadObjectId: ZEntraId.nullish() })
  .passthrough();

/**
 * The least a Bot Framework activity must carry for the bot to handle it (POST /api/messages).
 * Everything else passes through to botbuilder untouched.
 */
export const ZIncomingActivity = z
  .object({
    type: z.string().min(1, m('required')),
    channelId: z.string().min(1, m('required')),
    serviceUrl: z.string().url(m('botConnectorUrl')),
    conversation: z
      .object({ id: ZNoNul.pipe(z.string().min(1, m('required'))), tenantId: ZEntraId.nullish() })
      .passthrough(),
    from: ZAccount,
    recipient: ZAccount,
    // The bot picks the tenant and the reader's language from these: of the wrong type, a turn fails.
    channelData: z
      .object({ tenant: z.object({ id: ZEntraId.nullish() }).passthrough().nullish() })
      .passthrough()
      .nullish(),
    locale: ZNoNul.pipe(z.string().max(200, m('botActivityTooLong'))).nullish(),
  })
  .passthrough();
export type IncomingActivity = z.infer<typeof ZIncomingActivity>;
