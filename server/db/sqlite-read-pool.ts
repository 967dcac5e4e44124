import path from "node:path";
import { AppError } from "../../lib/errors";
import { SingleThreadPool, type SingleThreadOptions } from "../workers/single-thread-pool";
import { SQLITE_BUSY_TIMEOUT_MS, sqlitePath } from "./client";

/**
 * SQLite reads that can take a long time — full-text search with bm25 ranking over the whole
 * index (p95 727 ms at 52,000 entries on the shared machine) — run on a read-only connection
 * in a worker thread. better-sqlite3 is synchronous: on the server's own connection such a
 * query stopped every socket and request for its whole duration. Bounds: 10 s per query (then
 * the thread is ended and the search fails with 503), 16 queries waiting (then 429).
 *
 * WAL mode (set by migrate) lets this second connection read while the server writes; each
 * statement sees what was committed when it started. Parameters are plain values: Dates are
 * bound as the text Prisma stores in SQLite (ISO with "+00:00"), so comparisons agree.
 */

type SqliteValue = string | number | bigint | null | Uint8Array;
interface ReadTask { sql: string; params: SqliteValue[] }

export class SqliteReadPool extends SingleThreadPool<ReadTask, Record<string, unknown>[]> {
  constructor(readonly file: string, opts: SingleThreadOptions & { entry?: string } = {}) {
    super({
      timeoutMs: 10_000,
      maxQueue: 16,
      maxHeapMb: 128,
      ...opts,
      entry: opts.entry ?? path.join(process.env.SANAD_ROOT ?? process.cwd(), "server", "db", "sqlite-read-worker.mjs"),
      workerData: { file, busyTimeoutMs: SQLITE_BUSY_TIMEOUT_MS },
      errors: {
        full: () => new AppError("RATE_LIMITED", "Too many searches are running at once. Try again in a moment."),
        timedOut: (ms) => new AppError("UNAVAILABLE", `The search took longer than ${Math.round(ms / 1000)} s and was stopped. Try fewer or longer words.`),
        crashed: (why) => new AppError("UNAVAILABLE", `The search could not be run (${why}).`),
        stopped: (why) => new AppError("UNAVAILABLE", `The search reader stopped (${why}).`),
        notStarted: () => new AppError("UNAVAILABLE", "The search reader did not start."),
        failed: (message) => /SQLITE_BUSY/.test(message) ? new AppError("UNAVAILABLE", "The database is busy. Try again.") : new AppError("INTERNAL", `Search failed: ${message}`),
      },
    });
  }

  /** Run one reading statement with positional parameters; rows as plain objects. */
  all<Row>(sql: string, params: unknown[]): Promise<Row[]> {
    return this.run({ sql, params: params.map(toSqlite) }) as Promise<Row[]>;
  }
}

/** A JS value as SQLite would store it through Prisma. */
function toSqlite(v: unknown): SqliteValue {
  if (v === undefined || v === null) return null;
  if (v instanceof Date) return v.toISOString().replace(/Z$/, "+00:00");
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "string" || typeof v === "number" || typeof v === "bigint" || v instanceof Uint8Array) return v;
  throw new AppError("INTERNAL", `cannot bind a ${typeof v} to SQLite`);
}

// One reader per database file and process, whichever module graph (the custom server's or Next's) asks first.
const KEY = Symbol.for("sanad.sqliteReadPools");
type WithPools = typeof globalThis & { [KEY]?: Map<string, SqliteReadPool> };

export function sqliteReadPool(url: string): SqliteReadPool {
  const g = globalThis as WithPools;
  const pools = (g[KEY] ??= new Map());
  const file = sqlitePath(url);
  let pool = pools.get(file);
  if (!pool) { pool = new SqliteReadPool(file); pools.set(file, pool); }
  return pool;
}
