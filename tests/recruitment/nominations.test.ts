import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNominationStore } from '../../src/db/nomination-store';
import { createUnitOfWork } from '../../src/db/unit-of-work';
import {
  campaignAudienceMembers,
  invitations,
  nominations,
  outboxMessages,
  outboxSends,
  people,
  recruitmentCampaigns,
} from '../../src/db/schema';
import { generateDemoOrg } from '../../src/demo/demo-org';
import { compareTeamMembers } from '../../src/domain/nomination';
import type { Person } from '../../src/domain/person';
import { systemClock } from '../../src/ports/clock';
import type { OutboxMessageInput, OutboxSendInput } from '../../src/ports/outbox';
import { nominateColleague } from '../../src/services/nominate-colleague';
import { recommendColleague } from '../../src/services/recommend-colleague';
import { signInAs, startTestChorus, type TestChorus } from '../support/chorus';
import { joinAs } from '../support/sharing';

interface TeamMember {
  id: string;
  displayName: string;
  jobTitle: string | null;
  department: string | null;
  depth: number;
  status: 'ambassador' | 'invited' | 'none';
}
interface ApiError {
  error: { code: string; message: string };
}

const org = generateDemoOrg();
const titled = (title: string) => {
  const p = org.find((x) => x.jobTitle === title);
  if (!p) throw new Error(`no demo person is ${title}`);
  return p;
};
const reportsOf = (id: string) => org.filter((p) => p.managerId === id);

// IT Section Manager A: team leads below, their staff below them (a subtree two levels deep).
const sectionManager = titled('IT Section Manager A');
const leads = reportsOf(sectionManager.id);
const staff = leads.flatMap((l) => reportsOf(l.id));
const cio = titled('Chief Information Officer');
// Someone outside the section manager's subtree (Engineering), and a plain employee with no reports
// (in the other IT section, so also outside it).
const engineer = reportsOf(reportsOf(titled('Engineering Section Manager A').id)[0]!.id)[0]!;
const developer = reportsOf(reportsOf(titled('IT Section Manager B').id)[0]!.id).find(
  (p) => p.jobTitle === 'Software Developer',
)!;
// A director with a large subtree, for the daily limit.
const fieldDirector = titled('Director of Field Operations');
const fieldStaff = org.filter(
  (p) => p.department === 'Field Operations' && p.id !== fieldDirector.id && reportsOf(p.id).length === 0,
);

