import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { coach, type CoachInput, type CoachSettings } from '../../src/domain/coach';
import type { Language } from '../../src/domain/person';
import type { Network } from '../../src/domain/program';
import { mulberry32 } from '../../src/domain/seeded-random';

// The sparring coach (issue 5): p95 of one coach() call on 3,000-character drafts, Danish and English,
// against 5 caption variants of about 400 characters, 20 blocked terms and 200 colleague names.
// Goal: p95 ≤ 20 ms (the bot answers within a second, with the card to render and send on top).
// Two ways: "fresh", where every call gets new settings and name-list objects, as when they are read
// from the database per turn (nothing memoised), and "reused", with the same objects every call.

export interface CoachBench {
  drafts: number;
  meanChars: number;
  fresh: { p50Ms: number; p95Ms: number; p99Ms: number; maxMs: number };
  reused: { p50Ms: number; p95Ms: number; p99Ms: number; maxMs: number };
  /**
   * Settings read per turn, and the draft compared with a whole library's captions (what the
   * spar-draft service does when a draft links to no item: up to 200 items, here 5 variants each).
   */
  library: { captions: number; p50Ms: number; p95Ms: number; p99Ms: number; maxMs: number };
  /** Findings per draft, on average (a sanity check that the drafts exercise the checks). */
  meanFindings: number;
  goalP95Ms: number;
  met: boolean;
}

/** A small deterministic generator (mulberry32), so every run checks the same drafts. */
const prng = mulberry32;

const SENTENCES: Record<Language, string[]> = {
  da: [
    'I går stod jeg på lageret i Kolding og så, hvordan holdet pakker ordrer til hele landet.',
    'Vi har arbejdet på den her løsning i otte måneder, og jeg er stolt af det, vi har nået.',
    'Det bedste ved mit job er de mennesker, jeg møder hver dag.',
    'Har du nogensinde tænkt over, hvor meget arbejde der ligger bag en levering?',
    'Sidste uge viste jeg 40 studerende rundt på kontoret, og deres spørgsmål overraskede mig.',
    'Vores kunder fortæller os, at de sparer tid, og det gør mig glad.',
    'Jeg lærte mere af én dag i marken end af en måned bag skærmen.',
    'Det er ikke altid let, men vi bliver ved, fordi det betyder noget for folk.',
    'Mange spørger, hvordan vi arbejder med bæredygtighed, og svaret er: lidt hver dag.',
    'Da jeg startede for fem år siden, var vi kun tolv mennesker i et lille kontor i kælderen under bageriet, og ingen af os havde forestillet sig, at vi en dag ville hjælpe kunder i hele Norden med deres regnskaber.',
  ],
  en: [
    'Yesterday I stood in our warehouse in Kolding and watched the team pack orders for the whole country.',
    'We have worked on this solution for eight months, and I am proud of what we achieved.',
    'The best part of my job is the people I meet every day.',
    'Have you ever thought about how much work goes into a single delivery?',
    'Last week I showed 40 students around the office, and their questions surprised me.',
    'Our customers tell us they save time, and that makes me happy.',
    'I learned more from one day in the field than from a month behind a screen.',
    'It is not always easy, but we keep going because it matters to people.',
    'Many ask how we work with sustainability, and the answer is: a little every day.',
    'When I started five years ago we were only twelve people in a small office in the basement under the bakery, and none of us imagined that one day we would help customers all over the Nordics with their accounts.',
  ],
};

const OPENERS: Record<Language, string[]> = {
  da: ['Reklame: ', 'Annonce | ', '', '#reklame ', 'Vi er stolte af at kunne fortælle, at ', '📣 Reklame: '],
  en: ['Advertisement: ', 'Reklame: ', '', 'Ad: ', 'We are proud to announce that ', '📣 Advertisement: '],
};
const EXTRAS = [
  ' Læs mere på https://www.contoso.com/nyheder/2026/lager og del gerne.',
  ' Mit link: https://contoso.com/r/Ab3dE9',
  ' 🚀🎉🙏',
  ' #job #kolding #logistik',
  ' #ad',
  ' Se https://www.example.org/artikel?kilde=linkedin for baggrund.',
];

