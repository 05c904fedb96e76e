import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import {
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_URL_PATH,
} from '@opentelemetry/semantic-conventions';
import { runInOperation, type Operation } from '../observability/context';
import { SpanKind, SpanStatusCode, type Telemetry } from '../observability/telemetry';

/**
 * Every request Fastify answers runs as an operation: a server span (Application Insights shows it as
 * a request, with the correlation id), and the request's logger (which already carries the correlation
 * id) as the logger of everything the request causes, bot turns included. Tracked links (/r/<code>)
 * are answered before Fastify and stay out of this on purpose.
 */
export function registerRequestTelemetry(app: FastifyInstance, telemetry: Telemetry) {
  const running = new WeakMap<FastifyRequest, { operation: Operation; startedAt: number; ended: boolean }>();
  const routeOf = (request: FastifyRequest) => request.routeOptions.url ?? '(no route)';

  app.addHook('onRequest', (request, _reply, done) => {
    const route = routeOf(request);
    const span = telemetry.startSpan(`${request.method} ${route}`, {
      kind: SpanKind.SERVER,
      attributes: {
        correlationId: request.id,
        [ATTR_HTTP_REQUEST_METHOD]: request.method,
        [ATTR_HTTP_ROUTE]: route,
        [ATTR_URL_PATH]: request.url.split('?')[0] ?? '/',
      },
    });
    // The app's logger is pino (src/logger.ts), so the request's child is a pino logger too.
    const logger = request.log as Logger;
    const operation: Operation = { correlationId: request.id, logger, span, telemetry };
    running.set(request, { operation, startedAt: performance.now(), ended: false });
    runInOperation(operation, done);
  });
  // The body is read on stream events outside the request's async context: enter it again after.
  app.addHook('preValidation', (request, _reply, done) => {
    const entry = running.get(request);
    if (entry) runInOperation(entry.operation, done);
    else done();
  });

  const end = (request: FastifyRequest, status: number | null) => {
    const entry = running.get(request);
    if (!entry || entry.ended) return;
    entry.ended = true;
    const { span } = entry.operation;
    const route = routeOf(request);
    if (status === null) {
      span.setAttribute('http.aborted', true);
    } else {
      span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, status);
      if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    }
    span.end();
    telemetry.instruments.httpDuration.record((performance.now() - entry.startedAt) / 1000, {
      [ATTR_HTTP_REQUEST_METHOD]: request.method,
      [ATTR_HTTP_ROUTE]: route,
      ...(status === null ? {} : { [ATTR_HTTP_RESPONSE_STATUS_CODE]: status }),
    });
  };
  app.addHook('onResponse', (request, reply, done) => {
    end(request, reply.statusCode);
    done();
  });
  app.addHook('onRequestAbort', (request, done) => {
    end(request, null);
    done();
  });
}
