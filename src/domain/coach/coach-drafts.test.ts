import { describe, expect, it } from 'vitest';
import { coach } from './index';
import { DANISH_DRAFTS, ENGLISH_DRAFTS, inputFor, settingsFor, type DraftCase } from './testing/drafts';

// Table-driven: each draft with the exact findings expected, in the coach's order.
function check(c: DraftCase) {
  const result = coach(inputFor(c), settingsFor(c));
  expect(result.findings.map((f) => `${f.severity} ${f.code}`)).toEqual(
    c.expected.map(([code, severity]) => `${severity} ${code}`),
  );
  c.expected.forEach(([, , params], i) => {
    if (params) expect(result.findings[i]!.params).toMatchObject(params);
  });
  expect(result.draftLanguage).toBe(c.language);
  return result;
}

describe('the coach on Danish drafts', () => {
  it.each(DANISH_DRAFTS.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    check(c);
  });
});

describe('the coach on English drafts', () => {
  it.each(ENGLISH_DRAFTS.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    check(c);
  });
});
