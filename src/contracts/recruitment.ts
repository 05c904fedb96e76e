import { z } from 'zod';
import { ZLanguage } from './common';
import { schemaMessage as m } from './schema-messages';

// Recruitment: campaigns and their audiences, announcements and invitations (the outbox), nominations
// and the funnel. Design: docs/design/recruitment.md.

const ZIsoDateTime = z.string().datetime({ offset: true, message: m('isoDate') });
const ZShortList = z.array(z.string().trim().min(1).max(200)).max(50);

/** Who a campaign is for. ANDed across fields, ORed within one; an empty field does not filter. */
export const ZAudienceFilter = z
  .object({
    departments: ZShortList.default([]),
    locations: ZShortList.default([]),
    /** Words in the job title, matched as word prefixes ("engineer" matches "Engineering Manager"). */
    titleWords: z.array(z.string().trim().min(2).max(60)).max(20).default([]),
    /** Everyone reporting to this manager: directly, or (includeSubtree) at any depth. */
    managerId: z.string().min(1).max(200).nullable().default(null),
    includeSubtree: z.boolean().default(true),
    languages: z.array(ZLanguage).max(2).default([]),
  })
  .strict();
export type AudienceFilter = z.infer<typeof ZAudienceFilter>;

/** The pitch in one language: why join, what it takes, what support there is. */
export const ZPitch = z
  .object({
    why: z.string().trim().min(1).max(2000),
    effort: z.string().trim().min(1).max(500),
    support: z.string().trim().min(1).max(1000),
  })
  .strict();
export type Pitch = z.infer<typeof ZPitch>;

export const ZCampaignPitch = z
  .object({ da: ZPitch.optional(), en: ZPitch.optional() })
  .strict()
  .refine((p) => p.da !== undefined || p.en !== undefined, { message: m('pitchLanguageRequired') });
export type CampaignPitch = z.infer<typeof ZCampaignPitch>;

export const ZCampaignInput = z
  .object({
    name: z.string().trim().min(1).max(120),
    pitch: ZCampaignPitch,
    imageId: z.string().min(1).max(100).nullable().default(null),
    startsAt: ZIsoDateTime,
    endsAt: ZIsoDateTime,
    goalAmbassadors: z.number().int().min(1).max(100_000),
    audience: ZAudienceFilter,
  })
  .strict()
  .refine((c) => Date.parse(c.endsAt) > Date.parse(c.startsAt), {
    message: m('campaignEndsAfterStart'),
    path: ['endsAt'],
  });
export type CampaignInput = z.infer<typeof ZCampaignInput>;

export const ZCampaignStatus = z.enum(['draft', 'running', 'closed']);
export type CampaignStatus = z.infer<typeof ZCampaignStatus>;

export const ZCampaignView = z.object({
  id: z.string(),
  name: z.string(),
  pitch: ZCampaignPitch,
  imageUrl: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  goalAmbassadors: z.number().int(),
  audience: ZAudienceFilter,
  status: ZCampaignStatus,
  createdAt: z.string(),
  /** People who joined the program through this campaign. */
  joined: z.number().int(),
  sharepointUrl: z.string().nullable(),
});
export type CampaignView = z.infer<typeof ZCampaignView>;

export const ZCampaignList = z.object({ campaigns: z.array(ZCampaignView) });
export type CampaignList = z.infer<typeof ZCampaignList>;

export const ZCampaignParams = z.object({ id: z.string().min(1).max(100) });

/** POST /api/admin/campaigns/:id/sharepoint?republish=1: publish a new page even when one exists. */
export const ZSharePointPublishQuery = z.object({
  republish: z
    .enum(['1', '0', 'true', 'false'])
    .optional()
    .transform((v) => v === '1' || v === 'true'),
});

/** POST /api/admin/audience/preview?campaignId=…: with a campaign, its declines are left out too. */
export const ZAudiencePreviewQuery = z.object({ campaignId: z.string().min(1).max(100).optional() });

export const ZAudiencePerson = z.object({
  id: z.string(),
  displayName: z.string(),
  jobTitle: z.string().nullable(),
  department: z.string().nullable(),
  officeLocation: z.string().nullable(),
});
export type AudiencePerson = z.infer<typeof ZAudiencePerson>;

/** How many people the rules reach now, and a sample of names, before anything is sent. */
export const ZAudiencePreview = z.object({ total: z.number().int(), sample: z.array(ZAudiencePerson) });
export type AudiencePreview = z.infer<typeof ZAudiencePreview>;

/** The values the audience builder offers, with how many enabled people have each. */
export const ZAudienceFacets = z.object({
  departments: z.array(z.object({ value: z.string(), count: z.number().int() })),
  locations: z.array(z.object({ value: z.string(), count: z.number().int() })),
});
export type AudienceFacets = z.infer<typeof ZAudienceFacets>;

/** A Teams channel the bot is installed in. */
export const ZBotChannel = z.object({
  conversationId: z.string(),
  teamName: z.string(),
  channelName: z.string(),
});
export type BotChannel = z.infer<typeof ZBotChannel>;
export const ZBotChannelList = z.object({ channels: z.array(ZBotChannel) });

