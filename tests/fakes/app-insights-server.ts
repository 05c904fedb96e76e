import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';

/** One Application Insights envelope as the Azure Monitor exporter posts it. */
export interface Envelope {
  name: string;
  iKey?: string;
  time?: string;
  tags?: Record<string, string>;
  data?: {
    baseType?: string;
    baseData?: {
      name?: string;
      id?: string;
      responseCode?: string;
      resultCode?: string;
      success?: boolean;
      type?: string;
      properties?: Record<string, string>;
      metrics?: { name: string; value: number; count?: number }[];
    };
  };
}

export interface FakeIngestion {
  /** The connection string pointing at this server. */
  connectionString: string;
  /** Every request received: method, path, headers, and the envelopes in its body. */
  requests: { method: string; path: string; headers: http.IncomingHttpHeaders; envelopes: Envelope[] }[];
  envelopes(): Envelope[];
  close(): Promise<void>;
}

export const TEST_INSTRUMENTATION_KEY = '00000000-0000-0000-0000-000000000000';

/**
 * A local stand-in for Application Insights' ingestion endpoint (Breeze): takes POST <base>/v2.1/track
 * with a JSON array of envelopes (gzip accepted too) and answers as Breeze does.
 */
export async function startFakeIngestion(): Promise<FakeIngestion> {
  const requests: FakeIngestion['requests'] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body = Buffer.concat(chunks);
      if (req.headers['content-encoding'] === 'gzip') body = gunzipSync(body);
      const text = body.toString('utf8').trim();
      let envelopes: Envelope[] = [];
      if (text.startsWith('[')) envelopes = JSON.parse(text) as Envelope[];
      else if (text) envelopes = text.split('\n').map((line) => JSON.parse(line) as Envelope);
      requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, envelopes });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({ itemsReceived: envelopes.length, itemsAccepted: envelopes.length, errors: [] }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    connectionString: `InstrumentationKey=${TEST_INSTRUMENTATION_KEY};IngestionEndpoint=http://127.0.0.1:${port}/`,
    requests,
    envelopes: () => requests.flatMap((r) => r.envelopes),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
