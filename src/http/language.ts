import type { Language } from '../domain/person';

const Q_VALUE = /^q=(0(\.\d{0,3})?|1(\.0{0,3})?)$/i;

/**
 * The language to answer a request in, from its Accept-Language header: of the languages Chorus
 * speaks, the one with the highest q-value (the first listed on a tie). Only `da` and `da-*` mean
 * Danish; `en` and `en-*` mean English; `*` stands for any language not named. English otherwise.
 */
export function negotiateLanguage(header: string | string[] | undefined): Language {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  const named = new Map<Language, number>();
  let anyOther: number | null = null;
  for (const entry of value.split(',')) {
    const [range = '', ...params] = entry.split(';').map((part) => part.trim());
    if (!range) continue;
    let q = 1;
    const weight = params.find((p) => /^q\s*=/i.test(p));
    if (weight !== undefined) {
      const match = Q_VALUE.exec(weight.replace(/\s+/g, ''));
      if (!match) continue; // a malformed weight: ignore the entry rather than guess
      q = Number(match[1]);
    }
    const primary = range.toLowerCase().split('-')[0];
    if (range === '*') anyOther = Math.max(anyOther ?? 0, q);
    else if (primary === 'da' || primary === 'en') named.set(primary, Math.max(named.get(primary) ?? 0, q));
  }
  const candidates = [...named];
  if (anyOther !== null) {
    for (const language of ['en', 'da'] as const) {
      if (!named.has(language)) candidates.push([language, anyOther]);
    }
  }
  let best: [Language, number] | null = null;
  for (const candidate of candidates) {
    if (candidate[1] > 0 && (!best || candidate[1] > best[1])) best = candidate;
  }
  return best?.[0] ?? 'en';
}
