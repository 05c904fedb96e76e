import { afterEach, describe, expect, it, vi } from 'vitest';
import { LANGUAGES } from '../person';
import {
  coach,
  DEFAULT_COACH_SETTINGS,
  describeFinding,
  FINDING_CODES,
  SEVERITIES,
  type CoachInput,
  type Finding,
  type FindingCode,
} from './index';
import { copiedPercent } from './similarity';
import {
  CAPTION_DA,
  CAPTIONS,
  DANISH_DRAFTS,
  ENGLISH_DRAFTS,
  inputFor,
  settingsFor,
  TEST_SETTINGS,
} from './testing/drafts';
import { countEmoji, detectLanguage, findUrls, tokens } from './text';

const ALL = [...DANISH_DRAFTS, ...ENGLISH_DRAFTS];

const input = (text: string, extra: Partial<CoachInput> = {}): CoachInput => ({
  text,
  network: 'linkedin',
  kind: 'program',
  language: 'da',
  captions: [],
  ...extra,
});
const codes = (findings: Finding[]) => findings.map((f) => f.code);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the draft table', () => {
  it('has at least 20 Danish and 20 English drafts, each detected as its own language', () => {
    expect(DANISH_DRAFTS.length).toBeGreaterThanOrEqual(20);
    expect(ENGLISH_DRAFTS.length).toBeGreaterThanOrEqual(20);
    for (const c of ALL) {
      // Read in the other language, the draft is still detected as its own.
      const other = c.language === 'da' ? 'en' : 'da';
      expect(coach({ ...inputFor(c), language: other }, settingsFor(c)).draftLanguage, c.name).toBe(
        c.language,
      );
    }
  });

  it('covers every finding code somewhere', () => {
    const seen = new Set(ALL.flatMap((c) => c.expected.map(([code]) => code)));
    expect(FINDING_CODES.filter((code) => !seen.has(code))).toEqual([]);
  });
});

describe('determinism', () => {
  it('gives the same result for the same input and settings, also from fresh copies', () => {
    for (const c of ALL) {
      const first = coach(inputFor(c), settingsFor(c));
      const again = coach(inputFor(c), settingsFor(c));
      const copies = coach(structuredClone(inputFor(c)), structuredClone(settingsFor(c)));
      expect(again, c.name).toEqual(first);
      expect(copies, c.name).toEqual(first);
    }
  });

  it('uses no clock and no randomness', () => {
    vi.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random used');
    });
    vi.spyOn(Date, 'now').mockImplementation(() => {
      throw new Error('Date.now used');
    });
    for (const c of ALL) expect(() => coach(inputFor(c), settingsFor(c))).not.toThrow();
  });

  it('sorts must fix, consider, good, then by the fixed code order', () => {
    for (const c of ALL) {
      const keys = coach(inputFor(c), settingsFor(c)).findings.map(
        (f) => SEVERITIES.indexOf(f.severity) * 100 + FINDING_CODES.indexOf(f.code),
      );
      expect(keys, c.name).toEqual([...keys].sort((a, b) => a - b));
    }
  });

  it('does not carry one settings object over to the next (memoised per object)', () => {
    const text = 'Reklame: Jeg kan ikke sige mere om Orion endnu.\n\n#a #b #c';
    const without = coach(input(text), { ...TEST_SETTINGS });
    const withTerm = coach(input(text), { ...TEST_SETTINGS, blockedTerms: ['Orion'] });
    expect(codes(without.findings)).not.toContain('BLOCKED_TERM');
    expect(withTerm.findings.find((f) => f.code === 'BLOCKED_TERM')?.params).toEqual({ term: 'Orion' });
  });
});

