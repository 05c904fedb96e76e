import type { AnnounceRequest, CampaignStatus } from '../contracts/recruitment';
import { AppError } from './errors';

// Rules of a recruitment campaign's life: editing, announcing, and who sees it.

/** The dates and status the rules look at. */
export interface CampaignTimes {
  status: CampaignStatus;
  startsAt: Date;
  endsAt: Date;
}

/** True when employees see the campaign: running, and `now` within its period. */
export function campaignIsOpen(c: CampaignTimes, now: Date): boolean {
  return (
    c.status === 'running' && c.startsAt.getTime() <= now.getTime() && now.getTime() < c.endsAt.getTime()
  );
}

/** A closed campaign is kept as it was: CONFLICT. */
export function assertEditable(c: CampaignTimes): void {
  if (c.status === 'closed') throw new AppError('CONFLICT', 'campaignClosed');
}

/** A campaign can be announced until it closes or its period ends. */
export function assertAnnounceable(c: CampaignTimes, now: Date): void {
  assertEditable(c);
  if (c.endsAt.getTime() <= now.getTime()) throw new AppError('CONFLICT', 'campaignEnded');
}

export type PersonalInvitations = AnnounceRequest['personal'];

/** How an invitation reaches the person, as the invitations table records it. */
export function invitationVia(personal: Exclude<PersonalInvitations, 'none'>): 'chat' | 'activity_feed' {
  return personal === 'chat' ? 'chat' : 'activity_feed';
}

/** The outbox transport for personal invitations: the bot's chat, or a Graph activity-feed notification. */
export function invitationTransport(personal: Exclude<PersonalInvitations, 'none'>): 'bot' | 'graph_feed' {
  return personal === 'chat' ? 'bot' : 'graph_feed';
}

/** The outbox key of an invitation's message: one message per invitation, ever. */
export function invitationMessageKey(invitationId: string): string {
  return `invite:${invitationId}`;
}

/** The outbox key of a channel announcement within one send. */
export function announcementMessageKey(sendId: string, conversationId: string): string {
  return `announce:${sendId}:${conversationId}`;
}

/** Where an uploaded campaign image is served. */
export function campaignImageUrl(imageId: string | null): string | null {
  return imageId ? `/media/${imageId}` : null;
}
