import { describe, expect, it } from 'vitest';
import { AppError } from './errors';
import { decodeCursor, encodeCursor, type LibraryPosition } from './library';
import { render } from './messages';

const problemOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return { code: err.code, problems: err.problems };
    throw err;
  }
  throw new Error('expected a failure');
};

describe('library cursors', () => {
  const newest: LibraryPosition = {
    sort: 'newest',
    pinned: true,
    publishedAt: '2026-03-01T08:00:00.123456Z',
    id: 'a1',
  };
  const shared: LibraryPosition = { sort: 'most_shared', pinned: false, shareCount: 42, id: 'b2' };

  it('round-trips both sort orders through an opaque URL-safe string', () => {
    for (const position of [newest, shared]) {
      const cursor = encodeCursor(position);
      expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeCursor(cursor, position.sort)).toEqual(position);
    }
  });

  it('refuses garbage, tampered keys and a cursor of the other sort order, naming the cursor', () => {
    const bad = [
      'not a cursor!',
      'e30', // {}
      Buffer.from('[1,2]').toString('base64url'),
      Buffer.from('{"s":"n","p":true,"t":"yesterday","i":"a"}').toString('base64url'),
      Buffer.from('{"s":"m","p":true,"c":-1,"i":"a"}').toString('base64url'),
      Buffer.from('{"s":"m","p":"yes","c":1,"i":"a"}').toString('base64url'),
      Buffer.from('{"s":"x","p":true,"c":1,"i":"a"}').toString('base64url'),
      Buffer.from('not json').toString('base64url'),
    ];
    for (const cursor of bad) {
      const f = problemOf(() => decodeCursor(cursor, 'newest'));
      expect(f.code, cursor).toBe('VALIDATION_FAILED');
      expect(f.problems[0]?.field).toBe('cursor');
    }
    const other = problemOf(() => decodeCursor(encodeCursor(shared), 'newest'));
    expect(render(other.problems[0]!.message, 'en')).toMatch(/another sort order/);
    expect(render(other.problems[0]!.message, 'da')).toMatch(/en anden sortering/);
    expect(problemOf(() => decodeCursor(encodeCursor(newest), 'most_shared')).code).toBe('VALIDATION_FAILED');
  });
});
