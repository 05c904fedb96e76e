import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignView, Funnel, FunnelStage, SendProgress } from '../../src/contracts';
import { createCampaignStore } from '../../src/db/campaign-store';
import { rowsOf } from '../../src/db/database';
import { createUnitOfWork } from '../../src/db/unit-of-work';
import { generateDemoOrg } from '../../src/demo/demo-org';
import type { Person } from '../../src/domain/person';
import type { OutboxStore } from '../../src/ports/outbox';
import { announceCampaign } from '../../src/services/announce-campaign';
import { signInAs, startTestChorus, type TestChorus } from '../support/chorus';

// The funnel of a campaign aimed at IT (60 people over five offices): each stage counted against what
// this file did, overall, by department and by location, with small groups folded into "Other".

const org = generateDemoOrg();
const comms = org.find((p) => p.jobTitle === 'Head of Communication')!;
const it_ = org.filter((p) => p.department === 'IT').sort((a, b) => a.id.localeCompare(b.id));
const outsider = org.find((p) => p.department === 'HR' && p.jobTitle === 'Recruiter')!;
const STAGES: FunnelStage[] = ['targeted', 'delivered', 'opened', 'joined', 'onboarded', 'firstShare'];

/** A send that accepts every message: the funnel reads invitations and outbox rows, not this. */
const acceptingOutbox: OutboxStore = {
  enqueue: async (_t, send) => ({ sendId: send.id, created: true }),
  progress: async (_t, id) =>
    ({
      id,
      kind: 'invitations',
      createdAt: new Date().toISOString(),
      cancelledAt: null,
      total: 0,
      counts: {},
      possiblyRepeated: 0,
      failures: [],
      pausedUntil: null,
    }) satisfies SendProgress,
  listSends: async () => [],
  cancel: async () => null,
  stateOf: async () => null,
};

