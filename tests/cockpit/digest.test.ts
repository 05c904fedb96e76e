import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import type { DigestPreview } from '../../src/contracts/digest';
import { createChatPreferencesStore } from '../../src/db/chat-preferences-store';
import { createClickRetentionStore } from '../../src/db/click-retention-store';
import { rowsOf } from '../../src/db/database';
import { createStatsStore } from '../../src/db/stats-store';
import { createOutboxStore } from '../../src/db/outbox-store';
import { createDigestStore } from '../../src/db/digest-store';
import { clickEvents, contentItems, jobs, memberships, shares } from '../../src/db/schema';
import { isoWeekOf, nextDigestAt } from '../../src/domain/digest';
import { addDays } from '../../src/domain/kpi';
import type { Person } from '../../src/domain/person';
import { systemClock } from '../../src/ports/clock';
import { rollUpStats } from '../../src/services/roll-up-stats';
import { digestMessageKey, sendWeeklyDigests } from '../../src/services/send-weekly-digests';
import { cardTexts, startBotConnector, type BotConnector } from '../fakes/bot-connector';
import { danish, english } from '../support/bot';
import { insertItem, type ItemFixture } from '../support/content-fixtures';
import { signInAs, startTestChorus, type TestChorus } from '../support/chorus';
import { employees, joinAs, personWithTitle } from '../support/sharing';
import { expectTeamsCard } from '../support/teams-cards';

const DAY = 24 * 60 * 60_000;
const ago = (days: number) => new Date(Date.now() - days * DAY);

