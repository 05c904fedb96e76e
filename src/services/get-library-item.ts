import { AppError } from '../domain/errors';
import type { LibraryEntry } from '../ports/content';
import type { ContentDeps } from './deps';

/** One approved, live library item (also for link unfurling); NOT_FOUND when unknown, unapproved or expired. */
export async function getLibraryItem(
  deps: ContentDeps,
  input: { tenantId: string; itemId: string },
): Promise<LibraryEntry> {
  const entry = await deps.content.library.get(input.tenantId, input.itemId, deps.clock.now());
  if (!entry) throw new AppError('NOT_FOUND', 'notInLibrary');
  return entry;
}
