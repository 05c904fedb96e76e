import { PURPOSE_PREFILL, type ProgramCanvas } from '../contracts/canvas';

/**
 * The canvas before comms saves one: a pilot of about eight ambassadors (the normal start), mostly
 * curated content with guided freedom, LinkedIn, no targets yet, and a conservative organic reach rate
 * (LinkedIn shows a post to about 5–10 % of a person's network).
 */
export const DEFAULT_CANVAS: ProgramCanvas = {
  purpose: { template: 'custom', text: '' },
  evp: [],
  personas: [],
  channelStrategy: { ambassadorsChooseNetworks: true, notes: '' },
  ambition: { stage: 'pilot', targetAmbassadors: 8, hoursPerWeek: 4, owner: '' },
  design: { curatedPercent: 70, steering: 'guided' },
  targets: {
    period: 'month',
    result: { shares: null, clicks: null, reactions: null, followers: null },
    effect: { applications: null, conversions: null, jobInteractions: null },
  },
  reach: { organicReachRate: 0.06 },
};

/** A fresh copy of the defaults, so a caller can change it without touching the shared object. */
export function defaultCanvas(): ProgramCanvas {
  return structuredClone(DEFAULT_CANVAS);
}

export { PURPOSE_PREFILL };

/** The audit log's action codes for the canvas and the brand style. */
export const CANVAS_AUDIT_ACTIONS = {
  canvasUpdated: 'canvas.updated',
  coachSettingsUpdated: 'coach_settings.updated',
} as const;

/**
 * The top-level sections whose content differs between two canvases, for the audit log: it says what
 * changed without copying the text (which might name people) into the log.
 */
export function changedSections(before: ProgramCanvas, after: ProgramCanvas): string[] {
  const keys = Object.keys(after) as (keyof ProgramCanvas)[];
  return keys.filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}
