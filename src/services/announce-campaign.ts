import { randomUUID } from 'node:crypto';
import type { SendProgress } from '../contracts/recruitment';
import {
  announcementMessageKey,
  assertAnnounceable,
  invitationMessageKey,
  invitationTransport,
  invitationVia,
  type PersonalInvitations,
} from '../domain/campaign';
import { AppError, type FieldProblem } from '../domain/errors';
import { msg } from '../domain/messages';
import type { CampaignDeps } from '../ports/campaigns';
import type { OutboxMessageInput, OutboxStore } from '../ports/outbox';
import type { UnitOfWork } from '../ports/unit-of-work';
import { getCampaign } from './get-campaign';

export interface AnnounceCampaignInput {
  tenantId: string;
  actorId: string;
  campaignId: string;
  channelIds: string[];
  personal: PersonalInvitations;
  /** From the client: the same press of "announce", repeated, makes one send. */
  idempotencyKey: string;
}

/**
 * Announces a campaign: marks it running, targets its audience as the rules select it now (set-based,
 * so 10,000 people cost a few statements), and makes one outbox send with a card per chosen channel
 * and, for personal invitations, one message per open invitation. The same key again returns the
 * first send and adds nothing. Targeting and the send are one unit of work: should the enqueue fail,
 * the campaign is as it was (a draft stays a draft, nobody is targeted or invited), and repeating the
 * request with the same key announces it whole.
 */
export async function announceCampaign(
  deps: CampaignDeps & {
    /** Reads the send's progress; the send itself is enqueued through `unitOfWork`. */
    outbox: Pick<OutboxStore, 'progress'>;
    unitOfWork: UnitOfWork;
  },
  input: AnnounceCampaignInput,
): Promise<SendProgress> {
  const { tenantId, campaignId } = input;
  const campaign = await getCampaign(deps, input);
  const existing = await deps.campaigns.sendIdForKey(tenantId, input.idempotencyKey);
  if (existing) return progressOf(deps.outbox, tenantId, existing);

  const now = deps.clock.now();
  assertAnnounceable(campaign, now);
  const channelIds = [...new Set(input.channelIds)];
  if (channelIds.length === 0 && input.personal === 'none') {
    throw new AppError('VALIDATION_FAILED', 'announcementInvalid', {
      problems: [{ field: 'channelIds', message: msg('nothingToAnnounce') }],
    });
  }
  const known = new Map((await deps.campaigns.channels(tenantId)).map((c) => [c.conversationId, c]));
  const problems: FieldProblem[] = [];
  input.channelIds.forEach((id, i) => {
    if (!known.has(id)) problems.push({ field: `channelIds.${i}`, message: msg('unknownChannel') });
  });
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', 'announcementInvalid', { problems });

  // Targeting also happens for a channel-only announcement: the audience then sees the campaign on
  // the Campaigns page and the funnel has its "targeted" stage, without personal messages.
  const personal = input.personal === 'none' ? null : input.personal;
  const id = await deps.unitOfWork.run(async (tx) => {
    const { pending } = await tx.campaigns.target(tenantId, campaignId, {
      filter: campaign.audience,
      via: personal ? invitationVia(personal) : null,
      at: now,
    });

    const sendId = randomUUID();
    const messages: OutboxMessageInput[] = channelIds.map((id) => ({
      idempotencyKey: announcementMessageKey(sendId, id),
      transport: 'bot',
      recipientPersonId: null,
      conversationId: id,
      serviceUrl: known.get(id)!.serviceUrl,
      payload: { kind: 'campaignAnnouncement', campaignId },
    }));
    if (personal) {
      const transport = invitationTransport(personal);
      for (const p of pending) {
        messages.push({
          idempotencyKey: invitationMessageKey(p.invitationId),
          transport,
          recipientPersonId: p.personId,
          conversationId: null,
          serviceUrl: null,
          payload: { kind: 'campaignInvitation', campaignId, invitationId: p.invitationId, nomination: null },
        });
      }
    }
    const { sendId: stored } = await tx.outbox.enqueue(
      tenantId,
      {
        id: sendId,
        campaignId,
        kind: channelIds.length > 0 ? 'announcement' : 'invitations',
        idempotencyKey: input.idempotencyKey,
        createdBy: input.actorId,
      },
      messages,
    );
    return stored;
  });
  return progressOf(deps.outbox, tenantId, id);
}

async function progressOf(
  outbox: Pick<OutboxStore, 'progress'>,
  tenantId: string,
  sendId: string,
): Promise<SendProgress> {
  const progress = await outbox.progress(tenantId, sendId);
  if (!progress) throw new AppError('NOT_FOUND', 'noSuchSend');
  return progress;
}
