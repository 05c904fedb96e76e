import { AppError } from '../domain/errors';
import { msg } from '../domain/messages';
import type { JoinSource, Network, Topic } from '../domain/program';
import type { Store } from '../ports/store';
import type { UnitOfWork } from '../ports/unit-of-work';
import type { ServiceDeps } from './deps';

export interface JoinProgramInput {
  tenantId: string;
  personId: string;
  guidelinesVersion: number;
  networks: Network[];
  topics: Topic[];
  source: JoinSource;
  /** The recruitment campaign the person joins through (its card or page), for the funnel. */
  campaignId?: string | undefined;
}

/**
 * Makes a person an ambassador. They must accept the current guidelines version; the consent is
 * stored with time and version, and the bot's welcome is queued in the same transaction. Through a
 * campaign, the campaign records the join (and closes the person's open invitation) in that
 * transaction too, through the unit of work: a person never counts as joined without the campaign's
 * attribution, nor the other way round, and a failed join can simply be made again.
 */
export async function joinProgram(deps: ServiceDeps & { unitOfWork?: UnitOfWork }, input: JoinProgramInput) {
  const campaignId = input.campaignId ?? null;
  if (campaignId === null) return deps.store.transaction((store) => addMember(deps, store, input));
  if (!deps.unitOfWork) throw new Error('joining through a campaign needs the unit of work');
  return deps.unitOfWork.run(async (tx) => {
    // Checked first, so an unknown campaign changes nothing.
    if (!(await tx.campaigns.get(input.tenantId, campaignId))) {
      throw new AppError('NOT_FOUND', 'noSuchCampaign');
    }
    const membership = await addMember(deps, tx.store, input);
    await tx.campaigns.recordJoined(input.tenantId, campaignId, input.personId, membership.joinedAt);
    return membership;
  });
}

/** The membership, its consent, its activity and the welcome job, written through `store` (in a transaction). */
async function addMember(deps: ServiceDeps, store: Store, input: JoinProgramInput) {
  const person = await store.people.get(input.tenantId, input.personId);
  if (!person) throw new AppError('PERSON_NOT_IN_DIRECTORY', 'notInDirectory');
  const guidelines = await store.program.current(input.tenantId, 'guidelines');
  if (!guidelines) throw new AppError('NO_GUIDELINES', 'noGuidelines');
  if (guidelines.version !== input.guidelinesVersion) {
    throw new AppError(
      'GUIDELINES_VERSION_STALE',
      msg('guidelinesChanged', { version: guidelines.version }),
      { details: { currentVersion: guidelines.version } },
    );
  }
  const membership = {
    personId: input.personId,
    joinedAt: deps.clock.now(),
    guidelinesVersion: guidelines.version,
    networks: [...new Set(input.networks)],
    topics: [...new Set(input.topics)],
    source: input.source,
  };
  const inserted = await store.memberships.insert(input.tenantId, membership);
  if (!inserted) throw new AppError('ALREADY_MEMBER', 'alreadyMember');
  await store.consents.record(input.tenantId, input.personId, guidelines.version, input.source);
  await store.activity.record(input.tenantId, input.personId, 'joined', { source: input.source });
  await store.jobs.enqueue(
    input.tenantId,
    'bot.welcome',
    { personId: input.personId },
    { dedupeKey: `welcome:${input.personId}` },
  );
  return membership;
}
