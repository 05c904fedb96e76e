import { randomUUID } from 'node:crypto';
import { AppError } from '../domain/errors';
import { challengeEnded } from '../domain/gamification';
import { msg } from '../domain/messages';
import { freezeEntries, generateDrawSeed, runDraw, ticketsFor } from '../domain/prize-draw';
import type { Clock } from '../ports/clock';
import type { DrawRecord, GamificationStore } from '../ports/gamification';
import type { UnitOfWork } from '../ports/unit-of-work';
import { recordAudit } from './record-audit';

/** The outbox key of one winner's congratulation: one message per draw and entrant. */
export function prizeWinKey(drawId: string, entrant: string): string {
  return `prize-win:${drawId}:${entrant}`;
}

/** "2026-03-05 14:02 UTC": when, in words that read the same in every language. */
function minuteUtc(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/**
 * Comms runs the prize draw of an ended challenge. The qualifying ambassadors (shares in the period at
 * or above the threshold; past winners left out when asked) are frozen into pseudonymous entries with
 * their tickets, the published seed picks the winners by the public algorithm (src/domain/prize-draw.ts),
 * and the draw is stored (unless the challenge was drawn meanwhile: see `earlierDraws`) in one transaction
 * with its audit entry and each winner's congratulation (worded in their language when sent): all three,
 * or none of them.
 */
export async function runPrizeDraw(
  deps: {
    /** The reads before the draw; the draw itself is saved through `unitOfWork`. */
    gamification: Pick<GamificationStore, 'getChallenge' | 'sharesInPeriod' | 'pastWinners'>;
    unitOfWork: UnitOfWork;
    clock: Clock;
    /** Randomness for the seed and the entries' order (tests pin it). */
    random?: (n: number) => Buffer;
  },
  input: {
    tenantId: string;
    actorId: string;
    challengeId: string;
    winnerCount: number;
    excludePastWinners: boolean;
    seed?: string | undefined;
    /**
     * How many draws of the challenge the caller has seen (default 0: the first draw). A challenge may be
     * drawn again (a second round, say, leaving out the first round's winners), but only on purpose: if
     * it has more draws by now (a double click, a colleague, another instance), nothing is stored or sent
     * and the answer is a CONFLICT naming who drew it and when.
     */
    earlierDraws?: number | undefined;
  },
): Promise<DrawRecord & { challengeTitle: string }> {
  const { tenantId } = input;
  const challenge = await deps.gamification.getChallenge(tenantId, input.challengeId);
  if (!challenge) throw new AppError('NOT_FOUND', 'noSuchChallenge');
  const now = deps.clock.now();
  // Drawing while shares can still come in would be unfair to those still sharing.
  if (!challengeEnded(challenge, now)) {
    throw new AppError(
      'CONFLICT',
      msg('drawBeforeChallengeEnds', { endsAt: challenge.endsAt.toISOString() }),
    );
  }
  const [shares, past] = await Promise.all([
    deps.gamification.sharesInPeriod(tenantId, challenge),
    input.excludePastWinners ? deps.gamification.pastWinners(tenantId) : Promise.resolve(new Set<string>()),
  ]);
  const candidates = shares
    .filter((s) => !past.has(s.personId))
    .map((s) => ({
      personId: s.personId,
      tickets: ticketsFor(challenge.ticketRule, s.shares, challenge.threshold),
    }));
  const { entries, personOf } = freezeEntries(candidates, deps.random);
  const seed = input.seed ?? generateDrawSeed(deps.random);
  const winners = runDraw(seed, entries, input.winnerCount);
  const draw: DrawRecord = {
    id: randomUUID(),
    challengeId: challenge.id,
    seed,
    ticketRule: challenge.ticketRule,
    winnerCount: input.winnerCount,
    excludePastWinners: input.excludePastWinners,
    entries,
    winners,
    drawnBy: input.actorId,
    drawnAt: now,
  };
  const winnerRows = winners.map((entrant, i) => ({
    entrant,
    personId: personOf.get(entrant)!,
    position: i + 1,
  }));
  // One transaction: the draw, its audit entry and the congratulations commit together, so a crash
  // between them cannot leave winners untold. saveDraw locks the challenge row until the commit; a
  // draw it refuses throws here, rolling back (and so telling nobody anything).
  const seen = input.earlierDraws ?? 0;
  await deps.unitOfWork.run(async (tx) => {
    const saved = await tx.gamification.saveDraw(tenantId, draw, winnerRows, { earlierDraws: seen });
    if (!saved.saved) {
      const { draws, latest } = saved;
      throw new AppError(
        'CONFLICT',
        latest && draws > seen
          ? msg('drawAlreadyRun', { by: latest.drawnByName, at: minuteUtc(latest.drawnAt) })
          : msg('drawEarlierDrawsMismatch', { draws, seen }),
        { details: { draws, latestDrawId: latest?.id ?? null } },
      );
    }
    // Pseudonyms and counts only: who won is in draw_winners, forgotten when they leave.
    await recordAudit(
      { audit: tx.audit, clock: deps.clock },
      {
        tenantId,
        actorId: input.actorId,
        action: 'draw.run',
        subject: draw.id,
        data: {
          challengeId: challenge.id,
          seed,
          entries: entries.length,
          winnerCount: input.winnerCount,
          winners,
          excludePastWinners: input.excludePastWinners,
        },
      },
    );
    if (winnerRows.length > 0) {
      await tx.outbox.enqueue(
        tenantId,
        {
          id: randomUUID(),
          campaignId: null,
          kind: 'prizeDraw',
          idempotencyKey: `prize-draw:${draw.id}`,
          createdBy: input.actorId,
        },
        winnerRows.map((w) => ({
          idempotencyKey: prizeWinKey(draw.id, w.entrant),
          transport: 'bot' as const,
          recipientPersonId: w.personId,
          conversationId: null,
          serviceUrl: null,
          payload: { kind: 'prizeWin' as const, drawId: draw.id, challengeTitle: challenge.title },
          priority: 3,
        })),
      );
    }
  });
  return { ...draw, challengeTitle: challenge.title };
}
