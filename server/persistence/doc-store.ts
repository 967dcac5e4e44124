import * as Y from "yjs";
import { concatRuns, mergeUpdatesBounded, type StructRun } from "../../lib/merge-updates";
import type BetterSqlite3 from "better-sqlite3";
import { compactionPool, type StoredRebuild } from "./compaction-pool";
import { databaseUrlOf, isDatabaseBusy, outsideSqliteTransaction, providerOf, sqliteConnectionOf, sqliteDurable, sqlitePath, type Db } from "../db/client";

/** Updates written as one log row at most; a larger backlog becomes several rows. */
const MAX_UPDATES_PER_ROW = 2048;

export interface DocStoreOptions {
  /** Flush a document's buffered updates at most this long after the first one arrives. */
  flushMs?: number;
  /** ...or as soon as this many bytes are buffered. */
  flushBytes?: number;
  /** Compact once this many updates are in the log after the snapshot. */
  compactEvery?: number;
  /**
   * SQLite: append log rows with a prepared statement on Prisma's own connection (default true);
   * false goes through Prisma's `$executeRaw` like PostgreSQL (bench/store-append compares them).
   */
  sqliteDirect?: boolean;
  /**
   * Compaction's rebuild: the document of a snapshot and log rows as one update. Default: the
   * process's compaction thread (compaction-pool.ts); tests may pass another.
   */
  rebuild?: (snapshot: Uint8Array | null, rows: Uint8Array[]) => Promise<Uint8Array>;
  /**
   * SQLite with direct statements: compaction's read and rebuild of the stored log and snapshot
   * of a database file, together (default: the compaction thread, see readAndRebuild).
   */
  rebuildStored?: (file: string, articleId: string) => Promise<StoredRebuild | null>;
  /** Called after a successful flush (projection hooks in here). */
  onFlushed?: (articleId: string) => void;
  /**
   * A write (or compaction) failed; `attempt` counts consecutive failed writes of the document
   * (1 = the first of a streak: log that one, not every retry).
   */
  onError?: (articleId: string, error: unknown, attempt: number) => void;
  /**
   * A compaction failed (its rebuild, or the database): the snapshot and log stay as they were
   * and it is tried again after another `compactEvery` rows. Unload's own compaction throws
   * database errors to its caller instead.
   */
  onCompactionError?: (articleId: string, error: unknown) => void;
  /** Writes of a document succeed again after `failures` failed attempts. */
  onRecovered?: (articleId: string, failures: number) => void;
}

interface Pending {
  updates: Uint8Array[];
  /** Per update, its runs when it is typing joined by a room (append), else null: see writeBatch. */
  runs: Array<readonly StructRun[] | null>;
  bytes: number;
  timer: NodeJS.Timeout | null;
  /** The write in progress (hasPending). */
  running: Promise<void> | null;
  /** The last flush queued; flushes of one document never overlap. */
  flushing: Promise<void>;
  /** Updates in the log since the last compaction (approximate, per process). */
  logged: number;
  /** Delay before the next retry of a failed write (0 after a success). */
  retryMs: number;
  /** Consecutive failed writes (0 while writes succeed). */
  failures: number;
}

const FIRST_RETRY_MS = 50;
const APPEND_SQL = 'INSERT INTO "DocUpdate" ("articleId", "data") VALUES (?, ?)';
/** The append statement, prepared once per SQLite connection. */
const appendStatements = new WeakMap<BetterSqlite3.Database, BetterSqlite3.Statement>();
const MAX_RETRY_MS = 2_000;

interface GroupedRow {
  articleId: string;
  row: Buffer;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * The Yjs document store: an append log of merged updates plus a compacted snapshot, through
 * Prisma. Writes are batched per document (within `flushMs` or `flushBytes`), merged with
 * Y.mergeUpdates, and kept in memory until written: a failed write is retried, never dropped.
 */
export class DocStore {
  private readonly pending = new Map<string, Pending>();
  private readonly opts: Required<Omit<DocStoreOptions, "onFlushed" | "onError" | "onRecovered" | "onCompactionError">> & Pick<DocStoreOptions, "onFlushed" | "onError" | "onRecovered" | "onCompactionError">;

