import { describe, expect, it } from 'vitest';
import {
  applyDisclosure,
  assertMayReview,
  assertNotOwnItem,
  BUILT_IN_TOPICS,
  contentProblems,
  hasSearchableText,
  isCrawler,
  isLive,
  NETWORK_LIMITS,
  nextStatus,
  pickVariantIndex,
  postLength,
  shareIntent,
  slugify,
  statusAfterEdit,
  taggedUrl,
  TRACKED_LINK_LENGTH,
  type ContentDraft,
  type ContentProblem,
  type ContentStatus,
} from './content';
import { AppError } from './errors';
import { render } from './messages';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return err instanceof AppError ? err.code : 'not an AppError';
  }
  return null;
};

describe('the workflow', () => {
  it('allows exactly the documented steps', () => {
    expect(nextStatus('draft', 'submit')).toBe('in_review');
    expect(nextStatus('rejected', 'submit')).toBe('in_review');
    expect(nextStatus('in_review', 'approve')).toBe('approved');
    expect(nextStatus('in_review', 'reject')).toBe('rejected');
    for (const from of ['draft', 'in_review', 'approved', 'rejected'] as const) {
      expect(nextStatus(from, 'archive')).toBe('archived');
    }
  });

  it('refuses every other step with a CONFLICT that names the state', () => {
    const refused: [ContentStatus, 'submit' | 'approve' | 'reject' | 'archive'][] = [
      ['draft', 'approve'],
      ['draft', 'reject'],
      ['approved', 'approve'],
      ['approved', 'submit'],
      ['in_review', 'submit'],
      ['rejected', 'approve'],
      ['archived', 'archive'],
      ['archived', 'submit'],
    ];
    for (const [from, action] of refused) {
      expect(
        codeOf(() => nextStatus(from, action)),
        `${from} ${action}`,
      ).toBe('CONFLICT');
    }
    expect(() => nextStatus('draft', 'approve')).toThrow('an item that is draft cannot be approved');
    expect(() => nextStatus('archived', 'submit')).toThrow('an item that is archived cannot be submitted');
    try {
      nextStatus('in_review', 'submit');
    } catch (err) {
      expect(render((err as AppError).text, 'da')).toBe(
        'et opslag med status »Til godkendelse« kan ikke sendes til godkendelse',
      );
    }
    expect.assertions(refused.length + 3);
  });

  it('sends an edited approved or in-review item back to review, and keeps drafts and rejections', () => {
    expect(statusAfterEdit('approved')).toBe('in_review');
    expect(statusAfterEdit('in_review')).toBe('in_review');
    expect(statusAfterEdit('draft')).toBe('draft');
    expect(statusAfterEdit('rejected')).toBe('rejected');
    expect(codeOf(() => statusAfterEdit('archived'))).toBe('CONFLICT');
  });

  it('forbids approving your own item, and the version you sent to review', () => {
    expect(codeOf(() => assertNotOwnItem('anna', 'anna'))).toBe('FORBIDDEN');
    expect(codeOf(() => assertNotOwnItem('anna', 'bo'))).toBeNull();
    expect(codeOf(() => assertMayReview({ authorId: 'anna', submittedBy: 'anna' }, 'anna'))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(() => assertMayReview({ authorId: 'anna', submittedBy: 'bo' }, 'bo'))).toBe('FORBIDDEN');
    expect(codeOf(() => assertMayReview({ authorId: 'anna', submittedBy: 'bo' }, 'carl'))).toBeNull();
    expect(codeOf(() => assertMayReview({ authorId: 'anna', submittedBy: null }, 'carl'))).toBeNull();
  });
});

describe('isLive', () => {
  const now = new Date('2026-06-01T12:00:00Z');
  const day = 86_400_000;
  const item = {
    status: 'approved' as ContentStatus,
    validFrom: null as Date | null,
    validTo: null as Date | null,
    evergreen: false,
  };
  it('shows approved items inside their dates only', () => {
    expect(isLive(item, now)).toBe(true);
    expect(isLive({ ...item, validFrom: new Date(now.getTime() + day) }, now)).toBe(false);
    expect(isLive({ ...item, validFrom: new Date(now.getTime() - day) }, now)).toBe(true);
    expect(isLive({ ...item, validTo: new Date(now.getTime() - day) }, now)).toBe(false);
    expect(isLive({ ...item, validTo: new Date(now.getTime() + day) }, now)).toBe(true);
  });
  it('keeps evergreen items after their end date, but never unapproved ones', () => {
    expect(isLive({ ...item, evergreen: true, validTo: new Date(now.getTime() - day) }, now)).toBe(true);
    for (const status of ['draft', 'in_review', 'rejected', 'archived'] as const) {
      expect(isLive({ ...item, status }, now), status).toBe(false);
    }
  });
});

