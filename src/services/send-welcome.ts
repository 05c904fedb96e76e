import { randomUUID } from 'node:crypto';
import type { OnboardingRepository } from '../ports/onboarding';
import type { OutboxStore } from '../ports/outbox';
import type { ServiceDeps } from './deps';
import { startOnboarding } from './start-onboarding';

/** The outbox key of a welcome: one per person and joining (a rejoin is welcomed again). */
export function welcomeMessageKey(personId: string, joinedAt: Date): string {
  return `welcome:${personId}:${joinedAt.toISOString()}`;
}

/**
 * Greets a new ambassador from the bot: queues the welcome in the outbox, which sends it paced, in the
 * person's language (read when it is sent), creating the 1:1 chat if needed. Skips people who left
 * meanwhile; queueing the same joining twice sends one welcome.
 *
 * With the onboarding store, the welcome is the first card of the bot's onboarding conversation: the
 * progress row is created here, and someone already under way in the bot (they accepted the
 * guidelines there, which is how they joined) gets no second welcome.
 */
export async function sendWelcome(
  deps: ServiceDeps & { outbox: OutboxStore; onboarding?: OnboardingRepository },
  input: { tenantId: string; personId: string },
) {
  const [person, membership] = await Promise.all([
    deps.store.people.get(input.tenantId, input.personId),
    deps.store.memberships.get(input.tenantId, input.personId),
  ]);
  if (!person || !membership) return { queued: false, reason: 'not-a-member' as const };
  const key = welcomeMessageKey(input.personId, membership.joinedAt);
  let onboarding: { flowVersion: number; run: number } | undefined;
  if (deps.onboarding) {
    const { progress, started } = await startOnboarding(
      { ...deps, onboarding: deps.onboarding },
      { tenantId: input.tenantId, personId: input.personId },
    );
    if (!started && progress.step !== 'welcome') {
      return { queued: false, reason: 'onboarding-under-way' as const };
    }
    onboarding = { flowVersion: progress.flowVersion, run: progress.run };
  }
  await deps.outbox.enqueue(
    input.tenantId,
    { id: randomUUID(), campaignId: null, kind: 'welcome', idempotencyKey: key, createdBy: null },
    [
      {
        idempotencyKey: key,
        transport: 'bot',
        recipientPersonId: input.personId,
        conversationId: null,
        serviceUrl: null,
        payload: onboarding ? { kind: 'welcome', onboarding } : { kind: 'welcome' },
        // Ahead of broadcasts: the person just joined and is looking at Teams.
        priority: 3,
      },
    ],
  );
  return { queued: true as const };
}
