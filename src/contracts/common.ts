import { z } from 'zod';

export const ZLanguage = z.enum(['da', 'en']);
export type Language = z.infer<typeof ZLanguage>;

export const ZRole = z.enum(['employee', 'manager', 'comms', 'approver']);
export type Role = z.infer<typeof ZRole>;

export const ZNetwork = z.enum(['linkedin', 'x', 'facebook', 'instagram', 'tiktok']);
export type Network = z.infer<typeof ZNetwork>;

export const ZTopic = z.enum([
  'internal-news',
  'product',
  'thought-leadership',
  'jobs',
  'events',
  'sustainability',
]);
export type Topic = z.infer<typeof ZTopic>;

/** The error body every failing API call returns. */
export const ZApiError = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    problems: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    correlationId: z.string().optional(),
  }),
});
export type ApiError = z.infer<typeof ZApiError>;