describe('campaign funnel', () => {
  let app: TestChorus;
  let commsToken: string;
  const run = async <T>(query: ReturnType<typeof sql>) => rowsOf<T>(await app.database.db.execute(query));
  const create = async (audience: Record<string, unknown>) => {
    const res = await app.api('/api/admin/campaigns', {
      method: 'POST',
      token: commsToken,
      json: {
        name: 'IT ambassadors',
        pitch: { en: { why: 'Why', effort: '30 minutes a week', support: 'Sparring' } },
        startsAt: new Date(Date.now() - 86_400_000).toISOString(),
        endsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        goalAmbassadors: 8,
        audience,
      },
    });
    expect(res.status).toBe(201);
    const campaign = (await res.json()) as CampaignView;
    await announceCampaign(
      {
        campaigns: createCampaignStore(app.database.db),
        clock: { now: () => new Date() },
        outbox: acceptingOutbox,
        unitOfWork: createUnitOfWork(app.database.db, {
          decorate: (tx) => ({ ...tx, outbox: acceptingOutbox }),
        }),
      },
      {
        tenantId: app.tenantId,
        actorId: comms.id,
        campaignId: campaign.id,
        channelIds: [],
        personal: 'chat',
        idempotencyKey: randomUUID(),
      },
    );
    return campaign;
  };
  const funnelOf = async (id: string) => {
    const res = await app.api(`/api/admin/campaigns/${id}/funnel`, { token: commsToken });
    expect(res.status).toBe(200);
    return (await res.json()) as Funnel;
  };

  beforeAll(async () => {
    app = await startTestChorus();
    commsToken = await signInAs(app, comms.id);
  });
  afterAll(() => app.close());

  it('counts each stage overall, by department and by location, folding small groups', async () => {
    const campaign = await create({ departments: ['IT'] });
    const invitations = await run<{ id: string; person_id: string }>(sql`
      select id, person_id from invitations where tenant_id = ${app.tenantId} and campaign_id = ${campaign.id}`);
    expect(invitations).toHaveLength(it_.length);
    const invitationOf = new Map(invitations.map((i) => [i.person_id, i.id]));

    // Delivered: the outbox sent the invitations of the first 12; 5 more failed for good. (Final states
    // only, so a running outbox worker leaves these rows alone.)
    const delivered = it_.slice(0, 12);
    const failed = it_.slice(12, 17);
    for (const [list, state] of [
      [delivered, 'sent'],
      [failed, 'dead'],
    ] as const) {
      for (const p of list) {
        await run(sql`
          insert into outbox_messages (tenant_id, idempotency_key, recipient_person_id, payload, state)
          values (${app.tenantId}, ${`invite:${invitationOf.get(p.id)!}`}, ${p.id}, '{}'::jsonb, ${state})`);
      }
    }
    // Opened: 9 people open the card; 4 join (two of them without opening first: joining counts).
    const opened = it_.slice(5, 14);
    const joined = [it_[6]!, it_[7]!, it_[30]!, it_[40]!];
    for (const p of opened) {
      const res = await app.api(`/api/campaigns/${campaign.id}/opened`, {
        method: 'POST',
        token: await signInAs(app, p.id),
      });
      expect(res.status).toBe(204);
    }
    const program = (await (await app.api('/api/program', { token: commsToken })).json()) as {
      guidelines: { version: number };
    };
    for (const p of [...joined, outsider]) {
      const res = await app.api('/api/membership', {
        method: 'POST',
        token: await signInAs(app, p.id),
        json: {
          guidelinesVersion: program.guidelines.version,
          networks: ['linkedin'],
          campaignId: campaign.id,
        },
      });
      expect(res.status).toBe(201);
    }
    // First share: two of those who joined shared after joining; a share prepared but not shared
    // does not count.
    const sharers = [joined[0]!, joined[2]!];
    for (const [p, status] of [
      [sharers[0]!, 'shared'],
      [sharers[1]!, 'shared'],
      [joined[1]!, 'prepared'],
    ] as const) {
      await run(sql`
        insert into shares (tenant_id, id, person_id, item_id, network, link_code, status, shared_at)
        values (${app.tenantId}, ${randomUUID()}, ${p.id}, 'item', 'linkedin', ${randomUUID()}, ${status},
          case when ${status} = 'shared' then now() + interval '1 second' end)`);
    }

    // Onboarded: two of those who joined finished the bot's onboarding, one is half-way, and the
    // untargeted outsider finished too (not counted: not targeted).
    const onboarded = [joined[0]!, joined[1]!];
    for (const [p, step, done] of [
      [joined[0]!, 'done', true],
      [joined[1]!, 'done', true],
      [joined[3]!, 'choices', false],
      [outsider, 'done', true],
    ] as const) {
      await run(sql`
        insert into onboarding_progress (tenant_id, person_id, flow_version, step, completed_at)
        values (${app.tenantId}, ${p.id}, 1, ${step}, case when ${done} then now() end)
        on conflict (tenant_id, person_id) do update
          set step = excluded.step, completed_at = excluded.completed_at`);
    }

    const openedSet = new Set([...opened, ...joined].map((p) => p.id));
    const stageSets: Record<FunnelStage, Set<string>> = {
      targeted: new Set(it_.map((p) => p.id)),
      delivered: new Set(delivered.map((p) => p.id)),
      opened: openedSet,
      joined: new Set(joined.map((p) => p.id)),
      onboarded: new Set(onboarded.map((p) => p.id)),
      firstShare: new Set(sharers.map((p) => p.id)),
    };
    const countsFor = (people: Person[]) =>
      Object.fromEntries(STAGES.map((s) => [s, people.filter((p) => stageSets[s].has(p.id)).length]));

    const funnel = await funnelOf(campaign.id);
    expect(funnel.campaignId).toBe(campaign.id);
    expect(funnel.overall).toEqual(countsFor(it_));
    expect(funnel.overall).toMatchObject({
      targeted: 60,
      delivered: 12,
      opened: 11,
      joined: 4,
      onboarded: 2,
      firstShare: 2,
    });
    expect(funnel.overallHidden).toBe(false);
    expect(funnel.joinedUntargeted).toBe(1);
    // The outsider joined from HR without being targeted: no HR group.
    expect(funnel.byDepartment).toEqual([{ key: 'IT', counts: countsFor(it_) }]);

    // By location: offices with five or more targeted people stand alone, largest first; the rest
    // fold into "Other", which is itself left out when it stays under five.
    const offices = new Map<string, Person[]>();
    for (const p of it_) offices.set(p.officeLocation!, [...(offices.get(p.officeLocation!) ?? []), p]);
    const big = [...offices].filter(([, list]) => list.length >= 5);
    const small = [...offices].filter(([, list]) => list.length < 5).flatMap(([, list]) => list);
    const expected = big
      .sort(([a, x], [b, y]) => y.length - x.length || a.localeCompare(b))
      .map(([key, list]) => ({ key, counts: countsFor(list) }));
    if (small.length >= 5) expected.push({ key: 'Other', counts: countsFor(small) });
    expect(funnel.byLocation).toEqual(expected);
    expect(funnel.hiddenGroups).toEqual({
      byDepartment: 0,
      byLocation: small.length > 0 && small.length < 5 ? offices.size - big.length : 0,
    });
    // The demo org has small IT offices, so this campaign does exercise the folding.
    expect(big.length).toBeLessThan(offices.size);
  });

  it('shows nothing about fewer than five people', async () => {
    const campaign = await create({ titleWords: ['Chief Information'] });
    const funnel = await funnelOf(campaign.id);
    expect(funnel.overallHidden).toBe(true);
    expect(Object.values(funnel.overall).every((n) => n === 0)).toBe(true);
    expect(funnel.byDepartment).toEqual([]);
    expect(funnel.byLocation).toEqual([]);
    expect(funnel.hiddenGroups).toEqual({ byDepartment: 1, byLocation: 1 });
  });
});
