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

/** POSTs an activity to /api/messages as the Bot Connector would. */
export function postActivity(app: TestChorus, activity: unknown, headers: Record<string, string> = {}) {
  return app.api('/api/messages', { method: 'POST', json: activity, headers });
}
