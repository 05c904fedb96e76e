import type { CampaignWindow, NominationRelation } from '../domain/nomination';

/**
 * One person below a manager. `invited` says only that some invitation or nomination exists in a
 * running campaign: the store does not tell open, declined and expired apart, so nothing above it can
 * leak a decline.
 */
export interface TeamEntry {
  id: string;
  displayName: string;
  jobTitle: string | null;
  department: string | null;
  depth: number;
  member: boolean;
  invited: boolean;
}

/** A recorded nomination. invitationId is null when it sent nothing (already invited, or declined). */
export interface Nomination {
  id: string;
  campaignId: string;
  nomineeId: string | null;
  nominatorId: string | null;
  relation: NominationRelation;
  note: string | null;
  invitationId: string | null;
  createdAt: Date;
}

/** Where a person stands in one campaign, as the nomination rules need it (never shown to anyone). */
export interface NomineeStanding {
  /** The open invitation, when there is one (at most one per person and campaign). */
  openInvitationId: string | null;
  /** They declined this campaign (an invitation marked declined, or "Not now" on the campaign). */
  declined: boolean;
}

/** Nominations and My team (docs/design/recruitment.md §3, §4). */
export interface NominationStore {
  /** Runs `work` in one transaction; the store it receives works inside it. */
  transaction<T>(work: (store: NominationStore) => Promise<T>): Promise<T>;
  /** The campaign's status and period, or null. */
  getCampaign(tenantId: string, campaignId: string): Promise<CampaignWindow | null>;
  /**
   * Enabled people below `managerId`, from depth 1 to `maxDepth` (each at their shallowest depth),
   * with whether they are ambassadors and whether they hold any invitation (whatever its status) or
   * nomination in a campaign running at `now`.
   */
  listTeam(tenantId: string, managerId: string, maxDepth: number, now: Date): Promise<TeamEntry[]>;
  /** How far below `managerId` the person is (1 = direct report), or null when not within `maxDepth`. */
  depthBelow(tenantId: string, managerId: string, personId: string, maxDepth: number): Promise<number | null>;
  /**
   * Serialises, until the transaction ends, nominations by one nominator (for the daily limit) and of
   * one person in one campaign (for the one-open-invitation rule). Always in that order.
   */
  lockForNomination(
    tenantId: string,
    nominatorId: string,
    campaignId: string,
    nomineeId: string,
  ): Promise<void>;
  /** How many nominations the nominator has made since `since`. */
  countByNominatorSince(tenantId: string, nominatorId: string, since: Date): Promise<number>;
  /** This nominator's earlier nomination of this person for this campaign, or null. */
  findNomination(
    tenantId: string,
    campaignId: string,
    nomineeId: string,
    nominatorId: string,
  ): Promise<Nomination | null>;
  nomineeStanding(tenantId: string, campaignId: string, personId: string): Promise<NomineeStanding>;
  /**
   * Adds an open personal invitation; false when the person already has an open one for the campaign
   * (the partial unique index decides, so this holds under concurrent writers too).
   */
  insertOpenInvitation(
    tenantId: string,
    invitation: {
      id: string;
      campaignId: string;
      personId: string;
      source: NominationRelation;
      via: 'chat';
      createdAt: Date;
    },
  ): Promise<boolean>;
  /** Adds the person to the campaign's audience (as targeted) unless they are in it already. */
  ensureAudienceMember(
    tenantId: string,
    member: {
      campaignId: string;
      personId: string;
      department: string | null;
      officeLocation: string | null;
      at: Date;
    },
  ): Promise<void>;
  /** Records a nomination; false when this nominator already nominated this person for the campaign. */
  insertNomination(tenantId: string, nomination: Nomination): Promise<boolean>;
}
