import { and, count, eq, isNotNull, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCampaignStore } from '../../src/db/campaign-store';
import { createContentStore } from '../../src/db/content-store';
import { createNominationStore } from '../../src/db/nomination-store';
import { createOutboxStore } from '../../src/db/outbox-store';
import {
  campaignAudienceMembers,
  consents,
  devChatActivities,
  invitations,
  memberships,
  nominations,
  outboxMessages,
  outboxSends,
  recruitmentCampaigns,
  shares,
} from '../../src/db/schema';
import { createSharingStore } from '../../src/db/sharing-store';
import { createUnitOfWork } from '../../src/db/unit-of-work';
import {
  DEMO_ANNOUNCE_KEY,
  DEMO_CAMPAIGN_NAME,
  DEMO_NOMINATION_NOTE,
  seedDemoRecruitment,
  type DemoRecruitmentDeps,
} from '../../src/demo/demo-recruitment';
import { DEMO_CHANNELS } from '../../src/demo/dev-chat';
import { demoApprovers, demoCommsAdmins, generateDemoOrg } from '../../src/demo/demo-org';
import type { Person } from '../../src/domain/person';
import { systemClock } from '../../src/ports/clock';
import { signInAs, startTestChorus, type TestChorus } from '../support/chorus';

// The embedded demo's recruitment campaign (docs/design/recruitment.md §12): seeded at startup with
// DEMO_CONTENT, through the real use cases and the outbox, and only once.

const org = generateDemoOrg();
const DAY = 24 * 60 * 60 * 1000;
/** The campaign's rules, written out here independently of the audience query. */
const inAudience = (p: Person) =>
  p.accountEnabled && ['IT', 'Engineering'].includes(p.department ?? '') && p.officeLocation === 'København';
const audience = org.filter(inAudience);
const cio = org.find((p) => p.jobTitle === 'Chief Information Officer')!;
const comms = org.find((p) => p.jobTitle === 'Head of Communication')!;
const itNyheder = DEMO_CHANNELS.find((c) => c.teamName === 'IT' && c.channelName === 'Nyheder')!;

