import type { Activity } from 'botbuilder';
import { campaignImageUrl } from '../src/domain/campaign';
import { toLanguage, type Language } from '../src/domain/person';
import { classifyResponse } from '../src/domain/outbox';
import type { ActivityFeedClient } from '../src/graph/activity-feed';
import { previewText } from '../src/graph/activity-feed';
import { INSTALL_RETRY_CODE, type TeamsAppInstaller } from '../src/graph/teams-install';
import type { ConversationReferenceRepository } from '../src/ports/conversation-references';
import type { SparringStore } from '../src/ports/sparring';
import type { ChatPreferencesRepository } from '../src/ports/chat-preferences';
import type {
  ClaimedOutboxMessage,
  DeliveryReport,
  OutboxCampaignData,
  OutboxContentReader,
  OutboxPayload,
  OutboxPersonData,
  OutboxTransport,
} from '../src/ports/outbox';
import { renderBotMessage } from './cards';
import { renderOnboardingWelcome } from './cards-onboarding';
import { renderSparringReply } from './cards-sparring';
import { renderPrizeWin } from './cards-gamification';
import { renderWeeklyDigest } from './cards-digest';
import {
  campaignLink,
  pitchFor,
  renderCampaignAnnouncement,
  renderCampaignInvitation,
  RECRUITMENT_STRINGS,
  type CampaignCardData,
  type CampaignLinkOptions,
} from './cards-recruitment';
import { isConnectorError, type ConnectorClient, type ConnectorError } from './connector-client';
import { referenceToStore } from './turn';

// The outbox's way out (design §1.2, §4 delivery, §5): renders a stored OutboxPayload in the recipient's
// language at send time, finds the person's 1:1 chat (stored reference, else `POST /v3/conversations`,
// else, with PROACTIVE_INSTALL, a Graph install of the app for them), and posts through the plain Bot
// Connector client (one HTTP request per call, no hidden retries), or through Graph for activity-feed
// notifications. A stored chat that answers 404 is resolved again once before the message fails.

/** Teams' public-cloud Bot Connector, when neither the activity nor the configuration names one. */
export const DEFAULT_TEAMS_SERVICE_URL = 'https://smba.trafficmanager.net/teams/';

export interface OutboxTransportOptions {
  connector: ConnectorClient;
  /** Activity-feed notifications; null when not configured (such messages fail with a reason). */
  feed: ActivityFeedClient | null;
  content: OutboxContentReader;
  conversations: ConversationReferenceRepository;
  /** Sparring requests, for comms' replies; absent: such messages fail with 'sparring_not_configured'. */
  sparring?: Pick<SparringStore, 'get'>;
  /** People's chat preferences: their `language` choice, and `pause` (see NOTIFICATIONS_PAUSED_REASON). */
  chatPreferences?: Pick<ChatPreferencesRepository, 'get'> | null;
  /** The bot's account on what it sends (Teams: '28:<app id>'). */
  botAccount: { id: string; name: string };
  links: CampaignLinkOptions;
  /**
   * The Bot Connector URL to use, given the one stored with the chat or channel (null when none is).
   * Production: the stored one, else BOT_SERVICE_URL, else Teams' public cloud. The demo maps its
   * own connector's address to where it listens now.
   */
  serviceUrl?: (stored: string | null) => string;
  /**
   * Proactive install (`PROACTIVE_INSTALL`): when a person's chat cannot be created because the app is
   * not installed for them (403 or 404), install it through Graph and use the chat Graph names. Null
   * or absent: such messages fail with the reason 'not_installed'.
   */
  install?: TeamsAppInstaller | null;
  /**
   * The longest one install's Graph requests may take together. Keep it well inside the outbox lease,
   * or a slow install could be taken for a crash and the message resent. Default 15 s.
   */
  installBudgetMs?: number;
  now?: () => Date;
}

/** The reason campaign invitations and announcements to a person who wrote `pause` are cancelled with. */
export const NOTIFICATIONS_PAUSED_REASON = 'notifications_paused';

