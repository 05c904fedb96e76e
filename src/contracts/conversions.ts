import { z } from 'zod';
import { schemaMessage as m } from './schema-messages';

// Conversions (issue 6): the career site reports applications and other goals reached through a
// tracked link, with the link's code (utm_content holds it) and utm_campaign. POST /api/conversions
// with `authorization: Bearer <key>`, or a CSV import by comms.

export const CONVERSION_KINDS = ['application', 'conversion'] as const;
export const ZConversionKind = z.enum(CONVERSION_KINDS, {
  errorMap: () => ({ message: m('conversionKindInvalid') }),
});
export type ConversionKind = z.infer<typeof ZConversionKind>;

const ZExternalId = z
  .string({ required_error: m('conversionExternalIdRequired') })
  .trim()
  .min(1, m('conversionExternalIdRequired'))
  .max(200, m('conversionExternalIdTooLong'));
const ZCode = z.string().trim().max(64, m('conversionCodeTooLong'));

/** One conversion as the career site reports it. `code` and `utmContent` are the same thing (either). */
export const ZConversionRequest = z
  .object({
    externalId: ZExternalId,
    kind: ZConversionKind,
    code: ZCode.optional(),
    utmContent: ZCode.optional(),
    utmCampaign: z.string().trim().max(200, m('conversionCampaignTooLong')).optional(),
    /** When it happened (ISO 8601); now when absent. */
    occurredAt: z
      .string()
      .datetime({ offset: true, message: m('conversionOccurredAtInvalid') })
      .optional(),
  })
  .strict();
export type ConversionRequest = z.infer<typeof ZConversionRequest>;

/** What was stored: the attribution found for the code (nulls when the code named no tracked link). */
export const ZConversionView = z.object({
  externalId: z.string(),
  kind: ZConversionKind,
  attributed: z.boolean(),
  itemId: z.string().nullable(),
  network: z.string().nullable(),
  campaign: z.string().nullable(),
  occurredAt: z.string(),
});
export type ConversionView = z.infer<typeof ZConversionView>;

/** Whether the tenant has a conversions key, and when it was made (the key itself is never shown again). */
export const ZConversionKeyStatus = z.object({ exists: z.boolean(), createdAt: z.string().nullable() });
export type ConversionKeyStatus = z.infer<typeof ZConversionKeyStatus>;

/** A new key, shown once. */
export const ZConversionKeyCreated = z.object({ key: z.string(), createdAt: z.string() });
export type ConversionKeyCreated = z.infer<typeof ZConversionKeyCreated>;

/** The result of a CSV import: how many rows were new and how many were already stored. */
export const ZConversionImportResult = z.object({
  imported: z.number().int(),
  alreadyStored: z.number().int(),
});
export type ConversionImportResult = z.infer<typeof ZConversionImportResult>;
