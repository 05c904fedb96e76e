import { and, eq, sql } from 'drizzle-orm';
import type { CampaignWindow } from '../domain/nomination';
import type { Nomination, NominationStore, TeamEntry } from '../ports/nominations';
import { rowsOf, type Db } from './database';
import { nominations, recruitmentCampaigns } from './schema';

// Advisory-lock classes (the two-key form): one per kind of lock, so keys of different kinds never
// collide. Within a kind a hash collision only makes two nominations wait for each other.
const NOMINATOR_LOCK = 4_242_101;
const NOMINEE_LOCK = 4_242_102;

/** A campaign counts as running for My team by the same rule nominations use (domain isCampaignRunning). */
const runningCampaign = (now: string) =>
  sql`c.status = 'running' and c.starts_at <= ${now}::timestamptz and c.ends_at > ${now}::timestamptz`;

function toNomination(row: typeof nominations.$inferSelect): Nomination {
  return {
    id: row.id,
    campaignId: row.campaignId,
    nomineeId: row.nomineeId,
    nominatorId: row.nominatorId,
    relation: row.relation,
    note: row.note,
    invitationId: row.invitationId,
    createdAt: row.createdAt,
  };
}

/** The NominationStore port over Drizzle. */
export function createNominationStore(db: Db): NominationStore {
  const store: NominationStore = {
    async transaction(work) {
      return db.transaction((tx) => work(createNominationStore(tx as unknown as Db)));
    },

    async getCampaign(tenantId, campaignId) {
      const rows = await db
        .select({
          id: recruitmentCampaigns.id,
          name: recruitmentCampaigns.name,
          status: recruitmentCampaigns.status,
          startsAt: recruitmentCampaigns.startsAt,
          endsAt: recruitmentCampaigns.endsAt,
        })
        .from(recruitmentCampaigns)
        .where(and(eq(recruitmentCampaigns.tenantId, tenantId), eq(recruitmentCampaigns.id, campaignId)));
      const campaign: CampaignWindow | undefined = rows[0];
      return campaign ?? null;
    },

    async listTeam(tenantId, managerId, maxDepth, now) {
      const at = now.toISOString();
      // Walks down manager_id through every account (a disabled manager's reports are still below),
      // then keeps enabled people only. The depth bound also stops a loop in the directory data.
      // "invited" deliberately ignores the invitation's status: declined must read as invited. A
      // nomination counts too: one suppressed because the person had declined without an invitation
      // (from the campaign page) must look like any other nomination, which leaves them invited.
      const res = await db.execute(sql`
        with recursive team (id, depth) as (
          select p.id, 1 from people p where p.tenant_id = ${tenantId} and p.manager_id = ${managerId}
          union all
          select p.id, team.depth + 1
          from team join people p on p.tenant_id = ${tenantId} and p.manager_id = team.id
          where team.depth < ${maxDepth}
        ),
        shallowest as (select id, min(depth) as depth from team where id <> ${managerId} group by id)
        select p.id, p.display_name, p.job_title, p.department, s.depth::int as depth,
          exists (
            select 1 from memberships m where m.tenant_id = ${tenantId} and m.person_id = p.id
          ) as member,
          (exists (
            select 1 from invitations i
            join recruitment_campaigns c on c.tenant_id = i.tenant_id and c.id = i.campaign_id
            where i.tenant_id = ${tenantId} and i.person_id = p.id and ${runningCampaign(at)}
          ) or exists (
            select 1 from nominations n
            join recruitment_campaigns c on c.tenant_id = n.tenant_id and c.id = n.campaign_id
            where n.tenant_id = ${tenantId} and n.nominee_id = p.id and ${runningCampaign(at)}
          )) as invited
        from shallowest s join people p on p.tenant_id = ${tenantId} and p.id = s.id
        where p.account_enabled
      `);
      return rowsOf<{
        id: string;
        display_name: string;
        job_title: string | null;
        department: string | null;
        depth: number;
        member: boolean;
        invited: boolean;
      }>(res).map((r): TeamEntry => ({
        id: r.id,
        displayName: r.display_name,
        jobTitle: r.job_title,
        department: r.department,
        depth: Number(r.depth),
        member: r.member,
        invited: r.invited,
      }));
    },

    async depthBelow(tenantId, managerId, personId, maxDepth) {
      // Walks up from the person: one chain, however large the manager's subtree.
      const res = await db.execute(sql`
        with recursive chain (manager_id, depth) as (
          select p.manager_id, 1 from people p
          where p.tenant_id = ${tenantId} and p.id = ${personId} and p.manager_id is not null
          union all
          select p.manager_id, chain.depth + 1
          from chain join people p on p.tenant_id = ${tenantId} and p.id = chain.manager_id
          where chain.depth < ${maxDepth} and p.manager_id is not null and chain.manager_id <> ${managerId}
        )
        select min(depth)::int as depth from chain where manager_id = ${managerId}
      `);
      const depth = rowsOf<{ depth: number | null }>(res)[0]?.depth;
      return depth === null || depth === undefined || personId === managerId ? null : Number(depth);
    },

    async lockForNomination(tenantId, nominatorId, campaignId, nomineeId) {
      await db.execute(
        sql`select pg_advisory_xact_lock(${NOMINATOR_LOCK}, hashtext(${`${tenantId}:${nominatorId}`}))`,
      );
      await db.execute(
        sql`select pg_advisory_xact_lock(${NOMINEE_LOCK}, hashtext(${`${tenantId}:${campaignId}:${nomineeId}`}))`,
      );
    },

    async countByNominatorSince(tenantId, nominatorId, since) {
      const res = await db.execute(sql`
        select count(*)::int as n from nominations
        where tenant_id = ${tenantId} and nominator_id = ${nominatorId}
          and created_at > ${since.toISOString()}::timestamptz
      `);
      return Number(rowsOf<{ n: number }>(res)[0]?.n ?? 0);
    },

    async findNomination(tenantId, campaignId, nomineeId, nominatorId) {
      const rows = await db
        .select()
        .from(nominations)
        .where(
          and(
            eq(nominations.tenantId, tenantId),
            eq(nominations.campaignId, campaignId),
            eq(nominations.nomineeId, nomineeId),
            eq(nominations.nominatorId, nominatorId),
          ),
        );
      return rows[0] ? toNomination(rows[0]) : null;
    },

    async nomineeStanding(tenantId, campaignId, personId) {
      const res = await db.execute(sql`
        select
          (select i.id from invitations i
            where i.tenant_id = ${tenantId} and i.campaign_id = ${campaignId} and i.person_id = ${personId}
              and i.status = 'open'
            limit 1) as open_invitation_id,
          (exists (
            select 1 from invitations i
            where i.tenant_id = ${tenantId} and i.campaign_id = ${campaignId} and i.person_id = ${personId}
              and i.status = 'declined'
          ) or exists (
            select 1 from campaign_audience_members a
            where a.tenant_id = ${tenantId} and a.campaign_id = ${campaignId} and a.person_id = ${personId}
              and a.declined_at is not null
          )) as declined
      `);
      const row = rowsOf<{ open_invitation_id: string | null; declined: boolean }>(res)[0];
      return { openInvitationId: row?.open_invitation_id ?? null, declined: row?.declined ?? false };
    },

    async insertOpenInvitation(tenantId, inv) {
      const res = await db.execute(sql`
        insert into invitations (tenant_id, id, campaign_id, person_id, source, via, status, created_at)
        values (${tenantId}, ${inv.id}, ${inv.campaignId}, ${inv.personId}, ${inv.source}, ${inv.via}, 'open',
          ${inv.createdAt.toISOString()}::timestamptz)
        on conflict (tenant_id, campaign_id, person_id) where status = 'open' do nothing
        returning id
      `);
      return rowsOf<{ id: string }>(res).length === 1;
    },

    async ensureAudienceMember(tenantId, m) {
      await db.execute(sql`
        insert into campaign_audience_members
          (tenant_id, campaign_id, person_id, department, office_location, targeted, targeted_at)
        values (${tenantId}, ${m.campaignId}, ${m.personId}, ${m.department}, ${m.officeLocation}, true,
          ${m.at.toISOString()}::timestamptz)
        on conflict (tenant_id, campaign_id, person_id) do nothing
      `);
    },

    async insertNomination(tenantId, n) {
      const rows = await db
        .insert(nominations)
        .values({
          tenantId,
          id: n.id,
          campaignId: n.campaignId,
          nomineeId: n.nomineeId,
          nominatorId: n.nominatorId,
          relation: n.relation,
          note: n.note,
          invitationId: n.invitationId,
          createdAt: n.createdAt,
        })
        .onConflictDoNothing({
          target: [
            nominations.tenantId,
            nominations.campaignId,
            nominations.nomineeId,
            nominations.nominatorId,
          ],
        })
        .returning({ id: nominations.id });
      return rows.length === 1;
    },
  };
  return store;
}
