import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { Request as BotRequest, Response as BotResponse } from 'botbuilder';
import { ZIncomingActivity } from '../contracts/bot-activity';
import { AppError } from '../domain/errors';
import { msg } from '../domain/messages';
import { sendError, zodProblems } from './errors';
import type { BotEndpoint } from './server';
import { currentOperation, withOperation } from '../observability/context';
import { noopTelemetry, SpanKind, SpanStatusCode } from '../observability/telemetry';

/** The bot, as the HTTP endpoint sees it: botbuilder's own request/response processing. */
export interface BotProcessor {
  process(req: BotRequest, res: BotResponse): Promise<void>;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function isLoopbackUrl(url: string): boolean {
  try {
    return LOOPBACK_HOSTS.has(new URL(url).hostname);
  } catch {
    return false;
  }
}

const ERROR_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  405: 'METHOD_NOT_ALLOWED',
};

/**
 * Adapts Fastify to botbuilder's Request/Response: the adapter sets a status, maybe a body, then
 * ends; the shim collects that and answers once. Errors get the app's JSON error shape, and a 5xx
 * never carries the exception's text.
 */
function collectingResponse(): BotResponse & {
  result(): { status: number; body: unknown; headers: [string, unknown][] };
} {
  let status = 200;
  let body: unknown;
  const headers: [string, unknown][] = [];
  const res = {
    socket: null,
    header(name: string, value: unknown) {
      headers.push([name, value]);
      return res;
    },
    status(code: number) {
      status = code;
      return res;
    },
    send(value?: unknown) {
      body = value;
      return res;
    },
    end() {
      return res;
    },
    result: () => ({ status, body, headers }),
  };
  return res;
}

/**
 * POST /api/messages. The body must be an activity (clear 400 otherwise); the adapter then checks
 * the Bot Framework token, unless the bot runs without credentials (the demo), where it only takes
 * activities whose Bot Connector is on this machine.
 */
export function createBotEndpoint(
  bot: BotProcessor,
  options: {
    localOnly: boolean;
    /**
     * Demo only: the person id a sender outside the directory acts as (DEMO_CHAT_AS), given the
     * sender's Entra object id; returns the id unchanged for people in the directory.
     */
    senderFor?: (aadObjectId: string | undefined) => Promise<string | undefined>;
  },
): BotEndpoint {
  return {
    async handle(request: FastifyRequest, reply: FastifyReply) {
      const parsed = ZIncomingActivity.safeParse(request.body);
      if (!parsed.success) {
        throw new AppError('VALIDATION_FAILED', 'notBotActivity', {
          problems: zodProblems(parsed.error, 'body'),
        });
      }
      if (options.localOnly && !isLoopbackUrl(parsed.data.serviceUrl)) {
        throw new AppError('VALIDATION_FAILED', 'notBotActivity', {
          problems: [{ field: 'body.serviceUrl', message: msg('botConnectorNotLocal') }],
        });
      }
      let activity = parsed.data;
      if (options.senderFor) {
        const from = activity.from;
        const current = typeof from['aadObjectId'] === 'string' ? from['aadObjectId'] : undefined;
        const personId = await options.senderFor(current);
        if (personId !== current) activity = { ...activity, from: { ...from, aadObjectId: personId } };
      }
      const res = collectingResponse();
      // The turn is an operation of its own under the request: the request's correlation id (the
      // caller's x-correlation-id when given), with the activity's ids on every line the turn logs.
      const parent = currentOperation();
      const activityId = typeof activity['id'] === 'string' ? activity['id'] : undefined;
      const name = typeof activity['name'] === 'string' ? activity['name'] : undefined;
      const startedAt = performance.now();
      await withOperation(
        {
          name: `bot turn ${activity.type}`,
          kind: SpanKind.INTERNAL,
          correlationId: request.id,
          logger: (request.log as Logger).child({
            activityType: activity.type,
            ...(name ? { activityName: name } : {}),
            activityId,
            conversationId: activity.conversation.id,
          }),
          telemetry: parent?.telemetry ?? noopTelemetry,
          attributes: {
            'bot.activity.type': activity.type,
            ...(name ? { 'bot.activity.name': name } : {}),
            ...(activityId ? { 'bot.activity.id': activityId } : {}),
            'bot.conversation.id': activity.conversation.id,
          },
          ...(parent ? { parent: parent.span } : {}),
        },
        async (turn) => {
          await bot.process({ body: activity, headers: request.headers, method: request.method }, res);
          const status = res.result().status;
          turn.span.setAttribute('bot.status', status);
          if (status >= 500) turn.span.setStatus({ code: SpanStatusCode.ERROR });
          turn.logger.info(
            { status, durationMs: Math.round(performance.now() - startedAt) },
            'bot turn handled',
          );
        },
      );
      const { status, body, headers } = res.result();
      for (const [name, value] of headers) reply.header(name, value);
      if (status >= 400) {
        if (status >= 500) request.log.error({ status, detail: body }, 'the bot adapter failed');
        const message =
          status >= 500
            ? msg('internal')
            : msg('botRefused', { reason: typeof body === 'string' && body ? body : null });
        await sendError(
          reply,
          status,
          ERROR_CODES[status] ?? (status >= 500 ? 'INTERNAL' : 'BAD_REQUEST'),
          message,
        );
        return;
      }
      await reply.code(status).send(body ?? undefined);
    },
  };
}
