import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import type { DatabaseConfig } from '../config/config';
import * as schema from './schema';

/** Drizzle over either PGlite or node-postgres: the same PostgreSQL dialect, the same repositories. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DatabaseHandle {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Throws when the database cannot answer. */
  ping(): Promise<void>;
  /** True when every committed migration has been applied. */
  migrationsApplied(): Promise<boolean>;
  close(): Promise<void>;
}

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
// Any constant works; it only has to be the same in every instance of the app.
const MIGRATION_LOCK_KEY = 4_242_017;

/** Both drivers return `{ rows }` from execute; the shared Drizzle type does not say so. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

interface JournalEntry {
  idx: number;
  tag: string;
}

async function readJournal(): Promise<JournalEntry[]> {
  const raw = await readFile(path.join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8');
  const journal = JSON.parse(raw) as { entries: JournalEntry[] };
  return [...journal.entries].sort((a, b) => a.idx - b.idx);
}

/** Opens the configured database. Does not migrate: call `migrate` for that. */
export async function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  let db: Db;
  let close: () => Promise<void>;
  if (config.kind === 'pglite') {
    const client = await PGlite.create(config.dataDir);
    db = drizzlePglite({ client, schema });
    close = () => client.close();
  } else {
    const pool = new pg.Pool({
      connectionString: config.url,
      max: config.poolSize,
      // A server that is down or unreachable must fail a request in seconds (a 503 the caller can retry),
      // not hold it until the kernel gives up; keepalive notices a peer that vanished without a word.
      connectionTimeoutMillis: 5_000,
      keepAlive: true,
    });
    // An idle client that errors (server restart) must not crash the process; the pool replaces it.
    pool.on('error', () => undefined);
    // Nor may a checked-out one (a transaction in progress when the connection is reset): node-postgres
    // fails its queries with the error, but also emits 'error' on the client, which has no listener
    // while checked out, and an unhandled 'error' event ends the process. The pool drops the broken
    // client when it is released.
    pool.on('connect', (client) => client.on('error', () => undefined));
    db = drizzleNodePg({ client: pool, schema });
    close = () => pool.end();
  }
  return {
    db,
    kind: config.kind,
    async ping() {
      await db.execute(sql`select 1`);
    },
    async migrationsApplied() {
      const entries = await readJournal();
      try {
        const res = await db.execute(sql`select tag from chorus_migrations`);
        const applied = new Set(rowsOf<{ tag: string }>(res).map((r) => r.tag));
        return entries.every((e) => applied.has(e.tag));
      } catch {
        return false;
      }
    },
    close,
  };
}

/**
 * Applies committed SQL migrations (written by drizzle-kit) that are not yet applied.
 * An advisory lock makes concurrent starts of several instances safe: one migrates, the rest wait.
 */
export async function migrate(db: Db): Promise<string[]> {
  const entries = await readJournal();
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
    await tx.execute(
      sql`create table if not exists chorus_migrations (tag text primary key, applied_at timestamptz not null default now())`,
    );
    const res = await tx.execute(sql`select tag from chorus_migrations`);
    const applied = new Set(rowsOf<{ tag: string }>(res).map((r) => r.tag));
    const done: string[] = [];
    for (const entry of entries) {
      if (applied.has(entry.tag)) continue;
      const file = await readFile(path.join(MIGRATIONS_DIR, `${entry.tag}.sql`), 'utf8');
      for (const statement of file.split('--> statement-breakpoint')) {
        if (statement.trim()) await tx.execute(sql.raw(statement));
      }
      await tx.execute(sql`insert into chorus_migrations (tag) values (${entry.tag})`);
      done.push(entry.tag);
    }
    return done;
  });
}

/** Refreshes planner statistics for every table (PGlite has no autovacuum to do it). */
export async function analyze(db: Db): Promise<void> {
  await db.execute(sql`analyze`);
}