describe('the demo recruitment campaign', () => {
  let app: TestChorus;
  let campaignId = '';
  const db = () => app.database.db;

  beforeAll(async () => {
    app = await startTestChorus({ DEMO_CONTENT: 'true' });
    const [campaign] = await db()
      .select()
      .from(recruitmentCampaigns)
      .where(eq(recruitmentCampaigns.tenantId, app.tenantId));
    campaignId = campaign?.id ?? '';
  });
  afterAll(() => app?.close());

  const audienceRows = () =>
    db()
      .select()
      .from(campaignAudienceMembers)
      .where(
        and(
          eq(campaignAudienceMembers.tenantId, app.tenantId),
          eq(campaignAudienceMembers.campaignId, campaignId),
        ),
      );
  const invitationRows = () =>
    db()
      .select()
      .from(invitations)
      .where(and(eq(invitations.tenantId, app.tenantId), eq(invitations.campaignId, campaignId)));

  it('is one running campaign for IT and Engineering in København, from a week ago to six weeks ahead', async () => {
    const token = await signInAs(app, comms.id);
    const res = await app.api('/api/admin/campaigns', { token });
    expect(res.status).toBe(200);
    const { campaigns } = (await res.json()) as {
      campaigns: {
        id: string;
        name: string;
        status: string;
        startsAt: string;
        endsAt: string;
        goalAmbassadors: number;
        joined: number;
        pitch: { da?: { effort: string }; en?: { effort: string } };
        audience: { departments: string[]; locations: string[] };
      }[];
    };
    expect(campaigns).toHaveLength(1);
    const [c] = campaigns;
    expect(c).toMatchObject({
      id: campaignId,
      name: DEMO_CAMPAIGN_NAME,
      status: 'running',
      goalAmbassadors: 8,
      joined: 3,
      audience: { departments: ['IT', 'Engineering'], locations: ['København'] },
    });
    expect(c!.pitch.da?.effort).toMatch(/30 minutter om ugen/);
    expect(c!.pitch.en?.effort).toMatch(/30 minutes a week/);
    const now = Date.now();
    expect(now - Date.parse(c!.startsAt)).toBeGreaterThan(6.9 * DAY);
    expect(now - Date.parse(c!.startsAt)).toBeLessThan(7.1 * DAY);
    expect(Date.parse(c!.endsAt) - now).toBeGreaterThan(41.9 * DAY);
    expect(Date.parse(c!.endsAt) - now).toBeLessThan(42.1 * DAY);
    // Created by a comms admin (the demo's roles).
    const [row] = await db()
      .select()
      .from(recruitmentCampaigns)
      .where(and(eq(recruitmentCampaigns.tenantId, app.tenantId), eq(recruitmentCampaigns.id, campaignId)));
    const admins = new Set(demoCommsAdmins(org));
    const creator = org.find((p) => p.id === row!.createdBy);
    expect(admins.has(creator?.userPrincipalName?.toLowerCase() ?? '')).toBe(true);
  });

  it('targets the audience by its rules, plus the nominee, with a personal chat invitation each', async () => {
    const rows = await audienceRows();
    const nominee = await openNomination();
    expect(audience.length).toBeGreaterThan(10);
    expect(new Set(rows.map((r) => r.personId))).toEqual(
      new Set([...audience.map((p) => p.id), nominee.nomineeId]),
    );
    expect(rows.every((r) => r.targeted)).toBe(true);
    const invites = await invitationRows();
    expect(invites).toHaveLength(audience.length + 1);
    expect(invites.filter((i) => i.source === 'audience')).toHaveLength(audience.length);
    expect(invites.every((i) => i.via === 'chat')).toBe(true);

    // One send for the announcement: the card in "IT › Nyheder" and a message per audience invitation.
    const [send] = await db()
      .select()
      .from(outboxSends)
      .where(and(eq(outboxSends.tenantId, app.tenantId), eq(outboxSends.idempotencyKey, DEMO_ANNOUNCE_KEY)));
    expect(send).toMatchObject({ campaignId, kind: 'announcement', total: audience.length + 1 });
    const messages = await db()
      .select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.tenantId, app.tenantId), eq(outboxMessages.sendId, send!.id)));
    expect(messages.filter((m) => m.conversationId === itNyheder.conversationId)).toHaveLength(1);
    expect(messages.filter((m) => m.recipientPersonId !== null)).toHaveLength(audience.length);
  });

  it('has three ambassadors who joined through it with the current guidelines, one after opening it', async () => {
    const joined = (await audienceRows()).filter((r) => r.joinedAt !== null);
    expect(joined).toHaveLength(3);
    for (const row of joined) {
      const person = org.find((p) => p.id === row.personId)!;
      expect(inAudience(person)).toBe(true);
      const membership = await app.store.memberships.get(app.tenantId, person.id);
      const guidelines = await app.store.program.current(app.tenantId, 'guidelines');
      expect(membership?.guidelinesVersion).toBe(guidelines!.version);
      const [consent] = await db()
        .select()
        .from(consents)
        .where(and(eq(consents.tenantId, app.tenantId), eq(consents.personId, person.id)));
      expect(consent?.guidelinesVersion).toBe(guidelines!.version);
    }
    // recordJoined marks joiners as opened too; one opened the card before joining.
    const openedFirst = joined.filter((r) => r.openedAt && r.openedAt.getTime() < r.joinedAt!.getTime());
    expect(openedFirst).toHaveLength(1);
    const invites = await invitationRows();
    expect(invites.filter((i) => i.status === 'joined')).toHaveLength(3);
    const [{ n }] = (await db()
      .select({ n: count() })
      .from(memberships)
      .where(eq(memberships.tenantId, app.tenantId))) as [{ n: number }];
    expect(Number(n)).toBe(3);
    // One of them has shared a library item since.
    const shared = await db()
      .select()
      .from(shares)
      .where(and(eq(shares.tenantId, app.tenantId), eq(shares.status, 'shared')));
    expect(shared).toHaveLength(1);
    expect(joined.map((r) => r.personId)).toContain(shared[0]!.personId);
  });

  it('has two "Not now" from the audience', async () => {
    const declined = (await audienceRows()).filter((r) => r.declinedAt !== null);
    expect(declined).toHaveLength(2);
    expect(declined.every((r) => r.joinedAt === null)).toBe(true);
    expect((await invitationRows()).filter((i) => i.status === 'declined')).toHaveLength(2);
  });

  it('has one open nomination from the head of IT, of a report it did not reach, with its invitation', async () => {
    const nomination = await openNomination();
    expect(nomination).toMatchObject({
      nominatorId: cio.id,
      relation: 'manager',
      note: DEMO_NOMINATION_NOTE,
    });
    const nominee = org.find((p) => p.id === nomination.nomineeId)!;
    expect(nominee.managerId).toBe(cio.id);
    expect(inAudience(nominee)).toBe(false);
    expect(await app.store.memberships.get(app.tenantId, nominee.id)).toBeNull();
    const [invitation] = (await invitationRows()).filter((i) => i.id === nomination.invitationId);
    expect(invitation).toMatchObject({ personId: nominee.id, source: 'manager', status: 'open' });
    const [message] = await db()
      .select()
      .from(outboxMessages)
      .where(
        and(
          eq(outboxMessages.tenantId, app.tenantId),
          eq(outboxMessages.idempotencyKey, `invite:${invitation!.id}`),
        ),
      );
    expect(message?.recipientPersonId).toBe(nominee.id);

    // The head of IT sees the nominee as invited on My team.
    const token = await signInAs(app, cio.id);
    const team = (await (await app.api('/api/team?scope=direct', { token })).json()) as {
      members: { id: string; status: string }[];
    };
    expect(team.members.find((m) => m.id === nominee.id)?.status).toBe('invited');
    // The nominee finds the campaign with the note on their Campaigns page.
    const mine = (await (
      await app.api('/api/campaigns', { token: await signInAs(app, nominee.id) })
    ).json()) as { campaigns: { id: string; nomination: { note: string | null } | null }[] };
    expect(mine.campaigns.find((c) => c.id === campaignId)?.nomination?.note).toBe(DEMO_NOMINATION_NOTE);
  });

  it('has its messages delivered in the background to the local connector', async () => {
    // Nothing waited for them at startup: the outbox worker sends them once the app listens. The
    // invitations of the five who answered meanwhile are not sent (they would only be noise).
    const campaignMessages = () =>
      db()
        .select()
        .from(outboxMessages)
        .where(and(eq(outboxMessages.tenantId, app.tenantId), isNotNull(outboxMessages.sendId)));
    await expect
      .poll(async () => (await campaignMessages()).filter((m) => ['queued', 'sending'].includes(m.state)), {
        timeout: 20_000,
        interval: 250,
      })
      .toEqual([]);
    const messages = await campaignMessages();
    const answered = new Set(
      (await invitationRows()).filter((i) => i.status !== 'open').map((i) => `invite:${i.id}`),
    );
    expect(answered.size).toBe(5);
    for (const m of messages) {
      if (answered.has(m.idempotencyKey)) {
        expect(m).toMatchObject({ state: 'cancelled', lastReason: 'invitation_closed' });
      } else {
        expect(m.state, m.idempotencyKey).toBe('sent');
      }
    }
    // The channel card and every open invitation (the nominee's too) are in the local connector's record.
    const sent = messages.filter((m) => m.state === 'sent');
    expect(sent).toHaveLength(1 + audience.length - 5 + 1);
    const received = await db()
      .select({ key: devChatActivities.clientKey })
      .from(devChatActivities)
      .where(and(eq(devChatActivities.tenantId, app.tenantId), like(devChatActivities.clientKey, '%:%')));
    const keys = new Set(received.map((r) => r.key));
    for (const m of sent) expect(keys.has(m.idempotencyKey), m.idempotencyKey).toBe(true);

    const funnel = await createCampaignStore(db()).funnel(app.tenantId, campaignId);
    expect(funnel.overall).toMatchObject({
      targeted: audience.length + 1,
      delivered: audience.length + 1 - 5,
      opened: 3,
      joined: 3,
      firstShare: 1,
    });
  });

  it('is seeded only once: a second run changes nothing', async () => {
    const snapshot = async () => {
      const counted = async (table: typeof invitations | typeof nominations | typeof recruitmentCampaigns) =>
        Number(
          (
            (await db().select({ n: count() }).from(table).where(eq(table.tenantId, app.tenantId))) as [
              { n: number },
            ]
          )[0].n,
        );
      return {
        campaigns: await counted(recruitmentCampaigns),
        invitations: await counted(invitations),
        nominations: await counted(nominations),
        audience: (await audienceRows()).length,
        outbox: Number(
          (
            (await db()
              .select({ n: count() })
              .from(outboxMessages)
              .where(eq(outboxMessages.tenantId, app.tenantId))) as [{ n: number }]
          )[0].n,
        ),
        memberships: await app.store.memberships.count(app.tenantId),
      };
    };
    const before = await snapshot();
    const deps: DemoRecruitmentDeps = {
      store: app.store,
      clock: systemClock,
      roleRules: { commsAdmins: demoCommsAdmins(org), approvers: demoApprovers(org) },
      campaigns: createCampaignStore(db()),
      nominations: createNominationStore(db()),
      outbox: createOutboxStore(db()),
      unitOfWork: createUnitOfWork(db()),
      content: createContentStore(db()),
      sharing: createSharingStore(db()),
      publicUrl: app.config.publicUrl,
    };
    expect(await seedDemoRecruitment(deps, { tenantId: app.tenantId, now: new Date() })).toBeNull();
    expect(await snapshot()).toEqual(before);
  });

  it('is not seeded unless asked (tests, and production)', async () => {
    const plain = await startTestChorus();
    try {
      expect(await createCampaignStore(plain.database.db).list(plain.tenantId)).toEqual([]);
    } finally {
      await plain.close();
    }
  });

  async function openNomination() {
    const rows = await db()
      .select()
      .from(nominations)
      .where(and(eq(nominations.tenantId, app.tenantId), eq(nominations.campaignId, campaignId)));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.invitationId).not.toBeNull();
    return rows[0]!;
  }
});
