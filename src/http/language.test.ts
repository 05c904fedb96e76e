import { describe, expect, it } from 'vitest';
import { negotiateLanguage } from './language';

describe('negotiateLanguage (Accept-Language)', () => {
  it('answers in English when the header is absent, empty or names no language Chorus speaks', () => {
    expect(negotiateLanguage(undefined)).toBe('en');
    expect(negotiateLanguage('')).toBe('en');
    expect(negotiateLanguage('fr-FR, de;q=0.8')).toBe('en');
  });

  it('reads da and da-* as Danish, and nothing else (Norwegian and Swedish are not Danish)', () => {
    expect(negotiateLanguage('da')).toBe('da');
    expect(negotiateLanguage('da-DK')).toBe('da');
    expect(negotiateLanguage('DA-dk')).toBe('da');
    expect(negotiateLanguage('nb')).toBe('en');
    expect(negotiateLanguage('nb-NO, sv;q=0.9')).toBe('en');
    expect(negotiateLanguage('en-GB')).toBe('en');
  });

  it('picks the highest q-value among the languages it speaks, the first listed on a tie', () => {
    expect(negotiateLanguage('en;q=0.5, da;q=0.8')).toBe('da');
    expect(negotiateLanguage('da;q=0.2, en')).toBe('en');
    expect(negotiateLanguage('da-DK,da;q=0.9,en-US;q=0.8,en;q=0.7')).toBe('da');
    expect(negotiateLanguage('fr, da;q=0.1')).toBe('da');
    expect(negotiateLanguage('nb, da;q=0.5')).toBe('da');
    expect(negotiateLanguage('da, en')).toBe('da');
    expect(negotiateLanguage('en, da')).toBe('en');
    expect(negotiateLanguage('en ; q = 0.4 , da ; q=0.6')).toBe('da');
  });

  it('treats q=0 as "not this one", a wildcard as any language not named, and ignores bad weights', () => {
    expect(negotiateLanguage('da;q=0')).toBe('en');
    expect(negotiateLanguage('da;q=0, en;q=0')).toBe('en');
    expect(negotiateLanguage('*')).toBe('en');
    expect(negotiateLanguage('en;q=0, *;q=0.5')).toBe('da');
    expect(negotiateLanguage('da;q=0.5, *;q=0.9')).toBe('en');
    expect(negotiateLanguage('da;q=2')).toBe('en');
    expect(negotiateLanguage('da;q=abc, en;q=0.1')).toBe('en');
    expect(negotiateLanguage(['fr', 'da;q=0.3'])).toBe('da');
  });
});