  private readonly provider: "sqlite" | "postgres";
  /** SQLite with direct statements: the database file, which compaction's thread reads (readAndRebuild). */
  private readonly sqliteFile: string | null;
  /** Per document, what holds updates not yet appended (a live room's fan-out queue). */
  private readonly drains = new Map<string, () => void>();
  /** The next tick (flushDue), while any document has buffered updates. */
  private tick: NodeJS.Timeout | null = null;
  /** The last compaction queued (compactQueued). */
  private compactions: Promise<void> = Promise.resolve();
  /** SQLite: log rows waiting for the group commit at the end of this event-loop turn. */
  private group: GroupedRow[] | null = null;
  /** Set by close(): compactions write nothing from then on. */
  private closed = false;

  constructor(private readonly db: Db, options: DocStoreOptions = {}) {
    this.opts = { flushMs: 50, flushBytes: 64 * 1024, compactEvery: 500, sqliteDirect: true, rebuild: (snapshot, rows) => compactionPool().rebuild(snapshot, rows),
      rebuildStored: (file, articleId) => compactionPool().rebuildStored(file, articleId), ...options };
    this.provider = providerOf(databaseUrlOf(db));
    this.sqliteFile = this.provider === "sqlite" && this.opts.sqliteDirect ? sqlitePath(databaseUrlOf(db)) : null;
  }

  /** The stored state of a document as one update (snapshot + log), or null if it has none. */
  /**
   * The one way to open a stored document outside a live room: a new Y.Doc (guid = article id)
   * holding the snapshot + log. The caller destroys it.
   */
  async loadDoc(articleId: string): Promise<Y.Doc> {
    const doc = new Y.Doc({ guid: articleId });
    const state = await this.load(articleId);
    if (state) Y.applyUpdate(doc, state);
    return doc;
  }

  async load(articleId: string): Promise<Uint8Array | null> {
    // Every remaining row, whatever its id: compaction deletes exactly the rows it folded, and
    // a row committed late by another process can carry an id below the watermark.
    // The log is read BEFORE the snapshot: a compaction committing between the two reads then
    // yields rows that are also in the newer snapshot (Yjs applies them twice harmlessly). In
    // the other order it yielded the old snapshot without the folded rows — edits missing
    // (seen in server/auth/session-revocation.int.test.ts on PostgreSQL while a room unloaded).
    const { updates, snapshot } = await this.readStored(articleId);
    const parts = [...(snapshot ? [toBytes(snapshot.data)] : []), ...updates.map((u) => toBytes(u.data))];
    const entry = this.entry(articleId);
    entry.logged = updates.length;
    if (parts.length === 0) return null;
    return mergeUpdatesBounded(parts);
  }

  /**
   * Buffer an update for the append log. It is written by the store's next tick (at most
   * `flushMs` later; one tick for every document, so that on SQLite their rows share one
   * transaction and one sync of the journal, see appendRow), or at once past `flushBytes`.
   */
  append(articleId: string, update: Uint8Array, runs: readonly StructRun[] | null = null): void {
    const entry = this.entry(articleId);
    entry.updates.push(update);
    entry.runs.push(runs);
    entry.bytes += update.byteLength;
    if (entry.bytes >= this.opts.flushBytes) void this.write(articleId).catch(() => {});
    else this.tick ??= setTimeout(() => this.flushDue(), this.opts.flushMs);
  }

  /**
   * Register (or with null, remove) what a flush of this document must drain first: a live
   * room appends its updates from its fan-out slices (server/collab/room.ts), so `flush`
   * takes what is still waiting there before it writes. The tick does not: it writes what
   * the slices appended.
   */
  setDrain(articleId: string, drain: (() => void) | null): void {
    if (drain) this.drains.set(articleId, drain);
    else this.drains.delete(articleId);
  }

  /** The tick: write every document with buffered updates, except those waiting to retry. */
  private flushDue(): void {
    this.tick = null;
    for (const [articleId, entry] of this.pending) {
      if (entry.updates.length > 0 && !entry.timer) void this.write(articleId).catch(() => {});
    }
  }

