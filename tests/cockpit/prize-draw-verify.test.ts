import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDraw } from '../../src/domain/prize-draw';
import { rerun } from './prize-draw-verify';

// The stand-alone re-run script (docs/prize-draw.md) is a second implementation of the algorithm:
// it must agree with the one Chorus draws with, on the documented example and on many others.

describe('the stand-alone prize-draw verifier', () => {
  it('agrees with Chorus on many seeds, entry lists and winner counts', () => {
    for (let i = 0; i < 300; i++) {
      const entries = Array.from({ length: 1 + (i % 17) }, (_, j) => ({
        entrant: `E${j + 1}`,
        tickets: 1 + ((i * 7 + j * 13) % 9),
      }));
      const winnerCount = 1 + (i % 5);
      expect(rerun(`seed-${i}`, entries, winnerCount)).toEqual(runDraw(`seed-${i}`, entries, winnerCount));
    }
  });

  it('gives the worked example of docs/prize-draw.md', () => {
    const steps: string[] = [];
    const entries = [
      { entrant: 'E1', tickets: 1 },
      { entrant: 'E2', tickets: 2 },
      { entrant: 'E3', tickets: 3 },
    ];
    expect(rerun('chorus', entries, 2, (l) => steps.push(l))).toEqual(['E3', 'E2']);
    expect(runDraw('chorus', entries, 2)).toEqual(['E3', 'E2']);
    expect(steps[0]).toContain('total=6 ticket=3 → E3');
    expect(steps[1]).toContain('total=3 ticket=2 → E2');
  });

  it('runs from the command line and says whether the winners match', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'draw-'));
    const file = path.join(dir, 'draw.json');
    const draw = {
      seed: 'chorus',
      entries: [
        { entrant: 'E1', tickets: 1 },
        { entrant: 'E2', tickets: 2 },
        { entrant: 'E3', tickets: 3 },
      ],
      winnerCount: 2,
      winners: [{ entrant: 'E3' }, { entrant: 'E2' }],
    };
    writeFileSync(file, JSON.stringify(draw));
    const script = path.join(import.meta.dirname, 'prize-draw-verify.ts');
    const out = execFileSync(process.execPath, ['--import', 'tsx', script, file], { encoding: 'utf8' });
    expect(out).toContain('winners: E3, E2');
    expect(out).toContain('same winners as published ✓');
    writeFileSync(file, JSON.stringify({ ...draw, winners: ['E1', 'E2'] }));
    expect(() =>
      execFileSync(process.execPath, ['--import', 'tsx', script, file], { encoding: 'utf8' }),
    ).toThrow();
  });
});
