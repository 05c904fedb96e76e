import type { z } from 'zod';
import { ZApiError } from '@contracts';

export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * A failed API call. `code` is the server's error code (UPPER_SNAKE, for example
 * GUIDELINES_VERSION_STALE), or one of ours: NETWORK (no answer), BAD_RESPONSE (an answer that did
 * not match the contract) or HTTP_<status> (an error without the usual body).
 */
export class ApiRequestError extends Error {
  readonly status: number;
  readonly code: string;
  readonly problems: FieldProblem[];
  readonly correlationId: string | null;
  /** True when `message` came from the server and is meant for people to read. */
  readonly fromServer: boolean;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    problems?: FieldProblem[] | undefined;
    correlationId?: string | null | undefined;
    fromServer?: boolean;
  }) {
    super(init.message);
    this.name = 'ApiRequestError';
    this.status = init.status;
    this.code = init.code;
    this.problems = init.problems ?? [];
    this.correlationId = init.correlationId ?? null;
    this.fromServer = init.fromServer ?? false;
  }
}

export function isApiError(err: unknown, code?: string): err is ApiRequestError {
  return err instanceof ApiRequestError && (code === undefined || err.code === code);
}

export type TokenSource = () => Promise<string | null>;

export interface ApiClientOptions {
  /** Returns the Bearer token to send, or null when nobody is signed in. */
  getToken: TokenSource;
  /** Called when an authenticated request gets 401, so the app can go back to sign-in. */
  onUnauthorized?: (error: ApiRequestError) => void;
  /** The current UI language, sent as Accept-Language so server messages can match it. */
  getLanguage?: () => string;
  baseUrl?: string;
}

interface RequestOptions {
  body?: unknown;
  /** false for public endpoints (config, the demo sign-in); the token is then not sent. */
  auth?: boolean;
  signal?: AbortSignal | undefined;
  /** The Accept header; JSON unless said otherwise (text/csv for exports). */
  accept?: string;
}

export interface ApiClient {
  request<S extends z.ZodTypeAny>(
    method: string,
    path: string,
    schema: S,
    options?: RequestOptions,
  ): Promise<z.infer<S>>;
  /** For endpoints that answer 202/204 with no body worth reading. */
  send(method: string, path: string, options?: RequestOptions): Promise<void>;
  /** For endpoints that answer with text, such as a CSV export (a plain link would not carry the token). */
  text(method: string, path: string, options?: RequestOptions): Promise<string>;
  /**
   * Sends a file as the raw request body (with its own content type) and reports upload progress.
   * fetch() cannot report upload progress, so this one uses XMLHttpRequest.
   */
  upload<S extends z.ZodTypeAny>(
    path: string,
    file: Blob,
    schema: S,
    options?: { onProgress?: (sent: number, total: number) => void; signal?: AbortSignal },
  ): Promise<z.infer<S>>;
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const baseUrl = options.baseUrl ?? '';

  async function perform(method: string, path: string, opts: RequestOptions): Promise<Response> {
    const headers: Record<string, string> = { Accept: opts.accept ?? 'application/json' };
    if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
    const language = options.getLanguage?.();
    if (language) headers['Accept-Language'] = language;
    if (opts.auth !== false) {
      const token = await options.getToken();
      if (token) headers.Authorization = `Bearer ${token}`;
    }
    let response: Response;
    try {
      response = await fetch(baseUrl + path, {
        method,
        headers,
        body: opts.body === undefined ? null : JSON.stringify(opts.body),
        signal: opts.signal ?? null,
      });
    } catch (err) {
      if (err instanceof DOMException && err.name === 'AbortError') throw err;
      throw new ApiRequestError({ status: 0, code: 'NETWORK', message: String(err) });
    }
    if (!response.ok) {
      const error = await toApiError(response);
      if (response.status === 401 && opts.auth !== false) options.onUnauthorized?.(error);
      throw error;
    }
    return response;
  }

  return {
    async request(method, path, schema, opts = {}) {
      const response = await perform(method, path, opts);
      let json: unknown;
      try {
        json = await response.json();
      } catch {
        throw badResponse(response.status, `${method} ${path}: the body is not JSON`);
      }
      const parsed = schema.safeParse(json);
      if (!parsed.success) {
        console.error(`Chorus: ${method} ${path} does not match the contract`, parsed.error.issues);
        throw badResponse(response.status, `${method} ${path}: the body does not match the contract`);
      }
      return parsed.data as z.infer<typeof schema>;
    },
    async send(method, path, opts = {}) {
      await perform(method, path, opts);
    },
    async text(method, path, opts = {}) {
      const response = await perform(method, path, opts);
      return response.text();
    },
    async upload(path, file, schema, opts = {}) {
      const token = await options.getToken();
      const language = options.getLanguage?.();
      const xhr = new XMLHttpRequest();
      const done = new Promise<{ status: number; text: string; correlationId: string | null }>(
        (resolve, reject) => {
          xhr.upload.onprogress = (event) => {
            if (event.lengthComputable) opts.onProgress?.(event.loaded, event.total);
          };
          xhr.onload = () =>
            resolve({
              status: xhr.status,
              text: xhr.responseText,
              correlationId: xhr.getResponseHeader('x-correlation-id'),
            });
          xhr.onerror = () =>
            reject(new ApiRequestError({ status: 0, code: 'NETWORK', message: 'the upload failed' }));
          xhr.onabort = () => reject(new DOMException('The upload was cancelled', 'AbortError'));
        },
      );
      xhr.open('POST', baseUrl + path);
      xhr.setRequestHeader('Accept', 'application/json');
      xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
      if (language) xhr.setRequestHeader('Accept-Language', language);
      if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
      opts.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
      xhr.send(file);
      const answer = await done;
      let json: unknown = null;
      try {
        json = JSON.parse(answer.text);
      } catch {
        // not JSON
      }
      if (answer.status < 200 || answer.status >= 300) {
        const error = errorFromBody(answer.status, json, '', answer.correlationId);
        if (answer.status === 401) options.onUnauthorized?.(error);
        throw error;
      }
      const parsed = schema.safeParse(json);
      if (!parsed.success) {
        console.error(`Chorus: POST ${path} does not match the contract`, parsed.error.issues);
        throw badResponse(answer.status, `POST ${path}: the body does not match the contract`);
      }
      return parsed.data as z.infer<typeof schema>;
    },
  };
}

function badResponse(status: number, message: string): ApiRequestError {
  return new ApiRequestError({ status, code: 'BAD_RESPONSE', message });
}

async function toApiError(response: Response): Promise<ApiRequestError> {
  let json: unknown = null;
  try {
    json = await response.json();
  } catch {
    // not JSON (a proxy's HTML error page, for example)
  }
  return errorFromBody(response.status, json, response.statusText, response.headers.get('x-correlation-id'));
}

function errorFromBody(
  status: number,
  json: unknown,
  statusText: string,
  correlationHeader: string | null,
): ApiRequestError {
  const parsed = ZApiError.safeParse(json);
  if (parsed.success) {
    const { code, message, problems, correlationId } = parsed.data.error;
    return new ApiRequestError({ status, code, message, problems, correlationId, fromServer: true });
  }
  return new ApiRequestError({
    status,
    code: `HTTP_${status}`,
    message: statusText || `HTTP ${status}`,
    correlationId: correlationHeader,
  });
}
