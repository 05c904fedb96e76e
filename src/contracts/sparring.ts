import { z } from 'zod';
import { ZLanguage, ZNetwork } from './common';
import { schemaMessage as m } from './schema-messages';

// Sparring: the coach's settings (comms), and human sparring requests (ambassador → comms → reply).

/** A hashtag comms requires: '#' and one word (letters, digits, underscores). */
const ZHashtag = z
  .string()
  .trim()
  .regex(/^#[\p{L}\p{N}_]{1,60}$/u, m('hashtagFormat'));

/** A host name of the company's own sites ('contoso.com', 'careers.contoso.dk'), no scheme or path. */
const ZHostName = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, m('domainFormat'));

/**
 * The word that goes first in an advertising post (brand style): a plain word or two, never a hashtag
 * (the Danish Consumer Ombudsman does not accept "#reklame"). Danish posts should use Reklame or Annonce.
 */
export const ZDisclosureMark = z
  .string()
  .trim()
  .min(1, m('disclosureMarkRequired'))
  .max(30, m('disclosureMarkTooLong'))
  .refine((mark) => !mark.includes('#'), m('disclosureMarkNoHashtag'));

/** The disclosure word per language. */
export const ZDisclosureMarks = z.object({ da: ZDisclosureMark, en: ZDisclosureMark }).strict();
export type DisclosureMarksInput = z.infer<typeof ZDisclosureMarks>;

/** What comms saves as the coach's settings. Lists are de-duplicated by the service. */
export const ZCoachSettingsInput = z
  .object({
    companyName: z.string().trim().min(1, m('companyNameRequired')).max(120, m('companyNameTooLong')),
    blockedTerms: z
      .array(z.string().trim().min(1, m('blockedTermEmpty')).max(100, m('blockedTermTooLong')))
      .max(200, m('blockedTermsTooMany')),
    requiredHashtags: z.array(ZHashtag).max(10, m('requiredHashtagsTooMany')),
    tone: z.enum(['du', 'De']),
    emojiPolicy: z.enum(['none', 'sparing', 'free']),
    companyDomains: z.array(ZHostName).max(50, m('companyDomainsTooMany')),
    /** Brand style (issue 6); left out, the saved ones are kept. */
    suggestedHashtags: z.array(ZHashtag).max(20, m('suggestedHashtagsTooMany')).optional(),
    /** Brand style (issue 6); left out, the saved ones are kept. */
    disclosureMarks: ZDisclosureMarks.optional(),
  })
  .strict();
export type CoachSettingsInput = z.infer<typeof ZCoachSettingsInput>;

/** The coach's settings as Admin shows them; `updatedAt` is null while the defaults apply. */
export const ZCoachSettingsView = z.object({
  companyName: z.string(),
  blockedTerms: z.array(z.string()),
  requiredHashtags: z.array(z.string()),
  tone: z.enum(['du', 'De']),
  emojiPolicy: z.enum(['none', 'sparing', 'free']),
  companyDomains: z.array(z.string()),
  suggestedHashtags: z.array(z.string()),
  disclosureMarks: z.object({ da: z.string(), en: z.string() }),
  updatedAt: z.string().nullable(),
});
export type CoachSettingsView = z.infer<typeof ZCoachSettingsView>;

export const ZSparringStatus = z.enum(['open', 'answered']);
export type SparringStatus = z.infer<typeof ZSparringStatus>;

/** One of the coach's findings in the reader's words. */
export const ZSparringFinding = z.object({
  code: z.string(),
  severity: z.enum(['must_fix', 'consider', 'good']),
  reason: z.string(),
  suggestion: z.string(),
});
export type SparringFinding = z.infer<typeof ZSparringFinding>;

/** A human sparring request, as comms and (their own) the ambassador see it. */
export const ZSparringRequestView = z.object({
  id: z.number().int(),
  /** Null for the ambassador's own list and once the person is gone from the directory. */
  personName: z.string().nullable(),
  language: ZLanguage,
  network: ZNetwork,
  draft: z.string(),
  findings: z.array(ZSparringFinding),
  status: ZSparringStatus,
  reply: z.string().nullable(),
  createdAt: z.string(),
  answeredAt: z.string().nullable(),
  /** Minutes from asking until answered, or until now while open. */
  waitingMinutes: z.number().int(),
});
export type SparringRequestView = z.infer<typeof ZSparringRequestView>;

/** Waiting times in minutes; null when there is nothing to measure. */
export const ZSparringWaitStats = z.object({
  openCount: z.number().int(),
  answeredCount: z.number().int(),
  openAverageMinutes: z.number().int().nullable(),
  openMedianMinutes: z.number().int().nullable(),
  answeredAverageMinutes: z.number().int().nullable(),
  answeredMedianMinutes: z.number().int().nullable(),
});
export type SparringWaitStats = z.infer<typeof ZSparringWaitStats>;

/** Admin → Sparring: open requests first (oldest first), then answered ones (newest first). */
export const ZSparringQueue = z.object({
  requests: z.array(ZSparringRequestView),
  stats: ZSparringWaitStats,
});
export type SparringQueue = z.infer<typeof ZSparringQueue>;

/** The ambassador's own requests, newest first. */
export const ZMySparringRequests = z.object({ requests: z.array(ZSparringRequestView) });
export type MySparringRequests = z.infer<typeof ZMySparringRequests>;

export const ZSparringIdParams = z.object({ id: z.coerce.number().int().positive() }).strict();

/** Comms' reply to a request. */
export const ZSparringReplyInput = z
  .object({
    reply: z.string().trim().min(1, m('sparringReplyRequired')).max(4000, m('sparringReplyTooLong')),
  })
  .strict();
export type SparringReplyInput = z.infer<typeof ZSparringReplyInput>;