/** One representative finding per code (typed: a new code without an example is a compile error). */
const EXAMPLES: Record<FindingCode, Finding['params'][]> = {
  DISCLOSURE_MISSING: [{ mark: 'Reklame' }],
  DISCLOSURE_MISPLACED: [{ found: '#reklame', mark: 'Reklame' }],
  DISCLOSURE_WEAK: [{ found: '#ad', mark: 'Advertisement' }],
  DISCLOSURE_OK: [{ found: 'Annonce' }],
  SAY_WHERE_YOU_WORK: [{ company: 'Contoso' }, { company: '' }],
  BLOCKED_TERM: [{ term: 'Projekt Nova' }],
  TOO_LONG: [{ length: 3120, limit: 3000, over: 120, network: 'LinkedIn' }],
  HOOK_MISSING: [{}],
  HOOK_WEAK: [{ reason: 'generic' }, { reason: 'long', chars: 180, max: 140 }, { reason: 'short', min: 4 }],
  HOOK_GOOD: [{ reason: 'question' }, { reason: 'number' }, { reason: 'moment' }],
  HASHTAGS_TOO_MANY: [{ count: 8, min: 3, max: 5 }],
  HASHTAGS_TOO_FEW: [
    { count: 0, min: 3, max: 5 },
    { count: 1, min: 3, max: 5 },
    { count: 2, min: 3, max: 5 },
  ],
  HASHTAG_REQUIRED_MISSING: [{ hashtag: '#LivetHosContoso' }],
  COPIED_CAPTION: [{ percent: 87 }],
  OWN_VOICE_MISSING: [{}],
  OWN_VOICE_GOOD: [{}],
  TONE_MISMATCH: [
    { word: 'Dem', tone: 'du' },
    { word: 'dig', tone: 'De' },
  ],
  LONG_SENTENCE: [
    { words: 42, max: 30, count: 1 },
    { words: 42, max: 30, count: 3 },
  ],
  WALL_OF_TEXT: [
    { chars: 700, max: 600, kind: 'line' },
    { chars: 1000, max: 900, kind: 'block' },
  ],
  EMOJI_AGAINST_POLICY: [
    { count: 2, max: 0, policy: 'none' },
    { count: 6, max: 3, policy: 'sparing' },
  ],
  UNTRACKED_LINK: [{ url: 'https://www.contoso.com/job' }],
  PEOPLE_CONSENT: [{ name: 'Mette Hansen' }, { kind: 'photo' }],
};

