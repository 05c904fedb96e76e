import { toLanguage } from '../domain/person';
import type { Messenger } from '../ports/messenger';
import type { ServiceDeps } from './deps';

/** Greets a new ambassador from the bot, in their language. Skips people who left meanwhile. */
export async function sendWelcome(
  deps: ServiceDeps & { messenger: Messenger },
  input: { tenantId: string; personId: string },
) {
  const [person, membership] = await Promise.all([
    deps.store.people.get(input.tenantId, input.personId),
    deps.store.memberships.get(input.tenantId, input.personId),
  ]);
  if (!person || !membership) return { sent: false, reason: 'not-a-member' as const };
  const sent = await deps.messenger.sendToPerson(input.tenantId, input.personId, {
    kind: 'welcome',
    language: toLanguage(person.preferredLanguage, 'da'),
    displayName: person.displayName,
  });
  return sent ? { sent: true as const } : { sent: false, reason: 'unreachable' as const };
}