describe('My team and nominations', () => {
  let app: TestChorus;
  const tokens = new Map<string, string>();
  const token = async (p: Person) => {
    let t = tokens.get(p.id);
    if (!t) tokens.set(p.id, (t = await signInAs(app, p.id)));
    return t;
  };
  const db = () => app.database.db;

  beforeAll(async () => {
    app = await startTestChorus();
  });
  afterAll(() => app.close());

  const insertCampaign = async (status: 'running' | 'draft' | 'closed' = 'running') => {
    const id = randomUUID();
    await db()
      .insert(recruitmentCampaigns)
      .values({
        tenantId: app.tenantId,
        id,
        name: 'Bliv ambassadør',
        pitch: {
          en: { why: 'Tell our story', effort: '30 minutes a week', support: 'Workshops and sparring' },
        },
        startsAt: new Date(Date.now() - 24 * 3600_000),
        endsAt: new Date(Date.now() + 30 * 24 * 3600_000),
        goalAmbassadors: 8,
        audience: {},
        status,
      });
    return id;
  };
  const team = async (who: Person, scope: 'direct' | 'subtree') => {
    const res = await app.api(`/api/team?scope=${scope}`, { token: await token(who) });
    const text = await res.text();
    expect(res.status, text).toBe(200);
    return { text, members: (JSON.parse(text) as { members: TeamMember[] }).members };
  };
  const statusOf = async (who: Person, personId: string) =>
    (await team(who, 'subtree')).members.find((m) => m.id === personId)?.status;
  const post = async (path: string, who: Person, json: unknown) =>
    app.api(path, { method: 'POST', token: await token(who), json });
  const nominate = (who: Person, campaignId: string, personId: string, note = '') =>
    post('/api/nominations', who, { campaignId, personId, note });
  const recommend = (who: Person, campaignId: string, personId: string, note = '') =>
    post('/api/recommendations', who, { campaignId, personId, note });
  /** 202 with an empty body, whatever the nomination led to. */
  const expectAccepted = async (res: Response) => {
    const text = await res.text();
    expect(res.status, text).toBe(202);
    expect(JSON.parse(text)).toEqual({});
  };
  const expectError = async (res: Response, status: number, code: string) => {
    const body = (await res.json()) as ApiError;
    expect(res.status, JSON.stringify(body)).toBe(status);
    expect(body.error.code).toBe(code);
    return body.error.message;
  };
  const invitationsOf = (campaignId: string, personId: string) =>
    db()
      .select()
      .from(invitations)
      .where(
        and(
          eq(invitations.tenantId, app.tenantId),
          eq(invitations.campaignId, campaignId),
          eq(invitations.personId, personId),
        ),
      );
  const nominationsOf = (campaignId: string, personId: string) =>
    db()
      .select()
      .from(nominations)
      .where(
        and(
          eq(nominations.tenantId, app.tenantId),
          eq(nominations.campaignId, campaignId),
          eq(nominations.nomineeId, personId),
        ),
      );
  const rowCounts = async () => {
    const t = app.tenantId;
    const [n, i, a] = await Promise.all([
      db().select().from(nominations).where(eq(nominations.tenantId, t)),
      db().select().from(invitations).where(eq(invitations.tenantId, t)),
      db().select().from(campaignAudienceMembers).where(eq(campaignAudienceMembers.tenantId, t)),
    ]);
    return { nominations: n.length, invitations: i.length, audience: a.length };
  };
  const outboxMessage = async (key: string) => {
    const rows = await db()
      .select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.tenantId, app.tenantId), eq(outboxMessages.idempotencyKey, key)));
    return rows;
  };

  it('shows a manager their direct reports, and the whole subtree, sorted by depth then name', async () => {
    expect(leads.length).toBeGreaterThan(1);
    expect(staff.length).toBeGreaterThan(5);
    const direct = (await team(sectionManager, 'direct')).members;
    expect(direct.map((m) => m.id)).toEqual(
      [...leads]
        .map((p) => ({ ...p, depth: 1 }))
        .sort(compareTeamMembers)
        .map((p) => p.id),
    );
    expect(direct.every((m) => m.depth === 1 && m.status === 'none')).toBe(true);
    expect(Object.keys(direct[0]!).sort()).toEqual([
      'department',
      'depth',
      'displayName',
      'id',
      'jobTitle',
      'status',
    ]);
    expect(direct[0]).toMatchObject({ department: 'IT', jobTitle: 'IT Team Lead' });

    const subtree = (await team(sectionManager, 'subtree')).members;
    const expected = [
      ...leads.map((p) => ({ ...p, depth: 1 })),
      ...staff.map((p) => ({ ...p, depth: 2 })),
    ].sort(compareTeamMembers);
    expect(subtree.map((m) => [m.id, m.depth])).toEqual(expected.map((p) => [p.id, p.depth]));
    // The default scope is direct reports.
    const res = await app.api('/api/team', { token: await token(sectionManager) });
    expect(((await res.json()) as { members: TeamMember[] }).members).toEqual(direct);
    // The CIO sees three levels: section managers, leads, staff.
    const cioTeam = (await team(cio, 'subtree')).members;
    expect(new Set(cioTeam.map((m) => m.depth))).toEqual(new Set([1, 2, 3]));
    expect(cioTeam.some((m) => m.id === cio.id)).toBe(false);
  });

  it('marks ambassadors and invited people, counts only running campaigns, and leaves out disabled accounts', async () => {
    const running = await insertCampaign();
    const closed = await insertCampaign('closed');
    const [ambassador, invited, declined, expired, oldCampaignOnly, disabled] = staff;
    await joinAs(app, ambassador!.id);
    const invite = (campaignId: string, personId: string, status: 'open' | 'declined' | 'expired') =>
      db().insert(invitations).values({
        tenantId: app.tenantId,
        id: randomUUID(),
        campaignId,
        personId,
        source: 'audience',
        via: 'chat',
        status,
      });
    await invite(running, invited!.id, 'open');
    await invite(running, declined!.id, 'declined');
    await invite(running, expired!.id, 'expired');
    await invite(closed, oldCampaignOnly!.id, 'open');
    await db()
      .update(people)
      .set({ accountEnabled: false })
      .where(and(eq(people.tenantId, app.tenantId), eq(people.id, disabled!.id)));

    const { text, members } = await team(sectionManager, 'subtree');
    const status = new Map(members.map((m) => [m.id, m.status]));
    expect(status.get(ambassador!.id)).toBe('ambassador');
    expect(status.get(invited!.id)).toBe('invited');
    expect(status.get(declined!.id)).toBe('invited');
    expect(status.get(expired!.id)).toBe('invited');
    expect(status.get(oldCampaignOnly!.id)).toBe('none');
    expect(status.has(disabled!.id)).toBe(false);
    expect(text.toLowerCase()).not.toContain('declin');
    // A disabled person cannot be nominated either.
    await expectError(await nominate(sectionManager, running, disabled!.id), 404, 'NOT_FOUND');
  });

  it('refuses a nomination outside the manager’s subtree, naming the rule, and changes nothing', async () => {
    const campaignId = await insertCampaign();
    const before = await rowCounts();
    const message = await expectError(
      await nominate(sectionManager, campaignId, engineer.id, 'Hi'),
      403,
      'FORBIDDEN',
    );
    expect(message).toMatch(/report to you/);
    // The manager's own manager, and the manager themselves, are outside it too.
    await expectError(await nominate(sectionManager, campaignId, cio.id), 403, 'FORBIDDEN');
    await expectError(await nominate(sectionManager, campaignId, sectionManager.id), 403, 'FORBIDDEN');
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses an employee without reports on My team and on nominations', async () => {
    const campaignId = await insertCampaign();
    expect(reportsOf(developer.id)).toEqual([]);
    const res = await app.api('/api/team?scope=direct', { token: await token(developer) });
    await expectError(res, 403, 'FORBIDDEN');
    const before = await rowCounts();
    await expectError(await nominate(developer, campaignId, staff[10]!.id), 403, 'FORBIDDEN');
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses unknown and not-running campaigns, ambassadors, and bad notes', async () => {
    const target = staff[11]!;
    await expectError(await nominate(sectionManager, randomUUID(), target.id), 404, 'NOT_FOUND');
    await expectError(
      await nominate(sectionManager, await insertCampaign('draft'), target.id),
      409,
      'CONFLICT',
    );
    await expectError(
      await nominate(sectionManager, await insertCampaign('closed'), target.id),
      409,
      'CONFLICT',
    );
    const campaignId = await insertCampaign();
    const member = staff[12]!;
    await joinAs(app, member.id);
    await expectError(await nominate(sectionManager, campaignId, member.id), 409, 'CONFLICT');
    const long = await nominate(sectionManager, campaignId, target.id, 'x'.repeat(501));
    await expectError(long, 400, 'VALIDATION_FAILED');
    expect(await invitationsOf(campaignId, target.id)).toEqual([]);
  });

  it('nominates: an open invitation, a nomination with the note, the audience row and the queued message', async () => {
    const campaignId = await insertCampaign();
    const nominee = staff[13]!;
    await expectAccepted(
      await nominate(sectionManager, campaignId, nominee.id, '  Du ville være perfekt til det  '),
    );

    const [invitation, ...more] = await invitationsOf(campaignId, nominee.id);
    expect(more).toEqual([]);
    expect(invitation).toMatchObject({ status: 'open', source: 'manager', via: 'chat' });
    const [nomination] = await nominationsOf(campaignId, nominee.id);
    expect(nomination).toMatchObject({
      nominatorId: sectionManager.id,
      relation: 'manager',
      note: 'Du ville være perfekt til det',
      invitationId: invitation!.id,
    });
    const audience = await db()
      .select()
      .from(campaignAudienceMembers)
      .where(
        and(
          eq(campaignAudienceMembers.tenantId, app.tenantId),
          eq(campaignAudienceMembers.campaignId, campaignId),
          eq(campaignAudienceMembers.personId, nominee.id),
        ),
      );
    expect(audience).toHaveLength(1);
    expect(audience[0]).toMatchObject({
      department: nominee.department,
      officeLocation: nominee.officeLocation,
    });
    expect(await statusOf(sectionManager, nominee.id)).toBe('invited');

    const [message, ...others] = await outboxMessage(`invite:${invitation!.id}`);
    expect(others).toEqual([]);
    expect(message).toMatchObject({ recipientPersonId: nominee.id, transport: 'bot', priority: 3 });
    expect(message!.payload).toEqual({
      kind: 'campaignInvitation',
      campaignId,
      invitationId: invitation!.id,
      nomination: {
        nominatorName: sectionManager.displayName,
        relation: 'manager',
        note: 'Du ville være perfekt til det',
      },
    });

    // The same manager again: the same answer, nothing new (and no second message).
    await expectAccepted(await nominate(sectionManager, campaignId, nominee.id, 'Again'));
    expect(await invitationsOf(campaignId, nominee.id)).toHaveLength(1);
    expect(await nominationsOf(campaignId, nominee.id)).toHaveLength(1);
    expect(await outboxMessage(`invite:${invitation!.id}`)).toHaveLength(1);

    // The lead (the direct manager) and a colleague too: recorded, but no second invitation.
    const lead = org.find((p) => p.id === nominee.managerId)!;
    await expectAccepted(await nominate(lead, campaignId, nominee.id, 'Me too'));
    await expectAccepted(await recommend(developer, campaignId, nominee.id));
    const invs = await invitationsOf(campaignId, nominee.id);
    expect(invs.map((i) => i.id)).toEqual([invitation!.id]);
    const noms = await nominationsOf(campaignId, nominee.id);
    expect(noms).toHaveLength(3);
    expect(noms.filter((n) => n.invitationId !== null)).toHaveLength(1);
    expect(noms.find((n) => n.nominatorId === developer.id)).toMatchObject({
      relation: 'colleague',
      note: null,
    });
  });

  it('keeps a decline private: still "invited", and re-nominating answers the same and sends nothing', async () => {
    const campaignId = await insertCampaign();
    const nominee = staff[14]!;
    await expectAccepted(await nominate(sectionManager, campaignId, nominee.id, 'Tænk over det'));
    const [invitation] = await invitationsOf(campaignId, nominee.id);
    // The nominee presses "Not now" (the campaigns route owned by the campaign work).
    const declined = await post(`/api/campaigns/${campaignId}/decline`, nominee, {});
    expect(declined.status, await declined.text()).toBe(204);
    expect((await invitationsOf(campaignId, nominee.id)).map((i) => i.status)).toEqual(['declined']);

    for (const scope of ['direct', 'subtree'] as const) {
      const lead = org.find((p) => p.id === nominee.managerId)!;
      for (const manager of [lead, sectionManager, cio]) {
        const { text, members } = await team(manager, scope);
        expect(text.toLowerCase()).not.toContain('declin');
        const seen = members.find((m) => m.id === nominee.id);
        if (scope === 'subtree' || manager === lead) expect(seen?.status).toBe('invited');
      }
    }

    // Re-nominating the decliner: by the same manager, by another manager and by a colleague.
    const answers: string[] = [];
    for (const res of [
      await nominate(sectionManager, campaignId, nominee.id, 'Igen?'),
      await nominate(cio, campaignId, nominee.id, 'Kom nu'),
      await recommend(developer, campaignId, nominee.id, 'Det er sjovt'),
    ]) {
      expect(res.status).toBe(202);
      answers.push(await res.text());
    }
    expect(new Set(answers)).toEqual(new Set(['{}']));
    const invs = await invitationsOf(campaignId, nominee.id);
    expect(invs.map((i) => [i.id, i.status])).toEqual([[invitation!.id, 'declined']]);
    const noms = await nominationsOf(campaignId, nominee.id);
    expect(noms).toHaveLength(3);
    expect(
      noms
        .filter((n) => n.invitationId === null)
        .map((n) => n.nominatorId)
        .sort(),
    ).toEqual([cio.id, developer.id].sort());
    const messages = await db()
      .select()
      .from(outboxMessages)
      .where(
        and(eq(outboxMessages.tenantId, app.tenantId), eq(outboxMessages.recipientPersonId, nominee.id)),
      );
    expect(messages).toHaveLength(1);
    expect(await statusOf(sectionManager, nominee.id)).toBe('invited');
  });

  it('treats a decline made before any invitation like any other nomination: invited, nothing sent', async () => {
    const campaignId = await insertCampaign();
    const [pageDecliner, fresh] = [staff[23]!, staff[24]!];
    // Seen on the campaign page or a channel card, and declined there: no invitation exists.
    const declined = await post(`/api/campaigns/${campaignId}/decline`, pageDecliner, {});
    expect(declined.status, await declined.text()).toBe(204);
    expect(await invitationsOf(campaignId, pageDecliner.id)).toEqual([]);
    expect(await statusOf(sectionManager, pageDecliner.id)).toBe('none');

    const answers = [];
    for (const p of [pageDecliner, fresh]) {
      const res = await nominate(sectionManager, campaignId, p.id, 'Hvad med dig?');
      answers.push([res.status, await res.text()]);
    }
    expect(answers).toEqual([
      [202, '{}'],
      [202, '{}'],
    ]);
    expect(await invitationsOf(campaignId, pageDecliner.id)).toEqual([]);
    expect(await invitationsOf(campaignId, fresh.id)).toHaveLength(1);
    const { text, members } = await team(sectionManager, 'subtree');
    expect(members.find((m) => m.id === pageDecliner.id)?.status).toBe('invited');
    expect(members.find((m) => m.id === fresh.id)?.status).toBe('invited');
    expect(text.toLowerCase()).not.toContain('declin');
    const messages = await db()
      .select()
      .from(outboxMessages)
      .where(
        and(eq(outboxMessages.tenantId, app.tenantId), eq(outboxMessages.recipientPersonId, pageDecliner.id)),
      );
    expect(messages).toEqual([]);
  });

  it('lets a colleague recommend anyone enabled but themselves', async () => {
    const campaignId = await insertCampaign();
    const message = await expectError(await recommend(developer, campaignId, developer.id), 403, 'FORBIDDEN');
    expect(message).toMatch(/not yourself/);
    await expectError(await recommend(developer, campaignId, randomUUID()), 404, 'NOT_FOUND');
    await expectAccepted(await recommend(developer, campaignId, engineer.id, 'Du skriver godt'));
    const [invitation] = await invitationsOf(campaignId, engineer.id);
    expect(invitation).toMatchObject({ status: 'open', source: 'colleague' });
    expect((await nominationsOf(campaignId, engineer.id))[0]).toMatchObject({
      relation: 'colleague',
      nominatorId: developer.id,
      invitationId: invitation!.id,
    });
  });

  it('allows 20 nominations a day; the 21st answers 429 and records nothing', async () => {
    const campaignId = await insertCampaign();
    expect(fieldStaff.length).toBeGreaterThan(21);
    for (const p of fieldStaff.slice(0, 20)) {
      await expectAccepted(await nominate(fieldDirector, campaignId, p.id));
    }
    const before = await rowCounts();
    const res = await nominate(fieldDirector, campaignId, fieldStaff[20]!.id);
    await expectError(res, 429, 'RATE_LIMITED');
    expect(await rowCounts()).toEqual(before);
    // Recommendations count against the same limit.
    await expectError(await recommend(fieldDirector, campaignId, engineer.id), 429, 'RATE_LIMITED');
    // Repeating an earlier nomination is not a new one.
    await expectAccepted(await nominate(fieldDirector, campaignId, fieldStaff[0]!.id));
    expect(await rowCounts()).toEqual(before);
  });

  it('holds the daily limit when one nominator sends many nominations at once', async () => {
    const campaignId = await insertCampaign();
    const director = titled('Director of Engineering');
    const targets = org
      .filter((p) => p.department === 'Engineering' && reportsOf(p.id).length === 0 && p.id !== engineer.id)
      .slice(0, 24);
    expect(targets).toHaveLength(24);
    const answers = await Promise.all(targets.map((p) => nominate(director, campaignId, p.id)));
    expect(answers.filter((r) => r.status === 429)).toHaveLength(4);
    const made = await db()
      .select()
      .from(nominations)
      .where(and(eq(nominations.tenantId, app.tenantId), eq(nominations.nominatorId, director.id)));
    expect(made).toHaveLength(20);
  });

  it('keeps one open invitation per person and campaign under concurrent nominations', async () => {
    const campaignId = await insertCampaign();
    const nominees = staff.slice(15, 19);
    const colleague = staff[20]!;
    const answers = await Promise.all(
      nominees.flatMap((p) => {
        const lead = org.find((x) => x.id === p.managerId)!;
        return [
          nominate(sectionManager, campaignId, p.id, 'A'),
          nominate(cio, campaignId, p.id, 'B'),
          nominate(lead, campaignId, p.id, 'C'),
          recommend(colleague.id === p.id ? developer : colleague, campaignId, p.id, 'D'),
        ];
      }),
    );
    // Every one answers the same, whether it opened the invitation or not.
    expect(answers.map((r) => r.status)).toEqual(answers.map(() => 202));
    const open = await db()
      .select()
      .from(invitations)
      .where(
        and(
          eq(invitations.tenantId, app.tenantId),
          eq(invitations.campaignId, campaignId),
          inArray(
            invitations.personId,
            nominees.map((p) => p.id),
          ),
        ),
      );
    expect(open.map((i) => i.personId).sort()).toEqual(nominees.map((p) => p.id).sort());
    expect(open.every((i) => i.status === 'open')).toBe(true);
    for (const p of nominees) {
      const noms = await nominationsOf(campaignId, p.id);
      expect(noms).toHaveLength(4);
      const opener = noms.filter((n) => n.invitationId !== null);
      expect(opener).toHaveLength(1);
      // One message each, keyed by the one invitation.
      const invitation = open.find((i) => i.personId === p.id)!;
      expect(opener[0]!.invitationId).toBe(invitation.id);
      expect(await outboxMessage(`invite:${invitation.id}`)).toHaveLength(1);
    }
  });

  it('enqueues the invitation with the nominator, relation and note, in one transaction with the nomination', async () => {
    // The service over the real stores, with an outbox that records what it queued and, when told to,
    // fails after writing its rows (as a crash between the writes would).
    const calls: { send: OutboxSendInput; messages: OutboxMessageInput[] }[] = [];
    let failNext = false;
    const unitOfWork = createUnitOfWork(db(), {
      decorate: (stores) => {
        const outbox = stores.outbox;
        return {
          ...stores,
          outbox: {
            ...outbox,
            async enqueue(tenantId, send, messages) {
              const queued = await outbox.enqueue(tenantId, send, messages);
              if (failNext) {
                failNext = false;
                throw new Error('database went away');
              }
              calls.push({ send, messages });
              return queued;
            },
          },
        };
      },
    });
    const deps = {
      store: app.store,
      clock: systemClock,
      nominations: createNominationStore(db()),
      unitOfWork,
    };
    const campaignId = await insertCampaign();
    const nominee = staff[21]!;
    const input = { tenantId: app.tenantId, campaignId, personId: nominee.id, note: ' Du kan det her ' };
    const invitationMessages = () =>
      db()
        .select()
        .from(outboxMessages)
        .where(
          and(eq(outboxMessages.tenantId, app.tenantId), eq(outboxMessages.recipientPersonId, nominee.id)),
        );

    const nominationSends = async () =>
      (
        await db()
          .select()
          .from(outboxSends)
          .where(and(eq(outboxSends.tenantId, app.tenantId), eq(outboxSends.kind, 'nomination')))
      ).length;

    const before = { ...(await rowCounts()), sends: await nominationSends() };
    failNext = true;
    await expect(nominateColleague(deps, { ...input, nominatorId: cio.id })).rejects.toThrow(
      'database went away',
    );
    // Nothing of it stays: no invitation without its message, and no nomination that would make the
    // CIO's next try a repeat.
    expect({ ...(await rowCounts()), sends: await nominationSends() }).toEqual(before);
    expect(await invitationsOf(campaignId, nominee.id)).toEqual([]);
    expect(await nominationsOf(campaignId, nominee.id)).toEqual([]);
    expect(await invitationMessages()).toEqual([]);

    // Any nominator's try now invites, and the invitation's message is queued with it, once.
    expect(await nominateColleague(deps, { ...input, nominatorId: sectionManager.id })).toBe('invited');
    expect(await nominationSends()).toBe(before.sends + 1);
    const [invitation, ...moreInvitations] = await invitationsOf(campaignId, nominee.id);
    const [nomination] = await nominationsOf(campaignId, nominee.id);
    expect(moreInvitations).toEqual([]);
    expect(invitation!.status).toBe('open');
    expect(nomination!.invitationId).toBe(invitation!.id);
    expect((await invitationMessages()).map((m) => m.idempotencyKey)).toEqual([`invite:${invitation!.id}`]);
    // A repeat by the same nominator adds nothing.
    expect(await nominateColleague(deps, { ...input, nominatorId: sectionManager.id })).toBe('repeat');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.send).toMatchObject({
      campaignId,
      kind: 'nomination',
      idempotencyKey: `nominate:${nomination!.id}`,
      createdBy: sectionManager.id,
    });
    expect(calls[0]!.messages).toEqual([
      {
        idempotencyKey: `invite:${invitation!.id}`,
        transport: 'bot',
        recipientPersonId: nominee.id,
        conversationId: null,
        serviceUrl: null,
        payload: {
          kind: 'campaignInvitation',
          campaignId,
          invitationId: invitation!.id,
          nomination: {
            nominatorName: sectionManager.displayName,
            relation: 'manager',
            note: 'Du kan det her',
          },
        },
        priority: 3,
      },
    ]);

    // Others nominating the same person send nothing; a colleague's own invitation carries 'colleague'.
    expect(await nominateColleague(deps, { ...input, nominatorId: cio.id })).toBe('suppressed');
    expect(await recommendColleague(deps, { ...input, nominatorId: developer.id })).toBe('suppressed');
    expect(calls).toHaveLength(1);
    const other = staff[22]!;
    expect(
      await recommendColleague(deps, { ...input, personId: other.id, nominatorId: developer.id, note: '' }),
    ).toBe('invited');
    expect(calls[1]!.messages[0]!.payload).toMatchObject({
      nomination: { nominatorName: developer.displayName, relation: 'colleague', note: null },
    });

    // After a decline, even the first nominator's retry sends nothing.
    await db()
      .update(invitations)
      .set({ status: 'declined' })
      .where(and(eq(invitations.tenantId, app.tenantId), eq(invitations.id, invitation!.id)));
    expect(await nominateColleague(deps, { ...input, nominatorId: sectionManager.id })).toBe('repeat');
    expect(calls).toHaveLength(2);
    expect(await invitationMessages()).toHaveLength(1);
  });
});