describe('describeFinding', () => {
  it('has a one-line reason and a suggestion in Danish and English for every code', () => {
    for (const code of FINDING_CODES) {
      for (const params of EXAMPLES[code]) {
        const finding: Finding = { code, severity: 'consider', params };
        const da = describeFinding(finding, 'da');
        const en = describeFinding(finding, 'en');
        for (const text of [da, en]) {
          expect(text.reason.trim().length, code).toBeGreaterThan(10);
          expect(text.suggestion.trim().length, code).toBeGreaterThan(10);
          expect(text.reason, code).not.toContain('\n');
          expect(`${text.reason} ${text.suggestion}`, code).not.toMatch(/undefined|NaN|\[object/);
        }
        expect(da.reason, code).not.toBe(en.reason);
        expect(da.suggestion, code).not.toBe(en.suggestion);
      }
    }
  });

  it('puts the facts from params in the words', () => {
    const term = describeFinding(
      { code: 'BLOCKED_TERM', severity: 'must_fix', params: { term: 'Orion' } },
      'da',
    );
    expect(term.reason).toContain('Orion');
    const long = describeFinding(
      {
        code: 'TOO_LONG',
        severity: 'must_fix',
        params: { length: 3120, limit: 3000, over: 120, network: 'LinkedIn' },
      },
      'da',
    );
    // Danish thousands separator.
    expect(long.reason).toContain('3.120');
    expect(long.reason).toContain('3.000');
    expect(long.suggestion).toContain('120');
    const tag = describeFinding(
      { code: 'HASHTAG_REQUIRED_MISSING', severity: 'must_fix', params: { hashtag: '#LifeAtContoso' } },
      'en',
    );
    expect(tag.suggestion).toContain('#LifeAtContoso');
  });

  it('describes every finding the drafts produce, in both languages', () => {
    for (const c of ALL) {
      for (const f of coach(inputFor(c), settingsFor(c)).findings) {
        for (const language of LANGUAGES) {
          const t = describeFinding(f, language);
          expect(`${t.reason} ${t.suggestion}`, `${c.name}: ${f.code}`).not.toMatch(/undefined|NaN|»«|""/);
        }
      }
    }
  });
});

describe('describeFinding on stored findings', () => {
  it('answers a code this version does not know with a plain text, not a crash', () => {
    const stale = { code: 'RETIRED_CHECK', severity: 'consider', params: {} } as unknown as Finding;
    expect(describeFinding(stale, 'da').reason).toMatch(/Coachen/);
    expect(describeFinding(stale, 'en').reason).toMatch(/coach/);
  });
});

describe('it never rewrites the post', () => {
  /** Every run of five words of the draft, lower case. */
  const fiveWordRuns = (text: string) => {
    const words = tokens(text).map((t) => t.word.toLowerCase());
    const runs = new Set<string>();
    for (let i = 0; i + 5 <= words.length; i++) runs.add(words.slice(i, i + 5).join(' '));
    return runs;
  };

  it('returns facts and fixed texts, never five words in a row from the draft', () => {
    for (const c of ALL) {
      const result = coach(inputFor(c), settingsFor(c));
      expect(Object.keys(result).sort()).toEqual([
        'copiedPercent',
        'draftLanguage',
        'findings',
        'length',
        'limit',
      ]);
      const runs = fiveWordRuns(c.text);
      for (const f of result.findings) {
        for (const language of LANGUAGES) {
          const t = describeFinding(f, language);
          // The facts quoted from params (a URL, a term) are not a rewrite: leave them out.
          let words = `${t.reason} ${t.suggestion}`;
          for (const value of Object.values(f.params)) {
            if (String(value)) words = words.split(String(value)).join(' ');
          }
          const said = ` ${tokens(words)
            .map((w) => w.word.toLowerCase())
            .join(' ')} `;
          for (const run of runs) expect(said, `${c.name}: ${f.code}`).not.toContain(` ${run} `);
        }
        // Params are short facts, never the post.
        for (const value of Object.values(f.params)) expect(String(value).length).toBeLessThan(100);
      }
    }
  });
});

describe('defaults and edge cases', () => {
  it('has neutral defaults: no made-up company, "fortroligt" and "confidential" blocked, du, sparing emoji', () => {
    expect(DEFAULT_COACH_SETTINGS).toEqual({
      companyName: '',
      blockedTerms: ['fortroligt', 'confidential'],
      requiredHashtags: [],
      tone: 'du',
      emojiPolicy: 'sparing',
      companyDomains: [],
    });
    expect(Object.isFrozen(DEFAULT_COACH_SETTINGS)).toBe(true);
    expect(Object.isFrozen(DEFAULT_COACH_SETTINGS.blockedTerms)).toBe(true);
    const result = coach(
      input('Reklame: Det her er fortroligt, men jeg siger det alligevel i dag.'),
      DEFAULT_COACH_SETTINGS,
    );
    expect(result.findings.filter((f) => f.code === 'BLOCKED_TERM').map((f) => f.params)).toEqual([
      { term: 'fortroligt' },
    ]);
  });

  it('with no company name, hints generically unless the post says where the author works', () => {
    const voluntary = { kind: 'voluntary' as const };
    const silent = coach(input('I går løb vi en tur rundt om søen.', voluntary), DEFAULT_COACH_SETTINGS);
    expect(silent.findings.find((f) => f.code === 'SAY_WHERE_YOU_WORK')?.params).toEqual({ company: '' });
    const says = coach(
      input('Jeg arbejder hos et lille bageri, og i går løb vi en tur.', voluntary),
      DEFAULT_COACH_SETTINGS,
    );
    expect(codes(says.findings)).not.toContain('SAY_WHERE_YOU_WORK');
    const saysEn = coach(
      input('I work at a small bakery, and yesterday we went for a run.', { ...voluntary, language: 'en' }),
      DEFAULT_COACH_SETTINGS,
    );
    expect(codes(saysEn.findings)).not.toContain('SAY_WHERE_YOU_WORK');
  });

  it('names the company also without its legal suffix', () => {
    const settings = { ...TEST_SETTINGS, companyName: 'Contoso A/S' };
    const result = coach(
      input('Jeg er glad for at arbejde i Contoso, og i dag fik vi besøg.', { kind: 'voluntary' }),
      settings,
    );
    expect(codes(result.findings)).not.toContain('SAY_WHERE_YOU_WORK');
  });

  it('answers an empty or blank draft with findings, not an error', () => {
    for (const text of ['', '   \n\n  ']) {
      const result = coach(input(text), TEST_SETTINGS);
      expect(codes(result.findings)).toEqual([
        'DISCLOSURE_MISSING',
        'HOOK_MISSING',
        'HASHTAGS_TOO_FEW',
        'OWN_VOICE_MISSING',
      ]);
      expect(result.length).toBe(0);
      expect(result.copiedPercent).toBe(0);
    }
  });

  it('counts an X link as 23 characters and reports the network limit', () => {
    const url = 'https://www.example.org/a/very/long/path/that/x/counts/as/only/twenty-three/characters';
    const text = `Advertisement: Today I read this. ${url}`;
    const x = coach(input(text, { network: 'x', language: 'en' }), TEST_SETTINGS);
    expect(x.length).toBe([...text].length - url.length + 23);
    expect(x.limit).toBe(280);
    const linkedin = coach(input(text, { language: 'en' }), TEST_SETTINGS);
    expect(linkedin.length).toBe([...text].length);
    expect(linkedin.limit).toBe(3000);
  });

  it('reports the exact length and overrun of a too-long post', () => {
    const text = `Reklame: ${'Jeg skriver en meget lang tekst i dag. '.repeat(80)}`.trim();
    const result = coach(input(text), TEST_SETTINGS);
    const tooLong = result.findings.find((f) => f.code === 'TOO_LONG');
    expect(tooLong?.params).toEqual({
      length: [...text].length,
      limit: 3000,
      over: [...text].length - 3000,
      network: 'LinkedIn',
    });
  });

  it('needs the marking as the first word: "Reklamebureauet" is not "Reklame"', () => {
    const result = coach(input('Reklamebureauet har i dag lavet vores nye film.\n\n#a #b #c'), TEST_SETTINGS);
    expect(codes(result.findings)).toContain('DISCLOSURE_MISSING');
    const emojiFirst = coach(
      input('📣 Reklame: I dag lancerer vi vores nye app.\n\n#a #b #c'),
      TEST_SETTINGS,
    );
    expect(codes(emojiFirst.findings)).toContain('DISCLOSURE_OK');
  });

  it('gives a voluntary post no disclosure findings', () => {
    const result = coach(
      input('Jeg arbejder hos Contoso, og i dag lærte jeg noget nyt. #ad', { kind: 'voluntary' }),
      TEST_SETTINGS,
    );
    expect(codes(result.findings).filter((c) => c.startsWith('DISCLOSURE'))).toEqual([]);
  });

  it('matches one-word colleague names only with the same capitals ("bo" is a Danish verb)', () => {
    const names = { colleagueNames: ['Bo', 'Mette Hansen'] };
    const verb = coach(input('Reklame: Vi vil gerne bo tæt på kontoret.', names), TEST_SETTINGS);
    expect(codes(verb.findings)).not.toContain('PEOPLE_CONSENT');
    const name = coach(input('Reklame: I dag holdt Bo og mette hansen oplæg.', names), TEST_SETTINGS);
    expect(name.findings.filter((f) => f.code === 'PEOPLE_CONSENT').map((f) => f.params['name'])).toEqual([
      'Bo',
      'Mette Hansen',
    ]);
  });

  it('ignores blank blocked terms and required hashtags, and finds terms next to punctuation', () => {
    const settings = { ...TEST_SETTINGS, blockedTerms: ['  ', 'Orion'], requiredHashtags: ['', '#'] };
    const result = coach(input('Reklame: (Orion) er klar, og vi glæder os i dag.\n\n#a #b #c'), settings);
    expect(result.findings.filter((f) => f.severity === 'must_fix')).toEqual([
      { code: 'BLOCKED_TERM', severity: 'must_fix', params: { term: 'Orion' } },
    ]);
  });

  it('takes terms and domains with hyphens and other RegExp characters literally', () => {
    const settings = {
      ...TEST_SETTINGS,
      blockedTerms: ['Nova-2', 'c++ (beta)'],
      companyDomains: ['nordlys-demo.dk'],
    };
    const result = coach(
      input(
        'Reklame: Nova-2 og c++ (beta) er klar i dag. Læs mere: https://jobs.nordlys-demo.dk/x\n\n#a #b #c',
      ),
      settings,
    );
    expect(result.findings.filter((f) => f.code === 'BLOCKED_TERM').map((f) => f.params['term'])).toEqual([
      'Nova-2',
      'c++ (beta)',
    ]);
    expect(result.findings.filter((f) => f.code === 'UNTRACKED_LINK')).toHaveLength(1);
    // "Nova-2" is one term: "Nova 2" or "Nova-22" are not it.
    const other = coach(input('Reklame: Nova 2 og Nova-22 er klar i dag.\n\n#a #b #c'), settings);
    expect(other.findings.filter((f) => f.code === 'BLOCKED_TERM')).toEqual([]);
  });
});

describe('the hook', () => {
  const hook = (text: string, extra: Partial<CoachInput> = {}) =>
    coach(input(text, extra), TEST_SETTINGS).findings.filter((f) => f.code.startsWith('HOOK_'));

  it('skips a marking alone on the first line and reads the next line as the hook', () => {
    expect(hook('Reklame\n\nI går stod jeg i Kolding for første gang.\n\n#a #b #c')).toEqual([
      { code: 'HOOK_GOOD', severity: 'good', params: { reason: 'moment' } },
    ]);
  });

  it('calls "Se her" and "Tjek" generic, also after an emoji', () => {
    for (const opener of ['Se her: vores nye kontor i Vejle.', '👉 Tjek vores nye kontor i Vejle.']) {
      expect(hook(`Reklame: ${opener}\n\n#a #b #c`).map((f) => f.params['reason'])).toEqual(['generic']);
    }
  });

  it('needs no hook finding for a plain, concrete first line', () => {
    expect(hook('Reklame: Vores nye kontor i Vejle har plads til hele holdet.\n\n#a #b #c')).toEqual([]);
  });
});

describe('links and people', () => {
  const urls = (text: string) =>
    coach(input(text), TEST_SETTINGS)
      .findings.filter((f) => f.code === 'UNTRACKED_LINK')
      .map((f) => f.params['url']);

  it('offers a tracked link for company hosts written without https:// or www., once each', () => {
    expect(
      urls(
        'Reklame: Se contoso.com/job og jobs.contoso.com. Skriv til mette@contoso.com. Igen: https://www.contoso.com/job og contoso.com/job.',
      ),
    ).toEqual(['contoso.com/job', 'jobs.contoso.com', 'https://www.contoso.com/job']);
    expect(urls('Reklame: Mit link er contoso.com/r/Ab3dE9, og fabrikam.com/job er ikke vores.')).toEqual([]);
  });

  it("does not take the company's own handle for a colleague", () => {
    const result = coach(input('Reklame: Tak til @Contoso og @contoso_dk, og til @mette.'), TEST_SETTINGS);
    expect(result.findings.filter((f) => f.code === 'PEOPLE_CONSENT').map((f) => f.params)).toEqual([
      { name: 'mette' },
    ]);
  });
});

describe('similarity', () => {
  it('is 0 with no captions, 100 for the caption itself, and ignores case, links, hashtags and the marking', () => {
    expect(copiedPercent(CAPTION_DA, [])).toBe(0);
    expect(copiedPercent(CAPTION_DA, CAPTIONS)).toBe(100);
    expect(
      copiedPercent(`Reklame: ${CAPTION_DA.toUpperCase()} https://contoso.com/r/abc #job #aarhus`, CAPTIONS),
    ).toBe(100);
  });

  it('measures the share of the draft that is copied, against the closest variant', () => {
    const own = 'Jeg har selv været med til at bygge det op fra bunden sammen med et fantastisk hold';
    const half = `${CAPTION_DA.split('. ')[0]!}. ${own}`;
    const score = copiedPercent(half, CAPTIONS);
    expect(score).toBeGreaterThan(20);
    expect(score).toBeLessThan(60);
    expect(copiedPercent(own, CAPTIONS)).toBe(0);
  });
});

describe('text helpers', () => {
  it('counts emoji as a reader sees them', () => {
    expect(countEmoji('Hej 👋🏻 🇩🇰 👨‍👩‍👧 ❤️ © ™ 2026')).toBe(4);
    expect(countEmoji('Ingen emojis her.')).toBe(0);
  });

  it('finds links without trailing punctuation', () => {
    expect(
      findUrls('Se https://contoso.com/a. Og (www.contoso.com/b), mail@contoso.com.').map((u) => u.url),
    ).toEqual(['https://contoso.com/a', 'www.contoso.com/b']);
  });

  it('detects the language by its function words, and keeps the fallback on a tie', () => {
    expect(detectLanguage(tokens('Det er en god dag, og vi er glade'), 'en')).toBe('da');
    expect(detectLanguage(tokens('It is a good day and we are happy'), 'da')).toBe('en');
    expect(detectLanguage(tokens('Contoso Aarhus 2026'), 'da')).toBe('da');
    expect(detectLanguage(tokens('Contoso Aarhus 2026'), 'en')).toBe('en');
  });
});