describe('post length and network limits', () => {
  it('counts characters, not UTF-16 units, and a link on X as 23', () => {
    expect(postLength('linkedin', 'æøå 👍', null)).toBe(5);
    expect(postLength('linkedin', 'hej', 'https://example.com/abc')).toBe(3 + 1 + 23);
    expect(postLength('x', 'hej', `https://example.com/${'a'.repeat(100)}`)).toBe(3 + 1 + 23);
  });
  it('has the limits the networks publish', () => {
    expect(NETWORK_LIMITS).toMatchObject({ linkedin: 3000, x: 280, instagram: 2200 });
  });
});

/** The problems as an English reader sees them. */
const inEnglish = (problems: ContentProblem[]) =>
  problems.map((p) => ({ field: p.field, message: render(p.message, 'en') }));

describe('contentProblems', () => {
  const draft: ContentDraft = {
    language: 'da',
    networks: ['linkedin', 'x'],
    captions: { da: ['Kort tekst'], en: [] },
    advertising: false,
    validFrom: null,
    validTo: null,
  };

  it('accepts a valid item', () => {
    expect(contentProblems(draft)).toEqual([]);
  });

  it('needs a caption in the item language', () => {
    const problems = contentProblems({ ...draft, captions: { da: [], en: ['Only English'] } });
    expect(inEnglish(problems)).toEqual([
      { field: 'captions.da', message: expect.stringMatching(/at least one Danish caption/) as string },
    ]);
    expect(render(problems[0]!.message, 'da')).toBe('skriv mindst én tekst på dansk (opslaget er på dansk)');
  });

  it('fits every caption to the strictest network, counting the tracked link', () => {
    // X counts the link as 23, so 256 characters fit exactly (256 + 1 + 23 = 280) and 257 do not.
    const fits = 'a'.repeat(256);
    expect(contentProblems({ ...draft, captions: { da: [fits], en: [] } })).toEqual([]);
    const problems = inEnglish(contentProblems({ ...draft, captions: { da: [fits, `${fits}b`], en: [] } }));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.field).toBe('captions.da.1');
    expect(problems[0]!.message).toMatch(/X allows 280/);
    expect(problems[0]!.message).toMatch(/281 characters/);
  });

  it('counts any caption text, whatever characters it is made of', () => {
    for (const ch of ['x', '0', '/', 'h']) {
      const problems = contentProblems({ ...draft, captions: { da: [ch.repeat(300)], en: [] } });
      expect(
        problems.map((p) => p.field),
        ch,
      ).toEqual(['captions.da.0']);
    }
  });

  it('counts the advertising marking the share flow puts first', () => {
    const fits = 'a'.repeat(256);
    const problems = contentProblems({ ...draft, advertising: true, captions: { da: [fits], en: [] } });
    expect(problems.map((p) => p.field)).toEqual(['captions.da.0']);
    expect(render(problems[0]!.message, 'en')).toMatch(/advertising marking/);
    expect(render(problems[0]!.message, 'da')).toBe(
      'tekst 1 (dansk) er 289 tegn med sporingslinket og reklamemarkeringen; X tillader 280. Forkort den med 9',
    );
    // "Reklame: " is 9 characters.
    expect(
      contentProblems({ ...draft, advertising: true, captions: { da: ['a'.repeat(247)], en: [] } }),
    ).toEqual([]);
  });

  it('counts a tracked link of TRACKED_LINK_LENGTH on LinkedIn and checks other-language captions too', () => {
    const linkedin: ContentDraft = { ...draft, networks: ['linkedin'] };
    const max = 3000 - 1 - TRACKED_LINK_LENGTH;
    expect(contentProblems({ ...linkedin, captions: { da: ['a'.repeat(max)], en: [] } })).toEqual([]);
    const problems = inEnglish(
      contentProblems({ ...linkedin, captions: { da: ['ok'], en: ['b'.repeat(max + 1)] } }),
    );
    expect(problems.map((p) => p.field)).toEqual(['captions.en.0']);
    expect(problems[0]!.message).toMatch(/LinkedIn allows 3000/);
  });

  it('needs the end date after the start date', () => {
    const at = new Date('2026-01-01T00:00:00Z');
    expect(inEnglish(contentProblems({ ...draft, validFrom: at, validTo: at }))).toEqual([
      { field: 'validTo', message: 'the end date must be after the start date' },
    ]);
    expect(contentProblems({ ...draft, validFrom: at, validTo: new Date(at.getTime() + 1) })).toEqual([]);
  });
});

