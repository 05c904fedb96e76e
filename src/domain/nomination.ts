// Rules for My team, nominations by managers and recommendations by colleagues. PRODUCT.md's
// voluntary participation shapes them: a manager never learns that someone declined, so a decline
// looks exactly like an invitation still waiting, on My team and in the answer to a nomination.

/** How far below a manager My team and nominations reach (a directory loop stops here too). */
export const MAX_TEAM_DEPTH = 12;

/** Nominations and recommendations one person may make in any 24 hours. */
export const NOMINATIONS_PER_DAY = 20;
export const NOMINATION_WINDOW_MS = 24 * 60 * 60 * 1000;

export type NominationRelation = 'manager' | 'colleague';

/** What a manager may see of a person: never "declined". */
export type TeamStatus = 'ambassador' | 'invited' | 'none';

/** A campaign's status and period, as nominations need them. */
export interface CampaignWindow {
  id: string;
  name: string;
  status: 'draft' | 'running' | 'closed';
  startsAt: Date;
  endsAt: Date;
}

/** True when the campaign is running and inside its period, so it takes nominations. */
export function isCampaignRunning(campaign: CampaignWindow, now: Date): boolean {
  return (
    campaign.status === 'running' &&
    campaign.startsAt.getTime() <= now.getTime() &&
    now.getTime() < campaign.endsAt.getTime()
  );
}

/**
 * The status My team shows. `invited` is true for any invitation or nomination in a running campaign,
 * whatever became of it (open, declined, expired): the caller must not tell them apart, nor does this.
 */
export function teamStatus(facts: { member: boolean; invited: boolean }): TeamStatus {
  if (facts.member) return 'ambassador';
  return facts.invited ? 'invited' : 'none';
}

/**
 * Whether a nomination sends an invitation. One open invitation per person and campaign; someone who
 * declined this campaign is not asked again. Either way the nominator gets the same answer.
 */
export function decideInvitation(standing: {
  hasOpenInvitation: boolean;
  declined: boolean;
}): 'invite' | 'suppress' {
  return standing.hasOpenInvitation || standing.declined ? 'suppress' : 'invite';
}

/** The start of the rate-limit window that ends at `now`. */
export function nominationWindowStart(now: Date): Date {
  return new Date(now.getTime() - NOMINATION_WINDOW_MS);
}

/** True when another nomination would exceed the daily limit. */
export function overNominationLimit(madeInWindow: number): boolean {
  return madeInWindow >= NOMINATIONS_PER_DAY;
}

/** The note as stored and quoted: trimmed, and null when there is nothing to quote. */
export function normaliseNote(note: string | null | undefined): string | null {
  const trimmed = (note ?? '').trim();
  return trimmed === '' ? null : trimmed;
}

const byName = new Intl.Collator('da', { sensitivity: 'base' });

/** My team's order: direct reports first, then each level down; by name within a level. */
export function compareTeamMembers(
  a: { depth: number; displayName: string; id: string },
  b: { depth: number; displayName: string; id: string },
): number {
  return (
    a.depth - b.depth ||
    byName.compare(a.displayName, b.displayName) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}
