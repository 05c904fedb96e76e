import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An activity the bot sent, as the connector received it. */
export interface SentActivity {
  conversationId: string;
  /** Set when the bot replied to an activity (`POST …/activities/{replyToId}`). */
  replyToId: string | null;
  activity: Record<string, unknown> & {
    type?: string;
    text?: string;
    attachments?: { contentType: string; content: unknown }[];
  };
  headers: IncomingHttpHeaders;
}

/** A conversation the bot asked the connector to create. */
export interface CreatedConversation {
  id: string;
  parameters: Record<string, unknown>;
}

export interface BotConnector {
  /** The serviceUrl to put on activities, with the trailing slash Teams uses. */
  serviceUrl: string;
  sent: SentActivity[];
  created: CreatedConversation[];
  /** Every request path, in arrival order. */
  paths: string[];
  /** Resolves with the first sent activity matching `predicate`, waiting up to `timeoutMs`. */
  waitFor(predicate: (a: SentActivity) => boolean, timeoutMs?: number): Promise<SentActivity>;
  close(): Promise<void>;
}

/**
 * A local stand-in for the Bot Connector service on 127.0.0.1: records what the bot sends, and
 * answers with the shapes botbuilder expects (`{ id }`).
 */
export async function startBotConnector(): Promise<BotConnector> {
  const sent: SentActivity[] = [];
  const created: CreatedConversation[] = [];
  const paths: string[] = [];
  let counter = 0;

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0] ?? '';
      paths.push(`${req.method} ${path}`);
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      } catch {
        res.writeHead(400).end();
        return;
      }
      const answer = (status: number, json: unknown) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
      if (req.method !== 'POST') return answer(405, { error: 'method' });
      if (path === '/v3/conversations') {
        const id = `a:fake-conversation-${++counter}`;
        created.push({ id, parameters: body });
        return answer(201, { id });
      }
      const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(path);
      if (match) {
        sent.push({
          conversationId: decodeURIComponent(match[1]!),
          replyToId: match[2] ? decodeURIComponent(match[2]) : null,
          activity: body,
          headers: req.headers,
        });
        return answer(200, { id: `sent-${++counter}` });
      }
      return answer(404, { error: 'unknown path' });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    sent,
    created,
    paths,
    async waitFor(predicate, timeoutMs = 5000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const found = sent.find(predicate);
        if (found) return found;
        if (Date.now() > until)
          throw new Error(
            `no matching activity within ${timeoutMs} ms; sent: ${JSON.stringify(sent.map((s) => s.activity.text ?? s.activity.type))}`,
          );
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The TextBlock texts of an activity's Adaptive Card attachments. */
export function cardTexts(activity: SentActivity['activity']): string[] {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const n = node as Record<string, unknown>;
      if (n['type'] === 'TextBlock' && typeof n['text'] === 'string') out.push(n['text']);
      ['body', 'items', 'columns'].forEach((k) => walk(n[k]));
    }
  };
  for (const a of activity.attachments ?? [])
    if (a.contentType === 'application/vnd.microsoft.card.adaptive') walk(a.content);
  return out;
}
