import { z } from 'zod';
import { schemaMessage as m } from './schema-messages';

export const ZDocumentKind = z.enum(['purpose', 'guidelines']);
export type DocumentKind = z.infer<typeof ZDocumentKind>;

export const ZProgramDocumentView = z.object({
  kind: ZDocumentKind,
  version: z.number().int(),
  bodyDa: z.string(),
  bodyEn: z.string(),
  updatedAt: z.string(),
});
export type ProgramDocumentView = z.infer<typeof ZProgramDocumentView>;

export const ZProgramView = z.object({
  purpose: ZProgramDocumentView,
  guidelines: ZProgramDocumentView,
  ambassadorCount: z.number().int(),
});
export type ProgramView = z.infer<typeof ZProgramView>;

export const ZUpdateDocumentRequest = z.object({
  bodyDa: z.string().trim().min(1, m('danishTextRequired')).max(20_000, m('documentTooLong')),
  bodyEn: z.string().trim().min(1, m('englishTextRequired')).max(20_000, m('documentTooLong')),
});
export type UpdateDocumentRequest = z.infer<typeof ZUpdateDocumentRequest>;

export const ZDocumentKindParams = z.object({ kind: ZDocumentKind });

export const ZProgramStats = z.object({
  people: z.number().int(),
  ambassadors: z.number().int(),
  joinedTotal: z.number().int(),
  leftTotal: z.number().int(),
  directory: z.object({
    source: z.string(),
    lastCompletedAt: z.string().nullable(),
    lastError: z.string().nullable(),
    peopleCount: z.number().int(),
  }),
});
export type ProgramStats = z.infer<typeof ZProgramStats>;
