import { randomUUID } from 'node:crypto';
import type { TicketRule } from '../domain/prize-draw';
import type { Clock } from '../ports/clock';
import type { ChallengeRecord } from '../ports/gamification';
import type { UnitOfWork } from '../ports/unit-of-work';
import { writeAudited } from './record-audit';

/**
 * Comms creates a challenge: a period, a hashtag, the shares that qualify and the ticket rule for its
 * prize draw. The contract has checked the fields (the end after the start, a threshold of at least 1).
 * The challenge and its audit entry are stored in one transaction.
 */
export async function createChallenge(
  deps: { unitOfWork: UnitOfWork; clock: Clock },
  input: {
    tenantId: string;
    actorId: string;
    challenge: {
      title: string;
      description: string;
      hashtag: string;
      startsAt: Date;
      endsAt: Date;
      threshold: number;
      ticketRule: TicketRule;
    };
  },
): Promise<ChallengeRecord> {
  const c = input.challenge;
  const record: ChallengeRecord = {
    id: randomUUID(),
    title: c.title.trim(),
    description: c.description.trim(),
    hashtag: c.hashtag.trim(),
    startsAt: c.startsAt,
    endsAt: c.endsAt,
    threshold: c.threshold,
    ticketRule: c.ticketRule,
    createdBy: input.actorId,
    createdAt: deps.clock.now(),
  };
  await writeAudited(
    deps,
    input,
    (tx) => tx.gamification.createChallenge(input.tenantId, record),
    () => ({
      action: 'challenge.created',
      subject: record.id,
      data: {
        startsAt: record.startsAt.toISOString(),
        endsAt: record.endsAt.toISOString(),
        threshold: record.threshold,
        ticketRule: record.ticketRule,
      },
    }),
  );
  return record;
}
