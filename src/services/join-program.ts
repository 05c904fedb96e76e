import { AppError } from '../domain/errors';
import type { JoinSource, Network, Topic } from '../domain/program';
import type { ServiceDeps } from './deps';

export interface JoinProgramInput {
  tenantId: string;
  personId: string;
  guidelinesVersion: number;
  networks: Network[];
  topics: Topic[];
  source: JoinSource;
}

/**
 * Makes a person an ambassador. They must accept the current guidelines version; the consent is
 * stored with time and version, and the bot's welcome is queued in the same transaction.
 */
export async function joinProgram(deps: ServiceDeps, input: JoinProgramInput) {
  return deps.store.transaction(async (store) => {
    const person = await store.people.get(input.tenantId, input.personId);
    if (!person)
      throw new AppError('PERSON_NOT_IN_DIRECTORY', 'You are not in the organisation directory yet');
    const guidelines = await store.program.current(input.tenantId, 'guidelines');
    if (!guidelines) throw new AppError('NO_GUIDELINES', 'The program has no guidelines yet');
    if (guidelines.version !== input.guidelinesVersion) {
      throw new AppError(
        'GUIDELINES_VERSION_STALE',
        `The guidelines changed (now version ${guidelines.version}); read and accept the current version`,
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
    if (!inserted) throw new AppError('ALREADY_MEMBER', 'You are already an ambassador');
    await store.consents.record(input.tenantId, input.personId, guidelines.version, input.source);
    await store.activity.record(input.tenantId, input.personId, 'joined', { source: input.source });
    await store.jobs.enqueue(
      input.tenantId,
      'bot.welcome',
      { personId: input.personId },
      { dedupeKey: `welcome:${input.personId}` },
    );
    return membership;
  });
}
