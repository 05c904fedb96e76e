import { NETWORKS, TOPICS, type Network, type Topic } from './program';

/**
 * The bot's onboarding conversation, as steps. The stored step is the one whose card waits for an
 * answer; 'done' means completed. Change the script (add, drop or reorder steps) → bump FLOW_VERSION,
 * so cards from the old script are recognised and answered instead of applied.
 */
export const ONBOARDING_STEPS = [
  'welcome',
  'purpose',
  'guidelines',
  'choices',
  'tips',
  'first-item',
  'done',
] as const;
export type OnboardingStep = (typeof ONBOARDING_STEPS)[number];

/** The version of the script above. */
export const ONBOARDING_FLOW_VERSION = 1;

/** No answer for this long, and comms sees the person as stalled (in aggregate only). */
export const ONBOARDING_STALL_DAYS = 7;

/** Aggregates of fewer people than this are not shown (PRODUCT.md, GDPR). */
export const MIN_GROUP_SIZE = 5;

/** True for a known step name. */
export function isOnboardingStep(value: unknown): value is OnboardingStep {
  return typeof value === 'string' && (ONBOARDING_STEPS as readonly string[]).includes(value);
}

/** The step after `step` ('done' stays 'done'). */
export function nextOnboardingStep(step: OnboardingStep): OnboardingStep {
  const i = ONBOARDING_STEPS.indexOf(step);
  return ONBOARDING_STEPS[Math.min(i + 1, ONBOARDING_STEPS.length - 1)]!;
}

/** 1-based position of a step, for "step 3 of 6" (done is past the last). */
export function stepNumber(step: OnboardingStep): number {
  return ONBOARDING_STEPS.indexOf(step) + 1;
}

/** How many steps ask something of the person (every step but 'done'). */
export const ONBOARDING_STEP_COUNT = ONBOARDING_STEPS.length - 1;

/** What a card submit claims: which step of which run and script version it answers. */
export interface OnboardingCardRef {
  step: OnboardingStep;
  flowVersion: number;
  run: number;
}

/** Where a person stands, as far as judging a card submit needs. */
export interface OnboardingPosition {
  step: OnboardingStep;
  flowVersion: number;
  run: number;
}

/**
 * What to do with a card submit, given where the person is:
 * - 'apply': the card is the one waiting for an answer.
 * - 'not-started': there is no onboarding (never started, or they left since).
 * - 'old-card': the card is from an earlier run or an older script.
 * - 'already-answered': the step was answered already (a double submit), and the person moved on.
 * - 'completed': the onboarding is done, and the card is from it.
 */
export type SubmitVerdict = 'apply' | 'not-started' | 'old-card' | 'already-answered' | 'completed';

/** Judges a card submit against the stored progress (pure; the store's conditional update decides races). */
export function judgeSubmit(position: OnboardingPosition | null, card: OnboardingCardRef): SubmitVerdict {
  if (!position) return 'not-started';
  if (card.flowVersion !== position.flowVersion || card.run !== position.run) return 'old-card';
  if (card.step === position.step && position.step !== 'done') return 'apply';
  if (position.step === 'done') return 'completed';
  return stepNumber(card.step) < stepNumber(position.step) ? 'already-answered' : 'old-card';
}

/** A value in a card that is not one of the offered choices. */
export interface ChoiceProblem {
  field: 'networks' | 'topics';
  kind: 'required' | 'unknown';
  /** The stray values, for 'unknown'. */
  values: string[];
}

/**
 * Reads the networks and topics from a card's multi-select answers (Teams sends "a,b,c"). At least one
 * network is required, as in the tab; topics may be empty. Unknown values are named, not dropped.
 */
export function parseChoices(
  networks: unknown,
  topics: unknown,
): { ok: true; networks: Network[]; topics: Topic[] } | { ok: false; problems: ChoiceProblem[] } {
  const split = (value: unknown): string[] | null => {
    if (value === undefined || value === null) return [];
    if (Array.isArray(value)) return value.every((v) => typeof v === 'string') ? value : null;
    if (typeof value !== 'string') return null;
    return value
      .split(',')
      .map((v) => v.trim())
      .filter((v) => v.length > 0);
  };
  const problems: ChoiceProblem[] = [];
  const read = <T extends string>(field: ChoiceProblem['field'], value: unknown, allowed: readonly T[]) => {
    const parts = split(value);
    if (parts === null) {
      problems.push({ field, kind: 'unknown', values: [String(JSON.stringify(value)).slice(0, 40)] });
      return [];
    }
    const unknown = parts.filter((p) => !(allowed as readonly string[]).includes(p));
    if (unknown.length) problems.push({ field, kind: 'unknown', values: unknown.map((u) => u.slice(0, 40)) });
    return [...new Set(parts.filter((p): p is T => (allowed as readonly string[]).includes(p)))];
  };
  const chosenNetworks = read('networks', networks, NETWORKS);
  const chosenTopics = read('topics', topics, TOPICS);
  if (!problems.some((p) => p.field === 'networks') && chosenNetworks.length === 0) {
    problems.push({ field: 'networks', kind: 'required', values: [] });
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, networks: chosenNetworks, topics: chosenTopics };
}

/** A count comms may see: the number, or hidden because fewer than MIN_GROUP_SIZE people are in it. */
export type GroupCount = { hidden: false; count: number } | { hidden: true; count: null };

/** Hides groups of 1–4 people (an empty group identifies nobody, so 0 is shown). */
export function groupCount(count: number): GroupCount {
  return count > 0 && count < MIN_GROUP_SIZE ? { hidden: true, count: null } : { hidden: false, count };
}

/** Comms' aggregate view of onboarding, with small groups hidden. */
export interface OnboardingSummary {
  steps: { step: Exclude<OnboardingStep, 'done'>; people: GroupCount }[];
  completed: GroupCount;
  stalled: GroupCount;
  /** Only shown when at least MIN_GROUP_SIZE people completed; null otherwise. */
  medianDaysToComplete: number | null;
  stallDays: number;
  /** True when nobody has started onboarding yet (the empty state). */
  empty: boolean;
}

/** Builds comms' view from raw counts, hiding every group smaller than five. */
export function summariseOnboarding(counts: {
  atStep: Partial<Record<OnboardingStep, number>>;
  completed: number;
  stalled: number;
  medianDaysToComplete: number | null;
}): OnboardingSummary {
  const steps = ONBOARDING_STEPS.filter((s): s is Exclude<OnboardingStep, 'done'> => s !== 'done').map(
    (step) => ({ step, people: groupCount(counts.atStep[step] ?? 0) }),
  );
  const inProgress = steps.reduce((sum, s) => sum + (counts.atStep[s.step] ?? 0), 0);
  return {
    steps,
    completed: groupCount(counts.completed),
    stalled: groupCount(counts.stalled),
    medianDaysToComplete:
      counts.completed >= MIN_GROUP_SIZE && counts.medianDaysToComplete !== null
        ? Math.round(counts.medianDaysToComplete * 10) / 10
        : null,
    stallDays: ONBOARDING_STALL_DAYS,
    empty: inProgress + counts.completed === 0,
  };
}