/** The reason a message fails with when the person does not have the app and it cannot be installed. */
export const NOT_INSTALLED_REASON = 'not_installed';

type Rendered =
  | { ok: true; activity: Partial<Activity>; person: OutboxPersonData | null }
  | { ok: false; skipped: NonNullable<DeliveryReport['skipped']> };

const nothingSent = (skipped: NonNullable<DeliveryReport['skipped']>): DeliveryReport => ({
  startedAt: null,
  status: null,
  retryAfterMs: null,
  code: null,
  subCode: null,
  activityId: null,
  conversationId: null,
  skipped,
});

/** The Bot Connector transport (and the activity feed). */
export function createOutboxTransport(options: OutboxTransportOptions): OutboxTransport {
  const now = options.now ?? (() => new Date());

  const cardData = (campaign: OutboxCampaignData): CampaignCardData => {
    const image = campaignImageUrl(campaign.imageId);
    return {
      id: campaign.id,
      name: campaign.name,
      pitch: campaign.pitch,
      imageUrl: image ? `${options.links.publicUrl}${image}` : null,
    };
  };

  const languageOf = (person: OutboxPersonData | null, campaign: OutboxCampaignData | null): Language => {
    if (person) return toLanguage(person.preferredLanguage, 'da');
    // A channel has no language of its own: the campaign's Danish pitch first, as the org speaks it.
    if (campaign && !campaign.pitch.da && campaign.pitch.en) return 'en';
    return 'da';
  };

  const loadPerson = async (message: ClaimedOutboxMessage) => {
    if (!message.recipientPersonId) return { ok: true as const, person: null, paused: false };
    const [person, preferences] = await Promise.all([
      options.content.person(message.tenantId, message.recipientPersonId),
      options.chatPreferences?.get(message.tenantId, message.recipientPersonId) ?? null,
    ]);
    if (!person || !person.accountEnabled)
      return { ok: false as const, skipped: { state: 'failed' as const, reason: 'recipient_gone' } };
    // The `language` command's choice wins over the directory, as in the chat itself.
    const chosen = preferences?.language ? { ...person, preferredLanguage: preferences.language } : person;
    return { ok: true as const, person: chosen, paused: preferences?.notificationsPaused ?? false };
  };

  // `pause` (issue 5 §5): campaign invitations and announcements to a paused person's chat or feed are
  // not sent (cancelled, not held: a campaign can close before they resume, and the Campaigns page
  // still lists what is running). What they asked for (the welcome, sparring replies) still comes.
  const pausedSkip = { state: 'cancelled' as const, reason: NOTIFICATIONS_PAUSED_REASON };
  const isNotification = (payload: OutboxPayload) =>
    payload.kind === 'campaignInvitation' ||
    payload.kind === 'campaignAnnouncement' ||
    // The weekly digest too: someone who paused after it was queued does not get it.
    payload.kind === 'weeklyDigest';

  const loadCampaign = async (tenantId: string, campaignId: string) => {
    const campaign = await options.content.campaign(tenantId, campaignId);
    if (!campaign)
      return { ok: false as const, skipped: { state: 'failed' as const, reason: 'campaign_not_found' } };
    if (campaign.status === 'closed')
      return { ok: false as const, skipped: { state: 'cancelled' as const, reason: 'campaign_closed' } };
    return { ok: true as const, campaign };
  };

  /** The message as the recipient should see it now, or why it should not be sent. */
  const render = async (message: ClaimedOutboxMessage): Promise<Rendered> => {
    const payload = message.payload;
    const who = await loadPerson(message);
    if (!who.ok) return who;
    const person = who.person;
    if (person && who.paused && isNotification(payload)) return { ok: false, skipped: pausedSkip };
    switch (payload.kind) {
      case 'welcome': {
        if (!person) return { ok: false, skipped: { state: 'failed', reason: 'recipient_gone' } };
        // The welcome is the onboarding conversation's first card (welcomes queued before it: the old card).
        const activity = payload.onboarding
          ? renderOnboardingWelcome(
              {
                language: languageOf(person, null),
                flowVersion: payload.onboarding.flowVersion,
                run: payload.onboarding.run,
                publicUrl: options.links.publicUrl,
              },
              person.displayName,
            )
          : renderBotMessage({
              kind: 'welcome',
              language: languageOf(person, null),
              displayName: person.displayName,
            });
        return { ok: true, activity, person };
      }
      case 'campaignAnnouncement': {
        const loaded = await loadCampaign(message.tenantId, payload.campaignId);
        if (!loaded.ok) return loaded;
        const language = languageOf(person, loaded.campaign);
        return {
          ok: true,
          activity: renderCampaignAnnouncement(cardData(loaded.campaign), language, options.links),
          person,
        };
      }
      case 'campaignInvitation': {
        const loaded = await loadCampaign(message.tenantId, payload.campaignId);
        if (!loaded.ok) return loaded;
        const status = await options.content.invitationStatus(message.tenantId, payload.invitationId);
        // Joined, declined or expired meanwhile: an invitation now would only be noise.
        if (status !== null && status !== 'open')
          return { ok: false, skipped: { state: 'cancelled', reason: 'invitation_closed' } };
        return {
          ok: true,
          activity: renderCampaignInvitation({
            campaign: cardData(loaded.campaign),
            language: languageOf(person, loaded.campaign),
            recipientName: person?.displayName ?? null,
            nomination: payload.nomination,
            links: options.links,
          }),
          person,
        };
      }
      case 'sparringReply': {
        if (!person) return { ok: false, skipped: { state: 'failed', reason: 'recipient_gone' } };
        if (!options.sparring)
          return { ok: false, skipped: { state: 'failed', reason: 'sparring_not_configured' } };
        const request = await options.sparring.get(message.tenantId, payload.requestId);
        // Deleted when the person left, meanwhile: nothing to deliver.
        if (!request || request.reply === null)
          return { ok: false, skipped: { state: 'cancelled', reason: 'sparring_request_gone' } };
        const activity = renderSparringReply({
          language: languageOf(person, null),
          draft: request.draft,
          reply: request.reply,
          askedAt: request.createdAt,
        });
        return { ok: true, activity, person };
      }
      case 'prizeWin': {
        // Sent only to a current person; leaving cancels what is still queued for them.
        if (!person) return { ok: false, skipped: { state: 'failed', reason: 'recipient_gone' } };
        const activity = renderPrizeWin({
          language: languageOf(person, null),
          challengeTitle: payload.challengeTitle,
        });
        return { ok: true, activity, person };
      }
      case 'weeklyDigest': {
        if (!person) return { ok: false, skipped: { state: 'failed', reason: 'recipient_gone' } };
        const { kind: _kind, ...digest } = payload;
        const activity = renderWeeklyDigest({
          language: languageOf(person, null),
          digest,
          links: options.links,
        });
        return { ok: true, activity, person };
      }
      default: {
        const unknown: never = payload;
        return {
          ok: false,
          skipped: {
            state: 'failed',
            reason: `unknown_payload_${String((unknown as { kind?: unknown }).kind)}`,
          },
        };
      }
    }
  };

  const serviceUrlFor = (stored: string | null) =>
    options.serviceUrl ? options.serviceUrl(stored) : (stored ?? DEFAULT_TEAMS_SERVICE_URL);

  const failure = (err: unknown, startedAt: Date, conversationId: string | null): DeliveryReport => {
    const known = isConnectorError(err);
    return {
      startedAt,
      status: known ? err.status : 0,
      retryAfterMs: known ? err.retryAfterMs : null,
      code: known ? err.code : 'Error',
      subCode: known ? err.subCode : null,
      activityId: null,
      conversationId,
      skipped: null,
    };
  };

  /**
   * The Bot Connector's answer to `POST /v3/conversations` meaning "this person does not have the app":
   * 403 (other than the bot being blocked) or 404.
   */
  const meansNotInstalled = (err: ConnectorError) => {
    if (err.status === 404) return true;
    if (err.status !== 403) return false;
    const result = classifyResponse(err.status, null, err.code, err.subCode);
    return !(result.kind === 'failed' && result.reason === 'blocked');
  };

  const saveChat = async (tenantId: string, personId: string, conversationId: string, serviceUrl: string) =>
    options.conversations.save(tenantId, personId, {
      conversationId,
      reference: referenceToStore({
        bot: options.botAccount,
        channelId: 'msteams',
        serviceUrl,
        user: { id: personId, name: '', aadObjectId: personId },
        conversation: {
          id: conversationId,
          conversationType: 'personal',
          tenantId,
        } as Activity['conversation'],
      }),
    });

  type Resolved = { ok: true; conversationId: string } | { ok: false; report: DeliveryReport };

  /**
   * Installs the app for the person through Graph and stores the chat Graph names. `createStartedAt`
   * and `createError` describe the `POST /v3/conversations` that found the app missing.
   */
  const installFor = async (
    message: ClaimedOutboxMessage,
    personId: string,
    serviceUrl: string,
    createStartedAt: Date,
    createError: ConnectorError,
  ): Promise<Resolved> => {
    const notInstalled = (status: number, code: string | null): Resolved => ({
      ok: false,
      report: {
        startedAt: createStartedAt,
        status,
        retryAfterMs: null,
        code,
        subCode: null,
        activityId: null,
        conversationId: null,
        skipped: { state: 'failed', reason: NOT_INSTALLED_REASON },
      },
    });
    if (!options.install) return notInstalled(createError.status, createError.code);
    const result = await options.install.installForUser(personId, {
      deadline: now().getTime() + (options.installBudgetMs ?? 15_000),
    });
    switch (result.kind) {
      case 'installed':
        await saveChat(message.tenantId, personId, result.chatId, serviceUrl);
        return { ok: true, conversationId: result.chatId };
      case 'failed':
        return notInstalled(result.status, result.code);
      case 'retry':
        // Tried again later (Retry-After honoured); the worker keeps Graph's 429 away from the bot's pace.
        return {
          ok: false,
          report: {
            startedAt: createStartedAt,
            status: result.status,
            retryAfterMs: result.retryAfterMs,
            code: INSTALL_RETRY_CODE,
            subCode: result.code,
            activityId: null,
            conversationId: null,
            skipped: null,
          },
        };
    }
  };

  /** Creates the person's 1:1 chat (installing the app first when needed) and stores it. */
  const resolveChat = async (
    message: ClaimedOutboxMessage,
    personId: string,
    serviceUrl: string,
    idempotencyKey: string,
  ): Promise<Resolved> => {
    const { tenantId } = message;
    const startedAt = now();
    let conversationId: string;
    try {
      const created = await options.connector.createConversation(
        serviceUrl,
        {
          isGroup: false,
          bot: options.botAccount,
          // Teams accepts the Entra object id for a 1:1 chat with a person who has the app.
          members: [{ id: personId, name: '' }],
          tenantId,
          channelData: { tenant: { id: tenantId } },
        },
        { idempotencyKey },
      );
      conversationId = created.id;
    } catch (err) {
      if (isConnectorError(err) && meansNotInstalled(err))
        return installFor(message, personId, serviceUrl, startedAt, err);
      return { ok: false, report: failure(err, startedAt, null) };
    }
    await saveChat(tenantId, personId, conversationId, serviceUrl);
    return { ok: true, conversationId };
  };

  const post = async (
    message: ClaimedOutboxMessage,
    activity: Partial<Activity>,
    serviceUrl: string,
    conversationId: string,
  ): Promise<DeliveryReport> => {
    const { tenantId } = message;
    const startedAt = now();
    try {
      const sent = await options.connector.sendActivity(
        serviceUrl,
        conversationId,
        {
          ...activity,
          type: 'message',
          from: options.botAccount,
          conversation: { id: conversationId, tenantId } as Activity['conversation'],
          channelData: { tenant: { id: tenantId } },
        },
        { idempotencyKey: message.idempotencyKey },
      );
      return {
        startedAt,
        status: 201,
        retryAfterMs: null,
        code: null,
        subCode: null,
        activityId: sent.id,
        conversationId,
        skipped: null,
      };
    } catch (err) {
      return failure(err, startedAt, conversationId);
    }
  };

  const deliverBot = async (
    message: ClaimedOutboxMessage,
    activity: Partial<Activity>,
    waitForSendSlot: () => Promise<void>,
  ): Promise<DeliveryReport> => {
    const { tenantId } = message;
    const personId = message.recipientPersonId;
    let conversationId = message.conversationId;
    let serviceUrl = serviceUrlFor(message.serviceUrl);

    if (!conversationId && personId) {
      const known = await options.conversations.get(tenantId, personId);
      if (known) {
        conversationId = known.conversationId;
        const stored = known.reference['serviceUrl'];
        serviceUrl = serviceUrlFor(typeof stored === 'string' ? stored : message.serviceUrl);
      } else {
        const resolved = await resolveChat(message, personId, serviceUrl, `create:${message.idempotencyKey}`);
        if (!resolved.ok) return resolved.report;
        await waitForSendSlot();
        return post(message, activity, serviceUrl, resolved.conversationId);
      }
    }
    if (!conversationId) return nothingSent({ state: 'failed', reason: 'no_conversation' });

    const report = await post(message, activity, serviceUrl, conversationId);
    // A person's known chat is gone (the app was removed and added again, the chat was deleted…): make
    // the chat again, once. If that fails too, the message fails and the store drops the stale reference.
    if (report.status !== 404 || !personId) return report;
    const resolved = await resolveChat(message, personId, serviceUrl, `recreate:${message.idempotencyKey}`);
    if (!resolved.ok) return resolved.report;
    await waitForSendSlot();
    return post(message, activity, serviceUrl, resolved.conversationId);
  };

  const deliverFeed = async (message: ClaimedOutboxMessage): Promise<DeliveryReport> => {
    const payload = message.payload;
    if (!options.feed) return nothingSent({ state: 'failed', reason: 'feed_not_configured' });
    if (!message.recipientPersonId || payload.kind !== 'campaignInvitation')
      return nothingSent({ state: 'failed', reason: 'feed_unsupported' });
    const who = await loadPerson(message);
    if (!who.ok) return nothingSent(who.skipped);
    if (who.paused) return nothingSent(pausedSkip);
    const loaded = await loadCampaign(message.tenantId, payload.campaignId);
    if (!loaded.ok) return nothingSent(loaded.skipped);
    const status = await options.content.invitationStatus(message.tenantId, payload.invitationId);
    if (status !== null && status !== 'open')
      return nothingSent({ state: 'cancelled', reason: 'invitation_closed' });
    const language = languageOf(who.person, loaded.campaign);
    const pitch = pitchFor(loaded.campaign.pitch, language);
    const startedAt = now();
    const answer = await options.feed.send(
      message.recipientPersonId,
      {
        topic: {
          source: 'text',
          value: loaded.campaign.name,
          webUrl: campaignLink(loaded.campaign.id, false, options.links),
        },
        activityType: payload.nomination ? 'nomination' : 'invitation',
        previewText: {
          content: previewText(pitch?.why ?? RECRUITMENT_STRINGS[language].feedPreview(loaded.campaign.name)),
        },
        templateParameters: [{ name: 'actor', value: payload.nomination?.nominatorName ?? 'Chorus' }],
      },
      { idempotencyKey: message.idempotencyKey },
    );
    return {
      startedAt,
      status: answer.status,
      retryAfterMs: answer.retryAfterMs,
      code: answer.code,
      subCode: null,
      activityId: null,
      conversationId: null,
      skipped: null,
    };
  };

  return {
    async deliver(message, waitForSendSlot) {
      if (message.transport === 'graph_feed') return deliverFeed(message);
      const rendered = await render(message);
      if (!rendered.ok) return nothingSent(rendered.skipped);
      return deliverBot(message, rendered.activity, waitForSendSlot);
    },
  };
}
