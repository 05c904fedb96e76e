import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Re-runs a Chorus prize draw from what was published, with nothing from Chorus itself: only Node's
// SHA-256. Written apart from src/domain/prize-draw.ts on purpose, as a second implementation of
// docs/prize-draw.md (a test checks that both agree).
//
//   npx tsx tests/cockpit/prize-draw-verify.ts draw.json      (the JSON of GET /api/draws/<id>)
//   npx tsx tests/cockpit/prize-draw-verify.ts < draw.json
//   npx tsx tests/cockpit/prize-draw-verify.ts --trace draw.json   (prints every step)
//
// The JSON needs `seed`, `entries` ([{ "entrant": "E1", "tickets": 2 }, …], in the published order) and
// `winnerCount`; when it also has `winners`, the script says whether the re-run gives the same ones.

export interface Entry {
  entrant: string;
  tickets: number;
}

/** The draw, step by step: each k's value, whether it was skipped, and which ticket and entrant it chose. */
export function rerun(
  seed: string,
  entries: Entry[],
  winnerCount: number,
  trace: (line: string) => void = () => {},
) {
  const remaining = entries.filter((e) => e.tickets > 0);
  const winners: string[] = [];
  for (let k = 0; winners.length < winnerCount && remaining.length > 0; k++) {
    const total = BigInt(remaining.reduce((s, e) => s + e.tickets, 0));
    const limit = ((1n << 256n) / total) * total;
    const hex = createHash('sha256').update(`${seed}:${k}`, 'utf8').digest('hex');
    const value = BigInt(`0x${hex}`);
    if (value >= limit) {
      trace(`k=${k} sha256=${hex} ≥ limit for total ${total}: skipped`);
      continue;
    }
    const ticket = value % total;
    let t = ticket;
    const index = remaining.findIndex((e) => {
      if (t < BigInt(e.tickets)) return true;
      t -= BigInt(e.tickets);
      return false;
    });
    const [winner] = remaining.splice(index, 1);
    trace(`k=${k} sha256=${hex} total=${total} ticket=${ticket} → ${winner!.entrant}`);
    winners.push(winner!.entrant);
  }
  return winners;
}

function main(args: string[]) {
  const traceOn = args.includes('--trace');
  const file = args.find((a) => a !== '--trace');
  const text = file ? readFileSync(file, 'utf8') : readFileSync(0, 'utf8');
  const draw = JSON.parse(text) as {
    seed: string;
    entries: Entry[];
    winnerCount: number;
    winners?: (string | { entrant: string })[];
  };
  const winners = rerun(
    draw.seed,
    draw.entries,
    draw.winnerCount,
    traceOn ? (l) => console.log(l) : undefined,
  );
  console.log(`winners: ${winners.join(', ') || '(none)'}`);
  if (draw.winners) {
    const published = draw.winners.map((w) => (typeof w === 'string' ? w : w.entrant));
    const same = published.length === winners.length && published.every((w, i) => w === winners[i]);
    console.log(same ? 'same winners as published ✓' : `DIFFERENT from published: ${published.join(', ')}`);
    process.exitCode = same ? 0 : 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2));
}
