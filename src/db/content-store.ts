import type { ContentStore } from '../ports/content';
import type { Db } from './database';

/** The ContentStore port over Drizzle. */
export function createContentStore(_db: Db): ContentStore {
  return {};
}
