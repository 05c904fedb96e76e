import { z } from 'zod';
import {
  ZChatHistory,
  ZContentDetail,
  ZContentList,
  ZImageUploaded,
  ZImpact,
  ZItemStats,
  ZLibraryItem,
  ZLibraryPage,
  ZMyShares,
  ZShareCompleted,
  ZSharePreparation,
  ZTopicEntry,
  ZTopicList,
  ZClientConfig,
  ZDevSignInResponse,
  ZMe,
  ZMembershipView,
  ZPeopleList,
  ZProgramDocumentView,
  ZProgramStats,
  ZProgramView,
  ZAudienceFacets,
  ZAudiencePreview,
  ZBotChannelList,
  ZCampaignList,
  ZCampaignView,
  ZFunnel,
  ZInboxEntry,
  ZMyCampaignList,
  ZSendList,
  ZOnboardingSummaryView,
  ZSendProgress,
  ZTeamList,
  ZCoachSettingsView,
  ZMySparringRequests,
  ZSparringQueue,
  ZSparringRequestView,
  type CoachSettingsInput,
  type AnnounceRequest,
  type AudienceFilter,
  type CampaignInput,
  type ChatSendRequest,
  type ContentInput,
  type ContentStatus,
  type LibraryQuery,
  type Network,
  type DevSignInRequest,
  type DocumentKind,
  type JoinRequest,
  type UpdateDocumentRequest,
  ZDashboard,
  type DashboardTable,
} from '@contracts';
import { isApiError, type ApiClient } from './client';
import { ZDigestPreview, ZReachPrefill } from '@contracts';
import { ZAuditPage, ZCanvasView, type SaveCanvasRequest } from '@contracts';
import {
  ZChallengeList,
  ZChallengeView,
  ZDrawVerifyResult,
  ZDrawView,
  ZGamificationSettingsView,
  ZLeaderboard,
  ZMyPoints,
  type DrawEntryView,
  type GamificationSettingsInput,
  type TicketRule,
} from '@contracts';

/** The body of "complete a share" (the contract's input type, before defaults). */
export interface CompleteShareBody {
  text: string;
  via: 'intent' | 'confirmed';
  postUrl?: string | null;
}

/** What the library sends: every filter optional, empty ones left out of the query string. */
export type LibraryRequest = Partial<Omit<LibraryQuery, 'limit'>> & { limit?: number };

/** Some write endpoints answer with the new state, some with nothing; either is fine here. */
const ZAnything = z.unknown();

function libraryQueryString(query: LibraryRequest): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

const id = (value: string) => encodeURIComponent(value);

/**
 * Joining, optionally through a campaign. `campaignId` is optional in the contract; spelled out here
 * so the tab sends it whichever version of `JoinRequest` it compiles against.
 */
export type JoinBody = JoinRequest & { campaignId?: string };

/** A nomination or a colleague's recommendation (the contract's input, before defaults). */
export interface NominateBody {
  campaignId: string;
  personId: string;
  note: string;
}

