import type {
  AudienceFacets,
  AudiencePreview,
  BotChannel,
  CampaignList,
  CampaignView,
  Funnel,
  MyCampaign,
  SendProgress,
} from '../contracts';
import { campaignImageUrl } from '../domain/campaign';
import type { AudienceMember, BotChannelRecord, CampaignRecord, MyCampaignRecord } from '../ports/campaigns';
import type { CampaignFunnel } from '../services/get-campaign-funnel';

// Presenters choose exactly which fields go on the wire; rows never leave as they are.

export function presentCampaign(c: CampaignRecord): CampaignView {
  return {
    id: c.id,
    name: c.name,
    pitch: c.pitch,
    imageUrl: campaignImageUrl(c.imageId),
    startsAt: c.startsAt.toISOString(),
    endsAt: c.endsAt.toISOString(),
    goalAmbassadors: c.goalAmbassadors,
    audience: c.audience,
    status: c.status,
    createdAt: c.createdAt.toISOString(),
    joined: c.joined,
    sharepointUrl: c.sharepointUrl,
  };
}

export function presentCampaignList(list: CampaignRecord[]): CampaignList {
  return { campaigns: list.map(presentCampaign) };
}

export function presentAudiencePreview(preview: {
  total: number;
  sample: AudienceMember[];
}): AudiencePreview {
  return {
    total: preview.total,
    sample: preview.sample.map((p) => ({
      id: p.id,
      displayName: p.displayName,
      jobTitle: p.jobTitle,
      department: p.department,
      officeLocation: p.officeLocation,
    })),
  };
}

export function presentAudienceFacets(facets: AudienceFacets): AudienceFacets {
  const values = (list: { value: string; count: number }[]) =>
    list.map((f) => ({ value: f.value, count: f.count }));
  return { departments: values(facets.departments), locations: values(facets.locations) };
}

export function presentBotChannels(channels: BotChannelRecord[]): { channels: BotChannel[] } {
  // The service URL stays on the server: the tab only chooses channels.
  return {
    channels: channels.map((c) => ({
      conversationId: c.conversationId,
      teamName: c.teamName,
      channelName: c.channelName,
    })),
  };
}

export function presentFunnel(f: CampaignFunnel): Funnel {
  return {
    campaignId: f.campaignId,
    overall: { ...f.overall },
    byDepartment: f.byDepartment.map((g) => ({ key: g.key, counts: { ...g.counts } })),
    byLocation: f.byLocation.map((g) => ({ key: g.key, counts: { ...g.counts } })),
    overallHidden: f.overallHidden,
    hiddenGroups: { ...f.hiddenGroups },
    joinedUntargeted: f.joinedUntargeted,
  };
}

export function presentMyCampaigns(list: MyCampaignRecord[]): { campaigns: MyCampaign[] } {
  return {
    campaigns: list.map((c) => ({
      id: c.id,
      name: c.name,
      pitch: c.pitch,
      imageUrl: campaignImageUrl(c.imageId),
      endsAt: c.endsAt.toISOString(),
      nomination: c.nomination
        ? {
            nominatorName: c.nomination.nominatorName,
            relation: c.nomination.relation,
            note: c.nomination.note,
          }
        : null,
    })),
  };
}

export function presentSendProgress(s: SendProgress): SendProgress {
  return {
    id: s.id,
    kind: s.kind,
    createdAt: s.createdAt,
    cancelledAt: s.cancelledAt,
    total: s.total,
    counts: { ...s.counts },
    possiblyRepeated: s.possiblyRepeated,
    failures: s.failures.map((f) => ({ reason: f.reason, count: f.count })),
    pausedUntil: s.pausedUntil,
  };
}
