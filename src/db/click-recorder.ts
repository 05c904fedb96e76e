import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { Logger } from 'pino';
import type { Click, ClickRecorder } from '../ports/sharing';
import type { Db } from './database';

export interface ClickRecorderOptions {
  /** A batch is written as soon as it holds this many clicks. */
  maxBatch?: number;
  /**
   * How long the first click of a batch may wait for more (default 0: only until the event loop has
   * read what already arrived, which keeps the redirect fast and still gathers concurrent clicks).
   */
  maxWaitMs?: number;
  /** Batches being written at the same time (each needs a connection). */
  maxInFlight?: number;
  /** Pause before the one retry of a failed batch. */
  retryDelayMs?: number;
  /** How a batch is written (tests wrap the default to count or fail writes). */
  insert?: (clicks: Click[]) => Promise<void>;
}

interface Waiting {
  click: Click;
  since: number;
  resolve(): void;
  reject(err: unknown): void;
}

/**
 * Click counting with group commit. `record` adds the click to the forming batch and resolves only
 * once that batch's one multi-row INSERT has committed, so the redirect acknowledges a click only
 * when it is durable: a crash or SIGTERM never loses an answered click, and one INSERT per batch
 * keeps the throughput of many small writes. Nothing is shared between instances: two instances on
 * one database simply both insert.
 */
export function createClickRecorder(
  db: Db,
  logger: Logger,
  options: ClickRecorderOptions = {},
): ClickRecorder {
  const maxBatch = options.maxBatch ?? 500;
  const maxWaitMs = options.maxWaitMs ?? 0;
  const maxInFlight = options.maxInFlight ?? 4;
  const retryDelayMs = options.retryDelayMs ?? 50;

  let pending: Waiting[] = [];
  let timer: NodeJS.Timeout | null = null;
  let turn: NodeJS.Immediate | null = null;
  let inFlight = 0;
  let closing = false;
  const writing = new Set<Promise<void>>();

  const insert = options.insert ?? clickInserter(db);

  const write = async (batch: Waiting[]) => {
    try {
      await insert(batch.map((w) => w.click));
    } catch (first) {
      logger.warn({ err: first, clicks: batch.length }, 'writing a batch of clicks failed; retrying once');
      await new Promise((r) => setTimeout(r, retryDelayMs));
      try {
        await insert(batch.map((w) => w.click));
      } catch (err) {
        logger.error({ err, clicks: batch.length }, 'a batch of clicks could not be written and is lost');
        for (const w of batch) w.reject(err);
        return;
      }
    }
    for (const w of batch) w.resolve();
  };

  const flush = () => {
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    if (turn) {
      clearImmediate(turn);
      turn = null;
    }
    const batch = pending.slice(0, maxBatch);
    pending = pending.slice(batch.length);
    inFlight++;
    const done: Promise<void> = write(batch).finally(() => {
      inFlight--;
      writing.delete(done);
      schedule();
    });
    writing.add(done);
    schedule();
  };

  // A batch goes when it is full, or, once a connection is free, as soon as the event loop has read
  // what has arrived this turn (setImmediate runs after the poll phase); with maxWaitMs > 0 its oldest
  // click may wait that long for company. A batch that finishes schedules the next, and clicks keep
  // gathering meanwhile: the busier the database, the larger (and cheaper per click) the next batch.
  const schedule = () => {
    const oldest = pending[0];
    if (!oldest || inFlight >= maxInFlight) return;
    const waited = performance.now() - oldest.since;
    if (pending.length >= maxBatch || closing || (maxWaitMs > 0 && waited >= maxWaitMs)) flush();
    else if (maxWaitMs === 0)
      turn ??= setImmediate(() => {
        turn = null;
        if (pending.length > 0 && inFlight < maxInFlight) flush();
      });
    else
      timer ??= setTimeout(() => {
        timer = null;
        schedule();
      }, maxWaitMs - waited);
  };

  return {
    record(click) {
      return new Promise<void>((resolve, reject) => {
        pending.push({ click, since: performance.now(), resolve, reject });
        schedule();
      });
    },
    async close() {
      closing = true;
      schedule();
      while (writing.size > 0) await Promise.race(writing);
    },
  };
}

// The owner comes from tracked_links at commit time (not from the redirect's cache), so a click that
// arrives after the owner left is stored without them. unnest keeps the statement the same for every
// batch size (six array parameters), so it is parsed and planned once per connection.
const COLUMNS = 'tenant_id, code, item_id, network, visitor_key, at';
const INSERT_CLICKS = `
  insert into click_events (tenant_id, code, item_id, person_id, network, visitor_key, at)
  select v.tenant_id, v.code, v.item_id, l.person_id, v.network, v.visitor_key, v.at
  from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[]) as v(${COLUMNS})
  left join tracked_links l on l.tenant_id = v.tenant_id and l.code = v.code`;
const STATEMENT = 'chorus_insert_clicks';

function columns(clicks: Click[]): string[][] {
  return [
    clicks.map((c) => c.tenantId),
    clicks.map((c) => c.code),
    clicks.map((c) => c.itemId),
    clicks.map((c) => c.network),
    clicks.map((c) => c.visitorKey),
    clicks.map((c) => c.at.toISOString()),
  ];
}

/** A text[] literal as a quoted SQL string (standard_conforming_strings is on in every Postgres since 9.1). */
function arrayLiteral(values: string[]): string {
  const joined = `"${values.join('","')}"`;
  // Codes, keys, ids and times rarely need escaping: check once, escape element by element only then.
  if (!/[\\"']/.test(joined)) return `'{${joined}}'`;
  const array = `{${values.map((v) => `"${v.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`;
  return `'${array.replace(/'/g, "''")}'`;
}

const preparedOn = new WeakSet<PGlite>();

/**
 * Writes a batch of clicks in one statement, the cheapest way each driver allows: a named prepared
 * statement on a Postgres server (node-postgres prepares it once per connection), and on PGlite a
 * session-level PREPARE run with EXECUTE, because parsing and planning each statement costs PGlite
 * (WebAssembly on the app's own thread) more than inserting a hundred rows.
 */
export function clickInserter(db: Db): (clicks: Click[]) => Promise<void> {
  const client = (db as unknown as { $client?: unknown }).$client;
  if (client instanceof pg.Pool) {
    return async (clicks) => {
      await client.query({ name: STATEMENT, text: INSERT_CLICKS, values: columns(clicks) });
    };
  }
  if (client instanceof PGlite) {
    return async (clicks) => {
      if (!preparedOn.has(client)) {
        try {
          await client.exec(`prepare ${STATEMENT} as ${INSERT_CLICKS}`);
        } catch (err) {
          // Another recorder on the same database prepared it first.
          if ((err as { code?: string }).code !== '42P05') throw err;
        }
        preparedOn.add(client);
      }
      // EXECUTE takes no bind parameters: the arrays go in as literals, every element quoted.
      try {
        await client.exec(`execute ${STATEMENT}(${columns(clicks).map(arrayLiteral).join(', ')})`);
      } catch (err) {
        // Gone (DEALLOCATE ALL, say): prepare again on the recorder's retry.
        if ((err as { code?: string }).code === '26000') preparedOn.delete(client);
        throw err;
      }
    };
  }
  // Any other driver: the same statement through Drizzle, parsed each time.
  return async (clicks) => {
    const params = columns(clicks).map((column) => sql.param(column));
    const parts = INSERT_CLICKS.split(/\$\d/);
    await db.execute(
      sql.join(parts.flatMap((part, i) => [sql.raw(part), ...(params[i] ? [params[i]] : [])])),
    );
  };
}