  hasPending(articleId: string): boolean {
    const e = this.pending.get(articleId);
    return !!e && (e.updates.length > 0 || e.running !== null);
  }

  /** Write what is buffered for one document (or all). Resolves when it is durable. */
  async flush(articleId?: string): Promise<void> {
    if (articleId === undefined) {
      for (const drain of this.drains.values()) drain();
      if (this.tick) clearTimeout(this.tick);
      this.tick = null;
      await Promise.all([...this.pending.keys()].map((id) => this.write(id)));
      return;
    }
    this.drains.get(articleId)?.();
    await this.write(articleId);
  }

  /** Write what is buffered for one document (the tick, retries and a full buffer come here directly). */
  private async write(articleId: string): Promise<void> {
    const entry = this.pending.get(articleId);
    if (!entry) return;
    if (entry.timer) {
      clearTimeout(entry.timer);
      entry.timer = null;
    }
    // Flushes of one document run one after another, each to its end (onFlushed included), so
    // a caller whose flush finds nothing left to write still returns only after the flush that
    // wrote its updates has finished.
    const run = entry.flushing.catch(() => {}).then(() => this.flushNow(articleId, entry));
    entry.flushing = run;
    await run;
  }


  private async flushNow(articleId: string, entry: Pending): Promise<void> {
    if (entry.updates.length === 0) return;
    // A backlog larger than one batch (a write was slow or failed) goes out as several rows,
    // each merged in bounded chunks, so no single turn merges an unbounded list.
    while (entry.updates.length > 0) await this.writeBatch(articleId, entry);
    this.opts.onFlushed?.(articleId);
    if (entry.logged >= this.opts.compactEvery && !this.closed) {
      await this.compactQueued(articleId).catch((e) => {
        // The database refused (a failed rebuild does not throw, see compact): the snapshot and
        // log stay as they were. Not again on every write: after another `compactEvery` rows.
        this.restartCompactionCount(articleId);
        this.opts.onCompactionError?.(articleId, e);
      });
    }
  }

  private async writeBatch(articleId: string, entry: Pending): Promise<void> {
    const batch = entry.updates.length <= MAX_UPDATES_PER_ROW ? entry.updates : entry.updates.slice(0, MAX_UPDATES_PER_ROW);
    const runs = entry.runs.slice(0, batch.length);
    entry.updates = batch === entry.updates ? [] : entry.updates.slice(batch.length);
    entry.runs = entry.runs.slice(batch.length);
    entry.bytes = entry.updates.reduce((n, u) => n + u.byteLength, 0);
    entry.running = (async () => {
      try {
        const data = joinRuns(runs) ?? mergeUpdatesBounded(batch);
        await this.appendRow(articleId, Buffer.from(data.buffer, data.byteOffset, data.byteLength));
        entry.logged += 1;
        entry.retryMs = 0;
        if (entry.failures > 0) {
          this.opts.onRecovered?.(articleId, entry.failures);
          entry.failures = 0;
        }
      } catch (error) {
        // Put the batch back in front so nothing is lost; retry later.
        entry.updates = [...batch, ...entry.updates];
        // Without their runs: a batch waiting for a retry is merged by Yjs, and holds no view
        // into a room's frames (typingRun's bodies can be views into received messages).
        entry.runs = [...batch.map(() => null), ...entry.runs];
        entry.bytes = entry.updates.reduce((n, u) => n + u.byteLength, 0);
        // Back off (50 ms doubling to 2 s): a locked SQLite database fails fast (short busy
        // timeout, server/db/client.ts) and is retried here without blocking the event loop.
        entry.retryMs = Math.min(MAX_RETRY_MS, entry.retryMs ? entry.retryMs * 2 : FIRST_RETRY_MS);
        if (!entry.timer) entry.timer = setTimeout(() => void this.write(articleId).catch(() => {}), entry.retryMs);
        entry.failures += 1;
        this.opts.onError?.(articleId, error, entry.failures);
        throw error;
      } finally {
        entry.running = null;
      }
    })();
    await entry.running;
  }