describe('the weekly digest: what goes in it, who gets it, once a week', () => {
  let app: TestChorus;
  let connector: BotConnector;
  let comms: string;
  const paused = employees(1, 30)[0]!;
  const quiet = employees(1, 31)[0]!;
  const items: Record<string, string> = {};

  async function setTopics(person: Person, topics: string[]) {
    await app.database.db
      .update(memberships)
      .set({ topics })
      .where(and(eq(memberships.tenantId, app.tenantId), eq(memberships.personId, person.id)));
  }

  async function item(name: string, topic: string, publishedDaysAgo: number, fixture: ItemFixture = {}) {
    const id = await insertItem(app.database.db, app.tenantId, { title: name, ...fixture });
    await app.database.db
      .update(contentItems)
      .set({
        topic,
        publishedAt: fixture.status && fixture.status !== 'approved' ? null : ago(publishedDaysAgo),
      })
      .where(and(eq(contentItems.tenantId, app.tenantId), eq(contentItems.id, id)));
    items[name] = id;
    return id;
  }

  async function share(person: Person, itemId: string, daysAgo: number, status: 'shared' | 'prepared') {
    await app.database.db.insert(shares).values({
      tenantId: app.tenantId,
      id: randomUUID(),
      personId: person.id,
      itemId,
      network: 'linkedin',
      linkCode: randomUUID(),
      status,
      preparedAt: ago(daysAgo),
      sharedAt: status === 'shared' ? ago(daysAgo) : null,
    });
  }

  async function click(person: Person, itemId: string, daysAgo: number, visitorKey: string) {
    await app.database.db.insert(clickEvents).values({
      tenantId: app.tenantId,
      code: 'code-x',
      itemId,
      personId: person.id,
      network: 'linkedin',
      visitorKey,
      at: ago(daysAgo),
    });
  }

  beforeAll(async () => {
    connector = await startBotConnector();
    app = await startTestChorus({ BOT_SERVICE_URL: connector.serviceUrl });
    comms = await signInAs(app, personWithTitle('Head of Communication').id);
    for (const p of [english, danish, paused, quiet]) await joinAs(app, p.id);
    await setTopics(english, ['events']);
    await setTopics(danish, ['jobs']);
    await setTopics(paused, ['events']);
    await setTopics(quiet, ['sustainability']);
    await createChatPreferencesStore(app.database.db).setPaused(app.tenantId, paused.id, true);

    await item('Open house at the wind farm', 'events', 1);
    await item('We are hiring field technicians', 'jobs', 2);
    // Not new, not approved, expired or not valid yet: none of these is in anyone's digest.
    await item('Last month’s open house', 'events', 10);
    await item('A draft about events', 'events', 1, { status: 'in_review' });
    await item('An expired event', 'events', 1, { validTo: new Date(Date.now() - 60 * 60_000) });
    await item('A future event', 'events', 1, { validFrom: new Date(Date.now() + DAY) });

    // The English ambassador's week: two shares (one more outside it, one only prepared), and three
    // clicks by two visitors (one more outside the week).
    const e = items['Open house at the wind farm']!;
    await share(english, e, 1, 'shared');
    await share(english, e, 3, 'shared');
    await share(english, e, 9, 'shared');
    await share(english, e, 1, 'prepared');
    await click(english, e, 1, 'visitor-1');
    await click(english, e, 1, 'visitor-1');
    await click(english, e, 2, 'visitor-2');
    await click(english, e, 8, 'visitor-3');
  });
  afterAll(async () => {
    await app.close();
    await connector.close();
  });

  const preview = async (personId: string, token = comms, headers: Record<string, string> = {}) => {
    const res = await app.api(`/api/admin/digest/preview?${new URLSearchParams({ personId }).toString()}`, {
      token,
      headers,
    });
    return { status: res.status, body: (await res.json()) as DigestPreview & { error?: unknown } };
  };

  it('previews new items in the person’s topics only, and their own numbers exactly', async () => {
    const { status, body } = await preview(english.id);
    expect(status).toBe(200);
    expect(body.items.map((i) => i.title)).toEqual(['Open house at the wind farm']);
    expect(body.items[0]!.topic).toBe('events');
    expect(body.numbers).toEqual({ shares: 2, clicks: 3, uniqueClicks: 2 });
    expect(body).toMatchObject({
      language: 'en',
      willSend: true,
      skipReason: null,
      week: isoWeekOf(new Date()),
    });

    const da = (await preview(danish.id)).body;
    expect(da.items.map((i) => i.title)).toEqual(['We are hiring field technicians']);
    expect(da).toMatchObject({
      language: 'da',
      numbers: { shares: 0, clicks: 0, uniqueClicks: 0 },
      willSend: true,
    });

    expect((await preview(paused.id)).body).toMatchObject({ willSend: false, skipReason: 'paused' });
    expect((await preview(quiet.id)).body).toMatchObject({ items: [], willSend: false, skipReason: 'empty' });
  });

  it('sends one card per ambassador in their language, none to paused or empty ones, and once a week', async () => {
    const week = isoWeekOf(new Date());
    await app.store.jobs.enqueue(app.tenantId, 'digest.weekly', { week });
    await app.worker.drain();
    // The job runs again the same week (a retry, a second instance): nothing more is sent.
    await app.store.jobs.enqueue(app.tenantId, 'digest.weekly', { week });
    await app.worker.drain();

    const outbox = createOutboxStore(app.database.db);
    expect(await outbox.stateOf(app.tenantId, digestMessageKey(week, english.id))).toBe('sent');
    expect(await outbox.stateOf(app.tenantId, digestMessageKey(week, danish.id))).toBe('sent');
    expect(await outbox.stateOf(app.tenantId, digestMessageKey(week, paused.id))).toBeNull();
    expect(await outbox.stateOf(app.tenantId, digestMessageKey(week, quiet.id))).toBeNull();

    const digests = connector.sent.filter((s) =>
      ['Your week in Chorus', 'Din uge i Chorus'].includes(String(s.activity['summary'])),
    );
    const chatOf = (person: Person) =>
      connector.created.filter((c) => JSON.stringify(c.parameters).includes(person.id)).map((c) => c.id);
    const to = (person: Person) => digests.filter((d) => chatOf(person).includes(d.conversationId));
    expect(digests).toHaveLength(2);
    expect(to(english)).toHaveLength(1);
    expect(to(danish)).toHaveLength(1);

    const en = to(english)[0]!.activity;
    expectTeamsCard(en.attachments![0]!.content as Record<string, unknown>);
    const enTexts = cardTexts(en);
    expect(enTexts[0]).toBe('Your week in Chorus');
    expect(enTexts.join('\n')).toContain('Open house at the wind farm');
    expect(enTexts.join('\n')).not.toMatch(/Last month|draft|expired|future|hiring/);
    expect(JSON.stringify(en.attachments![0]!.content)).toContain('{"title":"Shares","value":"2"}');

    const da = to(danish)[0]!.activity;
    expectTeamsCard(da.attachments![0]!.content as Record<string, unknown>);
    expect(cardTexts(da)[0]).toBe('Din uge i Chorus');
    expect(cardTexts(da).join('\n')).toContain('We are hiring field technicians');
  });

  it('keeps the Monday job queued: 08:00 Copenhagen time next Monday, for that ISO week', async () => {
    const rows = await app.database.db
      .select()
      .from(jobs)
      .where(and(eq(jobs.tenantId, app.tenantId), eq(jobs.kind, 'digest.weekly'), eq(jobs.status, 'queued')));
    expect(rows).toHaveLength(1);
    const runAt = rows[0]!.runAt;
    expect(runAt.getTime()).toBe(nextDigestAt(new Date()).getTime());
    expect(runAt.getTime()).toBeGreaterThan(Date.now());
    expect(rows[0]!.payload).toEqual({ week: isoWeekOf(runAt) });
    expect(rows[0]!.dedupeKey).toBe('digest.weekly');
  });

  it('does not deliver a queued digest to someone who paused meanwhile', async () => {
    const outbox = createOutboxStore(app.database.db);
    const week = '2099-W01';
    const queued = await sendWeeklyDigests(
      { digest: createDigestStore(app.database.db), outbox, clock: { now: () => new Date() } },
      { tenantId: app.tenantId, week },
    );
    expect(queued).toEqual({ week, queued: 2, paused: 1, empty: 1 });
    await createChatPreferencesStore(app.database.db).setPaused(app.tenantId, danish.id, true);
    await app.worker.drain();
    expect(await outbox.stateOf(app.tenantId, digestMessageKey(week, danish.id))).toBe('cancelled');
    expect(await outbox.stateOf(app.tenantId, digestMessageKey(week, english.id))).toBe('sent');
    await createChatPreferencesStore(app.database.db).setPaused(app.tenantId, danish.id, false);
  });

  it('answers bad input to the preview with a 400 naming the field, in the caller’s language', async () => {
    const res = await app.api('/api/admin/digest/preview', {
      token: comms,
      headers: { 'accept-language': 'da' },
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { problems: { field: string; message: string }[] } };
    expect(body.error.problems).toEqual([
      { field: 'query.personId', message: 'angiv ambassadøren (personId)' },
    ]);
    const blank = await preview('  ');
    expect(blank.status).toBe(400);
    expect(JSON.stringify(blank.body)).toContain('query.personId');
    const stranger = await preview('no-such-person');
    expect(stranger.status).toBe(404);
  });

  it('is for comms only', async () => {
    const ambassador = await signInAs(app, english.id);
    expect((await preview(english.id, ambassador)).status).toBe(403);
  });
});

describe('the weekly digest after click retention', () => {
  let app: TestChorus;
  let comms: string;
  const ambassador = employees(1, 32)[0]!;
  const today = new Date().toISOString().slice(0, 10);
  /** Noon UTC `n` days ago: whole days inside (or outside) the digest's seven, whatever the hour now. */
  const noonDaysAgo = (n: number) => new Date(`${addDays(today, -n)}T12:00:00Z`);

  beforeAll(async () => {
    app = await startTestChorus();
    comms = await signInAs(app, personWithTitle('Head of Communication').id);
    await joinAs(app, ambassador.id);
    const itemId = await insertItem(app.database.db, app.tenantId, { title: 'Solar park visit' });
    // Visitor keys are salted per day: a key repeats within a day only. Days 1 and 2 stay raw, days 3
    // to 5 are retired below, and day 9 is outside the week either way.
    const clicks: [number, string][] = [
      [1, 'a'],
      [2, 'b'],
      [2, 'b'],
      [3, 'c'],
      [3, 'c'],
      [3, 'd'],
      [5, 'e'],
      [9, 'f'],
      [9, 'g'],
    ];
    for (const [days, visitor] of clicks) {
      await app.database.db.insert(clickEvents).values({
        tenantId: app.tenantId,
        code: 'code-retained',
        itemId,
        personId: ambassador.id,
        network: 'linkedin',
        visitorKey: `${visitor}-${days}`,
        at: noonDaysAgo(days),
      });
    }
  });
  afterAll(() => app.close());

  const numbers = async () => {
    const res = await app.api(
      `/api/admin/digest/preview?${new URLSearchParams({ personId: ambassador.id }).toString()}`,
      { token: comms },
    );
    expect(res.status).toBe(200);
    return ((await res.json()) as DigestPreview).numbers;
  };

  it('counts the clicks of days whose raw rows the retention job has retired', async () => {
    const before = await numbers();
    expect(before).toEqual({ shares: 0, clicks: 7, uniqueClicks: 5 });

    // Retention moves the rolled-up days before the cut-off into click_days and deletes their raw rows.
    await rollUpStats(
      { stats: createStatsStore(app.database.db), clock: systemClock },
      { tenantId: app.tenantId },
    );
    const cutOff = addDays(today, -2);
    const retention = createClickRetentionStore(app.database.db);
    while ((await retention.retireDays(app.tenantId, cutOff, 3)).days > 0);
    while ((await retention.deleteRetiredClicks(app.tenantId, 100)) > 0);
    expect(await retention.rawClicksFrom(app.tenantId)).toBe(cutOff);
    const raw = rowsOf<{ day: string }>(
      await app.database.db.execute(sql`
        select to_char(at at time zone 'UTC', 'YYYY-MM-DD') as day from click_events
        where tenant_id = ${app.tenantId} order by at`),
    );
    expect(raw.map((r) => r.day)).toEqual([addDays(today, -2), addDays(today, -2), addDays(today, -1)]);
    const retired = rowsOf<{ day: string; clicks: number }>(
      await app.database.db.execute(sql`
        select day::text, clicks from click_days where tenant_id = ${app.tenantId} order by day`),
    );
    expect(retired).toEqual([
      { day: addDays(today, -9), clicks: 2 },
      { day: addDays(today, -5), clicks: 1 },
      { day: addDays(today, -3), clicks: 3 },
    ]);

    expect(await numbers()).toEqual(before);
  });
});