/** Campaigns someone can nominate for: running ones, by name (GET /api/campaigns/running). */
export const ZRunningCampaigns = z.object({
  campaigns: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type RunningCampaign = z.infer<typeof ZRunningCampaigns>['campaigns'][number];

/** What one demo person received from the bot (GET /api/dev/inbox), newest last. */
export const ZInboxList = z.object({ entries: z.array(ZInboxEntry) });

export type TeamScope = 'direct' | 'subtree';

/** The dashboard's period: its length in days (7, 30 or 90), ending `end` (YYYY-MM-DD) or today. */
export interface DashboardPeriod {
  days: number;
  end?: string;
}

function dashboardQuery({ days, end }: DashboardPeriod): URLSearchParams {
  return new URLSearchParams({ days: String(days), ...(end ? { end } : {}) });
}

/** Every endpoint the tab calls, each validated against its contract schema. */
export function createChorusApi(client: ApiClient) {
  return {
    config: () => client.request('GET', '/api/config', ZClientConfig, { auth: false }),

    searchPeople: (q: string, limit: number, signal?: AbortSignal) =>
      client.request(
        'GET',
        `/api/dev/people?${new URLSearchParams({ q, limit: String(limit) })}`,
        ZPeopleList,
        {
          auth: false,
          signal,
        },
      ),
    devSignIn: (body: DevSignInRequest) =>
      client.request('POST', '/api/dev/sign-in', ZDevSignInResponse, { auth: false, body }),

    /**
     * The directory, by name, title or department (GET /api/people). A demo server that has only
     * the sign-in picker's search answers 404 there; the demo's own search is the same data.
     */
    findPeople: async (q: string, limit: number, signal?: AbortSignal) => {
      const query = new URLSearchParams({ q, limit: String(limit) });
      try {
        return await client.request('GET', `/api/people?${query}`, ZPeopleList, { signal });
      } catch (err) {
        if (!isApiError(err) || err.status !== 404) throw err;
        return client.request('GET', `/api/dev/people?${query}`, ZPeopleList, { auth: false, signal });
      }
    },

    me: () => client.request('GET', '/api/me', ZMe),
    program: () => client.request('GET', '/api/program', ZProgramView),
    join: (body: JoinBody) => client.request('POST', '/api/membership', ZMembershipView, { body }),
    leave: () => client.send('DELETE', '/api/membership'),

    updateDocument: (kind: DocumentKind, body: UpdateDocumentRequest) =>
      client.request('PUT', `/api/program/${kind}`, ZProgramDocumentView, { body }),
    stats: () => client.request('GET', '/api/admin/stats', ZProgramStats),
    onboardingSummary: () => client.request('GET', '/api/admin/onboarding', ZOnboardingSummaryView),

    topics: () => client.request('GET', '/api/topics', ZTopicList),
    createTopic: (body: { key: string; labelDa: string; labelEn: string }) =>
      client.request('POST', '/api/topics', ZTopicEntry, { body }),

    library: (query: LibraryRequest, signal?: AbortSignal) =>
      client.request('GET', `/api/library${libraryQueryString(query)}`, ZLibraryPage, { signal }),
    libraryItem: (itemId: string, signal?: AbortSignal) =>
      client.request('GET', `/api/library/${id(itemId)}`, ZLibraryItem, { signal }),
    prepareShare: (itemId: string, network: Network) =>
      client.request('POST', `/api/library/${id(itemId)}/share`, ZSharePreparation, { body: { network } }),
    completeShare: (shareId: string, body: CompleteShareBody) =>
      client.request('POST', `/api/shares/${id(shareId)}/complete`, ZShareCompleted, { body }),
    shareFeedback: (shareId: string, body: { reactions?: number; comments?: number; postUrl?: string }) =>
      client.request('PATCH', `/api/shares/${id(shareId)}`, ZAnything, { body }),
    myShares: (signal?: AbortSignal) => client.request('GET', '/api/me/shares', ZMyShares, { signal }),
    impact: (days: number, signal?: AbortSignal) =>
      client.request('GET', `/api/me/impact?days=${days}`, ZImpact, { signal }),

    contentList: (status: ContentStatus | undefined, signal?: AbortSignal) =>
      client.request('GET', `/api/content${status ? `?status=${status}` : ''}`, ZContentList, { signal }),
    content: (itemId: string, signal?: AbortSignal) =>
      client.request('GET', `/api/content/${id(itemId)}`, ZContentDetail, { signal }),
    createContent: (body: ContentInput) => client.request('POST', '/api/content', ZContentDetail, { body }),
    updateContent: (itemId: string, body: ContentInput) =>
      client.request('PUT', `/api/content/${id(itemId)}`, ZContentDetail, { body }),
    submitContent: (itemId: string) =>
      client.request('POST', `/api/content/${id(itemId)}/submit`, ZContentDetail, { body: {} }),
    approveContent: (itemId: string) =>
      client.request('POST', `/api/content/${id(itemId)}/approve`, ZContentDetail, { body: {} }),
    rejectContent: (itemId: string, note: string) =>
      client.request('POST', `/api/content/${id(itemId)}/reject`, ZContentDetail, { body: { note } }),
    archiveContent: (itemId: string) =>
      client.request('POST', `/api/content/${id(itemId)}/archive`, ZContentDetail, { body: {} }),
    contentStats: (itemId: string, signal?: AbortSignal) =>
      client.request('GET', `/api/content/${id(itemId)}/stats`, ZItemStats, { signal }),
    uploadImage: (file: Blob, onProgress?: (sent: number, total: number) => void, signal?: AbortSignal) =>
      client.upload('/api/images', file, ZImageUploaded, {
        ...(onProgress ? { onProgress } : {}),
        ...(signal ? { signal } : {}),
      }),

    // ---- recruitment: the employee's side
    myCampaigns: (signal?: AbortSignal) =>
      client.request('GET', '/api/campaigns', ZMyCampaignList, { signal }),
    campaignOpened: (campaignId: string) => client.send('POST', `/api/campaigns/${id(campaignId)}/opened`),
    declineCampaign: (campaignId: string) => client.send('POST', `/api/campaigns/${id(campaignId)}/decline`),
    runningCampaigns: (signal?: AbortSignal) =>
      client.request('GET', '/api/campaigns/running', ZRunningCampaigns, { signal }),
    recommend: (body: NominateBody) => client.send('POST', '/api/recommendations', { body }),

    // ---- recruitment: managers
    myTeam: (scope: TeamScope, signal?: AbortSignal) =>
      client.request('GET', `/api/team?scope=${scope}`, ZTeamList, { signal }),
    nominate: (body: NominateBody) => client.send('POST', '/api/nominations', { body }),

    // ---- recruitment: comms
    adminCampaigns: (signal?: AbortSignal) =>
      client.request('GET', '/api/admin/campaigns', ZCampaignList, { signal }),
    adminCampaign: (campaignId: string, signal?: AbortSignal) =>
      client.request('GET', `/api/admin/campaigns/${id(campaignId)}`, ZCampaignView, { signal }),
    createCampaign: (body: CampaignInput) =>
      client.request('POST', '/api/admin/campaigns', ZCampaignView, { body }),
    updateCampaign: (campaignId: string, body: CampaignInput) =>
      client.request('PUT', `/api/admin/campaigns/${id(campaignId)}`, ZCampaignView, { body }),
    audienceFacets: (signal?: AbortSignal) =>
      client.request('GET', '/api/admin/audience/facets', ZAudienceFacets, { signal }),
    /** With a campaign, people who said no to it are left out too (as its invitations will be). */
    audiencePreview: (body: AudienceFilter, campaignId: string | null, signal?: AbortSignal) =>
      client.request(
        'POST',
        `/api/admin/audience/preview${campaignId ? `?${new URLSearchParams({ campaignId })}` : ''}`,
        ZAudiencePreview,
        { body, signal },
      ),
    botChannels: (signal?: AbortSignal) =>
      client.request('GET', '/api/admin/channels', ZBotChannelList, { signal }),
    announce: (campaignId: string, body: AnnounceRequest) =>
      client.request('POST', `/api/admin/campaigns/${id(campaignId)}/announce`, ZSendProgress, { body }),
    sends: (campaignId: string, signal?: AbortSignal) =>
      client.request('GET', `/api/admin/campaigns/${id(campaignId)}/sends`, ZSendList, { signal }),
    cancelSend: (campaignId: string, sendId: string) =>
      client.request(
        'POST',
        `/api/admin/campaigns/${id(campaignId)}/sends/${id(sendId)}/cancel`,
        ZSendProgress,
        { body: {} },
      ),
    funnel: (campaignId: string, signal?: AbortSignal) =>
      client.request('GET', `/api/admin/campaigns/${id(campaignId)}/funnel`, ZFunnel, { signal }),
    /** Publishes the campaign as a SharePoint news page; again (a new page) only with `republish`. */
    publishToSharePoint: (campaignId: string, republish: boolean) =>
      client.request(
        'POST',
        `/api/admin/campaigns/${id(campaignId)}/sharepoint${republish ? '?republish=1' : ''}`,
        ZCampaignView,
        { body: {} },
      ),

    // ---- sparring: the coach's settings and the human sparring queue (comms), the ambassador's own
    coachSettings: (signal?: AbortSignal) =>
      client.request('GET', '/api/admin/coach-settings', ZCoachSettingsView, { signal }),
    saveCoachSettings: (body: CoachSettingsInput) =>
      client.request('PUT', '/api/admin/coach-settings', ZCoachSettingsView, { body }),
    sparringQueue: (signal?: AbortSignal) =>
      client.request('GET', '/api/admin/sparring', ZSparringQueue, { signal }),
    replySparring: (requestId: number, reply: string) =>
      client.request('POST', `/api/admin/sparring/${requestId}/reply`, ZSparringRequestView, {
        body: { reply },
      }),
    mySparring: (signal?: AbortSignal) =>
      client.request('GET', '/api/me/sparring', ZMySparringRequests, { signal }),

    /** Everything Chorus holds about the signed-in person, as the JSON text of the download. */
    myDataExport: (signal?: AbortSignal) => client.text('GET', '/api/me/export', { signal }),

    // ---- cockpit: canvas, targets, brand style and audit log (issue 6)
    canvas: (signal?: AbortSignal) => client.request('GET', '/api/admin/canvas', ZCanvasView, { signal }),
    saveCanvas: (body: SaveCanvasRequest) =>
      client.request('PUT', '/api/admin/canvas', ZCanvasView, { body }),
    auditLog: (cursor: string | null, signal?: AbortSignal) =>
      client.request(
        'GET',
        `/api/admin/audit${cursor ? `?${new URLSearchParams({ cursor })}` : ''}`,
        ZAuditPage,
        { signal },
      ),
    /** The whole audit log as CSV text (fetched, so the request carries the token). */
    auditLogCsv: (signal?: AbortSignal) =>
      client.text('GET', '/api/admin/audit.csv', { signal, accept: 'text/csv' }),

    // ---- cockpit: dashboard, conversions and CSV export (issue 6)
    dashboard: (query: DashboardPeriod, signal?: AbortSignal) =>
      client.request('GET', `/api/admin/dashboard?${dashboardQuery(query)}`, ZDashboard, { signal }),
    /** One dashboard table as CSV text (fetched, so the request carries the token). */
    dashboardCsv: (table: DashboardTable, query: DashboardPeriod, signal?: AbortSignal) =>
      client.text('GET', `/api/admin/dashboard/export/${id(table)}.csv?${dashboardQuery(query)}`, {
        signal,
        accept: 'text/csv',
      }),

    // ---- cockpit: gamification, challenges and prize draws (issue 6)
    gamificationSettings: (signal?: AbortSignal) =>
      client.request('GET', '/api/admin/gamification', ZGamificationSettingsView, { signal }),
    saveGamificationSettings: (body: GamificationSettingsInput) =>
      client.request('PUT', '/api/admin/gamification', ZGamificationSettingsView, { body }),
    adminChallenges: (signal?: AbortSignal) =>
      client.request('GET', '/api/admin/challenges', ZChallengeList, { signal }),
    createChallenge: (body: {
      title: string;
      description: string;
      hashtag: string;
      startsAt: string;
      endsAt: string;
      threshold: number;
      ticketRule: TicketRule;
    }) => client.request('POST', '/api/admin/challenges', ZChallengeView, { body }),
    runPrizeDraw: (
      challengeId: string,
      body: { winnerCount: number; excludePastWinners: boolean; earlierDraws: number },
    ) => client.request('POST', `/api/admin/challenges/${id(challengeId)}/draws`, ZDrawView, { body }),
    prizeDraw: (drawId: string, signal?: AbortSignal) =>
      client.request('GET', `/api/draws/${id(drawId)}`, ZDrawView, { signal }),
    verifyPrizeDraw: (body: { seed: string; entries: DrawEntryView[]; winnerCount: number }) =>
      client.request('POST', '/api/draws/verify', ZDrawVerifyResult, { body }),
    myPoints: (signal?: AbortSignal) => client.request('GET', '/api/me/points', ZMyPoints, { signal }),
    setLeaderboardVisibility: (show: boolean) =>
      client.request('PUT', '/api/me/leaderboard', ZAnything, { body: { show } }),
    leaderboard: (signal?: AbortSignal) =>
      client.request('GET', '/api/leaderboard', ZLeaderboard, { signal }),
    myChallenges: (signal?: AbortSignal) =>
      client.request('GET', '/api/challenges', ZChallengeList, { signal }),
    reportOwnPost: (url: string | null) =>
      client.request('POST', '/api/me/own-posts', ZAnything, { body: url ? { url } : {} }),

    // ---- cockpit: reach calculator and weekly digest (issue 6)
    reachPrefill: (signal?: AbortSignal) =>
      client.request('GET', '/api/admin/reach', ZReachPrefill, { signal }),
    digestPreview: (personId: string, signal?: AbortSignal) =>
      client.request(
        'GET',
        `/api/admin/digest/preview?${new URLSearchParams({ personId })}`,
        ZDigestPreview,
        { signal },
      ),

    // ---- demo only: what a demo person received from the bot
    devInbox: (personId: string, signal?: AbortSignal) =>
      client.request('GET', `/api/dev/inbox?${new URLSearchParams({ personId })}`, ZInboxList, { signal }),

    sendChat: (body: ChatSendRequest) => client.send('POST', '/api/dev/chat/messages', { body }),
    chatHistory: (after: number, signal?: AbortSignal) =>
      client.request('GET', `/api/dev/chat/messages?after=${after}`, ZChatHistory, { signal }),
  };
}

export type ChorusApi = ReturnType<typeof createChorusApi>;