  /**
   * Insert one log row: a plain INSERT, one autocommitted statement (createdAt and id are the
   * table's defaults; the table and column names are the same in both migrations).
   * PostgreSQL: through Prisma. SQLite: a prepared statement on the better-sqlite3 connection
   * Prisma itself uses (server/db/client.ts) — the same file, journal (WAL), busy timeout and
   * durability; through Prisma the raw INSERT still went through its WebAssembly query
   * compiler, 250–320 µs of CPU per row, directly 20–30 µs. (docUpdate.create cost 0.7–1.4 ms.)
   */
  private appendRow(articleId: string, row: Buffer): Promise<void> {
    if (this.provider !== "sqlite" || !this.opts.sqliteDirect) return this.appendThroughPrisma(articleId, row);
    // Group commit: every row appended in this turn (the tick flushes every document at once)
    // is written in one transaction at the end of the turn, and the log is synced once for it
    // (off the event loop, sqlite-durability.ts) instead of once per document per tick (400 a
    // second at 20 busy rooms): 0.3 ms at the median on this machine's disk, 10–15 ms at times.
    return new Promise<void>((resolve, reject) => {
      if (!this.group) {
        this.group = [];
        setImmediate(() => void this.commitGroup());
      }
      this.group.push({ articleId, row, resolve, reject });
    });
  }

  /** PostgreSQL (where nothing blocks the event loop), or SQLite before its client connected. */
  private async appendThroughPrisma(articleId: string, row: Buffer): Promise<void> {
    await this.db.$executeRaw`INSERT INTO "DocUpdate" ("articleId", "data") VALUES (${articleId}, ${row})`;
  }

  private async commitGroup(): Promise<void> {
    const rows = this.group ?? [];
    this.group = null;
    const connection = await this.usableConnection(); // no await from here on
    if (!connection) {
      // A SQLite client not connected yet (its first query opens it). (A transaction not opened
      // through Prisma does not exist here; if one did, the rows would rather go the ordinary
      // way than be run inside it by us.)
      for (const r of rows) this.appendThroughPrisma(r.articleId, r.row).then(r.resolve, r.reject);
      return;
    }
    let statement = appendStatements.get(connection);
    if (!statement) appendStatements.set(connection, (statement = connection.prepare(APPEND_SQL)));
    const run = statement;
    // Rows in the log resolve once the log is synced (off the event loop, sqlite-durability.ts).
    let written = rows;
    try {
      if (rows.length === 1) run.run(rows[0].articleId, rows[0].row);
      else connection.transaction(() => { for (const r of rows) run.run(r.articleId, r.row); })();
    } catch (error) {
      // All or nothing: no row of the group was written. A locked database fails them all (each
      // document retries with its backoff); any other error is one row's (an article deleted
      // under its room): the others must not fail with it, so each is tried on its own.
      if (rows.length === 1 || isDatabaseBusy(error)) {
        for (const r of rows) r.reject(error);
        return;
      }
      written = [];
      for (const r of rows) {
        try {
          run.run(r.articleId, r.row);
          written.push(r);
        } catch (e) {
          r.reject(e);
        }
      }
    }
    // A failed sync fails the rows: their documents keep the updates and write them again
    // (a row in the log twice is harmless: Yjs applies an update once).
    sqliteDurable(this.db).then(() => { for (const r of written) r.resolve(); }, (e) => { for (const r of written) r.reject(e); });
  }


