import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodType, ZodTypeDef } from 'zod';
import { AppError, isAppError } from '../domain/errors';
import { msg } from '../domain/messages';
import { hasAnyRole, type Role } from '../domain/roles';
import type { Principal } from './auth/authenticator';
import { zodProblems } from './errors';
import type { RequestLimiter } from './request-limiter';

/** Who may call a route: anyone, or a signed-in person holding one of the roles. */
export type Access = 'public' | readonly Role[];

export interface RouteContext<B, Q, P> {
  principal: Principal | null;
  roles: Role[];
  body: B;
  query: Q;
  params: P;
  request: FastifyRequest;
  reply: FastifyReply;
}

type Schema<T> = ZodType<T, ZodTypeDef, unknown>;

export interface RouteSpec<B, Q, P> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  access: Access;
  body?: Schema<B>;
  query?: Schema<Q>;
  params?: Schema<P>;
  /** A per-client limit for public or sensitive routes (sign-in, conversions); checked first. */
  limiter?: RequestLimiter;
  handler(ctx: RouteContext<B, Q, P>): Promise<unknown>;
}

/** One declared route, kept so tests can check every route's access rule. */
export interface DeclaredRoute {
  method: string;
  url: string;
  access: Access;
  /** Whether the route reads a body (and so parses it with a contract schema). */
  hasBody: boolean;
}

export interface RouteRegistrar {
  /** Registers a route: authenticate, check roles, parse input, then call the handler. */
  add<B = undefined, Q = undefined, P = undefined>(spec: RouteSpec<B, Q, P>): void;
  routes: DeclaredRoute[];
}

/** Finds a string containing NUL anywhere in a parsed JSON value (PostgreSQL cannot store it in text). */
function findNul(value: unknown, path: string[]): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path.join('.') : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNul(value[i], [...path, String(i)]);
      if (found) return found;
    }
  } else if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const [key, v] of Object.entries(value)) {
      const found = findNul(v, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

function parse<T>(schema: Schema<T> | undefined, value: unknown, where: 'body' | 'query' | 'params'): T {
  if (!schema) return undefined as T;
  const nul = findNul(value, [where]);
  if (nul) {
    throw new AppError('VALIDATION_FAILED', msg('requestPartInvalid', { part: where }), {
      problems: [{ field: nul, message: msg('containsNul') }],
    });
  }
  const result = schema.safeParse(value ?? (where === 'body' ? undefined : {}));
  if (!result.success) {
    throw new AppError('VALIDATION_FAILED', msg('requestPartInvalid', { part: where }), {
      problems: zodProblems(result.error, where),
    });
  }
  return result.data;
}

/** Makes a registrar whose routes all go through the same auth, role and input checks. */
export function createRouteRegistrar(
  app: FastifyInstance,
  security: {
    authenticate(request: FastifyRequest): Promise<Principal>;
    rolesOf(principal: Principal): Promise<Role[]>;
  },
): RouteRegistrar {
  const routes: DeclaredRoute[] = [];
  return {
    routes,
    add(spec) {
      routes.push({ method: spec.method, url: spec.url, access: spec.access, hasBody: !!spec.body });
      app.route({
        method: spec.method,
        url: spec.url,
        handler: async (request, reply) => {
          const retryAfter = spec.limiter?.take(`${spec.url}|${request.ip}`) ?? null;
          if (retryAfter !== null) {
            reply.header('retry-after', String(retryAfter));
            throw new AppError('RATE_LIMITED', msg('tooManyRequests', { seconds: retryAfter }));
          }
          let principal: Principal | null = null;
          let roles: Role[] = [];
          if (spec.access !== 'public') {
            principal = await security.authenticate(request);
            roles = await security.rolesOf(principal);
            if (!hasAnyRole(roles, spec.access)) {
              throw new AppError('FORBIDDEN', msg('needsRole', { roles: spec.access }));
            }
          }
          const ctx = {
            principal,
            roles,
            body: parse(spec.body, request.body, 'body'),
            query: parse(spec.query, request.query, 'query'),
            params: parse(spec.params, request.params, 'params'),
            request,
            reply,
          };
          const result = await spec.handler(ctx);
          if (result === undefined) {
            if (!reply.sent) return reply.code(204).send();
            return reply;
          }
          return result;
        },
      });
    },
  };
}

/**
 * Runs a service call whose problems name its input's fields (`topic`, `imageId`) and names them after
 * where they were in the request instead (`body.topic`, `query.cursor`), like the schema's own problems.
 */
export async function within<T>(where: 'body' | 'query', work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (isAppError(err) && err.problems.length > 0) {
      throw new AppError(err.code, err.text, {
        problems: err.problems.map((p) => ({ field: `${where}.${p.field}`, message: p.message })),
        details: err.details,
      });
    }
    throw err;
  }
}
