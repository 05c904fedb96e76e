import type {
  AudienceFilter,
  CampaignPitch,
  CampaignStatus,
  FunnelStage,
  MyCampaign,
} from '../contracts/recruitment';
import type { Clock } from './clock';

/** A recruitment campaign as stored, with how many joined through it. */
export interface CampaignRecord {
  id: string;
  name: string;
  pitch: CampaignPitch;
  imageId: string | null;
  startsAt: Date;
  endsAt: Date;
  goalAmbassadors: number;
  audience: AudienceFilter;
  status: CampaignStatus;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  sharepointUrl: string | null;
  /** People who joined the program through this campaign. */
  joined: number;
}

/** What comms writes: everything but the status and the bookkeeping. */
export interface CampaignFields {
  name: string;
  pitch: CampaignPitch;
  imageId: string | null;
  startsAt: Date;
  endsAt: Date;
  goalAmbassadors: number;
  audience: AudienceFilter;
}

/** A person in an audience preview. */
export interface AudienceMember {
  id: string;
  displayName: string;
  jobTitle: string | null;
  department: string | null;
  officeLocation: string | null;
}

/** A Teams channel the bot is installed in. */
export interface BotChannelRecord {
  conversationId: string;
  teamName: string;
  channelName: string;
  serviceUrl: string;
}

/** An open invitation from a campaign's audience that has no outbox message yet. */
export interface PendingInvitation {
  invitationId: string;
  personId: string;
}

/** Counts per funnel stage for one group (null key: no value recorded) or overall. */
export type FunnelRow = { key: string | null; counts: Record<FunnelStage, number> };

export interface FunnelData {
  overall: Record<FunnelStage, number>;
  byDepartment: FunnelRow[];
  byLocation: FunnelRow[];
  /** People who joined through the campaign without being targeted (counted apart from the stages). */
  joinedUntargeted: number;
}

/** An open campaign for one employee, with the latest nomination of them, if any. */
export type MyCampaignRecord = Omit<MyCampaign, 'imageUrl' | 'endsAt'> & {
  imageId: string | null;
  endsAt: Date;
};

/** The audience rules applied to the directory, in SQL (docs/design/recruitment.md §7). */
export interface AudienceReader {
  /**
   * How many enabled people the filter selects now, and a deterministic sample of names. With a
   * campaign, people who declined it are left out too.
   */
  preview(
    tenantId: string,
    filter: AudienceFilter,
    options: { campaignId: string | null; sampleSize: number },
  ): Promise<{ total: number; sample: AudienceMember[] }>;
  /** The departments and locations of enabled people, with how many have each. */
  facets(tenantId: string): Promise<{
    departments: { value: string; count: number }[];
    locations: { value: string; count: number }[];
  }>;
}

/** Campaigns, audiences, invitations and the funnel (docs/design/recruitment.md §3, §4, §7, §8). */
export interface CampaignStore {
  audience: AudienceReader;
  /** Every campaign of the tenant, newest first. */
  list(tenantId: string): Promise<CampaignRecord[]>;
  /** One campaign, or null. */
  get(tenantId: string, id: string): Promise<CampaignRecord | null>;
  /** Stores a new draft. */
  insert(
    tenantId: string,
    campaign: CampaignFields & { id: string; createdBy: string; at: Date },
  ): Promise<CampaignRecord>;
  /** Replaces what comms writes; null when there is no such campaign. */
  update(tenantId: string, id: string, fields: CampaignFields, at: Date): Promise<CampaignRecord | null>;
  /** True when an uploaded image with this id exists. */
  imageExists(tenantId: string, imageId: string): Promise<boolean>;
  /** The channels the bot is installed in, by team and channel name. */
  channels(tenantId: string): Promise<BotChannelRecord[]>;
  /** The id of the outbox send made with this client key, or null (an announcement repeated). */
  sendIdForKey(tenantId: string, idempotencyKey: string): Promise<string | null>;
  /**
   * Marks the campaign running and targets its audience as the rules select it now, in one
   * transaction and set-based: an audience row per person (existing rows stay), and with `via` an
   * open invitation per person who has none. Returns the audience's open invitations that have no
   * outbox message yet (all of them the first time; the rest after an interrupted run).
   */
  target(
    tenantId: string,
    campaignId: string,
    input: { filter: AudienceFilter; via: 'chat' | 'activity_feed' | null; at: Date },
  ): Promise<{ targeted: number; pending: PendingInvitation[] }>;
  /** Stage counts over the campaign's targeted people, overall, by department and by location. */
  funnel(tenantId: string, campaignId: string): Promise<FunnelData>;
  /**
   * The running campaigns open at `now` in which the person is targeted or holds an open invitation,
   * that they have not declined, while they are not a member.
   */
  listOpenFor(tenantId: string, personId: string, now: Date): Promise<MyCampaignRecord[]>;
  /** Records the first time the person opened the campaign (card or page); false if not in its audience. */
  recordOpened(tenantId: string, campaignId: string, personId: string, at: Date): Promise<boolean>;
  /** "Not now": the audience row (one not targeted, if they had none) and any open invitation are marked declined. */
  recordDeclined(tenantId: string, campaignId: string, personId: string, at: Date): Promise<void>;
  /**
   * The person joined the program through the campaign: joined (and opened) on their audience row, a
   * row with targeted=false when they were not targeted, and their open invitation marked joined.
   */
  recordJoined(tenantId: string, campaignId: string, personId: string, at: Date): Promise<void>;
  /** Saves the address of the campaign's SharePoint news page; null when there is no such campaign. */
  saveSharepointUrl(tenantId: string, campaignId: string, url: string): Promise<CampaignRecord | null>;
}

/** What the campaign use cases need: the campaign store and the clock. */
export interface CampaignDeps {
  campaigns: CampaignStore;
  clock: Clock;
}

/** A news page for the configured SharePoint site (docs/design/recruitment.md §2, SharePoint pages). */
export interface NewsPageInput {
  /** The file name in Site Pages, ending in `.aspx`. */
  name: string;
  title: string;
  /** The short text news roll-ups show. */
  description: string;
  /** The body of one text web part: HTML, every value in it already escaped. */
  html: string;
}

/** What SharePoint answered: the published page, or why not (`status` 0 when there was no answer). */
export type NewsPageResult =
  | { ok: true; pageId: string; webUrl: string }
  | {
      ok: false;
      /** forbidden: 401/403; throttled: 429/503 beyond what may be waited for; conflict: the name is taken. */
      reason: 'forbidden' | 'throttled' | 'conflict' | 'failed';
      step: 'site' | 'create' | 'publish';
      status: number;
      code: string | null;
      retryAfterMs: number | null;
    };

/** Publishes news pages in the one SharePoint site Chorus was granted (Sites.Selected). */
export interface SharePointNewsPages {
  /** Creates the page, then publishes it. */
  publishNewsPage(page: NewsPageInput): Promise<NewsPageResult>;
}
