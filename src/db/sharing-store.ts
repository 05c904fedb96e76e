import type { SharingStore } from '../ports/sharing';
import type { Db } from './database';

/** The SharingStore port over Drizzle. */
export function createSharingStore(_db: Db): SharingStore {
  return {};
}
