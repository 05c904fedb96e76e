import { z } from 'zod';
import { ZLanguage } from './common';
import { schemaMessage as m } from './schema-messages';

// The weekly digest (issue 6): every Monday morning each ambassador gets new approved content for
// their topics and their own numbers for the last seven days, in their language, from the bot.
// The reach calculator's contract lives in ./reach and is exported from here too.
export * from './reach';

/** GET /api/admin/digest/preview?personId=…: which ambassador's digest to show. */
export const ZDigestPreviewQuery = z
  .object({
    personId: z
      .string({ required_error: m('digestPersonIdRequired') })
      .trim()
      .min(1, m('digestPersonIdRequired'))
      .max(200, m('digestPersonIdTooLong')),
  })
  .strict();
export type DigestPreviewQuery = z.infer<typeof ZDigestPreviewQuery>;

/** One new library item in a digest. */
export const ZDigestItem = z.object({
  id: z.string(),
  title: z.string(),
  topic: z.string(),
  topicLabel: z.string(),
  publishedAt: z.string(),
});
export type DigestItem = z.infer<typeof ZDigestItem>;

/** A person's own numbers over the digest's seven days. */
export const ZDigestNumbers = z.object({
  shares: z.number().int(),
  clicks: z.number().int(),
  /** Distinct visitors (a visitor is counted once a day, as the redirect stores no IP address). */
  uniqueClicks: z.number().int(),
});
export type DigestNumbers = z.infer<typeof ZDigestNumbers>;

/** What a person's digest would contain now, and whether it would be sent (and why not). */
export const ZDigestPreview = z.object({
  personId: z.string(),
  /** The ISO week it is for, e.g. 2026-W49 (Copenhagen time). */
  week: z.string(),
  language: ZLanguage,
  periodStart: z.string(),
  periodEnd: z.string(),
  items: z.array(ZDigestItem),
  numbers: ZDigestNumbers,
  willSend: z.boolean(),
  /** Why it would not be sent: they paused notifications, or there is nothing new and no activity. */
  skipReason: z.enum(['paused', 'empty']).nullable(),
});
export type DigestPreview = z.infer<typeof ZDigestPreview>;
