import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type BetterSqlite3 from "better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { WalDurability } from "./sqlite-durability";
import { PrismaClient as SqliteClient } from "../../prisma/generated/sqlite/client";
import { PrismaClient as PostgresClient } from "../../prisma/generated/postgres/client";

/**
 * The two generated clients share one set of models, so the app types both as the SQLite
 * client. Only `providerOf(url)` decides which one is created.
 */
export type Db = SqliteClient;
export type DbProvider = "sqlite" | "postgres";

export const DEFAULT_DATABASE_URL = "file:./data/sanad.db";

/**
 * How long a SQLite statement waits for another connection's write lock. better-sqlite3 waits
 * synchronously — the whole event loop stops — so this is short (its default, 5 s, froze every
 * socket and request of the server for as long as someone held the lock). A statement that
 * still finds the database locked fails with SQLITE_BUSY: the document store retries its
 * batch with back-off (nothing is lost) and route handlers answer 503 "try again".
 */
export const SQLITE_BUSY_TIMEOUT_MS = 100;

export function databaseUrl(): string {
  return process.env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
}

export function providerOf(url: string): DbProvider {
  if (/^postgres(ql)?:\/\//i.test(url)) return "postgres";
  if (url.startsWith("file:")) return "sqlite";
  throw new Error(`DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL); got "${url.split(":")[0]}:…"`);
}

/** Absolute path of a SQLite `file:` URL, relative paths taken from the working directory. */
export function sqlitePath(url: string): string {
  return path.resolve(url.slice("file:".length).split("?")[0]);
}

// Shared by both module graphs of one process (server/main.ts under tsx, route handlers bundled
// by Next): a module-local map made Next's copy answer the default URL for the client main.ts
// created, so a search from a page on PostgreSQL spoke SQLite's dialect.
const urlsKey = Symbol.for("sanad.databaseUrls");
const urls: WeakMap<object, string> = ((globalThis as unknown as Record<symbol, WeakMap<object, string>>)[urlsKey] ??= new WeakMap());

/** The URL a client was created for (decides SQL dialect details such as advisory locks). */
export function databaseUrlOf(db: Db): string {
  return urls.get(db) ?? DEFAULT_DATABASE_URL;
}

export interface CreateDbOptions {
  /** SQLite: how the write-ahead log is synced (sqlite-durability.ts; tests hold or fail it). */
  syncWal?: ConstructorParameters<typeof WalDurability>[2];
}

/** Create a new client for a URL (tests use this to get isolated databases). */
export function createDb(url: string = databaseUrl(), options: CreateDbOptions = {}): Db {
  let db: Db;
  if (providerOf(url) === "postgres") {
    db = new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db;
  } else {
    const file = sqlitePath(url);
    mkdirSync(path.dirname(file), { recursive: true });
    const factory = new PrismaBetterSQLite3({ url: `file:${file}`, timeout: SQLITE_BUSY_TIMEOUT_MS });
    const handle: SqliteHandle = { connection: null, open: null, durability: null };
    // Keep the better-sqlite3 connection the adapter opens (on the client's first query, and
    // again after a $disconnect), so the document store can append through it directly.
    const connect = factory.connect.bind(factory);
    factory.connect = async () => {
      const adapter = await connect();
      const connection = (adapter as unknown as { client?: unknown }).client;
      handle.connection = isBetterSqlite3(connection) ? connection : null;
      handle.durability = handle.connection ? new WalDurability(handle.connection, `${file}-wal`, options.syncWal) : null;
      return syncBeforeResolving(serializeAroundTransactions(adapter, handle), handle);
    };
    db = new SqliteClient({ adapter: factory });
    sqliteHandles.set(db, handle);
  }
  urls.set(db, url);
  return db;
}

type AdapterFn = (...args: unknown[]) => Promise<unknown>;

/**
 * Every write resolves only once it is on disk (sqlite-durability.ts): a statement outside a
 * transaction that changed rows, a transaction's commit, a script. The sync runs off the event
 * loop; a read waits only for a sync still owed to a write it could have seen. Wraps the
 * adapter serializeAroundTransactions returns: a commit has released the connection to the
 * next query before its sync is awaited.
 */
function syncBeforeResolving<A extends object>(adapter: A, handle: SqliteHandle): A {
  const a = adapter as unknown as Record<string, AdapterFn>;
  const startTransaction = a.startTransaction.bind(adapter);
  a.startTransaction = async (...args: unknown[]) => {
    const tx = (await startTransaction(...args)) as Record<string, AdapterFn>;
    const commit = tx.commit.bind(tx);
    tx.commit = async (...cargs: unknown[]) => {
      const result = await commit(...cargs);
      await handle.durability?.durable();
      return result;
    };
    return tx;
  };
  for (const m of ["queryRaw", "executeRaw", "executeScript"] as const) {
    if (typeof a[m] !== "function") continue;
    const original = a[m].bind(adapter);
    a[m] = async (...args: unknown[]) => {
      const result = await original(...args);
      if (handle.durability && !handle.connection?.inTransaction) await handle.durability.durable(m === "executeScript");
      return result;
    };
  }
  return adapter;
}

/**
 * Prisma's better-sqlite3 adapter runs everything on ONE connection. Its interactive
 * transactions take a mutex among themselves, but a query made outside the transaction while
 * one is open (another request, the projection, a client-id binding) runs on the same
 * connection and so becomes part of it: if the transaction then rolls back, that unrelated
 * write is silently undone, and its reads see uncommitted rows. Here a query outside a
 * transaction waits until the open one has committed or rolled back. (Queries inside the
 * transaction go through the transaction object and are not delayed. Code that called the
 * outer client from inside its own transaction would now wait for the transaction's timeout;
 * none does, and the integration suites would show it.)
 */
function serializeAroundTransactions<A extends object>(adapter: A, handle: SqliteHandle): A {
  const a = adapter as unknown as Record<string, AdapterFn>;
  const startTransaction = a.startTransaction.bind(adapter);
  a.startTransaction = async (...args: unknown[]) => {
    const tx = (await startTransaction(...args)) as Record<string, AdapterFn>;
    let end!: () => void;
    const ended = new Promise<void>((resolve) => { end = resolve; });
    handle.open = ended;
    let finished = false;
    const finish = () => { if (finished) return; finished = true; if (handle.open === ended) handle.open = null; end(); };
    for (const m of ["commit", "rollback"] as const) {
      const original = tx[m].bind(tx);
      tx[m] = async (...margs: unknown[]) => { try { return await original(...margs); } finally { finish(); } };
    }
    return tx;
  };
  for (const m of ["queryRaw", "executeRaw", "executeScript"] as const) {
    if (typeof a[m] !== "function") continue;
    const original = a[m].bind(adapter);
    a[m] = async (...args: unknown[]) => {
      await outsideTransaction(handle);
      return original(...args);
    };
  }
  return adapter;
}

interface SqliteHandle {
  connection: BetterSqlite3.Database | null;
  /** Syncs the connection's write-ahead log before writes resolve (sqlite-durability.ts). */
  durability: WalDurability | null;
  /** Settles when the interactive transaction open on the connection ends; null when none is open. */
  open: Promise<void> | null;
}
const sqliteHandles = new WeakMap<object, SqliteHandle>();

async function outsideTransaction(handle: SqliteHandle): Promise<void> {
  while (handle.open) await handle.open;
}

/**
 * Resolves once no Prisma interactive transaction is open on a SQLite client's connection (at
 * once for PostgreSQL). Code that runs statements on `sqliteConnectionOf(db)` itself waits
 * here, as every Prisma query outside a transaction does, and must not await again before its
 * statement.
 */
export function outsideSqliteTransaction(db: Db): Promise<void> {
  const handle = sqliteHandles.get(db);
  return handle ? outsideTransaction(handle) : Promise.resolve();
}

function isBetterSqlite3(x: unknown): x is BetterSqlite3.Database {
  return typeof x === "object" && x !== null && typeof (x as { prepare?: unknown }).prepare === "function" && "inTransaction" in x && "open" in x;
}

/**
 * The better-sqlite3 connection under a SQLite client (the very one Prisma's adapter uses:
 * same file, same WAL journal, same busy timeout), or null for PostgreSQL, before the client
 * has connected, or after it was closed. The document store appends its log rows through it
 * with a prepared statement: through Prisma even a raw INSERT went through the query
 * compiler (WebAssembly) and cost 250–320 µs of CPU per row, directly 20–30 µs.
 *
 * One connection serves everything: a statement run on it while a Prisma interactive
 * transaction is open becomes part of that transaction — callers wait with
 * `outsideSqliteTransaction` first (DocStore does).
 */
export function sqliteConnectionOf(db: Db): BetterSqlite3.Database | null {
  const connection = sqliteHandles.get(db)?.connection ?? null;
  return connection?.open ? connection : null;
}

/**
 * Resolves once every change committed on a SQLite client's connection is on disk (at once
 * for PostgreSQL, whose commits are durable when they return). Code that writes on
 * `sqliteConnectionOf(db)` itself awaits this before it reports the write done.
 */
export function sqliteDurable(db: Db): Promise<void> {
  return sqliteHandles.get(db)?.durability?.durable() ?? Promise.resolve();
}

const holder = globalThis as unknown as { __sanadDb?: { url: string; db: Db } };

/**
 * The process-wide client. Kept on globalThis because server/main.ts (tsx) and the Next
 * route handlers (bundled by Next) are two module graphs in one process; both must share
 * one connection pool and, for SQLite, one file handle.
 */
export function getDb(): Db {
  const url = databaseUrl();
  if (!holder.__sanadDb || holder.__sanadDb.url !== url) {
    holder.__sanadDb = { url, db: createDb(url) };
  }
  return holder.__sanadDb.db;
}

/**
 * Make `db` the process-wide client for `url` (server/main.ts opens it itself, before
 * migrations, and route handlers in Next's module graph then share it through getDb()).
 */
export function setProcessDb(url: string, db: Db): void {
  holder.__sanadDb = { url, db };
}

/**
 * SQLite settings: readers and the writer overlap (WAL); a held write lock is waited for only
 * briefly; commits do not sync on the event loop (synchronous = NORMAL), the log is synced off
 * it before any write resolves (sqlite-durability.ts). NORMAL only in WAL mode: with a rollback
 * journal it could leave a damaged database after a power loss, and there the default (FULL) stays.
 */
export async function tuneSqlite(db: Db, url: string): Promise<void> {
  if (providerOf(url) !== "sqlite") return;
  const [mode] = await db.$queryRawUnsafe<Array<{ journal_mode: string }>>("PRAGMA journal_mode = WAL");
  await db.$queryRawUnsafe(`PRAGMA busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  if (mode?.journal_mode?.toLowerCase() === "wal") await db.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
}

/** Did a database call fail because another connection held the lock (SQLite BUSY)? */
export function isDatabaseBusy(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown; meta?: { driverAdapterError?: { cause?: { originalCode?: unknown; kind?: unknown } } } } | null;
  const cause = e?.meta?.driverAdapterError?.cause;
  return cause?.originalCode === "SQLITE_BUSY" || /SQLITE_BUSY|database is locked/i.test(String(e?.message ?? ""));
}
