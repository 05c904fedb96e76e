import { createHash, randomBytes } from 'node:crypto';

// The fair prize draw (docs/prize-draw.md). Pure and deterministic: given the published seed, the
// frozen entries (in their published order) and the number of winners, anyone gets the same winners.
// Randomness is only used to make a seed and to shuffle the entries before they are frozen, and it
// comes in as a parameter so tests can pin it.

/** One frozen entry: a pseudonymous entrant id and how many tickets it holds. */
export interface DrawEntry {
  entrant: string;
  tickets: number;
}

/** A candidate before freezing: who it is (never published) and how many tickets they earned. */
export interface DrawCandidate {
  personId: string;
  tickets: number;
}

/** 2^256: the number of values a SHA-256 digest can take. */
const SPACE = 1n << 256n;

/** A fresh published seed: 32 random bytes as 64 hex characters. */
export function generateDrawSeed(random: (n: number) => Buffer = randomBytes): string {
  return random(32).toString('hex');
}

/** The k-th number of the draw: SHA-256 of the UTF-8 text `${seed}:${k}`, read as a big-endian integer. */
export function drawNumber(seed: string, k: number): bigint {
  return BigInt(`0x${createHash('sha256').update(`${seed}:${k}`, 'utf8').digest('hex')}`);
}

/**
 * Draws up to `winnerCount` distinct entrants, in the order they were drawn. For k = 0, 1, 2, … it takes
 * drawNumber(seed, k); a value at or above the largest multiple of the remaining ticket total is skipped
 * (so every ticket is exactly equally likely: no modulo bias); otherwise ticket (value mod total) is
 * found by walking the remaining entries in their frozen order, its entrant wins and leaves the draw.
 * Entries with no tickets never win. The entries' order matters: it is part of what is published.
 */
export function runDraw(seed: string, entries: readonly DrawEntry[], winnerCount: number): string[] {
  const remaining = entries.filter((e) => e.tickets > 0).map((e) => ({ ...e }));
  const winners: string[] = [];
  let k = 0;
  while (winners.length < winnerCount && remaining.length > 0) {
    // Ticket totals stay far below 2^53 (the contract caps entries and tickets), so the walk can use
    // plain numbers; only the 256-bit value needs BigInt.
    const total = remaining.reduce((sum, e) => sum + e.tickets, 0);
    const bigTotal = BigInt(total);
    const limit = (SPACE / bigTotal) * bigTotal;
    let value = drawNumber(seed, k++);
    while (value >= limit) value = drawNumber(seed, k++);
    let ticket = Number(value % bigTotal);
    let index = 0;
    for (; index < remaining.length; index++) {
      const held = remaining[index]!.tickets;
      if (ticket < held) break;
      ticket -= held;
    }
    const [winner] = remaining.splice(index, 1);
    winners.push(winner!.entrant);
  }
  return winners;
}

/**
 * Freezes the candidates into published entries: they are shuffled with fresh randomness (so the order
 * says nothing about who is who, e.g. alphabetical names or join dates) and named E1, E2, … in that
 * order. Returns the entries and, kept private, which person each entrant id stands for.
 */
export function freezeEntries(
  candidates: readonly DrawCandidate[],
  random: (n: number) => Buffer = randomBytes,
): { entries: DrawEntry[]; personOf: Map<string, string> } {
  const shuffled = candidates
    .filter((c) => c.tickets > 0)
    .map((c) => ({ c, key: random(16).toString('hex') }));
  shuffled.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const entries: DrawEntry[] = [];
  const personOf = new Map<string, string>();
  shuffled.forEach(({ c }, i) => {
    const entrant = `E${i + 1}`;
    entries.push({ entrant, tickets: c.tickets });
    personOf.set(entrant, c.personId);
  });
  return { entries, personOf };
}

/** A challenge's ticket rule: one ticket per qualifying ambassador, or one per share in the period. */
export type TicketRule = 'one' | 'per_share';

/** Tickets earned under `rule` with `shares` in the period: none below the threshold. */
export function ticketsFor(rule: TicketRule, shares: number, threshold: number): number {
  if (shares < threshold || shares <= 0) return 0;
  return rule === 'one' ? 1 : shares;
}
