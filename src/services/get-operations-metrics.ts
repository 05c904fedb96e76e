import type { Clock } from '../ports/clock';
import type { OperationsReader, OperationsSnapshot } from '../ports/operations';
import type { ClickRecorder, ClickRecorderStats } from '../ports/sharing';

export interface OperationsMetricsDeps {
  operations: OperationsReader;
  clicks: ClickRecorder;
  clock: Clock;
}

export interface OperationsMetrics extends OperationsSnapshot {
  /** This instance's click writer. */
  clicks: ClickRecorderStats;
  /** Seconds since the directory sync last completed; null before the first. */
  directorySyncAgeSeconds: number | null;
}

/** The numbers an operator watches: queue depth, send rate, 429s, click-write lag and sync status. */
export async function getOperationsMetrics(
  deps: OperationsMetricsDeps,
  input: { tenantId: string },
): Promise<OperationsMetrics> {
  const now = deps.clock.now();
  const snapshot = await deps.operations.snapshot(input.tenantId, now);
  const completed = snapshot.directorySync?.lastCompletedAt ?? null;
  return {
    ...snapshot,
    clicks: deps.clicks.stats(),
    directorySyncAgeSeconds: completed ? Math.max(0, (now.getTime() - completed.getTime()) / 1000) : null,
  };
}
