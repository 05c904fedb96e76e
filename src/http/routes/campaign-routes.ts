import {
  ZAnnounceRequest,
  ZAudienceFilter,
  ZAudiencePreviewQuery,
  ZCampaignInput,
  ZCampaignParams,
  ZSendParams,
  ZSharePointPublishQuery,
  type CampaignInput,
} from '../../contracts';
import type { CampaignFields } from '../../ports/campaigns';
import { announceCampaign } from '../../services/announce-campaign';
import { cancelCampaignSend } from '../../services/cancel-campaign-send';
import { createCampaign } from '../../services/create-campaign';
import { declineCampaign } from '../../services/decline-campaign';
import { getCampaign } from '../../services/get-campaign';
import { getCampaignFunnel } from '../../services/get-campaign-funnel';
import { listAudienceFacets } from '../../services/list-audience-facets';
import { listBotChannels } from '../../services/list-bot-channels';
import { listCampaignSends } from '../../services/list-campaign-sends';
import { listCampaigns } from '../../services/list-campaigns';
import { listMyCampaigns } from '../../services/list-my-campaigns';
import { previewAudience } from '../../services/preview-audience';
import { publishCampaignToSharePoint } from '../../services/publish-campaign-to-sharepoint';
import { recordCampaignOpened } from '../../services/record-campaign-opened';
import { updateCampaign } from '../../services/update-campaign';
import {
  presentAudienceFacets,
  presentAudiencePreview,
  presentBotChannels,
  presentCampaign,
  presentCampaignList,
  presentFunnel,
  presentMyCampaigns,
  presentSendProgress,
} from '../campaign-presenters';
import { within, type RouteRegistrar } from '../route';
import type { HttpDeps } from '../server';

/** The editor's input as the campaign services take it. */
function toFields(body: CampaignInput): CampaignFields {
  return {
    name: body.name,
    pitch: body.pitch,
    imageId: body.imageId,
    startsAt: new Date(body.startsAt),
    endsAt: new Date(body.endsAt),
    goalAmbassadors: body.goalAmbassadors,
    audience: body.audience,
  };
}

