import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from 'pino';
import { SpanStatusCode, type Attributes, type Span, type SpanKind, type Telemetry } from './telemetry';

/**
 * The unit of work running now (an HTTP request, a bot turn, a job, an outbox send): its correlation
 * id, a logger that carries it, its span, and the telemetry that made the span. Kept in
 * AsyncLocalStorage, so services and ports log and trace under it without any new parameter.
 */
export interface Operation {
  correlationId: string;
  logger: Logger;
  span: Span;
  telemetry: Telemetry;
}

const storage = new AsyncLocalStorage<Operation>();

/** Runs `fn` (and everything it starts) inside `operation`. */
export function runInOperation<T>(operation: Operation, fn: () => T): T {
  return storage.run(operation, fn);
}

/** The operation running now, if any. */
export function currentOperation(): Operation | undefined {
  return storage.getStore();
}

/** The correlation id of the operation running now (what caused a job or a message), or null. */
export function currentCorrelationId(): string | null {
  return storage.getStore()?.correlationId ?? null;
}

/**
 * Starts a span for `fn`, runs `fn` inside a new operation, and ends the span (marked as an error
 * when `fn` throws). The span carries the correlation id as the attribute `correlationId`.
 */
export async function withOperation<T>(
  options: {
    name: string;
    kind: SpanKind;
    correlationId: string;
    logger: Logger;
    telemetry: Telemetry;
    attributes?: Attributes;
    parent?: Span;
  },
  fn: (operation: Operation) => Promise<T>,
): Promise<T> {
  const span = options.telemetry.startSpan(options.name, {
    kind: options.kind,
    attributes: { correlationId: options.correlationId, ...options.attributes },
    ...(options.parent ? { parent: options.parent } : {}),
  });
  const operation: Operation = {
    correlationId: options.correlationId,
    logger: options.logger,
    span,
    telemetry: options.telemetry,
  };
  try {
    return await storage.run(operation, () => fn(operation));
  } catch (err) {
    span.recordException(err instanceof Error ? err : String(err));
    span.setStatus({ code: SpanStatusCode.ERROR });
    throw err;
  } finally {
    span.end();
  }
}

/**
 * A logger that writes through the current operation's logger when there is one (so each line carries
 * that operation's correlation id), and through `root` otherwise. Adapters built once at startup (bot
 * handlers, job handlers) log with this and need no per-call logger.
 */
export function contextualLogger(root: Logger): Logger {
  return new Proxy(root, {
    get(target, property) {
      const logger = storage.getStore()?.logger ?? target;
      const value: unknown = Reflect.get(logger, property, logger);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(logger) : value;
    },
  });
}
