import { randomUUID } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CampaignView, ChallengeView, DrawView, SendProgress } from '../../src/contracts';
import { rowsOf } from '../../src/db/database';
import { recruitmentCampaigns } from '../../src/db/schema';
import { createSparringStore } from '../../src/db/sparring-store';
import { createUnitOfWork } from '../../src/db/unit-of-work';
import { DEFAULT_CANVAS } from '../../src/domain/canvas';
import { DEFAULT_GAMIFICATION_SETTINGS } from '../../src/domain/gamification';
import { demoApprovers } from '../../src/demo/demo-org';
import type { TransactionStores } from '../../src/ports/unit-of-work';
import { signInAs, startTestChorus, type TestChorus } from '../support/chorus';
import { insertItem } from '../support/content-fixtures';
import { addMembers, addShares, challengeBody, comms, DAY, org } from './gamification-support';

// An admin change, its audit entry and the messages it causes are one unit of work
// (src/ports/unit-of-work.ts), and so are a sparring answer and its reply, a campaign's targeting
// and its announcement, a nomination and its invitation message, and a join through a campaign and
// the campaign's record of it. Here the audit log's append, the outbox's enqueue or the campaign's
// record of a join fails inside it, after writing its own rows (as a crash between the writes would):
// nothing of the change stays, and the API answers a plain 500 with a correlation id. With nothing
// failing, the change, its audit entry and its messages are all stored.

const FAILURE = 'simulated failure inside the unit of work';
let failing: 'audit' | 'outbox' | 'campaigns' | null = null;

/** The real stores, except that the chosen one writes and then throws. */
function failAfterWriting(stores: TransactionStores): TransactionStores {
  if (failing === 'audit') {
    const audit = stores.audit;
    return {
      ...stores,
      audit: {
        ...audit,
        async append(tenantId, record) {
          await audit.append(tenantId, record);
          throw new Error(FAILURE);
        },
      },
    };
  }
  if (failing === 'outbox') {
    const outbox = stores.outbox;
    return {
      ...stores,
      outbox: {
        ...outbox,
        async enqueue(tenantId, send, messages) {
          await outbox.enqueue(tenantId, send, messages);
          throw new Error(FAILURE);
        },
      },
    };
  }
  if (failing === 'campaigns') {
    const campaigns = stores.campaigns;
    return {
      ...stores,
      campaigns: {
        ...campaigns,
        async recordJoined(tenantId, campaignId, personId, at) {
          await campaigns.recordJoined(tenantId, campaignId, personId, at);
          throw new Error(FAILURE);
        },
      },
    };
  }
  return stores;
}

const approverUpns = new Set(demoApprovers(org));
const approver = org.find((p) => approverUpns.has(p.userPrincipalName!.toLowerCase()) && p.id !== comms.id)!;
const ambassadors = org.filter((p) => p.jobTitle === 'Field Technician').slice(0, 6);
// A manager and two people two levels below them (IT; no one else here targets IT): one to nominate,
// one to nominate and then join through the campaign.
const itManager = org.find((p) => p.jobTitle === 'IT Section Manager A')!;
const [nominee, joiner] = org.filter(
  (p) => p.accountEnabled && org.find((lead) => lead.id === p.managerId)?.managerId === itManager.id,
);

