import os from 'node:os';
import {
  AI_OPERATION_NAME,
  AzureMonitorMetricExporter,
  AzureMonitorTraceExporter,
  type AzureMonitorExporterOptions,
} from '@azure/monitor-opentelemetry-exporter';
import {
  createNoopMeter,
  INVALID_SPAN_CONTEXT,
  ROOT_CONTEXT,
  SpanKind,
  trace,
  type Attributes,
  type Counter,
  type Histogram,
  type Meter,
  type Span,
  type Tracer,
} from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import type { ApplicationInsightsConfig } from '../config/config';

export { SpanKind, SpanStatusCode, type Attributes, type Span } from '@opentelemetry/api';

/** The instruments the adapters record into (no-ops when telemetry is off). */
export interface ChorusInstruments {
  /** http.server.request.duration, in seconds, by method, route and status. */
  httpDuration: Histogram;
  /** Outbox deliveries, by transport and resulting state. */
  outboxSends: Counter;
  /** 429 answers to outbox deliveries (Teams or Graph), by transport. */
  outboxThrottled: Counter;
}

/** What the gauges read when metrics are collected (once per export interval). */
export interface GaugeSources {
  /** Jobs and outbox messages waiting, from the database. */
  queues(): Promise<{
    jobs: { kind: string; status: string; count: number }[];
    outbox: { state: string; count: number }[];
  }>;
  /** How long this instance's oldest waiting click has waited, in seconds. */
  clickWriteLagSeconds(): number;
}

/** Traces and metrics: exported to Application Insights when configured, otherwise no-ops. */
export interface Telemetry {
  readonly enabled: boolean;
  /** A span under `parent` (or a new trace); spans carry the correlation id as an attribute. */
  startSpan(name: string, options: { kind: SpanKind; attributes?: Attributes; parent?: Span }): Span;
  readonly instruments: ChorusInstruments;
  /** Registers the queue-depth and click-write-lag gauges. */
  observe(sources: GaugeSources): void;
  /** Exports every finished span and the current metrics now. */
  flush(): Promise<void>;
  /** Flushes and stops (SIGTERM); waits at most a few seconds for the ingestion endpoint. */
  shutdown(): Promise<void>;
}

function instrumentsOf(meter: Meter): ChorusInstruments {
  return {
    httpDuration: meter.createHistogram('http.server.request.duration', {
      unit: 's',
      description: 'Duration of HTTP requests answered by Fastify.',
    }),
    outboxSends: meter.createCounter('chorus.outbox.sends', {
      description: 'Outbox deliveries attempted, by transport and resulting state.',
    }),
    outboxThrottled: meter.createCounter('chorus.outbox.throttled', {
      description: '429 answers from Teams or Graph to outbox deliveries.',
    }),
  };
}

const NOOP_SPAN = trace.wrapSpanContext(INVALID_SPAN_CONTEXT);

/** Telemetry that records nothing and sends nothing (no connection string). */
export const noopTelemetry: Telemetry = {
  enabled: false,
  startSpan: () => NOOP_SPAN,
  instruments: instrumentsOf(createNoopMeter()),
  observe: () => {},
  flush: async () => {},
  shutdown: async () => {},
};

/** How often metrics are exported (Application Insights aggregates per minute). */
const METRIC_EXPORT_INTERVAL_MS = 60_000;
const SHUTDOWN_WAIT_MS = 5_000;

/**
 * Creates the telemetry: with a connection string, a tracer and a meter whose data the Azure Monitor
 * exporters post to the Application Insights ingestion endpoint; without one, `noopTelemetry`.
 * Nothing is registered globally, so several instances (tests) can live in one process.
 */
export function createTelemetry(config: ApplicationInsightsConfig | null): Telemetry {
  if (!config) return noopTelemetry;
  // The exporter's own "statsbeat" reports go to Microsoft's Application Insights resource, not the
  // operator's, and probe the Azure instance metadata address. Chorus sends telemetry only where it is
  // pointed; the exporter has this switch in the environment only.
  // eslint-disable-next-line no-restricted-properties -- setting the exporter's switch, not reading configuration
  process.env['APPLICATION_INSIGHTS_NO_STATSBEAT'] = 'true';
  const exporterOptions: AzureMonitorExporterOptions = {
    connectionString: config.connectionString,
    // The ingestion endpoint as configured (the exporter would turn a loopback http:// into https://).
    host: config.ingestionEndpoint,
    // Config allows plain http for a loopback endpoint only (a local collector or a test).
    ...(config.ingestionEndpoint.startsWith('http:') ? { allowInsecureConnection: true } : {}),
  };
  const resource = resourceFromAttributes({
    [ATTR_SERVICE_NAME]: 'chorus',
    'service.instance.id': `${os.hostname()}:${process.pid}`,
  });
  const tracerProvider = new BasicTracerProvider({
    resource,
    spanProcessors: [new BatchSpanProcessor(new AzureMonitorTraceExporter(exporterOptions))],
  });
  const tracer: Tracer = tracerProvider.getTracer('chorus');
  const meterProvider = new MeterProvider({
    resource,
    readers: [
      new PeriodicExportingMetricReader({
        exporter: new AzureMonitorMetricExporter(exporterOptions),
        exportIntervalMillis: METRIC_EXPORT_INTERVAL_MS,
      }),
    ],
  });
  const meter = meterProvider.getMeter('chorus');
  let stopped: Promise<void> | null = null;

  return {
    enabled: true,
    startSpan(name, options) {
      const parent = options.parent ? trace.setSpan(ROOT_CONTEXT, options.parent) : ROOT_CONTEXT;
      // Application Insights names a request from an HTTP server span's method and route; a job
      // (a consumer span) needs its name given as the operation name.
      const attributes: Attributes =
        options.kind === SpanKind.CONSUMER
          ? { [AI_OPERATION_NAME]: name, ...options.attributes }
          : { ...options.attributes };
      return tracer.startSpan(name, { kind: options.kind, attributes }, parent);
    },
    instruments: instrumentsOf(meter),
    observe(sources) {
      const jobs = meter.createObservableGauge('chorus.jobs.waiting', {
        description: 'Background jobs queued or running, by kind and status.',
      });
      const outbox = meter.createObservableGauge('chorus.outbox.waiting', {
        description: 'Outgoing Teams messages not yet delivered, by state.',
      });
      const lag = meter.createObservableGauge('chorus.clicks.write_lag', {
        unit: 's',
        description: 'How long the oldest click waiting for its batch to commit has waited.',
      });
      meter.addBatchObservableCallback(
        async (result) => {
          result.observe(lag, sources.clickWriteLagSeconds());
          const queues = await sources.queues();
          for (const j of queues.jobs) result.observe(jobs, j.count, { kind: j.kind, status: j.status });
          for (const o of queues.outbox) result.observe(outbox, o.count, { state: o.state });
        },
        [jobs, outbox, lag],
      );
    },
    async flush() {
      await tracerProvider.forceFlush();
      await meterProvider.forceFlush();
    },
    shutdown() {
      stopped ??= (async () => {
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<void>((resolve) => {
          timer = setTimeout(resolve, SHUTDOWN_WAIT_MS);
          timer.unref();
        });
        // A slow or unreachable ingestion endpoint must not hold up SIGTERM.
        await Promise.race([
          Promise.allSettled([tracerProvider.shutdown(), meterProvider.shutdown()]),
          timeout,
        ]);
        clearTimeout(timer);
      })();
      return stopped;
    },
  };
}
