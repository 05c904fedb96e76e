import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ZContentInput } from '../contracts';
import { render } from '../domain/messages';
import { zodProblems } from './errors';

function problems(schema: z.ZodTypeAny, value: unknown, language: 'da' | 'en') {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected a failure');
  return zodProblems(result.error, 'body').map((p) => ({
    field: p.field,
    message: render(p.message, language),
  }));
}

describe('zodProblems', () => {
  const schema = z
    .object({
      name: z.string().max(5),
      code: z.string().min(3),
      note: z.string().min(1),
      count: z.number().int().positive().max(10),
      kind: z.enum(['a', 'b']),
      tags: z.array(z.string()).min(1),
      site: z.string().url(),
      state: z.literal('on'),
    })
    .strict();
  const bad = {
    name: 'toolong',
    code: 'ab',
    note: '',
    count: 0,
    kind: 'c',
    tags: [],
    site: 'nope',
    state: 'off',
    extra: 1,
  };

  it('names each problem in plain English', () => {
    expect(problems(schema, bad, 'en')).toEqual([
      { field: 'body.name', message: 'is at most 5 characters' },
      { field: 'body.code', message: 'needs at least 3 characters' },
      { field: 'body.note', message: 'cannot be empty' },
      { field: 'body.count', message: 'must be greater than 0' },
      { field: 'body.kind', message: 'must be one of: a, b' },
      { field: 'body.tags', message: 'needs at least 1 entry' },
      { field: 'body.site', message: 'must be a full web address' },
      { field: 'body.state', message: 'must be "on"' },
      { field: 'body', message: 'unknown field(s): extra' },
    ]);
    expect(problems(schema, {}, 'en')[0]).toEqual({ field: 'body.name', message: 'is required' });
    expect(problems(schema, { ...bad, name: 5 }, 'en')[0]).toEqual({
      field: 'body.name',
      message: 'must be string, not number',
    });
  });

  it('names the same problems in Danish', () => {
    expect(problems(schema, bad, 'da')).toEqual([
      { field: 'body.name', message: 'må højst være på 5 tegn' },
      { field: 'body.code', message: 'skal være på mindst 3 tegn' },
      { field: 'body.note', message: 'skal udfyldes' },
      { field: 'body.count', message: 'skal være større end 0' },
      { field: 'body.kind', message: 'skal være en af: a, b' },
      { field: 'body.tags', message: 'skal have mindst 1 element' },
      { field: 'body.site', message: 'skal være en fuld webadresse' },
      { field: 'body.state', message: 'skal være "on"' },
      { field: 'body', message: 'ukendt felt: extra' },
    ]);
    expect(problems(schema, {}, 'da')[0]).toEqual({ field: 'body.name', message: 'er påkrævet' });
  });

  it("uses a contract's own words, in the reader's language", () => {
    const input = { title: '', linkUrl: 'ftp://example.com/x', topic: 'internal-news', language: 'da' };
    const da = problems(ZContentInput, { ...input, networks: [], captions: {} }, 'da');
    expect(da).toContainEqual({ field: 'body.title', message: 'titlen er påkrævet' });
    expect(da).toContainEqual({
      field: 'body.linkUrl',
      message: 'linket skal begynde med http:// eller https://',
    });
    expect(da).toContainEqual({ field: 'body.networks', message: 'vælg mindst ét netværk' });
    const en = problems(ZContentInput, { ...input, networks: [], captions: {} }, 'en');
    expect(en).toContainEqual({ field: 'body.title', message: 'the title is required' });
  });
});
