import type { OnboardingStep } from '../domain/onboarding';
import type { Network, Topic } from '../domain/program';

/** Where one person is in the bot's onboarding conversation. */
export interface OnboardingProgress {
  personId: string;
  flowVersion: number;
  run: number;
  step: OnboardingStep;
  startedAt: Date;
  updatedAt: Date;
  completedAt: Date | null;
}

/** A step change that applies only while the row is where the card expects it. */
export interface OnboardingAdvance {
  flowVersion: number;
  run: number;
  from: OnboardingStep;
  to: OnboardingStep;
  now: Date;
}

/** The raw numbers behind comms' aggregate view (before small groups are hidden). */
export interface OnboardingCounts {
  /** People currently at each step (not completed), by step. */
  atStep: Partial<Record<OnboardingStep, number>>;
  completed: number;
  /** Not completed, and no answer for longer than the stall threshold. */
  stalled: number;
  /** The median of (completed − started) in days over completed runs; null when none completed. */
  medianDaysToComplete: number | null;
}

/** Onboarding progress in Postgres: resumable, shared by every app instance. */
export interface OnboardingRepository {
  /** The person's progress, or null when they never started (or left). */
  get(tenantId: string, personId: string): Promise<OnboardingProgress | null>;
  /** Creates the row at `step` when the person has none; returns the row and whether it was created. */
  startIfAbsent(
    tenantId: string,
    personId: string,
    input: { flowVersion: number; step: OnboardingStep; now: Date },
  ): Promise<{ progress: OnboardingProgress; created: boolean }>;
  /** Starts over: a new run at `step` (run + 1), or the first run when there is no row. */
  restart(
    tenantId: string,
    personId: string,
    input: { flowVersion: number; step: OnboardingStep; now: Date },
  ): Promise<OnboardingProgress>;
  /**
   * Moves the row from `from` to `to` in one conditional UPDATE (… WHERE step = from AND run = run AND
   * flow_version = flowVersion): a double submit or a race between instances applies once. Sets
   * completed_at when `to` is 'done'. Null when the row was not where expected.
   */
  advance(tenantId: string, personId: string, input: OnboardingAdvance): Promise<OnboardingProgress | null>;
  /** Deletes the person's progress (they left). */
  delete(tenantId: string, personId: string): Promise<void>;
  /** The numbers for comms' aggregate, with "stalled" meaning no answer since `stalledBefore`. */
  counts(tenantId: string, input: { stalledBefore: Date }): Promise<OnboardingCounts>;
  /**
   * Sets a member's networks and topics (onboarding's "choose" step; the tab sets them on joining).
   * False when the person is not a member.
   */
  setMembershipChoices(
    tenantId: string,
    personId: string,
    choices: { networks: Network[]; topics: Topic[] },
  ): Promise<boolean>;
}