const FIRST = ['Mette', 'Jonas', 'Anna', 'Mikkel', 'Sofie', 'Lars', 'Ida', 'Frederik', 'Camilla', 'Emil'];
const LAST = [
  'Hansen',
  'Jensen',
  'Nielsen',
  'Pedersen',
  'Berg',
  'Holm',
  'Larsen',
  'Sørensen',
  'Kristensen',
  'Madsen',
  'Olsen',
  'Thomsen',
  'Poulsen',
  'Møller',
  'Lund',
  'Dahl',
  'Bak',
  'Krogh',
  'Vestergaard',
  'Friis',
];

/** 200 colleague names. */
export const BENCH_NAMES = FIRST.flatMap((f) => LAST.map((l) => `${f} ${l}`));

/** 20 blocked terms: code names, customers, confidential words. */
export const BENCH_BLOCKED = [
  'fortroligt',
  'confidential',
  'Projekt Nova',
  'Project Falcon',
  'Fabrikam',
  'Northwind',
  'Tailspin Toys',
  'Wingtip',
  'Litware',
  'Adventure Works',
  'intern pris',
  'internal pricing',
  'Blue Yonder Airlines',
  'Coho Winery',
  'kodenavn Orion',
  'Project Orion',
  'Woodgrove Bank',
  'ikke offentligt',
  'not public yet',
  'Margie Travel',
];

/** Five caption variants of about 400 characters. */
export const BENCH_CAPTIONS = [
  'Contoso åbner et nyt innovationscenter i Aarhus med plads til 200 udviklere. Centret skal udvikle fremtidens grønne energiløsninger sammen med kunder og universiteter. Vi søger allerede de første 40 kolleger inden for software, data og design. Læs mere om stillingerne og om centret på vores karriereside, og del gerne med dem i dit netværk, som kunne være interesserede i at være med fra begyndelsen.',
  'Nyt innovationscenter i Aarhus: Contoso samler 200 udviklere under ét tag for at skabe grønne energiløsninger sammen med kunder og forskere. De første stillinger er slået op nu, og vi leder efter nysgerrige mennesker, der vil bygge noget nyt fra bunden. Kender du en, der passer til beskrivelsen? Så del opslaget, og hjælp os med at finde de rette kolleger til holdet i Aarhus.',
  'Contoso is opening a new innovation centre in Aarhus with room for 200 developers. The centre will build the green energy solutions of the future together with customers and universities. We are already hiring the first 40 colleagues in software, data and design. Read more about the jobs and the centre on our careers page, and share it with people in your network who might want to join from day one.',
  'A new innovation centre in Aarhus: Contoso brings 200 developers under one roof to create green energy solutions with customers and researchers. The first jobs are posted now, and we are looking for curious people who want to build something new from scratch. Do you know someone who fits? Share this post and help us find the right colleagues for the team in Aarhus, starting this autumn.',
  'Fra idé til vindmølle: i det nye center i Aarhus arbejder udviklere, dataloger og designere tæt sammen med kunderne om grønne løsninger. Contoso investerer i 200 nye stillinger over de næste tre år, og de første er klar nu. Tjek karrieresiden, hvis du vil vide mere om holdet, opgaverne og kulturen, og skriv gerne til os, hvis du har spørgsmål om centret eller stillingerne.',
];

const NETWORKS: Network[] = ['linkedin', 'linkedin', 'linkedin', 'x', 'instagram'];

const CITIES = [
  'Aarhus',
  'Odense',
  'Aalborg',
  'Esbjerg',
  'Kolding',
  'Vejle',
  'Horsens',
  'Randers',
  'Roskilde',
  'Herning',
];

/** `items` library items with 5 caption variants each, all different texts. */
export function libraryCaptions(items: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < items; i++) {
    const city = CITIES[i % CITIES.length]!;
    for (const base of BENCH_CAPTIONS) {
      out.push(`${base.replace(/Aarhus/g, city).replace(/200/g, String(20 + i))} (${i + 1}/${items})`);
    }
  }
  return out;
}

