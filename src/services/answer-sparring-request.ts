import { randomUUID } from 'node:crypto';
import { AppError } from '../domain/errors';
import type { Clock } from '../ports/clock';
import type { UnitOfWork } from '../ports/unit-of-work';

/** The outbox key of a sparring reply: one message per request, however often it is enqueued. */
export function sparringReplyKey(requestId: number): string {
  return `sparring-reply:${requestId}`;
}

/**
 * Comms answers a sparring request: the reply is stored (only while the request is open, so a second
 * answer is refused) and queued in the outbox, which delivers it to the ambassador's 1:1 chat with the
 * bot, rendered in their language when it is sent. Both happen in one unit of work: should the enqueue
 * fail, the request stays open and answering it again queues the reply.
 */
export async function answerSparringRequest(
  deps: { unitOfWork: UnitOfWork; clock: Clock },
  input: { tenantId: string; actorId: string; requestId: number; reply: string },
) {
  const { tenantId, requestId } = input;
  const at = deps.clock.now();
  return deps.unitOfWork.run(async (tx) => {
    const answered = await tx.sparring.answer(tenantId, requestId, {
      reply: input.reply.trim(),
      answeredBy: input.actorId,
      at,
    });
    if (!answered) {
      const existing = await tx.sparring.get(tenantId, requestId);
      if (!existing) throw new AppError('NOT_FOUND', 'noSuchSparringRequest');
      throw new AppError('CONFLICT', 'sparringAlreadyAnswered');
    }
    const key = sparringReplyKey(requestId);
    await tx.outbox.enqueue(
      tenantId,
      {
        id: randomUUID(),
        campaignId: null,
        kind: 'sparringReply',
        idempotencyKey: key,
        createdBy: input.actorId,
      },
      [
        {
          idempotencyKey: key,
          transport: 'bot',
          recipientPersonId: answered.personId,
          conversationId: null,
          serviceUrl: null,
          payload: { kind: 'sparringReply', requestId },
          // A person waiting for an answer goes ahead of broadcasts.
          priority: 3,
        },
      ],
    );
    return answered;
  });
}
