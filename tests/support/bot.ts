import { randomUUID } from 'node:crypto';
import type { Person } from '../../src/domain/person';
import { generateDemoOrg } from '../../src/demo/demo-org';
import type { TestChorus } from './chorus';

const org = generateDemoOrg();
/** A demo person who reads Danish, and one who reads English (from the directory). */
export const danish = org.find((p) => p.preferredLanguage === 'da-DK' && p.jobTitle === 'Field Technician')!;
export const english = org.find((p) => p.preferredLanguage === 'en-GB' && p.managerId !== null)!;
export const otherDanish = org.filter(
  (p) => p.preferredLanguage === 'da-DK' && p.jobTitle === 'Field Technician',
)[1]!;

export const TEST_BOT = { id: '28:test-bot', name: 'Chorus' };

/** The conversation id Teams would give a person's 1:1 chat with the bot in these tests. */
export const chatOf = (person: Person) => `a:chat-${person.id}`;

/** A Teams-shaped activity from `person` in their 1:1 chat with the bot. */
export function teamsActivity(
  app: Pick<TestChorus, 'tenantId'>,
  serviceUrl: string,
  person: Person,
  fields: Record<string, unknown>,
): Record<string, unknown> {
  const now = new Date().toISOString();
  return {
    id: `act-${randomUUID()}`,
    timestamp: now,
    localTimestamp: now,
    channelId: 'msteams',
    serviceUrl,
    from: { id: `29:${person.id}`, name: person.displayName, aadObjectId: person.id },
    recipient: TEST_BOT,
    conversation: { id: chatOf(person), conversationType: 'personal', tenantId: app.tenantId },
    channelData: { tenant: { id: app.tenantId } },
    locale: 'en-US',
    ...fields,
  };
}

/** The conversationUpdate Teams sends when a person adds the bot (Teams lists the bot as added). */
export function installActivity(app: Pick<TestChorus, 'tenantId'>, serviceUrl: string, person: Person) {
  return teamsActivity(app, serviceUrl, person, { type: 'conversationUpdate', membersAdded: [TEST_BOT] });
}

export function messageActivity(
  app: Pick<TestChorus, 'tenantId'>,
  serviceUrl: string,
  person: Person,
  text: string,
) {
  return teamsActivity(app, serviceUrl, person, { type: 'message', text, textFormat: 'plain' });
}

/** The demo bot as the benchmarks' activities address it (the app's own bot in demo mode). */
export const DEMO_BOT = { id: '28:chorus-demo-bot', name: 'Chorus' };

/** The first `count` enabled demo people: one conversation each in a load run. */
export function loadPeople(count: number): Person[] {
  return org.filter((p) => p.accountEnabled).slice(0, count);
}

/**
 * A lean Teams-shaped activity for load runs (no tenant on it, so the app's demo tenant takes it): from
 * `person`, in their own locale, in their 1:1 chat `a:<conversationPrefix>-<person id>` with the demo bot.
 */
export function loadActivity(
  serviceUrl: string,
  conversationPrefix: string,
  person: Person,
  fields: Record<string, unknown>,
) {
  return {
    id: `act-${randomUUID()}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from: { id: `29:${person.id}`, name: person.displayName, aadObjectId: person.id },
    recipient: DEMO_BOT,
    conversation: { id: `a:${conversationPrefix}-${person.id}`, conversationType: 'personal' },
    locale: person.preferredLanguage ?? 'en-US',
    ...fields,
  };
}

/** The conversationUpdate a load run's person sends first: they add the demo bot. */
export function loadInstallActivity(serviceUrl: string, conversationPrefix: string, person: Person) {
  return loadActivity(serviceUrl, conversationPrefix, person, {
    type: 'conversationUpdate',
    membersAdded: [{ id: DEMO_BOT.id }],
  });
}

/** POSTs an activity to /api/messages as the Bot Connector would. */
export function postActivity(app: TestChorus, activity: unknown, headers: Record<string, string> = {}) {
  return app.api('/api/messages', { method: 'POST', json: activity, headers });
}
