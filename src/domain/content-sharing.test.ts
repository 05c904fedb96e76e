import { describe, expect, it } from 'vitest';
import {
  applyDisclosure,
  isCrawler,
  NETWORK_LIMITS,
  pickVariantIndex,
  postLength,
  shareIntent,
  slugify,
  taggedUrl,
} from './content';
import { clickSaltName, dayRange, generateLinkCode, LINK_CODE_PATTERN, utcDay, visitorKey } from './sharing';

const link = 'https://chorus.example/r/Ab3dE6gH9k';

describe('advertising disclosure', () => {
  it('puts "Reklame" first in Danish and "Advertisement" in English', () => {
    expect(applyDisclosure('Se vores nye park', { advertising: true, language: 'da' })).toEqual({
      text: 'Reklame: Se vores nye park',
      added: true,
      warnings: [],
    });
    expect(applyDisclosure('  We are hiring', { advertising: true, language: 'en' }).text).toBe(
      'Advertisement: We are hiring',
    );
  });

  it('keeps a marking that is already first, and adds none to a personal post', () => {
    expect(applyDisclosure('Annonce: park', { advertising: true, language: 'da' })).toMatchObject({
      text: 'Annonce: park',
      added: false,
    });
    expect(applyDisclosure('reklame – park', { advertising: true, language: 'da' }).added).toBe(false);
    expect(applyDisclosure('Min egen tekst', { advertising: false, language: 'da' })).toEqual({
      text: 'Min egen tekst',
      added: false,
      warnings: [],
    });
  });

  it('never accepts a marking at the end: it adds one first and warns', () => {
    const moved = applyDisclosure('Flot park #reklame', { advertising: true, language: 'da' });
    expect(moved.text.startsWith('Reklame: ')).toBe(true);
    expect(moved.warnings).toEqual(['MARK_MISPLACED']);
    const weak = applyDisclosure('Great park #ad', { advertising: true, language: 'en' });
    expect(weak.text).toBe('Advertisement: Great park #ad');
    expect(weak.warnings).toEqual(['MARK_WEAK']);
  });
});

describe('share intents', () => {
  it('opens LinkedIn’s share box with the text and the link, and share-offsite as the fallback', () => {
    const intent = shareIntent('linkedin', 'Reklame: Hej', link);
    const url = new URL(intent.url!);
    expect(url.origin + url.pathname).toBe('https://www.linkedin.com/feed/');
    expect(url.searchParams.get('shareActive')).toBe('true');
    expect(url.searchParams.get('text')).toBe(`Reklame: Hej\n${link}`);
    expect(intent.fallbackUrl).toBe(
      `https://www.linkedin.com/sharing/share-offsite/?url=${encodeURIComponent(link)}`,
    );
    expect(intent.manual).toBe(false);
  });

  it('does not add the link twice when the ambassador pasted it into the text', () => {
    const text = `Reklame: Læs her ${link} og del`;
    expect(new URL(shareIntent('linkedin', text, link).url!).searchParams.get('text')).toBe(text);
    const x = new URL(shareIntent('x', text, link).url!);
    expect(x.searchParams.get('text')).toBe(text);
    expect(x.searchParams.has('url')).toBe(false);
  });

  it('uses the X intent with text and url, Facebook’s sharer, and the manual path elsewhere', () => {
    const x = new URL(shareIntent('x', 'Hej & farvel', link).url!);
    expect(x.origin + x.pathname).toBe('https://x.com/intent/tweet');
    expect(x.searchParams.get('text')).toBe('Hej & farvel');
    expect(x.searchParams.get('url')).toBe(link);
    expect(shareIntent('facebook', 'ignored', link).url).toBe(
      `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(link)}`,
    );
    for (const network of ['instagram', 'tiktok'] as const) {
      expect(shareIntent(network, 'Hej', link)).toEqual({ url: null, fallbackUrl: null, manual: true });
    }
  });
});

describe('post length', () => {
  it('counts the link and a separator; X counts any link as 23', () => {
    expect(postLength('linkedin', 'abc', link)).toBe(3 + 1 + link.length);
    expect(postLength('x', 'abc', link)).toBe(3 + 1 + 23);
    expect(postLength('x', 'abc', null)).toBe(3);
    expect(postLength('linkedin', '😀😀', null)).toBe(2);
  });

  it('counts a pasted link where it stands, once', () => {
    expect(postLength('x', `ab ${link} cd`, link)).toBe(6 + 23);
    expect(postLength('linkedin', `ab ${link}`, link)).toBe(3 + link.length);
  });

  it('knows the limits the brief names', () => {
    expect(NETWORK_LIMITS).toMatchObject({ linkedin: 3000, x: 280, instagram: 2200 });
  });
});

