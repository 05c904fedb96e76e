import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  drawNumber,
  freezeEntries,
  generateDrawSeed,
  runDraw,
  ticketsFor,
  type DrawEntry,
} from './prize-draw';

const entries = (tickets: number[]): DrawEntry[] =>
  tickets.map((t, i) => ({ entrant: `E${i + 1}`, tickets: t }));

/** χ² critical values at p = 0.001 by degrees of freedom. */
const CHI2_P001: Record<number, number> = { 3: 16.266 };

function chiSquare(observed: number[], expected: number[]) {
  return observed.reduce((sum, o, i) => sum + (o - expected[i]!) ** 2 / expected[i]!, 0);
}

describe('the prize draw', () => {
  it('takes SHA-256 of "seed:k" as a big-endian number', () => {
    const hex = createHash('sha256').update('abc:7').digest('hex');
    expect(drawNumber('abc', 7)).toBe(BigInt(`0x${hex}`));
    expect(drawNumber('abc', 7)).not.toBe(drawNumber('abc', 8));
  });

  it('gives the same winners for the same seed and entries', () => {
    const list = entries([1, 2, 3, 4, 5, 6, 7, 8]);
    const a = runDraw('seed-one', list, 3);
    const b = runDraw('seed-one', entries([1, 2, 3, 4, 5, 6, 7, 8]), 3);
    expect(a).toHaveLength(3);
    expect(b).toEqual(a);
  });

  it('gives different orders for different seeds', () => {
    const list = entries(Array.from({ length: 20 }, () => 1));
    const orders = new Set(Array.from({ length: 10 }, (_, i) => runDraw(`seed-${i}`, list, 20).join(',')));
    // Ten seeds over 20! orders: all distinct unless the seed were ignored.
    expect(orders.size).toBe(10);
  });

  it('never picks an entrant twice, and stops when the entrants run out', () => {
    const list = entries([5, 1, 1]);
    for (let i = 0; i < 200; i++) {
      const winners = runDraw(`s${i}`, list, 10);
      expect(winners).toHaveLength(3);
      expect(new Set(winners).size).toBe(3);
    }
    expect(runDraw('x', [], 3)).toEqual([]);
  });

  it('never picks an entry with no tickets', () => {
    const list = [...entries([1, 1]), { entrant: 'E0', tickets: 0 }];
    for (let i = 0; i < 100; i++) expect(runDraw(`z${i}`, list, 3)).not.toContain('E0');
  });

  it('is fair: wins are proportional to tickets (χ², p = 0.001)', () => {
    const tickets = [1, 2, 3, 4];
    const n = 4000;
    const wins = [0, 0, 0, 0];
    const list = entries(tickets);
    for (let i = 0; i < n; i++) {
      const [winner] = runDraw(`fairness-${i}`, list, 1);
      wins[Number(winner!.slice(1)) - 1]! += 1;
    }
    const expected = tickets.map((t) => (n * t) / 10);
    expect(chiSquare(wins, expected)).toBeLessThan(CHI2_P001[3]!);
    // And the ordering is visible, not just "not too far off".
    expect(wins[0]!).toBeLessThan(wins[3]!);
  });

  it('is fair under the one-ticket rule: everyone equally likely (χ², p = 0.001)', () => {
    const n = 4000;
    const wins = [0, 0, 0, 0];
    const list = entries([1, 1, 1, 1]);
    for (let i = 0; i < n; i++) {
      const [winner] = runDraw(`equal-${i}`, list, 1);
      wins[Number(winner!.slice(1)) - 1]! += 1;
    }
    expect(chiSquare(wins, [1000, 1000, 1000, 1000])).toBeLessThan(CHI2_P001[3]!);
  });

  it('detects a biased draw: a first-entry-favouring picker fails the same χ² bound', () => {
    // Guards the fairness test itself: the bound is tight enough to catch a real bias.
    const n = 4000;
    const wins = [0, 0, 0, 0];
    for (let i = 0; i < n; i++) {
      const v = Number(drawNumber(`bias-${i}`, 0) % 12n);
      wins[v < 4 ? 0 : v < 6 ? 1 : v < 9 ? 2 : 3]! += 1; // 4/12 to the first instead of 3/12
    }
    expect(chiSquare(wins, [1000, 1000, 1000, 1000])).toBeGreaterThan(CHI2_P001[3]!);
  });

  it('makes a 64-hex-character seed', () => {
    const seed = generateDrawSeed();
    expect(seed).toMatch(/^[0-9a-f]{64}$/);
    expect(generateDrawSeed()).not.toBe(seed);
  });
});

describe('freezing the entries', () => {
  it('names entrants E1… in a shuffled order and keeps who is who apart', () => {
    const candidates = Array.from({ length: 30 }, (_, i) => ({ personId: `p${i}`, tickets: i % 3 }));
    const { entries: frozen, personOf } = freezeEntries(candidates);
    // Those with no tickets are left out.
    expect(frozen).toHaveLength(20);
    expect(frozen.map((e) => e.entrant)).toEqual(frozen.map((_, i) => `E${i + 1}`));
    expect(JSON.stringify(frozen)).not.toMatch(/p\d/);
    for (const e of frozen) {
      const person = personOf.get(e.entrant)!;
      expect(candidates.find((c) => c.personId === person)!.tickets).toBe(e.tickets);
    }
    // Shuffled: the people are not in the candidates' order.
    const order = frozen.map((e) => personOf.get(e.entrant));
    const given = candidates.filter((c) => c.tickets > 0).map((c) => c.personId);
    expect(new Set(order)).toEqual(new Set(given));
    expect(order).not.toEqual(given);
  });

  it('counts tickets by the rule, none below the threshold', () => {
    expect(ticketsFor('one', 5, 2)).toBe(1);
    expect(ticketsFor('per_share', 5, 2)).toBe(5);
    expect(ticketsFor('per_share', 1, 2)).toBe(0);
    expect(ticketsFor('one', 0, 0)).toBe(0);
  });
});
