import { randomUUID } from 'node:crypto';
import { AppError } from '../domain/errors';
import {
  decideInvitation,
  isCampaignRunning,
  MAX_TEAM_DEPTH,
  nominationWindowStart,
  normaliseNote,
  overNominationLimit,
  type NominationRelation,
} from '../domain/nomination';
import type { Person } from '../domain/person';
import type { Nomination, NominationStore } from '../ports/nominations';
import type { OutboxStore } from '../ports/outbox';
import type { UnitOfWork } from '../ports/unit-of-work';
import type { ServiceDeps } from './deps';

/** What nominations and recommendations need. */
export interface NominationDeps extends ServiceDeps {
  /** The reads before the nomination (campaign, team depth); the nomination itself is made in `unitOfWork`. */
  nominations: NominationStore;
  /** The nomination, its invitation and the invitation's message, as one transaction. */
  unitOfWork: UnitOfWork;
}

export interface NominationInput {
  tenantId: string;
  /** The signed-in person: from the session, never from the request body. */
  nominatorId: string;
  campaignId: string;
  personId: string;
  note: string;
}

/**
 * What became of a nomination. Deliberately not returned to the nominator: every accepted nomination
 * answers the same (202, empty), so nobody learns that the person had declined or was already invited.
 */
export type NominationOutcome = 'invited' | 'suppressed' | 'repeat';

/** A manager nominates someone in their own subtree (any depth up to MAX_TEAM_DEPTH). */
export async function nominateColleague(
  deps: NominationDeps,
  input: NominationInput,
): Promise<NominationOutcome> {
  const campaign = await runningCampaign(deps, input);
  const depth = await deps.nominations.depthBelow(
    input.tenantId,
    input.nominatorId,
    input.personId,
    MAX_TEAM_DEPTH,
  );
  if (depth === null) throw new AppError('FORBIDDEN', 'nominationNotYourReport');
  return recordNomination(deps, { ...input, campaignId: campaign.id, relation: 'manager' });
}

/** The campaign, when it exists and runs now: 404 and 409 otherwise. */
export async function runningCampaign(deps: NominationDeps, input: { tenantId: string; campaignId: string }) {
  const campaign = await deps.nominations.getCampaign(input.tenantId, input.campaignId);
  if (!campaign) throw new AppError('NOT_FOUND', 'nominationCampaignNotFound');
  if (!isCampaignRunning(campaign, deps.clock.now()))
    throw new AppError('CONFLICT', 'nominationCampaignNotRunning');
  return campaign;
}

/**
 * Records a nomination or recommendation whose relation is already checked, and invites the person
 * unless they already hold an open invitation or declined this campaign. The nomination, the
 * invitation and the invitation's message (keyed by the invitation) are one unit of work: should any
 * write fail, none is stored and the nomination can simply be made again, by anyone.
 */
export async function recordNomination(
  deps: NominationDeps,
  input: NominationInput & { relation: NominationRelation },
): Promise<NominationOutcome> {
  const { tenantId, nominatorId, personId, campaignId, relation } = input;
  const nominee = await deps.store.people.get(tenantId, personId);
  if (!nominee?.accountEnabled) throw new AppError('NOT_FOUND', 'nomineeNotFound');
  if (await deps.store.memberships.get(tenantId, personId)) {
    throw new AppError('CONFLICT', 'nomineeAlreadyAmbassador');
  }
  const nominator = await deps.store.people.get(tenantId, nominatorId);
  if (!nominator) throw new AppError('PERSON_NOT_IN_DIRECTORY', 'notInDirectory');
  const now = deps.clock.now();
  const note = normaliseNote(input.note);

  return deps.unitOfWork.run(async (tx) => {
    const { nominations } = tx;
    await nominations.lockForNomination(tenantId, nominatorId, campaignId, personId);
    // Nothing new: an invitation it opened was queued with it, in the same transaction.
    if (await nominations.findNomination(tenantId, campaignId, personId, nominatorId)) {
      return 'repeat' as const;
    }
    const standing = await nominations.nomineeStanding(tenantId, campaignId, personId);
    const made = await nominations.countByNominatorSince(tenantId, nominatorId, nominationWindowStart(now));
    // Suppressed nominations count too, so the limit behaves the same whatever the person did.
    if (overNominationLimit(made)) throw new AppError('RATE_LIMITED', 'nominationDailyLimit');

    const decision = decideInvitation({
      hasOpenInvitation: standing.openInvitationId !== null,
      declined: standing.declined,
    });
    const invitationId =
      decision === 'invite'
        ? await openInvitation(nominations, tenantId, { campaignId, nominee, relation, now })
        : null;
    const nomination: Nomination = {
      id: randomUUID(),
      campaignId,
      nomineeId: personId,
      nominatorId,
      relation,
      note,
      invitationId,
      createdAt: now,
    };
    if (!(await nominations.insertNomination(tenantId, nomination))) {
      throw new Error('a nomination of the same pair appeared while its lock was held');
    }
    if (!invitationId) return 'suppressed' as const;
    await enqueueInvitation(tx.outbox, tenantId, nomination, nominator.displayName);
    return 'invited' as const;
  });
}

/**
 * Opens a personal invitation and puts the person in the campaign's audience; null when an invitation
 * opened meanwhile (a campaign's fan-out, say): the partial unique index has the last word.
 */
async function openInvitation(
  nominations: NominationStore,
  tenantId: string,
  input: { campaignId: string; nominee: Person; relation: NominationRelation; now: Date },
): Promise<string | null> {
  const { campaignId, nominee, relation, now } = input;
  const id = randomUUID();
  const opened = await nominations.insertOpenInvitation(tenantId, {
    id,
    campaignId,
    personId: nominee.id,
    source: relation,
    via: 'chat',
    createdAt: now,
  });
  if (!opened) return null;
  await nominations.ensureAudienceMember(tenantId, {
    campaignId,
    personId: nominee.id,
    department: nominee.department,
    officeLocation: nominee.officeLocation,
    at: now,
  });
  return id;
}

/** Queues the nominee's invitation: idempotent on the nomination and on the invitation. */
async function enqueueInvitation(
  outbox: OutboxStore,
  tenantId: string,
  n: Nomination,
  nominatorName: string,
) {
  const invitationId = n.invitationId!;
  await outbox.enqueue(
    tenantId,
    {
      id: randomUUID(),
      campaignId: n.campaignId,
      kind: 'nomination',
      idempotencyKey: `nominate:${n.id}`,
      createdBy: n.nominatorId,
    },
    [
      {
        idempotencyKey: `invite:${invitationId}`,
        transport: 'bot',
        recipientPersonId: n.nomineeId,
        conversationId: null,
        serviceUrl: null,
        payload: {
          kind: 'campaignInvitation',
          campaignId: n.campaignId,
          invitationId,
          nomination: { nominatorName, relation: n.relation, note: n.note },
        },
        // Ahead of broadcasts: one person is waiting for it.
        priority: 3,
      },
    ],
  );
}
