import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../db/database';
import {
  activityEvents,
  clickEvents,
  consents,
  conversions,
  memberships,
  shares,
  tenantSecrets,
  trackedLinks,
} from '../db/schema';
import { slugify } from '../domain/content';
import { mulberry32 } from '../domain/seeded-random';
import type { Clock } from '../ports/clock';
import type { StatsStore } from '../ports/stats';
import { rollUpStats } from '../services/roll-up-stats';

// Ninety days of believable program activity for the demo tenant, so the dashboard has something to
// show: about 45 ambassadors across the departments (enough that departments pass the five-person
// rule), shares of the library's items on their networks, clicks that fade in the hours after each
// share, reported reactions, stated network sizes, a few leaderboard opt-ins, own posts and
// conversions. Deterministic (one seed) and written in bulk, then rolled up like any closed day.

const SEED = 20260601;
const DAYS = 90;
const DAY = 86_400_000;
/** The UTC day number of a moment. */
const dayOf = (ms: number) => Math.floor(ms / DAY);
const HOUR = 3_600_000;
/** Ambassadors per department (the largest departments), so each passes the five-person rule. */
const PER_DEPARTMENT = 8;
const MAX_DEPARTMENTS = 6;
/** Marks the tenant as seeded, so a restart does not add a second 90 days. */
const MARKER = 'demo-activity-seeded';
const CHUNK = 1000;
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

async function insertChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/**
 * Seeds the demo tenant's 90 days of activity once (a marker in tenant_secrets remembers it), then
 * rolls up the closed days. Returns what it wrote; zeros when it had run before or there is no library.
 */
