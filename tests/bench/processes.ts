/** Starting and stopping the processes a benchmark measures, each in its own process group. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * Runs `cmd` from the project folder with the bench's environment plus `env`, in its own process group
 * so that stopping it also stops what it started (npm start runs node under npm).
 * BENCH_NODE_ARGS adds Node options to node processes, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
 */
export function spawnGroup(cmd: string, args: string[], env: Record<string, string>): ChildProcess {
  const nodeArgs =
    cmd === process.execPath ? (process.env['BENCH_NODE_ARGS']?.split(' ').filter(Boolean) ?? []) : [];
  return spawn(cmd, [...nodeArgs, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    detached: true,
    stdio: 'ignore',
  });
}

/** A TypeScript entry point under node + tsx, as `npm start` runs the server. */
export function spawnTs(file: string, env: Record<string, string>): ChildProcess {
  return spawnGroup(process.execPath, ['--import', 'tsx', file], env);
}

/** SIGTERM to the group, then SIGKILL if it has not exited in time. */
export async function stopGroup(child: ChildProcess, graceMs = 15_000): Promise<void> {
  if (child.exitCode !== null || !child.pid) return;
  const exited = new Promise((r) => child.on('exit', r));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  await Promise.race([exited, new Promise((r) => setTimeout(r, graceMs))]);
  if (child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
}

/** Polls `url` until it answers `status` (without following redirects). */
export async function waitFor(url: string, timeoutMs: number, status = 200): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(url, { redirect: 'manual' })).status === status) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${url} not ready in ${timeoutMs} ms`);
}

/**
 * Runs a Postgres benchmark when its file is run directly (`npx tsx tests/bench/<name>.ts`): it needs
 * BENCH_DATABASE_URL, refills its data with BENCH_REFILL=true, and prints its result as JSON.
 */
export function runPostgresBenchIfMain(
  moduleUrl: string,
  name: string,
  bench: (url: string, options: { refill: boolean }) => Promise<unknown>,
): void {
  if (!process.argv[1] || moduleUrl !== pathToFileURL(path.resolve(process.argv[1])).href) return;
  const url = process.env['BENCH_DATABASE_URL'];
  if (!url) {
    process.stderr.write('set BENCH_DATABASE_URL to a scratch PostgreSQL database\n');
    process.exit(1);
  }
  bench(url, { refill: process.env['BENCH_REFILL'] === 'true' })
    .then((result) => process.stdout.write(`${JSON.stringify(result, null, 2)}\n`))
    .catch((err: unknown) => {
      process.stderr.write(`${name} benchmark failed: ${err instanceof Error ? err.stack : String(err)}\n`);
      process.exit(1);
    });
}
