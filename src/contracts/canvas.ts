import { z } from 'zod';
import { ZNetwork, type Language } from './common';
import { schemaMessage as m } from './schema-messages';

// The program canvas (issue 6): comms' design of the program, step by step. One JSON document per
// tenant (program_canvas.canvas). The dashboard reads `targets` and `reach`; the coach, onboarding
// and content forms read the brand style (coach settings) and the canvas.

export const PURPOSE_TEMPLATES = [
  'graduate-recruitment',
  'it-talent',
  'thought-leadership',
  'awareness',
  'custom',
] as const;
export const ZPurposeTemplate = z.enum(PURPOSE_TEMPLATES);
export type PurposeTemplate = z.infer<typeof ZPurposeTemplate>;

/**
 * The text a purpose template puts in the purpose field; comms edits it to fit (custom starts empty).
 * Here, not in the domain, so the tab's template picker can show it.
 */
export const PURPOSE_PREFILL: Record<PurposeTemplate, Record<Language, string>> = {
  'graduate-recruitment': {
    da: 'Flere kvalificerede ansøgere til vores graduate- og trainee-stillinger: vores ambassadører viser, hvordan det er at starte karrieren hos os, så studerende og nyuddannede søger os.',
    en: 'More qualified applicants for our graduate and trainee positions: our ambassadors show what starting a career with us is like, so students and recent graduates apply.',
  },
  'it-talent': {
    da: 'At blive set som en attraktiv IT-arbejdsplads: vores udviklere, dataspecialister og arkitekter fortæller om de opgaver og den teknologi, de arbejder med, så IT-talenter får lyst til at søge.',
    en: 'To be seen as an attractive IT workplace: our developers, data specialists and architects talk about the problems and technology they work on, so IT talent wants to join.',
  },
  'thought-leadership': {
    da: 'Tankelederskab på vores fagområde: vores eksperter deler viden og holdninger, så kunder, partnere og medier ser os som dem, der ved mest.',
    en: 'Thought leadership in our field: our experts share knowledge and views, so customers, partners and the media see us as the people who know most.',
  },
  awareness: {
    da: 'Større kendskab til virksomheden: flere kender os, ved hvad vi laver, og forbinder os med det, vi står for.',
    en: 'Greater awareness of the company: more people know us, know what we do and connect us with what we stand for.',
  },
  custom: { da: '', en: '' },
};

const ZShortText = z.string().trim().max(280, m('canvasTextTooLong'));
const ZLongText = z.string().trim().max(2000, m('canvasLongTextTooLong'));
/** A target for a period: a whole number, or null for "no target". */
const ZTarget = z
  .number()
  .int(m('canvasTargetWhole'))
  .min(0, m('canvasTargetNegative'))
  .max(100_000_000)
  .nullable();

/** A target group with its key messages and the networks that reach it. */
export const ZPersona = z
  .object({
    name: z.string().trim().min(1, m('canvasPersonaNameRequired')).max(80, m('canvasTextTooLong')),
    description: ZLongText,
    keyMessages: z
      .array(ZShortText.pipe(z.string().min(1, m('canvasKeyMessageEmpty'))))
      .max(10, m('canvasTooMany')),
    networks: z.array(ZNetwork).max(5),
  })
  .strict();
export type Persona = z.infer<typeof ZPersona>;

/** Result goals (what ambassadors do) and effect goals (what it leads to), per period. */
export const ZKpiTargets = z
  .object({
    /** The period the targets are for; the dashboard scales them to the period it shows. */
    period: z.enum(['month', 'quarter']),
    result: z.object({ shares: ZTarget, clicks: ZTarget, reactions: ZTarget, followers: ZTarget }).strict(),
    effect: z
      .object({
        /** Applications to job ads through tracked links (conversions of kind 'application'). */
        applications: ZTarget,
        /** Other conversions the career site reports through tracked links. */
        conversions: ZTarget,
        /** Clicks on tracked links to items with the 'jobs' topic. */
        jobInteractions: ZTarget,
      })
      .strict(),
  })
  .strict();
export type KpiTargets = z.infer<typeof ZKpiTargets>;

export const ZProgramCanvas = z
  .object({
    purpose: z.object({ template: ZPurposeTemplate, text: ZLongText }).strict(),
    /** Employer value proposition statements. */
    evp: z.array(ZShortText.pipe(z.string().min(1, m('canvasEvpEmpty')))).max(10, m('canvasTooMany')),
    personas: z.array(ZPersona).max(10, m('canvasTooMany')),
    channelStrategy: z
      .object({
        /** Whether ambassadors pick their own networks, or follow the personas' networks. */
        ambassadorsChooseNetworks: z.boolean(),
        notes: ZLongText,
      })
      .strict(),
    ambition: z
      .object({
        stage: z.enum(['pilot', 'full']),
        /** How many ambassadors the program aims for (a pilot is about eight). */
        targetAmbassadors: z
          .number()
          .int(m('canvasTargetWhole'))
          .min(1, m('canvasAmbassadorsMin'))
          .max(1_000_000),
        /** Hours per week the program owner spends on it. */
        hoursPerWeek: z.number().min(0, m('canvasTargetNegative')).max(168, m('canvasHoursMax')),
        owner: z.string().trim().max(120, m('canvasTextTooLong')),
      })
      .strict(),
    design: z
      .object({
        /** Percent of the content that comms curates; the rest is the ambassadors' own. */
        curatedPercent: z.number().int(m('canvasTargetWhole')).min(0).max(100, m('canvasPercentMax')),
        steering: z.enum(['free', 'guided', 'steered']),
      })
      .strict(),
    targets: ZKpiTargets,
    reach: z
      .object({
        /** The share of an ambassador's network that sees a post organically (LinkedIn: about 0.05–0.10). */
        organicReachRate: z.number().min(0, m('canvasTargetNegative')).max(1, m('canvasRateMax')),
      })
      .strict(),
  })
  .strict();
export type ProgramCanvas = z.infer<typeof ZProgramCanvas>;

/** The canvas as Admin shows it; `updatedAt` is null while the defaults apply. */
export const ZCanvasView = z.object({
  canvas: ZProgramCanvas,
  version: z.number().int(),
  updatedAt: z.string().nullable(),
});
export type CanvasView = z.infer<typeof ZCanvasView>;

/** Saving the canvas: the whole document and the version it was edited from (a stale one gets 409). */
export const ZSaveCanvasRequest = z
  .object({ canvas: ZProgramCanvas, baseVersion: z.number().int().min(0) })
  .strict();
export type SaveCanvasRequest = z.infer<typeof ZSaveCanvasRequest>;

/** One admin action in the audit log. */
export const ZAuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  /** Null once the actor is gone from the directory. */
  actorName: z.string().nullable(),
  action: z.string(),
  subject: z.string().nullable(),
  data: z.record(z.unknown()),
});
export type AuditEntry = z.infer<typeof ZAuditEntry>;
export const ZAuditPage = z.object({ entries: z.array(ZAuditEntry), nextCursor: z.string().nullable() });
export type AuditPage = z.infer<typeof ZAuditPage>;

/** GET /api/admin/audit: newest first; `cursor` is the previous page's `nextCursor`. */
export const ZAuditQuery = z
  .object({
    cursor: z
      .string()
      .regex(/^\d{1,18}$/, m('auditCursorFormat'))
      .optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type AuditQuery = z.infer<typeof ZAuditQuery>;