export async function seedDemoActivity(
  deps: { db: Db; stats: StatsStore; clock: Clock },
  input: { tenantId: string },
): Promise<{ members: number; shares: number; clicks: number; conversions: number }> {
  const { db } = deps;
  const { tenantId } = input;
  const none = { members: 0, shares: 0, clicks: 0, conversions: 0 };
  const items = rowsOf<{
    id: string;
    title: string;
    topic: string;
    networks: string[];
    published_at: Date | string;
  }>(
    await db.execute(sql`
      select id, title, topic, networks, published_at from content_items
      where tenant_id = ${tenantId} and status = 'approved' and published_at is not null
      order by title, id`), // item ids are random: order by title so the same seed picks the same items
  );
  if (items.length === 0) return none;
  const marked = await db
    .insert(tenantSecrets)
    .values({ tenantId, name: MARKER, value: new Date().toISOString() })
    .onConflictDoNothing()
    .returning({ name: tenantSecrets.name });
  if (marked.length === 0) return none;

  const random = mulberry32(SEED);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const now = deps.clock.now().getTime();
  // Whole UTC days, so the same seed gives the same days whatever the time of day it runs.
  const start = Math.floor(now / DAY) * DAY - DAYS * DAY;

  // ---- members: the existing ones, plus enough people from the largest departments ----
  const people = rowsOf<{ id: string; department: string | null }>(
    await db.execute(sql`
      select id, department from people
      where tenant_id = ${tenantId} and account_enabled and department is not null order by id`),
  );
  const existing = new Set(
    rowsOf<{ person_id: string }>(
      await db.execute(sql`select person_id from memberships where tenant_id = ${tenantId}`),
    ).map((r) => r.person_id),
  );
  const guidelines = Number(
    rowsOf<{ v: unknown }>(
      await db.execute(
        sql`select coalesce(max(version), 1) as v from program_documents where tenant_id = ${tenantId} and kind = 'guidelines'`,
      ),
    )[0]?.v ?? 1,
  );
  const byDepartment = new Map<string, string[]>();
  for (const p of people) byDepartment.set(p.department!, [...(byDepartment.get(p.department!) ?? []), p.id]);
  const departments = [...byDepartment].sort((a, b) => b[1].length - a[1].length).slice(0, MAX_DEPARTMENTS);
  const joining: string[] = [];
  for (const [, ids] of departments) {
    const candidates = ids.filter((id) => !existing.has(id));
    for (let i = 0; i < PER_DEPARTMENT && candidates.length > 0; i++) {
      joining.push(candidates.splice(Math.floor(random() * candidates.length), 1)[0]!);
    }
  }
  const memberRows = joining.map((personId) => {
    // Most joined at the launch, three months ago; the rest trickled in since.
    const joinedAt = new Date(
      random() < 0.6 ? start - 7 * DAY + random() * 7 * DAY : start + random() * 60 * DAY,
    );
    return {
      tenantId,
      personId,
      joinedAt,
      guidelinesVersion: guidelines,
      networks: random() < 0.3 ? ['linkedin', 'x'] : ['linkedin'],
      topics: ['events', 'jobs'],
      source: 'self',
      networkSize: random() < 0.85 ? Math.round(150 + random() * random() * 3000) : null,
      showOnLeaderboard: random() < 0.35,
    };
  });
  await insertChunks(memberRows, (chunk) => db.insert(memberships).values(chunk));
  await insertChunks(memberRows, (chunk) =>
    db.insert(consents).values(
      chunk.map((m) => ({
        tenantId,
        personId: m.personId,
        guidelinesVersion: guidelines,
        source: m.source,
        acceptedAt: m.joinedAt,
      })),
    ),
  );
  const events: (typeof activityEvents.$inferInsert)[] = memberRows.map((m) => ({
    tenantId,
    personId: m.personId,
    type: 'joined',
    occurredAt: m.joinedAt,
    data: { source: m.source },
  }));

  // ---- shares, each with the clicks it drew, fading over the hours after it ----
  const links = new Map<string, string>();
  for (const r of rowsOf<{ code: string; person_id: string; item_id: string; network: string }>(
    await db.execute(
      sql`select code, person_id, item_id, network from tracked_links where tenant_id = ${tenantId} and person_id is not null`,
    ),
  )) {
    links.set(`${r.person_id}|${r.item_id}|${r.network}`, r.code);
  }
  const newLinks: (typeof trackedLinks.$inferInsert)[] = [];
  const shareRows: (typeof shares.$inferInsert)[] = [];
  const clickRows: (typeof clickEvents.$inferInsert)[] = [];
  const code = () => Array.from({ length: 10 }, () => pick([...BASE62])).join('');
  const visitor = () => Array.from({ length: 43 }, () => pick([...BASE62])).join('');
  const shareCount = new Map<string, number>();
  for (const m of memberRows) {
    // Some are keen, most share now and then, a few hardly at all.
    const rate = pick([0.02, 0.05, 0.08, 0.08, 0.12, 0.2]);
    for (let day = 0; day < DAYS; day++) {
      const at = start + day * DAY + (7 + random() * 12) * HOUR;
      // Every draw is made whether or not its moment has come, and only what lies before `now` is
      // stored: so the random sequence, and every row before now, is the same at any time of day.
      const roll = random();
      if (at < m.joinedAt.getTime() || roll > rate) continue;
      const future = at > now;
      // Items approved on an earlier UTC day (an item's time of day follows the moment the demo was
      // seeded, so comparing whole days keeps the draws below the same at any hour).
      const published = items.filter((i) => dayOf(new Date(i.published_at).getTime()) < dayOf(at));
      if (published.length === 0) continue;
      const item = pick(published);
      const network = pick(
        m.networks.filter((n) => item.networks.includes(n)).concat(item.networks.slice(0, 1)),
      );
      const key = `${m.personId}|${item.id}|${network}`;
      const linkCode = links.get(key) ?? code();
      if (!future && !links.has(key)) {
        links.set(key, linkCode);
        newLinks.push({
          tenantId,
          code: linkCode,
          personId: m.personId,
          itemId: item.id,
          network,
          createdAt: new Date(at - 60_000),
        });
      }
      const reported = random() < 0.45;
      const reactions = reported ? Math.round(random() * random() * 80) : null;
      const comments = reported ? Math.round(random() * random() * 12) : null;
      if (!future) {
        shareRows.push({
          tenantId,
          id: randomUUID(),
          personId: m.personId,
          itemId: item.id,
          network,
          linkCode,
          status: 'shared',
          reactions,
          comments,
          preparedAt: new Date(at - 60_000),
          sharedAt: new Date(at),
        });
        shareCount.set(item.id, (shareCount.get(item.id) ?? 0) + 1);
      }
      const reach = (m.networkSize ?? 300) / 300;
      const clicks = Math.round(random() * 8 * reach + (item.topic === 'jobs' ? 2 : 0));
      const regulars = [visitor(), visitor()];
      for (let c = 0; c < clicks; c++) {
        // Exponential decay with a mean of ten hours after the share.
        const clickAt = at + -Math.log(1 - random()) * 10 * HOUR;
        const visitorKey = random() < 0.2 ? pick(regulars) : visitor();
        if (clickAt > now) continue;
        clickRows.push({
          tenantId,
          code: linkCode,
          itemId: item.id,
          personId: m.personId,
          network,
          visitorKey,
          at: new Date(clickAt),
        });
      }
    }
    if (random() < 0.3) {
      events.push({
        tenantId,
        personId: m.personId,
        type: 'own_post_reported',
        occurredAt: new Date(start + random() * (now - start)),
        data: {},
      });
    }
    if (m.networkSize !== null && random() < 0.5) {
      events.push({
        tenantId,
        personId: m.personId,
        type: 'network_size_changed',
        occurredAt: new Date(start + random() * (now - start)),
        data: { delta: Math.round(5 + random() * 60) },
      });
    }
  }
  clickRows.sort((a, b) => a.at!.getTime() - b.at!.getTime());
  await insertChunks(newLinks, (chunk) => db.insert(trackedLinks).values(chunk));
  await insertChunks(shareRows, (chunk) => db.insert(shares).values(chunk));
  await insertChunks(clickRows, (chunk) => db.insert(clickEvents).values(chunk));
  await insertChunks(events, (chunk) => db.insert(activityEvents).values(chunk));
  for (const [itemId, n] of shareCount) {
    await db.execute(
      sql`update content_items set share_count = share_count + ${n} where tenant_id = ${tenantId} and id = ${itemId}`,
    );
  }

  // ---- a handful of conversions from the career site, most through job posts ----
  const jobShares = shareRows.filter((s) => items.find((i) => i.id === s.itemId)?.topic === 'jobs');
  const conversionRows: (typeof conversions.$inferInsert)[] = [];
  for (let i = 0; i < 14 && shareRows.length > 0; i++) {
    const share = pick(jobShares.length > 0 && i % 3 !== 2 ? jobShares : shareRows);
    const occurredAt = new Date(Math.min(now, share.sharedAt!.getTime() + random() * 3 * DAY));
    const item = items.find((it) => it.id === share.itemId)!;
    conversionRows.push({
      tenantId,
      externalId: `demo-${i + 1}`,
      kind: i % 3 === 2 ? 'conversion' : 'application',
      code: share.linkCode,
      itemId: share.itemId,
      personId: share.personId ?? null,
      network: share.network,
      campaign: slugify(item.title),
      source: 'api',
      occurredAt,
    });
  }
  if (conversionRows.length) await db.insert(conversions).values(conversionRows).onConflictDoNothing();

  await rollUpStats({ stats: deps.stats, clock: deps.clock }, { tenantId });
  return {
    members: memberRows.length,
    shares: shareRows.length,
    clicks: clickRows.length,
    conversions: conversionRows.length,
  };
}
