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
  /**
   * While a batch is being written, the next one goes on another connection only once it holds this
   * many clicks; a smaller one waits for the running batch to finish (default MIN_OVERLAP).
   */
  minOverlap?: number;
  /** Pause before the one retry of a failed batch. */
  retryDelayMs?: number;
  /** How a batch is written (tests wrap the default to count or fail writes). */
  insert?: (clicks: Click[]) => Promise<void>;
}

/**
 * Every commit has a fixed cost next to its rows: on a PostgreSQL server about half a millisecond of
 * backend CPU per INSERT batch besides about 10 µs per row (measured: 10-row batches cost 50–80 µs of
 * backend CPU per click, 100-row batches 13–19 µs). Splitting the clicks that arrive together over
 * several connections made many small batches and spent the shared cores on commits; a batch now
 * overlaps a running one only when it is large enough to pay for its commit.
 */
export const MIN_OVERLAP = 32;

/** Clicks written together: every click of a batch waits on the batch's one promise. */
interface Batch {
  clicks: Click[];
  /** When its first click arrived (performance.now()). */
  since: number;
  done: Promise<void>;
  resolve(): void;
  reject(err: unknown): void;
}

function newBatch(): Batch {
  let resolve!: () => void;
  let reject!: (err: unknown) => void;
  const done = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Each recorder of the batch awaits `done`; this keeps a failed batch from also being reported as
  // an unhandled rejection.
  done.catch(() => undefined);
  return { clicks: [], since: performance.now(), done, resolve, reject };
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
  const minOverlap = options.minOverlap ?? MIN_OVERLAP;
  const retryDelayMs = options.retryDelayMs ?? 50;

  // Oldest first; clicks join the last one until it holds maxBatch.
  const forming: Batch[] = [];
  let timer: NodeJS.Timeout | null = null;
  let turn: NodeJS.Immediate | null = null;
  let inFlight = 0;
  let closing = false;
  const writing = new Set<Promise<void>>();
  // For the metrics: batches being written, and what has been committed or lost since start.
  const inFlightBatches = new Set<Batch>();
  let committed = 0;
  let lost = 0;

  const insert = options.insert ?? clickInserter(db);

  const write = async (batch: Batch) => {
    try {
      await insert(batch.clicks);
    } catch (first) {
      logger.warn(
        { err: first, clicks: batch.clicks.length },
        'writing a batch of clicks failed; retrying once',
      );
      await new Promise((r) => setTimeout(r, retryDelayMs));
      try {
        await insert(batch.clicks);
      } catch (err) {
        logger.error(
          { err, clicks: batch.clicks.length },
          'a batch of clicks could not be written and is lost',
        );
        lost += batch.clicks.length;
        batch.reject(err);
        return;
      }
    }
    committed += batch.clicks.length;
    batch.resolve();
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
    const batch = forming.shift()!;
    inFlight++;
    inFlightBatches.add(batch);
    const done: Promise<void> = write(batch).finally(() => {
      inFlight--;
      inFlightBatches.delete(batch);
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
  // While another batch is being written, a small one waits for it rather than paying a commit of
  // its own (see MIN_OVERLAP).
  const schedule = () => {
    const next = forming[0];
    if (!next || inFlight >= maxInFlight) return;
    const size = next.clicks.length;
    if (size >= maxBatch || closing) return flush();
    if (inFlight > 0 && size < minOverlap) return;
    const waited = maxWaitMs > 0 ? performance.now() - next.since : 0;
    if (maxWaitMs > 0 && waited >= maxWaitMs) flush();
    else if (maxWaitMs === 0)
      turn ??= setImmediate(() => {
        turn = null;
        schedule0();
      });
    else
      timer ??= setTimeout(() => {
        timer = null;
        schedule();
      }, maxWaitMs - waited);
  };
  // The end of an event-loop turn: write what has gathered, if a connection is (still) free.
  const schedule0 = () => {
    const next = forming[0];
    if (!next || inFlight >= maxInFlight) return;
    if (inFlight > 0 && next.clicks.length < minOverlap && !closing) return;
    flush();
  };

  return {
    record(click) {
      let batch = forming[forming.length - 1];
      if (!batch || batch.clicks.length >= maxBatch) {
        batch = newBatch();
        forming.push(batch);
      }
      batch.clicks.push(click);
      schedule();
      return batch.done;
    },
    stats() {
      let waiting = 0;
      let oldest = Infinity;
      for (const batch of [...inFlightBatches, ...forming]) {
        waiting += batch.clicks.length;
        if (batch.clicks.length > 0) oldest = Math.min(oldest, batch.since);
      }
      return {
        waiting,
        oldestWaitMs: waiting > 0 ? performance.now() - oldest : 0,
        committed,
        lost,
      };
    },
    async close() {
      closing = true;
      schedule();
      while (writing.size > 0 || forming.length > 0) {
        if (writing.size > 0) await Promise.race(writing);
        else schedule();
      }
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

// Clicks arrive many per millisecond: format each millisecond's time once.
let lastMs = NaN;
let lastIso = '';
function isoOf(at: Date): string {
  const ms = at.getTime();
  if (ms !== lastMs) {
    lastIso = at.toISOString();
    lastMs = ms;
  }
  return lastIso;
}

/**
 * The six columns as Postgres text[] literals ({"a","b"}), built in one pass. Every driver takes a
 * string parameter as is, so node-postgres skips its own per-element array encoding.
 */
function columns(clicks: Click[]): string[] {
  if (clicks.length === 0) return ['{}', '{}', '{}', '{}', '{}', '{}'];
  let tenants = '';
  let codes = '';
  let items = '';
  let networks = '';
  let keys = '';
  let times = '';
  for (let i = 0; i < clicks.length; i++) {
    const c = clicks[i]!;
    const sep = i === 0 ? '"' : '","';
    tenants += sep + c.tenantId;
    codes += sep + c.code;
    items += sep + c.itemId;
    networks += sep + c.network;
    keys += sep + c.visitorKey;
    times += sep + isoOf(c.at);
  }
  const all = [tenants, codes, items, networks, keys];
  // Codes, keys, ids and times rarely need escaping: check once, escape element by element only then.
  if (all.some((column) => /[\\"]/.test(column))) {
    const escaped = (values: string[]) =>
      `{${values.map((v) => `"${v.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`;
    return [
      escaped(clicks.map((c) => c.tenantId)),
      escaped(clicks.map((c) => c.code)),
      escaped(clicks.map((c) => c.itemId)),
      escaped(clicks.map((c) => c.network)),
      escaped(clicks.map((c) => c.visitorKey)),
      `{${times}"}`,
    ];
  }
  return [...all, times].map((column) => `{${column}"}`);
}

/** A string as a quoted SQL literal (standard_conforming_strings is on in every Postgres since 9.1). */
function quoted(text: string): string {
  return text.includes("'") ? `'${text.replace(/'/g, "''")}'` : `'${text}'`;
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
        await client.exec(`execute ${STATEMENT}(${columns(clicks).map(quoted).join(', ')})`);
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
