import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChatPreferencesStore } from '../../src/db/chat-preferences-store';
import type { DatabaseHandle } from '../../src/db/database';
import { createOnboardingStore } from '../../src/db/onboarding-store';
import type { Store } from '../../src/ports/store';
import { openTestStore } from '../support/database';

// On PGlite by default, and on the Postgres server in TEST_DATABASE_URL when set.
describe('onboarding and chat preference stores', () => {
  let handle: DatabaseHandle;
  let store: Store;
  let tenantId: string;
  beforeAll(async () => {
    ({ handle, store, tenantId } = await openTestStore());
  });
  afterAll(() => handle.close());

  const at = (iso: string) => new Date(iso);

  it('starts once, advances only from the expected step, run and version, and restarts with a new run', async () => {
    const onboarding = createOnboardingStore(handle.db);
    const start = { flowVersion: 1, step: 'welcome' as const, now: at('2026-01-01T10:00:00Z') };
    const first = await onboarding.startIfAbsent(tenantId, 'p1', start);
    expect(first).toMatchObject({ created: true, progress: { step: 'welcome', run: 1, completedAt: null } });
    expect((await onboarding.startIfAbsent(tenantId, 'p1', start)).created).toBe(false);

    const move = {
      flowVersion: 1,
      run: 1,
      from: 'welcome' as const,
      to: 'purpose' as const,
      now: at('2026-01-02T10:00:00Z'),
    };
    const [a, b] = await Promise.all([
      onboarding.advance(tenantId, 'p1', move),
      onboarding.advance(tenantId, 'p1', move),
    ]);
    expect([a, b].filter((r) => r !== null)).toHaveLength(1);
    expect(
      await onboarding.advance(tenantId, 'p1', { ...move, from: 'purpose', to: 'guidelines', run: 2 }),
    ).toBeNull();
    expect(
      await onboarding.advance(tenantId, 'p1', {
        ...move,
        from: 'purpose',
        to: 'guidelines',
        flowVersion: 2,
      }),
    ).toBeNull();
    const done = await onboarding.advance(tenantId, 'p1', { ...move, from: 'purpose', to: 'done' });
    expect(done?.completedAt?.toISOString()).toBe('2026-01-02T10:00:00.000Z');

    const again = await onboarding.restart(tenantId, 'p1', { ...start, now: at('2026-02-01T10:00:00Z') });
    expect(again).toMatchObject({ step: 'welcome', run: 2, completedAt: null });
    // Another tenant's person with the same id is someone else.
    const other = randomUUID();
    expect(await onboarding.get(other, 'p1')).toBeNull();
    await onboarding.delete(tenantId, 'p1');
    expect(await onboarding.get(tenantId, 'p1')).toBeNull();
  });

  it('counts people per step, completed, stalled and the median days to complete', async () => {
    const onboarding = createOnboardingStore(handle.db);
    const t = randomUUID();
    const start = (id: string, day: number) =>
      onboarding.startIfAbsent(t, id, {
        flowVersion: 1,
        step: 'welcome',
        now: at(`2026-01-${String(day).padStart(2, '0')}T00:00:00Z`),
      });
    for (let i = 1; i <= 3; i++) await start(`w${i}`, 1);
    for (let i = 1; i <= 5; i++) {
      await start(`d${i}`, 1);
      await onboarding.advance(t, `d${i}`, {
        flowVersion: 1,
        run: 1,
        from: 'welcome',
        to: 'done',
        now: at(`2026-01-${String(1 + i).padStart(2, '0')}T00:00:00Z`),
      });
    }
    await start('fresh', 20);
    const counts = await onboarding.counts(t, { stalledBefore: at('2026-01-10T00:00:00Z') });
    expect(counts).toEqual({ atStep: { welcome: 4 }, completed: 5, stalled: 3, medianDaysToComplete: 3 });
    expect(await onboarding.counts(randomUUID(), { stalledBefore: at('2026-01-10T00:00:00Z') })).toEqual({
      atStep: {},
      completed: 0,
      stalled: 0,
      medianDaysToComplete: null,
    });
  });

  it('sets a member’s networks and topics, and refuses someone who is not a member', async () => {
    const onboarding = createOnboardingStore(handle.db);
    await store.memberships.insert(tenantId, {
      personId: 'm1',
      joinedAt: new Date(),
      guidelinesVersion: 1,
      networks: [],
      topics: [],
      source: 'bot',
    });
    expect(await onboarding.setMembershipChoices(tenantId, 'm1', { networks: ['x'], topics: ['jobs'] })).toBe(
      true,
    );
    expect(await store.memberships.get(tenantId, 'm1')).toMatchObject({ networks: ['x'], topics: ['jobs'] });
    expect(await onboarding.setMembershipChoices(tenantId, 'nobody', { networks: ['x'], topics: [] })).toBe(
      false,
    );
  });

  it('keeps chat preferences per person: language, pause (with the previous value) and delete', async () => {
    const prefs = createChatPreferencesStore(handle.db);
    expect(await prefs.get(tenantId, 'c1')).toBeNull();
    expect(await prefs.setPaused(tenantId, 'c1', true)).toBe(false);
    expect(await prefs.setPaused(tenantId, 'c1', true)).toBe(true);
    await prefs.setLanguage(tenantId, 'c1', 'en');
    expect(await prefs.get(tenantId, 'c1')).toEqual({ language: 'en', notificationsPaused: true });
    await prefs.setLanguage(tenantId, 'c1', null);
    expect(await prefs.setPaused(tenantId, 'c1', false)).toBe(true);
    expect(await prefs.get(tenantId, 'c1')).toEqual({ language: null, notificationsPaused: false });
    await prefs.delete(tenantId, 'c1');
    expect(await prefs.get(tenantId, 'c1')).toBeNull();
  });
});