  /**
   * Fold the log into the snapshot: rebuild a Y.Doc from snapshot + every update up to the
   * highest id (in the compaction thread), then in one transaction write it with that id as
   * watermark and delete the folded rows.
   */
  async compact(articleId: string): Promise<void> {
    if (this.closed) return;
    // 1. Read the log, then the snapshot (the order load() explains), and rebuild the document
    //    off the event loop (compaction-pool.ts): it grows with the document, and on the event
    //    loop it held every socket for tens of ms per turn at once. SQLite: the thread reads too,
    //    on a read-only connection of its own (readAndRebuild).
    let folded: StoredRebuild | null;
    try {
      folded = await this.readAndRebuild(articleId);
    } catch (e) {
      if (!(e instanceof RebuildFailed)) throw e;
      // The thread failed (time or heap cap, or its read): nothing was written, the log stays
      // whole and loads as it is. Not a failure of the store — a room may still unload, its
      // edits are stored — and not retried on every write: after another `compactEvery` rows.
      this.restartCompactionCount(articleId);
      this.opts.onCompactionError?.(articleId, e.error);
      return;
    }
    if (!folded || this.closed) return;
    const { data: rebuilt, readWatermark, ids } = folded;
    const watermark = ids[ids.length - 1];
    const data = Buffer.from(rebuilt.buffer as ArrayBuffer, rebuilt.byteOffset, rebuilt.byteLength); // transferred from the thread: never shared
    // 2. Write it in one short transaction — unless another compaction (another process, on
    //    PostgreSQL) replaced the snapshot meanwhile: then its snapshot stands and ours is
    //    dropped. Only compaction deletes log rows, so every row read is still there otherwise.
    //    Idempotent: a crash before commit leaves the old snapshot and log intact.
    if (!(await this.writeCompactionDirect(articleId, readWatermark, data, watermark, ids))) await this.writeCompaction(articleId, readWatermark, data, watermark, ids);
    this.restartCompactionCount(articleId);
  }

  /**
   * The stored log and snapshot of a document, rebuilt as one update, with the watermark read
   * and the ids folded (null: an empty log). SQLite with direct statements: read and rebuilt in
   * the compaction thread, on its own read-only connection in one read transaction — on the
   * event loop the read cost 1–3 ms of every socket's time per compaction, with 20 rooms that
   * started together compacting within one second. Otherwise (PostgreSQL) read here through
   * Prisma — asynchronous, but turning the rows into JS values is still event-loop work, not
   * measured (the collab bench runs SQLite) — and rebuilt in the thread. A failure of the thread
   * is a RebuildFailed; a failed read here is the database's error.
   */
  private async readAndRebuild(articleId: string): Promise<StoredRebuild | null> {
    if (this.sqliteFile) {
      try {
        return await this.opts.rebuildStored(this.sqliteFile, articleId);
      } catch (e) {
        throw new RebuildFailed(e);
      }
    }
    const { updates, snapshot } = await this.readStored(articleId);
    if (updates.length === 0) return null;
    try {
      const data = await this.opts.rebuild(snapshot ? toBytes(snapshot.data) : null, updates.map((u) => toBytes(u.data)));
      return { data, readWatermark: snapshot?.watermark ?? null, ids: updates.map((u) => u.id) };
    } catch (e) {
      throw new RebuildFailed(e);
    }
  }

  /** The next compaction comes after another `compactEvery` rows (after one, or a failed one). */
  private restartCompactionCount(articleId: string): void {
    const entry = this.pending.get(articleId);
    if (entry) entry.logged = 0;
  }

  /** The compaction's write through Prisma (PostgreSQL; SQLite when the direct path is not available). */
  private async writeCompaction(articleId: string, readWatermark: number | null, data: Buffer<ArrayBuffer>, watermark: number, folded: number[]): Promise<void> {
    await this.db.$transaction(async (tx) => {
      if (this.provider === "postgres") await tx.$executeRawUnsafe("SELECT pg_advisory_xact_lock(hashtext($1))", `sanad:compact:${articleId}`);
      const current = await tx.docSnapshot.findUnique({ where: { articleId }, select: { watermark: true } });
      if ((current?.watermark ?? null) !== readWatermark) return;
      // Selecting the key only: by default Prisma reads the row back, and the snapshot's every
      // byte became a JS number on the way (~20 ms for a busy room's snapshot, on the event loop).
      await tx.docSnapshot.upsert({ where: { articleId }, create: { articleId, data, watermark }, update: { data, watermark }, select: { articleId: true } });
      // Delete exactly the rows folded in, never a range: a concurrent writer's row survives.
      for (let i = 0; i < folded.length; i += 500) await tx.docUpdate.deleteMany({ where: { id: { in: folded.slice(i, i + 500) } } });
    }, { timeout: 30_000 });
  }

