import { AppError } from './errors';
import { msg, type Message } from './messages';

/** How the library is ordered after pinned items: newest approval first, or most shared first. */
export type LibrarySort = 'newest' | 'most_shared';

/**
 * Where a library page ended: the last row's sort keys. `publishedAt` is the exact database timestamp
 * (microseconds) as text, so the next page starts exactly after it.
 */
export type LibraryPosition =
  | { sort: 'newest'; pinned: boolean; publishedAt: string; id: string }
  | { sort: 'most_shared'; pinned: boolean; shareCount: number; id: string };

/** An opaque cursor: base64url of the position as JSON. */
export function encodeCursor(position: LibraryPosition): string {
  const keys =
    position.sort === 'newest'
      ? { s: 'n', p: position.pinned, t: position.publishedAt, i: position.id }
      : { s: 'm', p: position.pinned, c: position.shareCount, i: position.id };
  return Buffer.from(JSON.stringify(keys), 'utf8').toString('base64url');
}

function invalid(message: Message = msg('cursorForeign')): AppError {
  return new AppError('VALIDATION_FAILED', 'cursorInvalid', {
    problems: [{ field: 'cursor', message }],
  });
}

/** The position in a cursor, checked; a VALIDATION_FAILED error naming `cursor` when it is not valid. */
export function decodeCursor(cursor: string, sort: LibrarySort): LibraryPosition {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid();
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (typeof raw !== 'object' || raw === null) throw invalid();
  const keys = raw as Record<string, unknown>;
  const { s, p, i } = keys;
  if (typeof p !== 'boolean' || typeof i !== 'string' || i.length === 0 || i.length > 100) throw invalid();
  if (s === 'n') {
    const t = keys['t'];
    if (typeof t !== 'string' || !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,6})?Z$/.test(t)) throw invalid();
    if (Number.isNaN(Date.parse(t))) throw invalid();
    if (sort !== 'newest') throw invalid(msg('cursorOtherSort'));
    return { sort: 'newest', pinned: p, publishedAt: t, id: i };
  }
  if (s === 'm') {
    const c = keys['c'];
    if (typeof c !== 'number' || !Number.isSafeInteger(c) || c < 0) throw invalid();
    if (sort !== 'most_shared') throw invalid(msg('cursorOtherSort'));
    return { sort: 'most_shared', pinned: p, shareCount: c, id: i };
  }
  throw invalid();
}
