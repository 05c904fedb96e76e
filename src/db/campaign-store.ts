import { and, desc, eq, sql } from 'drizzle-orm';
import {
  FUNNEL_STAGES,
  ZAudienceFilter,
  ZCampaignPitch,
  type CampaignPitch,
  type FunnelStage,
} from '../contracts/recruitment';
import { emptyCounts } from '../domain/funnel';
import type {
  BotChannelRecord,
  CampaignRecord,
  CampaignStore,
  FunnelData,
  FunnelRow,
  MyCampaignRecord,
} from '../ports/campaigns';
import { createAudienceReader, audienceCtes } from './audience-reader';
import { rowsOf, type Db } from './database';
import { botChannels, images, recruitmentCampaigns } from './schema';

const rc = recruitmentCampaigns;

// Correlated subqueries name the outer table explicitly (see store.ts): Drizzle may leave a column
// unqualified in a single-table select, which would bind it to the inner table.
const joinedCount = sql<number>`(select count(*)::int from campaign_audience_members a
  where a.tenant_id = recruitment_campaigns.tenant_id and a.campaign_id = recruitment_campaigns.id
    and a.joined_at is not null)`;

const campaignColumns = {
  id: rc.id,
  name: rc.name,
  pitch: rc.pitch,
  imageId: rc.imageId,
  startsAt: rc.startsAt,
  endsAt: rc.endsAt,
  goalAmbassadors: rc.goalAmbassadors,
  audience: rc.audience,
  status: rc.status,
  createdBy: rc.createdBy,
  createdAt: rc.createdAt,
  updatedAt: rc.updatedAt,
  sharepointUrl: rc.sharepointUrl,
  joined: joinedCount,
};

type CampaignRow = Omit<CampaignRecord, 'pitch' | 'audience'> & {
  pitch: Record<string, unknown>;
  audience: Record<string, unknown>;
};

/** Stored JSON read back through the contracts, so an older row still gets today's defaults. */
function toRecord(row: CampaignRow): CampaignRecord {
  return {
    ...row,
    pitch: ZCampaignPitch.parse(row.pitch),
    audience: ZAudienceFilter.parse(row.audience),
    joined: Number(row.joined),
  };
}

const stageColumns: Record<FunnelStage, string> = {
  targeted: 'targeted',
  delivered: 'delivered',
  opened: 'opened',
  joined: 'joined',
  onboarded: 'onboarded',
  firstShare: 'first_share',
};

type FunnelQueryRow = Record<string, unknown> & {
  department: string | null;
  office_location: string | null;
  g: unknown;
  joined_untargeted: unknown;
};