describe('an admin change, its audit entry and its messages commit together', () => {
  let app: TestChorus;
  let commsToken: string;
  let approverToken: string;
  let managerToken: string;

  beforeAll(async () => {
    app = await startTestChorus({}, { transactionStores: failAfterWriting });
    commsToken = await signInAs(app, comms.id);
    approverToken = await signInAs(app, approver.id);
    managerToken = await signInAs(app, itManager.id);
    await addMembers(app, ambassadors);
    for (const p of ambassadors) await addShares(app, p.id, 2, new Date(Date.now() - 2 * DAY));
  });
  afterAll(async () => {
    failing = null;
    await app.close();
  });
  beforeEach(() => {
    failing = null;
  });

  const rows = async <T>(query: SQL) => rowsOf<T>(await app.database.db.execute(query));
  const count = async (query: SQL) => Number((await rows<{ n: number }>(query))[0]!.n);
  const auditCount = (action: string) =>
    count(
      sql`select count(*)::int as n from audit_log where tenant_id = ${app.tenantId} and action = ${action}`,
    );

  /** A 500 with the code and a correlation id, and neither the error's words nor a stack trace. */
  async function expectCleanFailure(res: Response) {
    const text = await res.text();
    expect(res.status, text).toBe(500);
    const body = JSON.parse(text) as { error: { code: string; message: string; correlationId: string } };
    expect(body.error.code).toBe('INTERNAL');
    expect(body.error.correlationId).toBeTruthy();
    expect(text).not.toContain(FAILURE);
    expect(text).not.toMatch(/\.ts:\d+|\n\s+at /);
    expect(text).not.toContain('stack');
  }

  async function newChallenge(): Promise<ChallengeView> {
    const res = await app.api('/api/admin/challenges', {
      method: 'POST',
      token: commsToken,
      json: challengeBody({ title: `Atomic ${randomUUID().slice(0, 8)}` }),
    });
    expect(res.status).toBe(201);
    return (await res.json()) as ChallengeView;
  }

  const draw = (challengeId: string) =>
    app.api(`/api/admin/challenges/${challengeId}/draws`, {
      method: 'POST',
      token: commsToken,
      json: { winnerCount: 2, earlierDraws: 0, excludePastWinners: false },
    });

  /** The challenge's draws and winners, its congratulations and their send, and its audit entries. */
  async function drawState(challenge: ChallengeView) {
    const t = app.tenantId;
    return {
      draws: await rows<{ id: string }>(
        sql`select id from prize_draws where tenant_id = ${t} and challenge_id = ${challenge.id}`,
      ),
      winners: await count(sql`
        select count(*)::int as n from draw_winners w join prize_draws d
          on d.tenant_id = w.tenant_id and d.id = w.draw_id
        where w.tenant_id = ${t} and d.challenge_id = ${challenge.id}`),
      messages: await rows<{ idempotency_key: string; recipient_person_id: string }>(sql`
        select idempotency_key, recipient_person_id from outbox_messages
        where tenant_id = ${t} and payload->>'challengeTitle' = ${challenge.title}`),
      // Every prize-draw send but those of other challenges' stored draws: a send left by a rolled-back
      // draw (whose id is nowhere) would show here.
      sends: await rows<{ idempotency_key: string }>(sql`
        select idempotency_key from outbox_sends where tenant_id = ${t} and kind = 'prizeDraw'
          and idempotency_key not in (
            select 'prize-draw:' || id from prize_draws where tenant_id = ${t} and challenge_id <> ${challenge.id})`),
      audit: await rows<{ subject: string; data: { winners: string[] } }>(sql`
        select subject, data from audit_log
        where tenant_id = ${t} and action = 'draw.run' and data->>'challengeId' = ${challenge.id}`),
    };
  }

  it.each(['outbox', 'audit'] as const)(
    'stores no prize draw when its %s write fails, and the next try draws, audits and queues the congratulations',
    async (which) => {
      const challenge = await newChallenge();
      failing = which;
      await expectCleanFailure(await draw(challenge.id));
      expect(await drawState(challenge)).toEqual({
        draws: [],
        winners: 0,
        messages: [],
        sends: [],
        audit: [],
      });

      // The failed try left no draw behind (nor a held lock): the same request, expecting no earlier
      // draw, is stored now, with its audit entry and one congratulation per winner.
      failing = null;
      const res = await draw(challenge.id);
      expect(res.status, await res.clone().text()).toBe(201);
      const won = (await res.json()) as DrawView;
      expect(won.winners).toHaveLength(2);
      const state = await drawState(challenge);
      expect(state.draws.map((d) => d.id)).toEqual([won.id]);
      expect(state.winners).toBe(2);
      expect(state.audit.map((a) => a.subject)).toEqual([won.id]);
      expect(state.audit[0]!.data.winners).toEqual(won.winners.map((w) => w.entrant));
      expect(state.messages.map((m) => m.idempotency_key).sort()).toEqual(
        won.winners.map((w) => `prize-win:${won.id}:${w.entrant}`).sort(),
      );
      const nameOf = new Map(org.map((p) => [p.id, p.displayName]));
      expect(state.messages.map((m) => nameOf.get(m.recipient_person_id)).sort()).toEqual(
        won.winners.map((w) => w.name).sort(),
      );
      expect(state.sends.map((s) => s.idempotency_key)).toEqual([`prize-draw:${won.id}`]);
    },
  );

  it('keeps the canvas as it was when its audit entry cannot be written', async () => {
    const canvasRow = async () =>
      (
        await rows<{ version: number; canvas: { evp: string[] } }>(
          sql`select version, canvas from program_canvas where tenant_id = ${app.tenantId}`,
        )
      ).map((r) => ({ version: r.version, evp: r.canvas.evp }));
    const save = (evp: string, baseVersion: number) =>
      app.api('/api/admin/canvas', {
        method: 'PUT',
        token: commsToken,
        json: { canvas: { ...DEFAULT_CANVAS, evp: [evp] }, baseVersion },
      });
    expect((await save('First', 0)).status).toBe(200);
    const audited = await auditCount('canvas.updated');

    failing = 'audit';
    await expectCleanFailure(await save('Lost', 1));
    expect(await canvasRow()).toEqual([{ version: 1, evp: ['First'] }]);
    expect(await auditCount('canvas.updated')).toBe(audited);

    failing = null;
    expect((await save('Second', 1)).status).toBe(200);
    expect(await canvasRow()).toEqual([{ version: 2, evp: ['Second'] }]);
    expect(await auditCount('canvas.updated')).toBe(audited + 1);
  });

  it('keeps a content item in review, with no transition, when the approval cannot be audited', async () => {
    const itemId = await insertItem(app.database.db, app.tenantId, { status: 'in_review' });
    const itemState = async () => ({
      status: (
        await rows<{ status: string }>(
          sql`select status from content_items where tenant_id = ${app.tenantId} and id = ${itemId}`,
        )
      )[0]!.status,
      transitions: await count(sql`
        select count(*)::int as n from content_transitions
        where tenant_id = ${app.tenantId} and item_id = ${itemId}`),
      audit: await count(sql`
        select count(*)::int as n from audit_log
        where tenant_id = ${app.tenantId} and action = 'content.approved' and subject = ${itemId}`),
    });
    const approve = () => app.api(`/api/content/${itemId}/approve`, { method: 'POST', token: approverToken });

    failing = 'audit';
    await expectCleanFailure(await approve());
    expect(await itemState()).toEqual({ status: 'in_review', transitions: 0, audit: 0 });

    failing = null;
    expect((await approve()).status).toBe(200);
    expect(await itemState()).toEqual({ status: 'approved', transitions: 1, audit: 1 });
  });

  // The other admin changes: each request fails whole, then succeeds whole with its audit entry.
  it('stores no challenge, gamification settings, coach settings or guidelines version when the audit entry fails', async () => {
    const t = app.tenantId;
    const title = `Unaudited ${randomUUID().slice(0, 8)}`;
    const cases = [
      {
        action: 'challenge.created',
        send: () =>
          app.api('/api/admin/challenges', {
            method: 'POST',
            token: commsToken,
            json: challengeBody({ title }),
          }),
        ok: 201,
        stored: () =>
          count(sql`select count(*)::int as n from challenges where tenant_id = ${t} and title = ${title}`),
      },
      {
        action: 'gamification.updated',
        send: () =>
          app.api('/api/admin/gamification', {
            method: 'PUT',
            token: commsToken,
            json: { ...DEFAULT_GAMIFICATION_SETTINGS, enabled: true },
          }),
        ok: 200,
        stored: () => count(sql`select count(*)::int as n from gamification_settings where tenant_id = ${t}`),
      },
      {
        action: 'coach_settings.updated',
        send: () =>
          app.api('/api/admin/coach-settings', {
            method: 'PUT',
            token: commsToken,
            json: {
              companyName: 'Nordlys Energi',
              blockedTerms: [],
              requiredHashtags: ['#NordlysEnergi'],
              tone: 'du',
              emojiPolicy: 'sparing',
              companyDomains: ['nordlys.dk'],
            },
          }),
        ok: 200,
        stored: () => count(sql`select count(*)::int as n from coach_settings where tenant_id = ${t}`),
      },
      {
        action: 'program.guidelines.updated',
        send: () =>
          app.api('/api/program/guidelines', {
            method: 'PUT',
            token: commsToken,
            json: { bodyDa: 'Del aldrig fortrolige ting.', bodyEn: 'Never share confidential things.' },
          }),
        ok: 200,
        // The version and the activity event that go with it.
        stored: async () =>
          (await count(sql`
            select count(*)::int as n from program_documents
            where tenant_id = ${t} and kind = 'guidelines'`)) +
          (await count(sql`
            select count(*)::int as n from activity_events
            where tenant_id = ${t} and type = 'program.guidelines.updated'`)),
      },
    ];
    for (const c of cases) {
      const before = { stored: await c.stored(), audit: await auditCount(c.action) };
      failing = 'audit';
      await expectCleanFailure(await c.send());
      expect({ action: c.action, stored: await c.stored(), audit: await auditCount(c.action) }).toEqual({
        action: c.action,
        ...before,
      });
      failing = null;
      const res = await c.send();
      expect(res.status, `${c.action}: ${await res.clone().text()}`).toBe(c.ok);
      expect(await c.stored(), c.action).toBeGreaterThan(before.stored);
      expect(await auditCount(c.action), c.action).toBe(before.audit + 1);
    }
  });

  it('keeps a sparring request open, with no reply queued, when the reply cannot be enqueued', async () => {
    const t = app.tenantId;
    const asker = ambassadors[0]!;
    const { request } = await createSparringStore(app.database.db).create(t, {
      personId: asker.id,
      language: 'da',
      network: 'linkedin',
      draft: 'Stolt af holdet i dag.',
      findings: [],
      requestKey: randomUUID(),
      at: new Date(),
    });
    const key = `sparring-reply:${request.id}`;
    const requestState = async () => ({
      request: await rows<{ status: string; reply: string | null; answered_by: string | null }>(sql`
        select status, reply, answered_by from sparring_requests where tenant_id = ${t} and id = ${request.id}`),
      messages: await rows<{ recipient_person_id: string; payload: { kind: string; requestId: number } }>(sql`
        select recipient_person_id, payload from outbox_messages
        where tenant_id = ${t} and idempotency_key = ${key}`),
      sends: await count(sql`
        select count(*)::int as n from outbox_sends where tenant_id = ${t} and idempotency_key = ${key}`),
    });
    const answer = (reply: string) =>
      app.api(`/api/admin/sparring/${request.id}/reply`, {
        method: 'POST',
        token: commsToken,
        headers: { 'accept-language': 'da' },
        json: { reply },
      });

    failing = 'outbox';
    await expectCleanFailure(await answer('Lost'));
    expect(await requestState()).toEqual({
      request: [{ status: 'open', reply: null, answered_by: null }],
      messages: [],
      sends: 0,
    });

    // The request is still open, so the answer is taken now, with its one reply message.
    failing = null;
    const res = await answer('  Flot! Nævn gerne holdlederen.  ');
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toMatchObject({
      id: request.id,
      status: 'answered',
      reply: 'Flot! Nævn gerne holdlederen.',
    });
    expect(await requestState()).toEqual({
      request: [{ status: 'answered', reply: 'Flot! Nævn gerne holdlederen.', answered_by: comms.id }],
      messages: [
        { recipient_person_id: asker.id, payload: { kind: 'sparringReply', requestId: request.id } },
      ],
      sends: 1,
    });

    // A second answer is still refused, naming the problem, and queues nothing more.
    const again = await answer('A second answer');
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('CONFLICT');
    expect((await requestState()).messages).toHaveLength(1);
  });

  it('leaves a campaign a draft, targeting nobody, when its announcement cannot be enqueued', async () => {
    const t = app.tenantId;
    const create = await app.api('/api/admin/campaigns', {
      method: 'POST',
      token: commsToken,
      json: {
        name: 'Bliv ambassadør',
        pitch: { da: { why: 'Fordi', effort: '30 minutter om ugen', support: 'Sparring' } },
        imageId: null,
        startsAt: new Date(Date.now() - DAY).toISOString(),
        endsAt: new Date(Date.now() + 30 * DAY).toISOString(),
        goalAmbassadors: 8,
        audience: { departments: ['Finance'] },
      },
    });
    expect(create.status, await create.clone().text()).toBe(201);
    const campaign = (await create.json()) as CampaignView;
    const idempotencyKey = randomUUID();
    const announce = () =>
      app.api(`/api/admin/campaigns/${campaign.id}/announce`, {
        method: 'POST',
        token: commsToken,
        json: { channelIds: [], personal: 'chat', idempotencyKey },
      });
    const campaignState = async () => ({
      status: (
        await rows<{ status: string }>(
          sql`select status from recruitment_campaigns where tenant_id = ${t} and id = ${campaign.id}`,
        )
      )[0]!.status,
      targeted: await count(sql`
        select count(*)::int as n from campaign_audience_members
        where tenant_id = ${t} and campaign_id = ${campaign.id}`),
      invitations: (
        await rows<{ id: string }>(sql`
          select id from invitations where tenant_id = ${t} and campaign_id = ${campaign.id} and status = 'open'`)
      ).map((r) => r.id),
      messages: (
        await rows<{ idempotency_key: string }>(sql`
          select o.idempotency_key from outbox_messages o join outbox_sends s
            on s.tenant_id = o.tenant_id and s.id = o.send_id
          where o.tenant_id = ${t} and s.campaign_id = ${campaign.id}`)
      ).map((r) => r.idempotency_key),
      sends: await count(sql`
        select count(*)::int as n from outbox_sends where tenant_id = ${t} and idempotency_key = ${idempotencyKey}`),
    });

    failing = 'outbox';
    await expectCleanFailure(await announce());
    expect(await campaignState()).toEqual({
      status: 'draft',
      targeted: 0,
      invitations: [],
      messages: [],
      sends: 0,
    });

    // The same press again, twice at once (a double click, two instances), announces it whole and
    // once: one send, everyone targeted, invited and messaged once.
    failing = null;
    const [res, twin] = await Promise.all([announce(), announce()]);
    expect(res.status, await res.clone().text()).toBe(202);
    expect(twin.status, await twin.clone().text()).toBe(202);
    expect(((await twin.json()) as SendProgress).id).toBe(((await res.clone().json()) as SendProgress).id);
    const state = await campaignState();
    const finance = org.filter((p) => p.department === 'Finance' && p.accountEnabled);
    expect(state.status).toBe('running');
    expect(state.targeted).toBe(finance.length);
    expect(state.invitations).toHaveLength(finance.length);
    expect(state.messages.sort()).toEqual(state.invitations.map((id) => `invite:${id}`).sort());
    expect(state.sends).toBe(1);
    expect(((await res.json()) as SendProgress).total).toBe(finance.length);
  });

  /** A running recruitment campaign, written straight to the database (its announcement has its own test). */
  async function runningCampaign(): Promise<string> {
    const id = randomUUID();
    await app.database.db.insert(recruitmentCampaigns).values({
      tenantId: app.tenantId,
      id,
      name: 'Bliv ambassadør',
      pitch: { da: { why: 'Fordi', effort: '30 minutter om ugen', support: 'Sparring' } },
      startsAt: new Date(Date.now() - DAY),
      endsAt: new Date(Date.now() + 30 * DAY),
      goalAmbassadors: 8,
      audience: {},
      status: 'running',
    });
    return id;
  }

  const nominate = (campaignId: string, personId: string) =>
    app.api('/api/nominations', {
      method: 'POST',
      token: managerToken,
      json: { campaignId, personId, note: 'Du kan det her' },
    });

  /** The person's invitations, nominations, audience rows, invitation messages and nomination sends. */
  async function nominationState(campaignId: string, personId: string) {
    const t = app.tenantId;
    return {
      invitations: await rows<{ id: string; status: string }>(sql`
        select id, status from invitations
        where tenant_id = ${t} and campaign_id = ${campaignId} and person_id = ${personId}`),
      nominations: await rows<{ invitation_id: string | null }>(sql`
        select invitation_id from nominations
        where tenant_id = ${t} and campaign_id = ${campaignId} and nominee_id = ${personId}`),
      audience: await rows<{ joined: boolean }>(sql`
        select joined_at is not null as joined from campaign_audience_members
        where tenant_id = ${t} and campaign_id = ${campaignId} and person_id = ${personId}`),
      messages: (
        await rows<{ idempotency_key: string }>(sql`
          select idempotency_key from outbox_messages
          where tenant_id = ${t} and recipient_person_id = ${personId}
            and payload->>'kind' = 'campaignInvitation' and payload->>'campaignId' = ${campaignId}`)
      ).map((r) => r.idempotency_key),
      sends: await count(sql`
        select count(*)::int as n from outbox_sends
        where tenant_id = ${t} and kind = 'nomination' and campaign_id = ${campaignId}`),
    };
  }

  it('stores no nomination or invitation when its invitation message cannot be enqueued, and the next try queues it once', async () => {
    const campaignId = await runningCampaign();
    failing = 'outbox';
    await expectCleanFailure(await nominate(campaignId, nominee!.id));
    expect(await nominationState(campaignId, nominee!.id)).toEqual({
      invitations: [],
      nominations: [],
      audience: [],
      messages: [],
      sends: 0,
    });

    // Nothing was left to make the next try a repeat: it invites, with the one message.
    failing = null;
    const res = await nominate(campaignId, nominee!.id);
    expect(res.status, await res.clone().text()).toBe(202);
    const state = await nominationState(campaignId, nominee!.id);
    expect(state.invitations).toHaveLength(1);
    const [invitation] = state.invitations;
    expect(state).toEqual({
      invitations: [{ id: invitation!.id, status: 'open' }],
      nominations: [{ invitation_id: invitation!.id }],
      audience: [{ joined: false }],
      messages: [`invite:${invitation!.id}`],
      sends: 1,
    });

    // The same nomination again answers the same and adds nothing.
    expect((await nominate(campaignId, nominee!.id)).status).toBe(202);
    expect(await nominationState(campaignId, nominee!.id)).toEqual(state);
  });

  it('keeps a person out of the program when joining through a campaign cannot record the join, and the next try joins once', async () => {
    const t = app.tenantId;
    const campaignId = await runningCampaign();
    expect((await nominate(campaignId, joiner!.id)).status).toBe(202);
    const joinerToken = await signInAs(app, joiner!.id);
    const program = (await (await app.api('/api/program', { token: joinerToken })).json()) as {
      guidelines: { version: number };
    };
    const join = () =>
      app.api('/api/membership', {
        method: 'POST',
        token: joinerToken,
        json: { guidelinesVersion: program.guidelines.version, networks: ['linkedin'], campaignId },
      });
    const joinState = async () => ({
      memberships: await count(sql`
        select count(*)::int as n from memberships where tenant_id = ${t} and person_id = ${joiner!.id}`),
      consents: await count(sql`
        select count(*)::int as n from consents where tenant_id = ${t} and person_id = ${joiner!.id}`),
      joinedEvents: await count(sql`
        select count(*)::int as n from activity_events
        where tenant_id = ${t} and person_id = ${joiner!.id} and type = 'joined'`),
      welcomes: await count(sql`
        select count(*)::int as n from jobs where tenant_id = ${t} and dedupe_key = ${`welcome:${joiner!.id}`}`),
      invitations: (await nominationState(campaignId, joiner!.id)).invitations.map((i) => i.status),
      audience: (await nominationState(campaignId, joiner!.id)).audience,
    });

    failing = 'campaigns';
    await expectCleanFailure(await join());
    expect(await joinState()).toEqual({
      memberships: 0,
      consents: 0,
      joinedEvents: 0,
      welcomes: 0,
      invitations: ['open'],
      audience: [{ joined: false }],
    });

    failing = null;
    const res = await join();
    expect(res.status, await res.clone().text()).toBe(201);
    const joined = {
      memberships: 1,
      consents: 1,
      joinedEvents: 1,
      welcomes: 1,
      invitations: ['joined'],
      audience: [{ joined: true }],
    };
    expect(await joinState()).toEqual(joined);

    // Joining again is refused, naming the problem, and changes nothing.
    const again = await join();
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('ALREADY_MEMBER');
    expect(await joinState()).toEqual(joined);
  });

  it('rolls a store’s own transaction back to its savepoint inside a unit of work, keeping the rest', async () => {
    const subject = randomUUID();
    const unitOfWork = createUnitOfWork(app.database.db);
    const result = await unitOfWork.run(async (tx) => {
      await tx.audit.append(app.tenantId, {
        actorId: null,
        action: 'test.uow',
        subject,
        data: {},
        at: new Date(),
      });
      await expect(
        tx.store.transaction(async (store) => {
          await store.activity.record(app.tenantId, null, 'test.uow', { subject });
          throw new Error('inner');
        }),
      ).rejects.toThrow('inner');
      return 'committed';
    });
    expect(result).toBe('committed');
    expect(
      await count(
        sql`select count(*)::int as n from audit_log where tenant_id = ${app.tenantId} and subject = ${subject}`,
      ),
    ).toBe(1);
    expect(
      await count(sql`
        select count(*)::int as n from activity_events
        where tenant_id = ${app.tenantId} and type = 'test.uow' and data->>'subject' = ${subject}`),
    ).toBe(0);

    // And a throw from the work itself takes everything back.
    const gone = randomUUID();
    await expect(
      unitOfWork.run(async (tx) => {
        await tx.audit.append(app.tenantId, {
          actorId: null,
          action: 'test.uow',
          subject: gone,
          data: {},
          at: new Date(),
        });
        throw new Error('outer');
      }),
    ).rejects.toThrow('outer');
    expect(
      await count(
        sql`select count(*)::int as n from audit_log where tenant_id = ${app.tenantId} and subject = ${gone}`,
      ),
    ).toBe(0);
  });
});
