import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the stand-in answers the next chat completion. */
export type OpenAIBehaviour =
  | { kind: 'answer'; content: string }
  | { kind: 'slow'; delayMs: number; content: string }
  | { kind: 'status'; status: number; retryAfterSeconds?: number }
  | { kind: 'hang-up' };

export interface RecordedCompletion {
  path: string;
  authorization: string | undefined;
  body: {
    model?: string;
    messages?: { role: string; content: unknown }[];
    response_format?: { type: string };
    max_tokens?: number;
  };
}

export interface OpenAIServer {
  /** The base URL to give the OpenAI client (…/v1). */
  baseUrl: string;
  /** Every chat completion request, in order. */
  requests: RecordedCompletion[];
  /** Sets how the following requests are answered. */
  behave(behaviour: OpenAIBehaviour): void;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A local server that speaks OpenAI's chat completions protocol (POST /v1/chat/completions), so the
 * optional language-model path runs its production code against real HTTP: answers, slowness, errors
 * and 429s with Retry-After.
 */
export async function startOpenAIServer(): Promise<OpenAIServer> {
  const requests: RecordedCompletion[] = [];
  let behaviour: OpenAIBehaviour = { kind: 'answer', content: '{"paragraph":"ok","openings":[]}' };
  const server = createServer((req, res) => {
    void (async () => {
      const raw = await readBody(req);
      if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"not found"}}');
        return;
      }
      let body: RecordedCompletion['body'];
      try {
        body = JSON.parse(raw) as RecordedCompletion['body'];
      } catch {
        res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":{"message":"bad json"}}');
        return;
      }
      requests.push({ path: req.url, authorization: req.headers.authorization, body });
      const current = behaviour;
      if (current.kind === 'hang-up') {
        req.socket.destroy();
        return;
      }
      if (current.kind === 'status') {
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (current.retryAfterSeconds !== undefined)
          headers['retry-after'] = String(current.retryAfterSeconds);
        res.writeHead(current.status, headers).end(`{"error":{"message":"status ${current.status}"}}`);
        return;
      }
      if (current.kind === 'slow') await new Promise((r) => setTimeout(r, current.delayMs));
      if (res.destroyed) return;
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          id: `chatcmpl-${requests.length}`,
          object: 'chat.completion',
          created: Math.floor(Date.now() / 1000),
          model: body.model ?? 'unknown',
          choices: [
            {
              index: 0,
              message: { role: 'assistant', content: current.content },
              finish_reason: 'stop',
            },
          ],
          usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
        }),
      );
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    behave(next) {
      behaviour = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