/** A timestamp from raw SQL: node-postgres gives a Date, Drizzle over PGlite the text ("… 08:12:17.75+00"). */
function toDate(v: Date | string): Date {
  return v instanceof Date ? v : new Date(v.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00'));
}

function countsOf(row: FunnelQueryRow): Record<FunnelStage, number> {
  const counts = emptyCounts();
  for (const s of FUNNEL_STAGES) counts[s] = Number(row[stageColumns[s]] ?? 0);
  return counts;
}

/** The CampaignStore port over Drizzle and set-based SQL: the same statements on PGlite and Postgres. */
export function createCampaignStore(db: Db): CampaignStore {
  const byId = (tenantId: string, id: string) => and(eq(rc.tenantId, tenantId), eq(rc.id, id));

  const store: CampaignStore = {
    audience: createAudienceReader(db),

    async list(tenantId) {
      const rows = await db
        .select(campaignColumns)
        .from(rc)
        .where(eq(rc.tenantId, tenantId))
        .orderBy(desc(rc.createdAt), desc(rc.id));
      return rows.map((r) => toRecord(r as CampaignRow));
    },

    async get(tenantId, id) {
      const rows = await db.select(campaignColumns).from(rc).where(byId(tenantId, id));
      return rows[0] ? toRecord(rows[0]) : null;
    },

    async insert(tenantId, c) {
      await db.insert(rc).values({
        tenantId,
        id: c.id,
        name: c.name,
        pitch: c.pitch as Record<string, unknown>,
        imageId: c.imageId,
        startsAt: c.startsAt,
        endsAt: c.endsAt,
        goalAmbassadors: c.goalAmbassadors,
        audience: c.audience as Record<string, unknown>,
        status: 'draft',
        createdBy: c.createdBy,
        createdAt: c.at,
        updatedAt: c.at,
      });
      return (await store.get(tenantId, c.id))!;
    },

    async update(tenantId, id, fields, at) {
      const updated = await db
        .update(rc)
        .set({
          name: fields.name,
          pitch: fields.pitch,
          imageId: fields.imageId,
          startsAt: fields.startsAt,
          endsAt: fields.endsAt,
          goalAmbassadors: fields.goalAmbassadors,
          audience: fields.audience,
          updatedAt: at,
        })
        .where(byId(tenantId, id))
        .returning({ id: rc.id });
      return updated[0] ? store.get(tenantId, id) : null;
    },

    async imageExists(tenantId, imageId) {
      const rows = await db
        .select({ id: images.id })
        .from(images)
        .where(and(eq(images.tenantId, tenantId), eq(images.id, imageId)));
      return rows.length > 0;
    },

    async channels(tenantId) {
      const rows = await db
        .select({
          conversationId: botChannels.conversationId,
          teamName: botChannels.teamName,
          channelName: botChannels.channelName,
          serviceUrl: botChannels.serviceUrl,
        })
        .from(botChannels)
        .where(eq(botChannels.tenantId, tenantId))
        .orderBy(botChannels.teamName, botChannels.channelName, botChannels.conversationId);
      return rows satisfies BotChannelRecord[];
    },

    async sendIdForKey(tenantId, idempotencyKey) {
      // Read-only look at the outbox's own table: a repeated announcement must not target anyone again.
      const rows = rowsOf<{ id: string }>(
        await db.execute(
          sql`select id from outbox_sends where tenant_id = ${tenantId} and idempotency_key = ${idempotencyKey}`,
        ),
      );
      return rows[0]?.id ?? null;
    },

    async target(tenantId, campaignId, input) {
      return db.transaction(async (tx) => {
        await tx.execute(sql`
          update recruitment_campaigns set status = 'running', updated_at = ${input.at}
          where tenant_id = ${tenantId} and id = ${campaignId} and status = 'draft'`);
        // One statement: the audience is computed once, then an audience row per person (existing rows,
        // a decline among them, stay as they are) and, for personal invitations, an open invitation per
        // person who has none (the partial unique index allows one open invitation per campaign).
        const invite = input.via
          ? sql`, invited as (
              insert into invitations (tenant_id, id, campaign_id, person_id, source, via, status, created_at)
              select ${tenantId}, gen_random_uuid()::text, ${campaignId}, a.id, 'audience', ${input.via}, 'open', ${input.at}
              from audience a
              on conflict (tenant_id, campaign_id, person_id) where status = 'open' do nothing
              returning 1
            )`
          : sql``;
        const counted = rowsOf<{ n: unknown }>(
          await tx.execute(sql`
            with recursive ${audienceCtes(tenantId, input.filter, campaignId)},
            targeted as (
              insert into campaign_audience_members
                (tenant_id, campaign_id, person_id, department, office_location, targeted, targeted_at)
              select ${tenantId}, ${campaignId}, a.id, a.department, a.office_location, true, ${input.at}
              from audience a
              on conflict (tenant_id, campaign_id, person_id) do nothing
              returning 1
            )${invite}
            select count(*) as n from audience`),
        );
        if (!input.via) return { targeted: Number(counted[0]?.n ?? 0), pending: [] };
        // Every open audience invitation still without its message: all of them the first time, and on
        // a later announcement only the ones opened since (people new to the audience).
        const pending = rowsOf<{ id: string; person_id: string }>(
          await tx.execute(sql`
            select i.id, i.person_id from invitations i
            where i.tenant_id = ${tenantId} and i.campaign_id = ${campaignId} and i.status = 'open'
              and i.source = 'audience' and i.person_id is not null
              and not exists (
                select 1 from outbox_messages o
                where o.tenant_id = i.tenant_id and o.idempotency_key = 'invite:' || i.id)
            order by i.created_at, i.id`),
        );
        return {
          targeted: Number(counted[0]?.n ?? 0),
          pending: pending.map((r) => ({ invitationId: r.id, personId: r.person_id })),
        };
      });
    },

    async funnel(tenantId, campaignId) {
      // One pass over the campaign's audience rows, grouped three ways. Each stage is counted over
      // the targeted rows:
      // - delivered: the row says so, or the message of the person's invitation (`invite:<id>`,
      //   whether from the audience or a nomination) has the outbox state 'sent';
      // - opened: the card or page was opened, and joining counts as opening;
      // - onboarded: the person finished the bot's onboarding conversation (onboarding_progress has a
      //   completed_at; the row goes when they leave), or onboarded_at was set on the row;
      // - firstShare: first_shared_at, or a share recorded after joining.
      const rows = rowsOf<FunnelQueryRow>(
        await db.execute(sql`
          select department, office_location, grouping(department, office_location) as g,
            count(*) filter (where targeted) as targeted,
            count(*) filter (where targeted and delivered) as delivered,
            count(*) filter (where targeted and opened) as opened,
            count(*) filter (where targeted and joined) as joined,
            count(*) filter (where targeted and onboarded) as onboarded,
            count(*) filter (where targeted and first_share) as first_share,
            count(*) filter (where not targeted and joined) as joined_untargeted
          from (
            select a.department, a.office_location, a.targeted,
              (a.delivered_at is not null
                or exists (
                  select 1 from invitations i
                  join outbox_messages o on o.tenant_id = i.tenant_id and o.idempotency_key = 'invite:' || i.id
                  where i.tenant_id = a.tenant_id and i.campaign_id = a.campaign_id
                    and i.person_id = a.person_id and o.state = 'sent')) as delivered,
              (a.opened_at is not null or a.joined_at is not null) as opened,
              a.joined_at is not null as joined,
              (a.onboarded_at is not null
                or (a.joined_at is not null and exists (
                  select 1 from onboarding_progress op
                  where op.tenant_id = a.tenant_id and op.person_id = a.person_id
                    and op.completed_at is not null))) as onboarded,
              (a.first_shared_at is not null
                or (a.joined_at is not null and exists (
                  select 1 from shares s
                  where s.tenant_id = a.tenant_id and s.person_id = a.person_id and s.status = 'shared'
                    and s.shared_at >= a.joined_at))) as first_share
            from campaign_audience_members a
            where a.tenant_id = ${tenantId} and a.campaign_id = ${campaignId}
          ) x
          group by grouping sets ((department), (office_location), ())`),
      );
      // grouping() sets a bit per column not grouped: 1 = by department, 2 = by location, 3 = overall.
      const groups = (g: number, key: (r: FunnelQueryRow) => string | null): FunnelRow[] =>
        rows.filter((r) => Number(r.g) === g).map((r) => ({ key: key(r), counts: countsOf(r) }));
      const overall = rows.find((r) => Number(r.g) === 3);
      return {
        overall: overall ? countsOf(overall) : emptyCounts(),
        byDepartment: groups(1, (r) => r.department),
        byLocation: groups(2, (r) => r.office_location),
        joinedUntargeted: Number(overall?.joined_untargeted ?? 0),
      } satisfies FunnelData;
    },

    async listOpenFor(tenantId, personId, now) {
      const rows = rowsOf<{
        id: string;
        name: string;
        pitch: CampaignPitch;
        image_id: string | null;
        ends_at: Date | string;
        nominator_name: string | null;
        relation: 'manager' | 'colleague' | null;
        note: string | null;
      }>(
        await db.execute(sql`
          select c.id, c.name, c.pitch, c.image_id, c.ends_at,
            nom.display_name as nominator_name, nom.relation, nom.note
          from recruitment_campaigns c
          left join lateral (
            select np.display_name, n.relation, n.note
            from nominations n
            join people np on np.tenant_id = n.tenant_id and np.id = n.nominator_id
            where n.tenant_id = c.tenant_id and n.campaign_id = c.id and n.nominee_id = ${personId}
            order by n.created_at desc, n.id desc
            limit 1
          ) nom on true
          where c.tenant_id = ${tenantId} and c.status = 'running'
            and c.starts_at <= ${now} and c.ends_at > ${now}
            and (
              exists (
                select 1 from campaign_audience_members a
                where a.tenant_id = c.tenant_id and a.campaign_id = c.id and a.person_id = ${personId}
                  and a.targeted)
              or exists (
                select 1 from invitations i
                where i.tenant_id = c.tenant_id and i.campaign_id = c.id and i.person_id = ${personId}
                  and i.status = 'open'))
            and not exists (
              select 1 from campaign_audience_members d
              where d.tenant_id = c.tenant_id and d.campaign_id = c.id and d.person_id = ${personId}
                and d.declined_at is not null)
            and not exists (
              select 1 from invitations di
              where di.tenant_id = c.tenant_id and di.campaign_id = c.id and di.person_id = ${personId}
                and di.status = 'declined')
            and not exists (
              select 1 from memberships m where m.tenant_id = c.tenant_id and m.person_id = ${personId})
          order by c.ends_at, c.id`),
      );
      return rows.map((r): MyCampaignRecord => ({
        id: r.id,
        name: r.name,
        pitch: ZCampaignPitch.parse(r.pitch),
        imageId: r.image_id,
        endsAt: toDate(r.ends_at),
        nomination:
          r.nominator_name !== null && r.relation !== null
            ? { nominatorName: r.nominator_name, relation: r.relation, note: r.note }
            : null,
      }));
    },

    async recordOpened(tenantId, campaignId, personId, at) {
      const rows = rowsOf<{ id: unknown }>(
        await db.execute(sql`
          update campaign_audience_members set opened_at = coalesce(opened_at, ${at})
          where tenant_id = ${tenantId} and campaign_id = ${campaignId} and person_id = ${personId}
          returning id`),
      );
      return rows.length > 0;
    },

    async recordDeclined(tenantId, campaignId, personId, at) {
      await db.transaction(async (tx) => {
        // Someone not targeted (who saw it through a colleague's invitation, say) gets a row that is
        // not targeted, so later announcements of this campaign leave them out too.
        await tx.execute(sql`
          insert into campaign_audience_members
            (tenant_id, campaign_id, person_id, department, office_location, targeted, targeted_at, declined_at)
          select p.tenant_id, ${campaignId}, p.id, p.department, p.office_location, false, ${at}, ${at}
          from people p where p.tenant_id = ${tenantId} and p.id = ${personId}
          on conflict (tenant_id, campaign_id, person_id) do update set
            declined_at = coalesce(campaign_audience_members.declined_at, excluded.declined_at)`);
        await tx.execute(sql`
          update invitations set status = 'declined', responded_at = ${at}
          where tenant_id = ${tenantId} and campaign_id = ${campaignId} and person_id = ${personId}
            and status = 'open'`);
      });
    },

    async recordJoined(tenantId, campaignId, personId, at) {
      await db.transaction(async (tx) => {
        // Department and location are copied now, as for targeted people, so the funnel survives
        // anonymisation.
        await tx.execute(sql`
          insert into campaign_audience_members
            (tenant_id, campaign_id, person_id, department, office_location, targeted, targeted_at,
             opened_at, joined_at)
          select p.tenant_id, ${campaignId}, p.id, p.department, p.office_location, false, ${at}, ${at}, ${at}
          from people p where p.tenant_id = ${tenantId} and p.id = ${personId}
          on conflict (tenant_id, campaign_id, person_id) do update set
            opened_at = coalesce(campaign_audience_members.opened_at, excluded.opened_at),
            joined_at = coalesce(campaign_audience_members.joined_at, excluded.joined_at)`);
        await tx.execute(sql`
          update invitations set status = 'joined', responded_at = ${at}
          where tenant_id = ${tenantId} and campaign_id = ${campaignId} and person_id = ${personId}
            and status = 'open'`);
      });
    },

    async saveSharepointUrl(tenantId, campaignId, url) {
      const updated = await db
        .update(rc)
        .set({ sharepointUrl: url })
        .where(byId(tenantId, campaignId))
        .returning({ id: rc.id });
      return updated[0] ? store.get(tenantId, campaignId) : null;
    },
  };
  return store;
}
