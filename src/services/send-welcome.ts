import { randomUUID } from 'node:crypto';
import type { OutboxStore } from '../ports/outbox';
import type { ServiceDeps } from './deps';

/** The outbox key of a welcome: one per person and joining (a rejoin is welcomed again). */
export function welcomeMessageKey(personId: string, joinedAt: Date): string {
  return `welcome:${personId}:${joinedAt.toISOString()}`;
}

/**
 * Greets a new ambassador from the bot: queues the welcome in the outbox, which sends it paced, in the
 * person's language (read when it is sent), creating the 1:1 chat if needed. Skips people who left
 * meanwhile; queueing the same joining twice sends one welcome.
 */
export async function sendWelcome(
  deps: ServiceDeps & { outbox: OutboxStore },
  input: { tenantId: string; personId: string },
) {
  const [person, membership] = await Promise.all([
    deps.store.people.get(input.tenantId, input.personId),
    deps.store.memberships.get(input.tenantId, input.personId),
  ]);
  if (!person || !membership) return { queued: false, reason: 'not-a-member' as const };
  const key = welcomeMessageKey(input.personId, membership.joinedAt);
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
        payload: { kind: 'welcome' },
        // Ahead of broadcasts: the person just joined and is looking at Teams.
        priority: 3,
      },
    ],
  );
  return { queued: true as const };
}
