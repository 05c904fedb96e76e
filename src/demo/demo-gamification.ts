import { DEFAULT_GAMIFICATION_SETTINGS } from '../domain/gamification';
import type { Clock } from '../ports/clock';
import type { GamificationStore } from '../ports/gamification';
import type { UnitOfWork } from '../ports/unit-of-work';
import { createChallenge } from '../services/create-challenge';
import { runPrizeDraw } from '../services/run-prize-draw';
import { updateGamificationSettings } from '../services/update-gamification-settings';
import { generateDemoOrg } from './demo-org';

/** The published seed of the demo's finished draw, so anyone can re-run it (docs/prize-draw.md). */
export const DEMO_DRAW_SEED = 'nordlys-groen-omstilling-2026';

const DAY = 86_400_000;

/**
 * The demo's gamification, once per tenant (skipped when settings exist, e.g. on a restart or after
 * comms changed them): switched on with sensible points, a finished "#GrønOmstilling" challenge over
 * the last 30 days whose prize draw was run with a fixed seed, and a running challenge. It works with
 * whatever shares the demo activity seeded before it; with none, the draw simply has no entries.
 */
export async function seedDemoGamification(
  deps: { gamification: GamificationStore; unitOfWork: UnitOfWork; clock: Clock },
  input: { tenantId: string },
): Promise<{ seeded: boolean }> {
  const { tenantId } = input;
  if (await deps.gamification.getSettings(tenantId)) return { seeded: false };
  // The head of Communication runs the program in the demo org; the audit log names them.
  const actorId = generateDemoOrg().find((p) => p.jobTitle === 'Head of Communication')?.id ?? 'demo';
  const now = deps.clock.now();
  await updateGamificationSettings(deps, {
    tenantId,
    actorId,
    settings: {
      ...DEFAULT_GAMIFICATION_SETTINGS,
      enabled: true,
      leaderboard: true,
      individualLeaderboard: true,
      badges: true,
    },
  });
  const finished = await createChallenge(deps, {
    tenantId,
    actorId,
    challenge: {
      title: 'Grøn omstilling',
      description:
        'Del historier om vores grønne omstilling i 30 dage. To delinger giver et lod i lodtrækningen om en elcykel-weekend.',
      hashtag: '#GrønOmstilling',
      startsAt: new Date(now.getTime() - 30 * DAY),
      endsAt: new Date(now.getTime() - 60_000),
      threshold: 2,
      ticketRule: 'one',
    },
  });
  await runPrizeDraw(deps, {
    tenantId,
    actorId,
    challengeId: finished.id,
    winnerCount: 3,
    excludePastWinners: false,
    seed: DEMO_DRAW_SEED,
  });
  await createChallenge(deps, {
    tenantId,
    actorId,
    challenge: {
      title: 'Vis din arbejdsplads',
      description:
        'Fortæl, hvad du laver hos Nordlys Energi. Hver deling giver et lod; tre delinger kvalificerer.',
      hashtag: '#NordlysEnergi',
      startsAt: new Date(now.getTime() - 7 * DAY),
      endsAt: new Date(now.getTime() + 21 * DAY),
      threshold: 3,
      ticketRule: 'per_share',
    },
  });
  return { seeded: true };
}
