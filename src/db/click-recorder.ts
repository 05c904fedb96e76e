import type { Logger } from 'pino';
import type { ClickRecorder } from '../ports/sharing';
import type { Db } from './database';

/** Click counting with group commit (filled in by the sharing work). */
export function createClickRecorder(_db: Db, _logger: Logger): ClickRecorder {
  return {
    async record() {
      throw new Error('click recording is not built yet');
    },
    async close() {},
  };
}
