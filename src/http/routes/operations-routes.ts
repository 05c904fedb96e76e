import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../domain/errors';
import { msg } from '../../domain/messages';
import { getOperationsMetrics, type OperationsMetrics } from '../../services/get-operations-metrics';
import type { RouteRegistrar } from '../route';
import type { HttpDeps } from '../server';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * Who may read /metrics: with METRICS_TOKEN set, a caller presenting it as a bearer token (a scraper
 * or Azure Monitor's Prometheus agent); without it, only this machine. The numbers are not personal,
 * but queue depths and error counts tell an attacker how the service is doing.
 */
function mayReadMetrics(request: FastifyRequest, token: string | null): boolean {
  if (!token) return LOOPBACK.has(request.ip);
  const given = Buffer.from(request.headers.authorization ?? '');
  const expected = Buffer.from(`Bearer ${token}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Prometheus text exposition (version 0.0.4): one gauge or counter per line, with HELP and TYPE. */
export function presentMetrics(m: OperationsMetrics): string {
  const out: string[] = [];
  const metric = (name: string, type: 'gauge' | 'counter', help: string, samples: [string, number][]) => {
    out.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    for (const [labels, value] of samples) out.push(`${name}${labels} ${value}`);
  };
  const label = (pairs: Record<string, string>) =>
    `{${Object.entries(pairs)
      .map(([k, v]) => `${k}="${v.replace(/["\\\n]/g, '_')}"`)
      .join(',')}}`;
  metric(
    'chorus_jobs',
    'gauge',
    'Background jobs waiting or running, by kind and status.',
    m.jobs.map((j) => [label({ kind: j.kind, status: j.status }), j.count]),
  );
  metric(
    'chorus_outbox_messages',
    'gauge',
    'Outgoing Teams messages not yet delivered, by state.',
    m.outbox.map((o) => [label({ state: o.state }), o.count]),
  );
  metric('chorus_outbox_sent_last_minute', 'gauge', 'Messages delivered in the last minute.', [
    ['', m.outboxSentLastMinute],
  ]);
  metric('chorus_outbox_throttled_last_hour', 'gauge', '429 answers from Teams or Graph in the last hour.', [
    ['', m.outboxThrottledLastHour],
  ]);
  metric(
    'chorus_click_write_waiting',
    'gauge',
    'Clicks of this instance waiting for their batch to commit.',
    [['', m.clicks.waiting]],
  );
  metric('chorus_click_write_lag_seconds', 'gauge', 'How long the oldest waiting click has waited.', [
    ['', m.clicks.oldestWaitMs / 1000],
  ]);
  metric('chorus_clicks_committed_total', 'counter', 'Clicks this instance has committed since it started.', [
    ['', m.clicks.committed],
  ]);
  metric('chorus_clicks_lost_total', 'counter', 'Clicks whose batch failed twice (visitors were sent on).', [
    ['', m.clicks.lost],
  ]);
  metric(
    'chorus_directory_sync_age_seconds',
    'gauge',
    'Seconds since the directory sync last completed (-1 before the first).',
    [['', m.directorySyncAgeSeconds ?? -1]],
  );
  metric('chorus_directory_sync_failing', 'gauge', '1 when the last directory sync ended in an error.', [
    ['', m.directorySync?.lastError ? 1 : 0],
  ]);
  metric('chorus_directory_people', 'gauge', 'People in the directory after the last sync.', [
    ['', m.directorySync?.peopleCount ?? 0],
  ]);
  return `${out.join('\n')}\n`;
}

/** GET /metrics for the operator (not under /api: no person's data, no tab session). */
export function registerOperationsRoutes(r: RouteRegistrar, deps: HttpDeps) {
  r.add({
    method: 'GET',
    url: '/metrics',
    access: 'public',
    async handler({ request, reply }) {
      // Answered as if there were no such route, like any unknown path.
      if (!mayReadMetrics(request, deps.config.metricsToken)) {
        throw new AppError('NOT_FOUND', msg('noRoute', { method: 'GET', url: '/metrics' }));
      }
      const metrics = await getOperationsMetrics(deps, { tenantId: deps.tenantId });
      return reply
        .header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(presentMetrics(metrics));
    },
  });
}
