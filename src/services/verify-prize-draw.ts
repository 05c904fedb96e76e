import { runDraw, type DrawEntry } from '../domain/prize-draw';

/** Re-runs the public draw algorithm on published inputs: the same seed and entries give the same winners. */
export function verifyPrizeDraw(input: { seed: string; entries: DrawEntry[]; winnerCount: number }) {
  return { winners: runDraw(input.seed, input.entries, input.winnerCount) };
}