describe('variant rotation', () => {
  it('hands variants out in turn', () => {
    expect([0, 1, 2, 3, 4].map((n) => pickVariantIndex(3, n))).toEqual([0, 1, 2, 0, 1]);
    expect(pickVariantIndex(1, 7)).toBe(0);
    expect(() => pickVariantIndex(0, 0)).toThrow(/no caption/);
  });
});

describe('crawlers', () => {
  it('recognises the link-preview crawlers and counts browsers', () => {
    for (const ua of [
      'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)',
      'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
      'Twitterbot/1.0',
      'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
      'Slack-ImgProxy (+https://api.slack.com/robots)',
      'Mozilla/5.0 (Windows NT 6.1; WOW64) SkypeUriPreview Preview/0.5 skype-url-preview@microsoft.com',
      'WhatsApp/2.23.20.0',
      'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
      undefined,
      '',
    ]) {
      expect(isCrawler(ua), String(ua)).toBe(true);
    }
    for (const ua of [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36 [LinkedInApp]',
    ]) {
      expect(isCrawler(ua), ua).toBe(false);
    }
  });
});

describe('UTM tags and campaign names', () => {
  it('adds the four tags and keeps the link’s own query', () => {
    const url = new URL(
      taggedUrl('https://nordlys.example/job?id=7&utm_source=old', {
        network: 'linkedin',
        campaign: 'vi-soeger',
        code: 'Ab3dE6gH9k',
      }),
    );
    expect(url.searchParams.get('id')).toBe('7');
    expect(url.searchParams.getAll('utm_source')).toEqual(['linkedin']);
    expect(url.searchParams.get('utm_medium')).toBe('employee_advocacy');
    expect(url.searchParams.get('utm_campaign')).toBe('vi-soeger');
    expect(url.searchParams.get('utm_content')).toBe('Ab3dE6gH9k');
  });

  it('makes a URL-safe campaign from a Danish title, without dashes at the ends', () => {
    expect(slugify('Ny havvindmøllepark åbner i Æbeltoft!')).toBe('ny-havvindmoellepark-aabner-i-aebeltoft');
    expect(slugify('Café & crème brûlée')).toBe('cafe-creme-brulee');
    expect(slugify('— !!! —')).toBe('item');
    const long = slugify(`${'a'.repeat(59)} b`);
    expect(long).toBe('a'.repeat(59));
  });
});

describe('tracked-link codes and visitor keys', () => {
  it('draws 10 random base62 characters, without collisions in practice', () => {
    const codes = new Set(Array.from({ length: 20_000 }, () => generateLinkCode()));
    expect(codes.size).toBe(20_000);
    for (const code of [...codes].slice(0, 100)) {
      expect(code).toMatch(/^[0-9A-Za-z]{10}$/);
      expect(code).toMatch(LINK_CODE_PATTERN);
    }
  });

  it('uses every character about equally (no modulo bias)', () => {
    const seen = new Map<string, number>();
    for (let i = 0; i < 5000; i++) for (const c of generateLinkCode()) seen.set(c, (seen.get(c) ?? 0) + 1);
    expect(seen.size).toBe(62);
    const counts = [...seen.values()];
    // 50,000 characters over 62: about 806 each.
    expect(Math.min(...counts)).toBeGreaterThan(650);
    expect(Math.max(...counts)).toBeLessThan(970);
  });

  it('hashes address and browser under the day’s salt, never keeping the address', () => {
    const key = visitorKey('salt-1', '203.0.113.7', 'Mozilla/5.0');
    expect(key).toMatch(/^[\w-]{43}$/);
    expect(key).not.toContain('203.0.113.7');
    expect(visitorKey('salt-1', '203.0.113.7', 'Mozilla/5.0')).toBe(key);
    expect(visitorKey('salt-2', '203.0.113.7', 'Mozilla/5.0')).not.toBe(key);
    expect(visitorKey('salt-1', '203.0.113.8', 'Mozilla/5.0')).not.toBe(key);
    expect(visitorKey('salt-1', '203.0.113.7', 'Mozilla/5.1')).not.toBe(key);
  });

  it('names salts by UTC day and lists the days of a window', () => {
    expect(utcDay(new Date('2026-03-01T23:30:00+01:00'))).toBe('2026-03-01');
    expect(clickSaltName('2026-03-01')).toBe('click-salt:2026-03-01');
    expect(dayRange(new Date('2026-03-02T10:00:00Z'), 3)).toEqual(['2026-02-28', '2026-03-01', '2026-03-02']);
  });
});
