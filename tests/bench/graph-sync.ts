import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { GraphDirectory, GRAPH_PAGE_SIZE } from '../../src/graph/graph-directory';
import { createAppTokenProvider } from '../../src/graph/token-provider';
import { startGraphServer } from '../fakes/graph-server';

export interface GraphSyncBench {
  /** People read (upserts across all pages). */
  users: number;
  /** Graph HTTP requests the directory made (the token request is not counted). */
  requests: number;
  /** One request per page of 999: the least a full delta sync can cost. */
  expectedRequests: number;
  /** Requests beyond the delta pages (manager lookups); zero for a full sync, see graph-directory.ts. */
  extraRequests: number;
  /** Token endpoint calls, reported apart from `requests`. */
  tokenRequests: number;
  durationMs: number;
  /** Highest RSS seen during the run. The fake server runs in the same process, so this includes it. */
  peakRssMb: number;
}

/** Full directory sync of `n` users from the local fake Graph, counting people without keeping them. */
export async function benchGraphSync(n = 100_000): Promise<GraphSyncBench> {
  const server = await startGraphServer({ users: n });
  let peakRss = process.memoryUsage().rss;
  const sample = () => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  };
  const sampler = setInterval(sample, 10);
  try {
    const tokenProvider = createAppTokenProvider({
      tenantId: server.tenantId,
      clientId: server.clientId,
      clientSecret: server.clientSecret,
      authorityHost: server.url,
    });
    const directory = new GraphDirectory({ tokenProvider, baseUrl: server.graphUrl });
    const started = performance.now();
    const changes = directory.readChanges(null, { background: true });
    let users = 0;
    for await (const page of changes.pages) {
      users += page.upserts.length;
      sample();
    }
    const durationMs = performance.now() - started;
    if (!changes.nextDeltaLink()) throw new Error('benchmark sync ended without a delta link');
    const expectedRequests = Math.ceil(n / GRAPH_PAGE_SIZE);
    return {
      users,
      requests: changes.requestCount(),
      expectedRequests,
      extraRequests: changes.requestCount() - expectedRequests,
      tokenRequests: server.tokenRequests().length,
      durationMs: Math.round(durationMs),
      peakRssMb: Math.round((peakRss / 1024 / 1024) * 10) / 10,
    };
  } finally {
    clearInterval(sampler);
    await server.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const n = process.argv[2] ? Number(process.argv[2]) : undefined;
  console.log(JSON.stringify(await benchGraphSync(n), null, 2));
}