  /**
   * SQLite: the compaction's write in one transaction of prepared statements on Prisma's own
   * connection, outside any open Prisma transaction (false when that path is not available).
   * Through Prisma the snapshot blob went through its query compiler as a parameter and was
   * read back: ~100 ms on the event loop for a busy room's snapshot. The same three steps as
   * the Prisma path: keep another compaction's newer snapshot, upsert, delete the folded rows.
   *
   * The folded rows go in one range delete (the document's rows up to the watermark, on the
   * (articleId, id) index), not one statement per id: 500 deletes were ~1 ms of the ~2 ms this
   * write holds the event loop. The range is exactly the rows read: ids are AUTOINCREMENT and
   * writers take turns, so a row committed after the read has an id above every id it saw — and
   * should the count of deleted rows still differ, the transaction is rolled back and the
   * compaction fails with nothing changed.
   */
  private async writeCompactionDirect(articleId: string, readWatermark: number | null, data: Buffer, watermark: number, folded: number[]): Promise<boolean> {
    const connection = await this.usableConnection(); // no await from here on
    if (!connection) return false;
    const { snapshot, upsertSnapshot, deleteFolded } = statementsOf(connection);
    connection.transaction(() => {
      const current = snapshot.get(articleId) as { watermark: number | bigint } | undefined;
      if ((current ? Number(current.watermark) : null) !== readWatermark) return;
      // updatedAt as Prisma stores a DateTime in SQLite (ISO text with "+00:00").
      upsertSnapshot.run(articleId, data, watermark, new Date().toISOString().replace(/Z$/, "+00:00"));
      const deleted = Number(deleteFolded.run(articleId, watermark).changes);
      if (deleted !== folded.length) throw new Error(`compaction read ${folded.length} log rows but ${deleted} are at or below its watermark; nothing was changed`);
    })();
    await sqliteDurable(this.db);
    return true;
  }

  /**
   * The log rows, then the snapshot (the order load() explains), for load and compaction. On
   * SQLite both with prepared statements on Prisma's own connection, with no await between
   * them: through Prisma every byte of every blob became a JS number and back (tens of ms for
   * 500 rows of a busy document, on the event loop).
   */
  private async readStored(articleId: string): Promise<{ updates: Array<{ id: number; data: Uint8Array }>; snapshot: { data: Uint8Array; watermark: number } | null }> {
    const direct = await this.usableConnection();
    if (direct) return { updates: readLogDirect(direct, articleId), snapshot: readSnapshotDirect(direct, articleId) };
    const updates = await this.db.docUpdate.findMany({ where: { articleId }, orderBy: { id: "asc" }, select: { id: true, data: true } });
    const snapshot = await this.db.docSnapshot.findUnique({ where: { articleId }, select: { data: true, watermark: true } });
    return { updates, snapshot };
  }


  /**
   * SQLite with direct statements (`sqliteDirect`): Prisma's own connection, once no Prisma
   * interactive transaction is open on it (a compaction's, a route's $transaction: a statement
   * run during one would become part of it, and be lost if it rolled back — so wait for it, as
   * every Prisma query does). The caller must not await again before its statements. Null for
   * PostgreSQL, or a SQLite client not connected yet (its first query opens it), or a
   * transaction not opened through Prisma (the ordinary way is taken rather than run in it).
   */
  private async usableConnection(): Promise<BetterSqlite3.Database | null> {
    if (this.provider !== "sqlite" || !this.opts.sqliteDirect) return null;
    await outsideSqliteTransaction(this.db);
    const connection = sqliteConnectionOf(this.db);
    return connection && !connection.inTransaction ? connection : null;
  }

  /**
   * Compactions of this store run one at a time, each after a `setImmediate`: documents that
   * started together reach `compactEvery` log rows on the same tick, and on SQLite (whose
   * queries resolve without leaving the turn) their compactions ran back to back in one turn —
   * a second and more with the event loop stopped, seen at 16,000 edits/s over 20 rooms.
   */
  private compactQueued(articleId: string): Promise<void> {
    const run = this.compactions.catch(() => {}).then(() => new Promise<void>((r) => setImmediate(r))).then(() => this.compact(articleId));
    this.compactions = run.catch(() => {});
    return run;
  }