describe('applyDisclosure', () => {
  it('puts the marking first in the caption language when the item is advertising', () => {
    expect(applyDisclosure('  Nyt job hos os', { advertising: true, language: 'da' })).toEqual({
      text: 'Reklame: Nyt job hos os',
      added: true,
      warnings: [],
    });
    expect(applyDisclosure('New job', { advertising: true, language: 'en' }).text).toBe(
      'Advertisement: New job',
    );
  });
  it('leaves a correct marking and non-advertising text alone', () => {
    expect(applyDisclosure('Annonce: tilbud', { advertising: true, language: 'da' }).added).toBe(false);
    expect(applyDisclosure('Tekst #ad', { advertising: false, language: 'da' }).text).toBe('Tekst #ad');
  });
  it('warns about a marking at the end or a weak one', () => {
    expect(applyDisclosure('Tilbud. Reklame', { advertising: true, language: 'da' }).warnings).toEqual([
      'MARK_MISPLACED',
    ]);
    expect(applyDisclosure('Great offer #ad', { advertising: true, language: 'en' }).warnings).toEqual([
      'MARK_WEAK',
    ]);
  });
  it('takes the Danish word "ad" for a word, not a marking, but still flags #ad in Danish', () => {
    expect(
      applyDisclosure('Vi tog ad omveje til havet', { advertising: true, language: 'da' }).warnings,
    ).toEqual([]);
    expect(applyDisclosure('Ny park #ad', { advertising: true, language: 'da' }).warnings).toEqual([
      'MARK_WEAK',
    ]);
    expect(applyDisclosure('Sponsoreret tur', { advertising: true, language: 'da' }).warnings).toEqual([
      'MARK_WEAK',
    ]);
    expect(applyDisclosure('Read the ad below', { advertising: true, language: 'en' }).warnings).toEqual([
      'MARK_WEAK',
    ]);
  });
});

describe('share intents, variants, crawlers and UTM tags', () => {
  it('prefills LinkedIn with the text and link, and X with both, and Facebook with the link only', () => {
    const li = shareIntent('linkedin', 'Hej', 'https://c.example/r/abc');
    expect(li.url).toBe(
      `https://www.linkedin.com/feed/?shareActive=true&text=${encodeURIComponent('Hej\nhttps://c.example/r/abc')}`,
    );
    expect(li.fallbackUrl).toContain(encodeURIComponent('https://c.example/r/abc'));
    expect(shareIntent('x', 'Hej', 'https://l').url).toBe(
      'https://x.com/intent/tweet?text=Hej&url=https%3A%2F%2Fl',
    );
    expect(shareIntent('facebook', 'Hej', 'https://l').url).not.toContain('Hej');
    expect(shareIntent('instagram', 'Hej', 'https://l')).toEqual({
      url: null,
      fallbackUrl: null,
      manual: true,
    });
  });
  it('hands out variants in turn and refuses an item with none', () => {
    expect([0, 1, 2, 3].map((n) => pickVariantIndex(3, n))).toEqual([0, 1, 2, 0]);
    expect(codeOf(() => pickVariantIndex(0, 0))).toBe('CONFLICT');
  });
  it('recognises link-preview crawlers but not browsers', () => {
    expect(
      isCrawler('LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)'),
    ).toBe(true);
    expect(isCrawler('facebookexternalhit/1.1')).toBe(true);
    expect(isCrawler(undefined)).toBe(true);
    expect(
      isCrawler('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36'),
    ).toBe(false);
  });
  it('tags a link with UTM parameters, keeping its own', () => {
    const url = new URL(
      taggedUrl('https://nordlys.example/job?id=7', { network: 'x', campaign: 'c', code: 'k' }),
    );
    expect(Object.fromEntries(url.searchParams)).toEqual({
      id: '7',
      utm_source: 'x',
      utm_medium: 'employee_advocacy',
      utm_campaign: 'c',
      utm_content: 'k',
    });
  });
  it('slugifies Danish titles', () => {
    expect(slugify('Grøn strøm på Ærø!')).toBe('groen-stroem-paa-aeroe');
    expect(slugify('!!!')).toBe('item');
  });
});

describe('topics and search text', () => {
  it('has the six built-in topics with Danish and English names', () => {
    expect(BUILT_IN_TOPICS.map((t) => t.key)).toEqual([
      'internal-news',
      'product',
      'thought-leadership',
      'jobs',
      'events',
      'sustainability',
    ]);
    expect(BUILT_IN_TOPICS.find((t) => t.key === 'jobs')).toEqual({
      key: 'jobs',
      labelDa: 'Job og rekruttering',
      labelEn: 'Jobs and recruitment',
    });
  });
  it('searches only text with letters or digits', () => {
    expect(hasSearchableText('bæredygtig')).toBe(true);
    expect(hasSearchableText('2026')).toBe(true);
    expect(hasSearchableText(' "-" ! ')).toBe(false);
  });
});