/** Announce in channels and, optionally, invite each person in the audience personally. */
export const ZAnnounceRequest = z
  .object({
    channelIds: z.array(z.string().min(1).max(300)).max(50).default([]),
    personal: z.enum(['none', 'chat', 'activityFeed']).default('none'),
    /** From the client, so a double click or a retried request sends once. */
    idempotencyKey: z.string().min(8).max(100),
  })
  .strict();
export type AnnounceRequest = z.infer<typeof ZAnnounceRequest>;

export const ZOutboxState = z.enum(['queued', 'sending', 'sent', 'failed', 'dead', 'cancelled']);
export type OutboxState = z.infer<typeof ZOutboxState>;

/** One send's progress, for the progress bar and the failure list. */
export const ZSendProgress = z.object({
  id: z.string(),
  kind: z.enum([
    'announcement',
    'invitations',
    'nomination',
    'welcome',
    'sparringReply',
    'digest',
    'prizeDraw',
  ]),
  createdAt: z.string(),
  cancelledAt: z.string().nullable(),
  total: z.number().int(),
  counts: z.record(ZOutboxState, z.number().int()),
  /** Messages resent after a crash between posting and recording (Teams cannot dedupe). */
  possiblyRepeated: z.number().int(),
  failures: z.array(z.object({ reason: z.string(), count: z.number().int() })),
  /** Set while the tenant's sending is paused after repeated throttling. */
  pausedUntil: z.string().nullable(),
});
export type SendProgress = z.infer<typeof ZSendProgress>;
export const ZSendList = z.object({ sends: z.array(ZSendProgress) });
export const ZSendParams = z.object({ id: z.string().min(1).max(100), sendId: z.string().min(1).max(100) });

/** A campaign as an employee sees it: open, aimed at them, and why they were invited. */
export const ZMyCampaign = z.object({
  id: z.string(),
  name: z.string(),
  pitch: ZCampaignPitch,
  imageUrl: z.string().nullable(),
  endsAt: z.string(),
  /** Who invited them personally, with the note, when someone did. */
  nomination: z
    .object({
      nominatorName: z.string(),
      relation: z.enum(['manager', 'colleague']),
      note: z.string().nullable(),
    })
    .nullable(),
});
export type MyCampaign = z.infer<typeof ZMyCampaign>;
export const ZMyCampaignList = z.object({ campaigns: z.array(ZMyCampaign) });

/**
 * A person on My team. Status is never "declined": a manager sees "invited" for anyone who was
 * invited and has not joined, so declining stays private (PRODUCT.md, voluntary participation).
 */
export const ZTeamMember = z.object({
  id: z.string(),
  displayName: z.string(),
  jobTitle: z.string().nullable(),
  department: z.string().nullable(),
  /** 1 for a direct report; deeper in the subtree otherwise. */
  depth: z.number().int(),
  status: z.enum(['ambassador', 'invited', 'none']),
});
export type TeamMember = z.infer<typeof ZTeamMember>;
export const ZTeamList = z.object({ members: z.array(ZTeamMember) });
export const ZTeamQuery = z.object({ scope: z.enum(['direct', 'subtree']).default('direct') });

export const ZNominateRequest = z
  .object({
    campaignId: z.string().min(1).max(100),
    personId: z.string().min(1).max(200),
    note: z.string().trim().max(500, m('nominationNoteTooLong')).default(''),
  })
  .strict();
export type NominateRequest = z.infer<typeof ZNominateRequest>;

/**
 * The answer (202) to a nomination or recommendation: always empty, whether it sent an invitation or
 * not, so the nominator cannot tell a decline from an invitation still open.
 */
export const ZNominationAccepted = z.object({}).strict();
export type NominationAccepted = z.infer<typeof ZNominationAccepted>;

export const FUNNEL_STAGES = [
  'targeted',
  'delivered',
  'opened',
  'joined',
  'onboarded',
  'firstShare',
] as const;
export const ZFunnelStage = z.enum(FUNNEL_STAGES);
export type FunnelStage = z.infer<typeof ZFunnelStage>;

/** Counts per stage, overall and by department and location; groups under five fold into "Other". */
export const ZFunnel = z.object({
  campaignId: z.string(),
  overall: z.record(ZFunnelStage, z.number().int()),
  byDepartment: z.array(z.object({ key: z.string(), counts: z.record(ZFunnelStage, z.number().int()) })),
  byLocation: z.array(z.object({ key: z.string(), counts: z.record(ZFunnelStage, z.number().int()) })),
  /** True when fewer than five people were targeted: then no count is shown (all are 0). */
  overallHidden: z.boolean().optional(),
  /** How many small groups were left out because even "Other" stayed under five people. */
  hiddenGroups: z.object({ byDepartment: z.number().int(), byLocation: z.number().int() }).optional(),
  /** People who joined through the campaign without being targeted (not part of the stages). */
  joinedUntargeted: z.number().int().optional(),
});
export type Funnel = z.infer<typeof ZFunnel>;

/** What a demo person received from the bot, for the dev inbox. */
export const ZInboxEntry = z.object({
  id: z.string(),
  conversationId: z.string(),
  receivedAt: z.string(),
  activity: z.record(z.unknown()),
});
export type InboxEntry = z.infer<typeof ZInboxEntry>;
