import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy on 127.0.0.1 in front of a database server, for fault tests: `cut()` drops every open
 * connection at once and then either refuses new ones (a stopped server: each is reset as soon as
 * it arrives) or blackholes them (a network partition: accepted, never answered), until `restore()`.
 */
export interface TcpProxy {
  port: number;
  /** Connections accepted and forwarded so far (refused or blackholed ones not included). */
  forwarded(): number;
  /** Connections refused or held while cut. */
  rejected(): number;
  cut(mode?: 'refuse' | 'blackhole'): void;
  restore(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const open = new Set<Socket>();
  const held = new Set<Socket>();
  let mode: 'open' | 'refuse' | 'blackhole' = 'open';
  let forwarded = 0;
  let rejected = 0;

  const server: Server = createServer((client) => {
    client.on('error', () => undefined);
    if (mode !== 'open') {
      rejected++;
      if (mode === 'refuse') client.resetAndDestroy();
      else held.add(client);
      return;
    }
    forwarded++;
    const upstream = connect(target.port, target.host);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    client.on('close', () => {
      upstream.destroy();
      open.delete(client);
    });
    upstream.on('close', () => {
      client.destroy();
      open.delete(upstream);
    });
    client.pipe(upstream);
    upstream.pipe(client);
    open.add(client);
    open.add(upstream);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as { port: number }).port;

  return {
    port,
    forwarded: () => forwarded,
    rejected: () => rejected,
    cut(how = 'refuse') {
      mode = how;
      // Reset rather than end: the app sees its connections die mid-query, as when a server is killed.
      for (const socket of open) socket.resetAndDestroy();
      open.clear();
    },
    restore() {
      mode = 'open';
      for (const socket of held) socket.destroy();
      held.clear();
    },
    async close() {
      mode = 'refuse';
      for (const socket of [...open, ...held]) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