/** `count` varied drafts of about `chars` characters (deterministic). */
export function benchDrafts(count: number, chars = 3000): CoachInput[] {
  const rand = prng(20261123);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const drafts: CoachInput[] = [];
  for (let i = 0; i < count; i++) {
    const language: Language = i % 2 === 0 ? 'da' : 'en';
    const tail = '\n\n#contoso #aarhus #job #energi';
    let text = pick(OPENERS[language]);
    while (text.length < chars - tail.length) {
      const r = rand();
      if (r < 0.08) text += ` ${pick(BENCH_CAPTIONS).slice(0, 200)}`;
      else if (r < 0.12) text += ` Tak til ${pick(BENCH_NAMES)} og @${pick(FIRST).toLowerCase()}.`;
      else if (r < 0.14) text += ` Det er ${pick(BENCH_BLOCKED)}.`;
      else if (r < 0.2) text += pick(EXTRAS);
      else text += ` ${pick(SENTENCES[language])}`;
      // Paragraphs now and then, and sometimes none (walls of text are part of the mix).
      if (i % 7 !== 0 && rand() < 0.25) text += '\n\n';
    }
    drafts.push({
      text: text.slice(0, chars - tail.length) + tail,
      network: pick(NETWORKS),
      kind: rand() < 0.7 ? 'program' : 'voluntary',
      language,
      captions: BENCH_CAPTIONS,
      colleagueNames: BENCH_NAMES,
    });
  }
  return drafts;
}

const SETTINGS: CoachSettings = {
  companyName: 'Contoso A/S',
  blockedTerms: BENCH_BLOCKED,
  requiredHashtags: ['#LifeAtContoso', '#contoso'],
  tone: 'du',
  emojiPolicy: 'sparing',
  companyDomains: ['contoso.com', 'contoso.dk'],
};

function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { p50Ms: at(0.5), p95Ms: at(0.95), p99Ms: at(0.99), maxMs: sorted[sorted.length - 1]! };
}

/** Times coach() on each draft, after a warm-up pass. */
export function benchCoach(options: { drafts?: number } = {}): CoachBench {
  const drafts = benchDrafts(options.drafts ?? 2000);
  // Warm-up: let V8 compile the hot paths (not measured).
  for (const d of drafts.slice(0, 200)) coach(d, SETTINGS);

  const fresh: number[] = [];
  const reused: number[] = [];
  let findings = 0;
  for (const d of drafts) {
    // As read from the database for each turn: new objects, so nothing is memoised.
    const settings = { ...SETTINGS, blockedTerms: [...SETTINGS.blockedTerms] };
    const input = { ...d, colleagueNames: [...BENCH_NAMES] };
    let t = performance.now();
    const result = coach(input, settings);
    fresh.push(performance.now() - t);
    findings += result.findings.length;
    t = performance.now();
    coach(d, SETTINGS);
    reused.push(performance.now() - t);
  }
  // A whole library's captions, as new strings each turn (as read from the database).
  const library = libraryCaptions(200);
  const wide: number[] = [];
  for (const d of drafts) {
    const settings = { ...SETTINGS, blockedTerms: [...SETTINGS.blockedTerms] };
    const input = {
      ...d,
      captions: library.map((c) => (' ' + c).slice(1)),
      colleagueNames: [...BENCH_NAMES],
    };
    const t = performance.now();
    coach(input, settings);
    wide.push(performance.now() - t);
  }

  const goalP95Ms = 20;
  const f = percentiles(fresh);
  const w = percentiles(wide);
  const r = percentiles(reused);
  return {
    drafts: drafts.length,
    meanChars: Math.round(drafts.reduce((n, d) => n + d.text.length, 0) / drafts.length),
    fresh: f,
    reused: r,
    library: { captions: library.length, ...w },
    meanFindings: findings / drafts.length,
    goalP95Ms,
    met: f.p95Ms <= goalP95Ms && r.p95Ms <= goalP95Ms && w.p95Ms <= goalP95Ms,
  };
}

// `npx tsx tests/bench/coach.ts [drafts]`: one run on its own.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const count = process.argv[2] ? Number(process.argv[2]) : undefined;
  try {
    const result = benchCoach(count ? { drafts: count } : {});
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  }
}
