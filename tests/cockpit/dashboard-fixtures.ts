import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/database';
import {
  activityEvents,
  clickEvents,
  conversions,
  memberships,
  programCanvas,
  shares,
  sparringRequests,
  trackedLinks,
} from '../../src/db/schema';
import type { ProgramCanvas } from '../../src/contracts/canvas';
import { generateDemoOrg } from '../../src/demo/demo-org';
import { generateLinkCode } from '../../src/domain/sharing';
import type { Person } from '../../src/domain/person';

// Rows written straight into the tables, as the share flow, the redirect and the conversion endpoint
// write them, so each dashboard test knows every number behind its figures.

const org = generateDemoOrg();

/** `count` demo people of one department that has at least `count` people, skipping `skip`. */
export function peopleOfDepartment(count: number, skip: string[] = []): Person[] {
  const byDept = new Map<string, Person[]>();
  for (const p of org) {
    if (!p.department || skip.includes(p.department)) continue;
    // Comms and approvers are left out, so signing in as one of these people is a plain employee.
    if (
      p.department === 'Communication' ||
      p.jobTitle?.includes('Director') ||
      p.jobTitle?.startsWith('Head')
    )
      continue;
    byDept.set(p.department, [...(byDept.get(p.department) ?? []), p]);
  }
  const found = [...byDept.values()].find((list) => list.length >= count);
  if (!found) throw new Error(`no department with ${count} people`);
  return found.slice(0, count);
}

/** Makes a person a member as the join flow would, with a stated network size and leaderboard choice. */
export async function insertMember(
  db: Db,
  tenantId: string,
  personId: string,
  options: { joinedAt: Date; networkSize?: number | null; showOnLeaderboard?: boolean },
) {
  await db.insert(memberships).values({
    tenantId,
    personId,
    joinedAt: options.joinedAt,
    guidelinesVersion: 1,
    networks: ['linkedin', 'x'],
    topics: ['events'],
    source: 'self',
    networkSize: options.networkSize ?? null,
    showOnLeaderboard: options.showOnLeaderboard ?? false,
  });
}

/** The person's tracked link for item and network (created once, like ensureTrackedLink). */
export async function linkFor(db: Db, tenantId: string, personId: string, itemId: string, network: string) {
  const code = generateLinkCode();
  await db.insert(trackedLinks).values({ tenantId, code, personId, itemId, network }).onConflictDoNothing();
  const rows = await db.execute(
    sql`select code from tracked_links where tenant_id = ${tenantId} and person_id = ${personId} and item_id = ${itemId} and network = ${network}`,
  );
  return (rows as { rows: { code: string }[] }).rows[0]!.code;
}

/** A recorded share (status 'shared'), with reported reactions and comments; returns its id and code. */
export async function insertShare(
  db: Db,
  tenantId: string,
  share: {
    personId: string;
    itemId: string;
    network: string;
    at: Date;
    reactions?: number;
    comments?: number;
  },
) {
  const code = await linkFor(db, tenantId, share.personId, share.itemId, share.network);
  const id = randomUUID();
  await db.insert(shares).values({
    tenantId,
    id,
    personId: share.personId,
    itemId: share.itemId,
    network: share.network,
    linkCode: code,
    status: 'shared',
    reactions: share.reactions ?? null,
    comments: share.comments ?? null,
    preparedAt: share.at,
    sharedAt: share.at,
  });
  return { id, code };
}

/** Human clicks on a tracked link, each with its visitor key. */
export async function insertClicks(
  db: Db,
  tenantId: string,
  link: { code: string; itemId: string; personId: string | null; network: string },
  clicks: { visitor: string; at: Date }[],
) {
  await db.insert(clickEvents).values(
    clicks.map((c) => ({
      tenantId,
      code: link.code,
      itemId: link.itemId,
      personId: link.personId,
      network: link.network,
      visitorKey: c.visitor,
      at: c.at,
    })),
  );
}

/** An activity event (own post reported, network size changed). */
export async function insertEvent(
  db: Db,
  tenantId: string,
  personId: string | null,
  type: string,
  at: Date,
  data: Record<string, unknown> = {},
) {
  await db.insert(activityEvents).values({ tenantId, personId, type, occurredAt: at, data });
}

/** A sparring request the person asked for at `at`. */
export async function insertSparring(db: Db, tenantId: string, personId: string, at: Date) {
  await db.insert(sparringRequests).values({
    tenantId,
    personId,
    language: 'da',
    network: 'linkedin',
    draft: 'Mit udkast',
    findings: [],
    requestKey: randomUUID(),
    createdAt: at,
  });
}

/** A conversion as the endpoint stores it. */
export async function insertConversion(
  db: Db,
  tenantId: string,
  c: {
    kind: 'application' | 'conversion';
    at: Date;
    itemId?: string | null;
    personId?: string | null;
    network?: string | null;
    code?: string | null;
  },
) {
  await db.insert(conversions).values({
    tenantId,
    externalId: randomUUID(),
    kind: c.kind,
    code: c.code ?? null,
    itemId: c.itemId ?? null,
    personId: c.personId ?? null,
    network: c.network ?? null,
    campaign: null,
    source: 'api',
    occurredAt: c.at,
  });
}

/** A complete canvas with the given targets and reach rate. */
export function canvasWith(targets: ProgramCanvas['targets'], organicReachRate: number): ProgramCanvas {
  return {
    purpose: { template: 'awareness', text: '' },
    evp: [],
    personas: [],
    channelStrategy: { ambassadorsChooseNetworks: true, notes: '' },
    ambition: { stage: 'pilot', targetAmbassadors: 8, hoursPerWeek: 4, owner: '' },
    design: { curatedPercent: 50, steering: 'guided' },
    targets,
    reach: { organicReachRate },
  };
}

/** Stores the tenant's canvas. */
export async function insertCanvas(db: Db, tenantId: string, canvas: ProgramCanvas) {
  await db
    .insert(programCanvas)
    .values({ tenantId, canvas: canvas })
    .onConflictDoUpdate({
      target: programCanvas.tenantId,
      set: { canvas: canvas },
    });
}

/** Noon UTC on a day. */
export const noon = (day: string, hour = 12) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00Z`);
