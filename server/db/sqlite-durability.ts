import path from "node:path";
import type BetterSqlite3 from "better-sqlite3";
import { SingleThreadPool } from "../workers/single-thread-pool";

/**
 * Durable before it is acknowledged, with the disk off the event loop (SQLite, WAL mode).
 *
 * better-sqlite3 runs every statement on the event loop, so a commit that syncs the log itself
 * (synchronous = FULL) stops every socket of the server while the disk answers: 0.1–0.2 ms at
 * the median on this machine's idle disk, 1.5 ms at times, 10–15 ms on a loaded shared disk.
 * Not syncing at all is what the server did before without knowing it: better-sqlite3 is built
 * with SQLITE_DEFAULT_WAL_SYNCHRONOUS=1, so a connection opened on a database already in WAL
 * mode commits with synchronous = NORMAL — written to the log, never synced — and a power loss
 * could undo a sign-off its reviewer had been told was recorded.
 *
 * So the server's connection commits with synchronous = NORMAL on purpose (tuneSqlite), and a
 * write resolves to whoever awaits it only after the log file has been synced (fsync) in a
 * worker thread (walSyncThread): the promise synchronous = FULL makes, without the wait on the
 * event loop. One sync covers every commit made before it started, so syncs coalesce under load.
 * The log's frames are checksummed in sequence: after a power loss SQLite keeps a prefix of the
 * commits, never a later one without an earlier one, and everything acknowledged is in it.
 * A crash of the process alone loses nothing committed (the kernel holds it).
 *
 * Which writes: every Prisma write on the connection outside a transaction, every Prisma
 * transaction's commit (server/db/client.ts), and the document store's own statements on the
 * connection (doc-store.ts). A sync that fails rejects the writes waiting on it: committed, but
 * not known to be on disk — their callers treat it as a failed write (the store retries).
 */
export class WalDurability {
  /** The connection's total_changes() that a completed sync covers. */
  private synced = 0;
  /** The sync in progress, and the total_changes() it covers. */
  private running: { promise: Promise<void>; covers: number } | null = null;
  private readonly totalChanges: BetterSqlite3.Statement;

  constructor(
    private readonly connection: BetterSqlite3.Database,
    /** The database file's write-ahead log: `<file>-wal`. */
    readonly walFile: string,
    /** Sync a file to disk (default: walSyncThread; tests replace it to hold or fail a sync). */
    private readonly syncFile: (file: string) => Promise<unknown> = syncWalFile,
  ) {
    this.totalChanges = connection.prepare("SELECT total_changes()").pluck();
  }

  /** Rows changed on the connection since it opened (INSERT, UPDATE, DELETE; committed or not). */
  changes(): number {
    return this.connection.open ? Number(this.totalChanges.get()) : this.synced;
  }

  /**
   * Resolves once every change committed on the connection so far is on disk — at once when a
   * sync already covered them. `force`: a sync that starts after this call, changes or not (a
   * script's DDL, which total_changes() does not count).
   */
  async durable(force = false): Promise<void> {
    const mark = this.changes();
    if (mark <= this.synced && !force) return;
    for (;;) {
      const running = this.running;
      if (running && running.covers >= mark && !force) return running.promise;
      if (running) {
        // It started before this write committed: wait for it, then sync again unless another
        // waiter's sync covered this one meanwhile.
        await running.promise.catch(() => {});
        if (!force && this.synced >= mark) return;
        continue;
      }
      const covers = this.changes();
      const promise: Promise<void> = this.syncOnce(covers).finally(() => { if (this.running?.promise === promise) this.running = null; });
      this.running = { promise, covers };
      return promise;
    }
  }

  private async syncOnce(covers: number): Promise<void> {
    await this.syncFile(this.walFile);
    if (covers > this.synced) this.synced = covers;
  }
}

/**
 * The thread that syncs log files (wal-sync-worker.mjs), one per process, at the lowest
 * priority. Not libuv's thread pool: its threads run at the event loop's priority (on one core
 * they took it from the loop), and DNS lookups and other file work queue there — four slow
 * lookups would hold every acknowledgement. Syncs coalesce (WalDurability), so its queue stays short.
 */
export class WalSyncThread extends SingleThreadPool<{ file: string }, boolean> {
  constructor() {
    super({
      timeoutMs: 60_000,
      maxQueue: 64,
      idleMs: 30 * 60_000,
      maxHeapMb: 16,
      execArgv: [], // plain JavaScript: no tsx in the thread
      entry: path.join(process.env.SANAD_ROOT ?? process.cwd(), "server", "db", "wal-sync-worker.mjs"),
      errors: {
        full: () => new Error("too many log syncs are waiting"),
        timedOut: (ms) => new Error(`syncing the database log to disk took longer than ${Math.round(ms / 1000)} s`),
        crashed: (why) => new Error(`syncing the database log to disk failed (${why})`),
        stopped: (why) => new Error(`the log sync thread stopped (${why})`),
        notStarted: () => new Error("the log sync thread did not start"),
      },
    });
  }
}

const KEY = Symbol.for("sanad.walSyncThread");
type WithThread = typeof globalThis & { [KEY]?: WalSyncThread };

export function walSyncThread(): WalSyncThread {
  const g = globalThis as WithThread;
  return (g[KEY] ??= new WalSyncThread());
}

/** Sync a file (a write-ahead log) to disk in the sync thread: true once synced, false when there is no such file. */
export function syncWalFile(file: string): Promise<boolean> {
  return walSyncThread().run({ file });
}