  /**
   * The server is shutting down: a compaction still rebuilding (a room's unload, in the
   * low-priority thread) writes nothing when it finishes, and none starts. Its database client
   * is being disconnected: a transaction begun then held Prisma's `$disconnect` (PostgreSQL:
   * the pool waits for every checked-out client) — a test's teardown once waited 60 s. The log
   * is whole; the next start compacts it. Appends still work (flush after close is harmless).
   */
  close(): void {
    this.closed = true;
  }

  /** Forget a document's bookkeeping once it is flushed (room unloaded). */
  release(articleId: string): void {
    if (!this.hasPending(articleId)) this.pending.delete(articleId);
  }

  private entry(articleId: string): Pending {
    let e = this.pending.get(articleId);
    if (!e) {
      e = { updates: [], runs: [], bytes: 0, timer: null, running: null, flushing: Promise.resolve(), logged: 0, retryMs: 0, failures: 0 };
      this.pending.set(articleId, e);
    }
    return e;
  }
}

const READ_LOG_SQL = 'SELECT "id", "data" FROM "DocUpdate" WHERE "articleId" = ? ORDER BY "id"';
const READ_SNAPSHOT_SQL = 'SELECT "data", "watermark" FROM "DocSnapshot" WHERE "articleId" = ?';
const UPSERT_SNAPSHOT_SQL = 'INSERT INTO "DocSnapshot" ("articleId", "data", "watermark", "updatedAt") VALUES (?, ?, ?, ?) ' +
  'ON CONFLICT ("articleId") DO UPDATE SET "data" = excluded."data", "watermark" = excluded."watermark", "updatedAt" = excluded."updatedAt"';
const DELETE_FOLDED_SQL = 'DELETE FROM "DocUpdate" WHERE "articleId" = ? AND "id" <= ?';
interface StoreStatements { log: BetterSqlite3.Statement; snapshot: BetterSqlite3.Statement; upsertSnapshot: BetterSqlite3.Statement; deleteFolded: BetterSqlite3.Statement }
const storeStatements = new WeakMap<BetterSqlite3.Database, StoreStatements>();

/** The store's prepared statements on one SQLite connection (the table and column names are those of both migrations). */
function statementsOf(connection: BetterSqlite3.Database): StoreStatements {
  let s = storeStatements.get(connection);
  if (!s) {
    s = {
      log: connection.prepare(READ_LOG_SQL), snapshot: connection.prepare(READ_SNAPSHOT_SQL),
      upsertSnapshot: connection.prepare(UPSERT_SNAPSHOT_SQL), deleteFolded: connection.prepare(DELETE_FOLDED_SQL),
    };
    storeStatements.set(connection, s);
  }
  return s;
}

function readLogDirect(connection: BetterSqlite3.Database, articleId: string): Array<{ id: number; data: Buffer }> {
  // Prisma's adapter turns on safe integers for its connection: ids come back as bigint.
  return (statementsOf(connection).log.all(articleId) as Array<{ id: number | bigint; data: Buffer }>).map((r) => ({ id: Number(r.id), data: r.data }));
}

function readSnapshotDirect(connection: BetterSqlite3.Database, articleId: string): { data: Buffer; watermark: number } | null {
  const row = statementsOf(connection).snapshot.get(articleId) as { data: Buffer; watermark: number | bigint } | undefined;
  return row ? { data: row.data, watermark: Number(row.watermark) } : null;
}

/** Compaction's thread failed (as opposed to the database, read on the event loop). */
class RebuildFailed extends Error {
  constructor(readonly error: unknown) {
    super(error instanceof Error ? error.message : String(error));
  }
}

/**
 * A batch that is all typing a room joined (every update with its runs): its row is the runs
 * joined again, one copy (lib/merge-updates.ts), byte for byte Y.mergeUpdates of the batch.
 * Null when any update has none (or the runs do not follow one another): Yjs merges it.
 */
function joinRuns(runs: ReadonlyArray<readonly StructRun[] | null>): Uint8Array | null {
  if (runs.length < 2) return null;
  const all: StructRun[] = [];
  for (const r of runs) {
    if (r === null) return null;
    for (const x of r) all.push(x);
  }
  return concatRuns(all)?.update ?? null;
}

function toBytes(data: Uint8Array | Buffer): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}
