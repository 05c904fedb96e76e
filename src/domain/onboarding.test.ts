import { describe, expect, it } from 'vitest';
import {
  groupCount,
  judgeSubmit,
  nextOnboardingStep,
  ONBOARDING_STEPS,
  parseChoices,
  summariseOnboarding,
  type OnboardingStep,
} from './onboarding';

describe('onboarding steps', () => {
  it('goes through every step once and stays done', () => {
    const seen: OnboardingStep[] = ['welcome'];
    while (seen.at(-1) !== 'done') seen.push(nextOnboardingStep(seen.at(-1)!));
    expect(seen).toEqual([...ONBOARDING_STEPS]);
    expect(nextOnboardingStep('done')).toBe('done');
  });
});

describe('judgeSubmit', () => {
  const at = { step: 'guidelines' as const, flowVersion: 1, run: 2 };
  it('applies only the card waiting for an answer', () => {
    expect(judgeSubmit(at, { step: 'guidelines', flowVersion: 1, run: 2 })).toBe('apply');
  });
  it('tells a double submit, an old run, an older script, a finished run and no run apart', () => {
    expect(judgeSubmit(at, { step: 'purpose', flowVersion: 1, run: 2 })).toBe('already-answered');
    expect(judgeSubmit(at, { step: 'guidelines', flowVersion: 1, run: 1 })).toBe('old-card');
    expect(judgeSubmit(at, { step: 'guidelines', flowVersion: 0, run: 2 })).toBe('old-card');
    // A card for a later step than the person reached was never sent in this run.
    expect(judgeSubmit(at, { step: 'tips', flowVersion: 1, run: 2 })).toBe('old-card');
    expect(judgeSubmit({ ...at, step: 'done' }, { step: 'tips', flowVersion: 1, run: 2 })).toBe('completed');
    expect(judgeSubmit(null, { step: 'welcome', flowVersion: 1, run: 1 })).toBe('not-started');
  });
});

describe('parseChoices', () => {
  it('reads Teams multi-select answers and drops duplicates', () => {
    expect(parseChoices('linkedin, x,linkedin', 'jobs')).toEqual({
      ok: true,
      networks: ['linkedin', 'x'],
      topics: ['jobs'],
    });
    expect(parseChoices(['instagram'], undefined)).toEqual({ ok: true, networks: ['instagram'], topics: [] });
  });
  it('names stray values and a missing network', () => {
    expect(parseChoices('linkedin,myspace', 'gossip')).toEqual({
      ok: false,
      problems: [
        { field: 'networks', kind: 'unknown', values: ['myspace'] },
        { field: 'topics', kind: 'unknown', values: ['gossip'] },
      ],
    });
    expect(parseChoices('', '')).toEqual({
      ok: false,
      problems: [{ field: 'networks', kind: 'required', values: [] }],
    });
    expect(parseChoices(42, null)).toMatchObject({
      ok: false,
      problems: [{ field: 'networks', kind: 'unknown' }],
    });
  });
});

describe('summariseOnboarding', () => {
  it('hides groups of one to four people, and the median until five completed', () => {
    expect(groupCount(0)).toEqual({ hidden: false, count: 0 });
    expect(groupCount(4)).toEqual({ hidden: true, count: null });
    expect(groupCount(5)).toEqual({ hidden: false, count: 5 });
    const few = summariseOnboarding({
      atStep: { welcome: 7, tips: 2 },
      completed: 4,
      stalled: 3,
      medianDaysToComplete: 2,
    });
    expect(few.steps.find((s) => s.step === 'welcome')?.people).toEqual({ hidden: false, count: 7 });
    expect(few.steps.find((s) => s.step === 'tips')?.people).toEqual({ hidden: true, count: null });
    expect(few.completed).toEqual({ hidden: true, count: null });
    expect(few.stalled).toEqual({ hidden: true, count: null });
    expect(few.medianDaysToComplete).toBeNull();
    expect(few.steps.map((s) => s.step)).not.toContain('done');
    const many = summariseOnboarding({ atStep: {}, completed: 6, stalled: 0, medianDaysToComplete: 1.2345 });
    expect(many.medianDaysToComplete).toBe(1.2);
    expect(many.empty).toBe(false);
    expect(
      summariseOnboarding({ atStep: {}, completed: 0, stalled: 0, medianDaysToComplete: null }).empty,
    ).toBe(true);
  });
});