/** Recruitment campaigns: comms' admin routes and the employee's campaign list. */
export function registerCampaignRoutes(r: RouteRegistrar, deps: HttpDeps) {
  // ---- Comms: campaigns, audience, announcements and the funnel ---------------------------------

  r.add({
    method: 'GET',
    url: '/api/admin/campaigns',
    access: ['comms'],
    async handler({ principal }) {
      return presentCampaignList(await listCampaigns(deps, { tenantId: principal!.tenantId }));
    },
  });

  r.add({
    method: 'POST',
    url: '/api/admin/campaigns',
    access: ['comms'],
    body: ZCampaignInput,
    async handler({ principal, body, reply }) {
      const campaign = await within(
        'body',
        createCampaign(deps, {
          tenantId: principal!.tenantId,
          actorId: principal!.personId,
          campaign: toFields(body),
        }),
      );
      reply.code(201);
      return presentCampaign(campaign);
    },
  });

  r.add({
    method: 'GET',
    url: '/api/admin/campaigns/:id',
    access: ['comms'],
    params: ZCampaignParams,
    async handler({ principal, params }) {
      return presentCampaign(
        await getCampaign(deps, { tenantId: principal!.tenantId, campaignId: params.id }),
      );
    },
  });

  r.add({
    method: 'PUT',
    url: '/api/admin/campaigns/:id',
    access: ['comms'],
    params: ZCampaignParams,
    body: ZCampaignInput,
    async handler({ principal, params, body }) {
      const campaign = await within(
        'body',
        updateCampaign(deps, {
          tenantId: principal!.tenantId,
          campaignId: params.id,
          campaign: toFields(body),
        }),
      );
      return presentCampaign(campaign);
    },
  });

  r.add({
    method: 'POST',
    url: '/api/admin/audience/preview',
    access: ['comms'],
    body: ZAudienceFilter,
    query: ZAudiencePreviewQuery,
    async handler({ principal, body, query }) {
      const preview = await previewAudience(deps, {
        tenantId: principal!.tenantId,
        filter: body,
        campaignId: query.campaignId ?? null,
      });
      return presentAudiencePreview(preview);
    },
  });

  r.add({
    method: 'GET',
    url: '/api/admin/audience/facets',
    access: ['comms'],
    async handler({ principal }) {
      return presentAudienceFacets(await listAudienceFacets(deps, { tenantId: principal!.tenantId }));
    },
  });

  r.add({
    method: 'GET',
    url: '/api/admin/channels',
    access: ['comms'],
    async handler({ principal }) {
      return presentBotChannels(await listBotChannels(deps, { tenantId: principal!.tenantId }));
    },
  });

  r.add({
    method: 'POST',
    url: '/api/admin/campaigns/:id/announce',
    access: ['comms'],
    params: ZCampaignParams,
    body: ZAnnounceRequest,
    async handler({ principal, params, body, reply }) {
      const progress = await within(
        'body',
        announceCampaign(deps, {
          tenantId: principal!.tenantId,
          actorId: principal!.personId,
          campaignId: params.id,
          channelIds: body.channelIds,
          personal: body.personal,
          idempotencyKey: body.idempotencyKey,
        }),
      );
      reply.code(202);
      return presentSendProgress(progress);
    },
  });

  r.add({
    method: 'GET',
    url: '/api/admin/campaigns/:id/sends',
    access: ['comms'],
    params: ZCampaignParams,
    async handler({ principal, params }) {
      const sends = await listCampaignSends(deps, { tenantId: principal!.tenantId, campaignId: params.id });
      return { sends: sends.map(presentSendProgress) };
    },
  });

  r.add({
    method: 'POST',
    url: '/api/admin/campaigns/:id/sends/:sendId/cancel',
    access: ['comms'],
    params: ZSendParams,
    async handler({ principal, params }) {
      const progress = await cancelCampaignSend(deps, {
        tenantId: principal!.tenantId,
        campaignId: params.id,
        sendId: params.sendId,
      });
      return presentSendProgress(progress);
    },
  });

  r.add({
    method: 'GET',
    url: '/api/admin/campaigns/:id/funnel',
    access: ['comms'],
    params: ZCampaignParams,
    async handler({ principal, params }) {
      return presentFunnel(
        await getCampaignFunnel(deps, { tenantId: principal!.tenantId, campaignId: params.id }),
      );
    },
  });

  r.add({
    method: 'POST',
    url: '/api/admin/campaigns/:id/sharepoint',
    access: ['comms'],
    params: ZCampaignParams,
    query: ZSharePointPublishQuery,
    async handler({ principal, params, query }) {
      const campaign = await publishCampaignToSharePoint(
        { ...deps, sharepoint: deps.sharepoint ?? null, publicUrl: deps.config.publicUrl },
        { tenantId: principal!.tenantId, campaignId: params.id, republish: query.republish },
      );
      return presentCampaign(campaign);
    },
  });

  // ---- Employees: my open campaigns, opened, "Not now" ------------------------------------------

  r.add({
    method: 'GET',
    url: '/api/campaigns',
    access: ['employee'],
    async handler({ principal }) {
      // Always the caller's own campaigns: the person comes from the session, never from the request.
      const list = await listMyCampaigns(deps, {
        tenantId: principal!.tenantId,
        personId: principal!.personId,
      });
      return presentMyCampaigns(list);
    },
  });

  r.add({
    method: 'POST',
    url: '/api/campaigns/:id/opened',
    access: ['employee'],
    params: ZCampaignParams,
    async handler({ principal, params }) {
      await recordCampaignOpened(deps, {
        tenantId: principal!.tenantId,
        personId: principal!.personId,
        campaignId: params.id,
      });
      return undefined;
    },
  });

  r.add({
    method: 'POST',
    url: '/api/campaigns/:id/decline',
    access: ['employee'],
    params: ZCampaignParams,
    async handler({ principal, params }) {
      await declineCampaign(deps, {
        tenantId: principal!.tenantId,
        personId: principal!.personId,
        campaignId: params.id,
      });
      return undefined;
    },
  });
}
