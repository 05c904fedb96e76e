import { randomUUID } from 'node:crypto';
import { memberships, shares } from '../../src/db/schema';
import { demoCommsAdmins, generateDemoOrg } from '../../src/demo/demo-org';
import type { Person } from '../../src/domain/person';
import type { TestChorus } from '../support/chorus';

// Shared set-up for the gamification and prize-draw tests: people from the demo org, members and
// shares written straight to the database (the share flow has its own tests), so a test can build
// teams of five or a challenge's history in milliseconds.

export const org = generateDemoOrg();
const commsUpns = new Set(demoCommsAdmins(org));
export const comms = org.find((p) => commsUpns.has(p.userPrincipalName!.toLowerCase()))!;

/** Plain employees (no comms role) of one department, in a stable order. */
export function peopleOf(department: string, count: number, offset = 0): Person[] {
  const list = org.filter(
    (p) => p.department === department && !commsUpns.has(p.userPrincipalName!.toLowerCase()),
  );
  if (list.length < offset + count) throw new Error(`${department} has only ${list.length} people`);
  return list.slice(offset, offset + count);
}

/** Departments of the demo org with at least `min` plain employees. */
export function departments(min: number): string[] {
  const counts = new Map<string, number>();
  for (const p of org) {
    if (p.department && !commsUpns.has(p.userPrincipalName!.toLowerCase())) {
      counts.set(p.department, (counts.get(p.department) ?? 0) + 1);
    }
  }
  return [...counts].filter(([d, n]) => n >= min && d !== 'Communication').map(([d]) => d);
}

/** Makes people ambassadors directly in the database. */
export async function addMembers(app: TestChorus, people: Person[], options: { show?: boolean } = {}) {
  if (people.length === 0) return;
  await app.database.db.insert(memberships).values(
    people.map((p) => ({
      tenantId: app.tenantId,
      personId: p.id,
      guidelinesVersion: 1,
      networks: ['linkedin'],
      topics: [],
      source: 'test',
      showOnLeaderboard: options.show ?? false,
    })),
  );
}

/** Records `count` completed shares by a person at `at` (default: an hour ago). */
export async function addShares(
  app: TestChorus,
  personId: string,
  count: number,
  at = new Date(Date.now() - 3_600_000),
) {
  if (count === 0) return;
  await app.database.db.insert(shares).values(
    Array.from({ length: count }, () => ({
      tenantId: app.tenantId,
      id: randomUUID(),
      personId,
      itemId: 'item-test',
      network: 'linkedin',
      linkCode: randomUUID().replace(/-/g, '').slice(0, 12),
      status: 'shared' as const,
      preparedAt: at,
      sharedAt: at,
    })),
  );
}

export const DAY = 86_400_000;

/** A challenge body for POST /api/admin/challenges. */
export function challengeBody(overrides: Record<string, unknown> = {}) {
  const now = Date.now();
  return {
    title: 'Green transition',
    description: 'Share our green stories',
    hashtag: '#GrønOmstilling',
    startsAt: new Date(now - 30 * DAY).toISOString(),
    endsAt: new Date(now - 60_000).toISOString(),
    threshold: 2,
    ticketRule: 'one',
    ...overrides,
  };
}

/** The problems of a 400 answer. */
export async function problemsOf(res: Response) {
  const body = (await res.json()) as { error: { problems: { field: string; message: string }[] } };
  return body.error.problems;
}
