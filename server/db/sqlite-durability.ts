import { open, type FileHandle } from "node:fs/promises";
import type BetterSqlite3 from "better-sqlite3";

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
 * write resolves to whoever awaits it only after the log file has been synced (fsync) in
 * libuv's thread pool: the promise synchronous = FULL makes, without the wait on the event
 * loop. One sync covers every commit made before it started, so syncs coalesce under load.
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
  private file: FileHandle | null = null;
  private opening: Promise<FileHandle | null> | null = null;
  private closed = false;
  private readonly totalChanges: BetterSqlite3.Statement;

  constructor(
    private readonly connection: BetterSqlite3.Database,
    /** The database file's write-ahead log: `<file>-wal`. */
    readonly walFile: string,
    /** Sync an open log file (tests replace it to hold or fail a sync). */
    private readonly syncFile: (file: FileHandle, path: string) => Promise<void> = (file) => file.sync(),
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

  /** Close the log's file handle (the connection closed). */
  async close(): Promise<void> {
    this.closed = true;
    const file = this.file ?? (this.opening ? await this.opening.catch(() => null) : null);
    this.file = null;
    await file?.close().catch(() => {});
  }

  private async syncOnce(covers: number): Promise<void> {
    const file = await this.logFile();
    if (file) await this.syncFile(file, this.walFile);
    if (covers > this.synced) this.synced = covers;
  }

  /**
   * The log's file, opened once and kept: closing a descriptor of a file releases every POSIX
   * lock the process holds on it, so it is closed only with the connection. Opened read-write:
   * Windows syncs only a handle open for writing. No log file: the database is not in WAL mode
   * (its commits sync themselves, synchronous = FULL by default) or nothing was written yet.
   */
  private async logFile(): Promise<FileHandle | null> {
    if (this.file) return this.file;
    if (this.closed) return null;
    this.opening ??= open(this.walFile, "r+").then(
      (f) => f,
      (e: NodeJS.ErrnoException) => { if (e.code === "ENOENT") return null; throw e; },
    ).finally(() => { this.opening = null; });
    const file = await this.opening;
    if (file && this.closed) { await file.close().catch(() => {}); return null; }
    if (file) this.file = file;
    return file;
  }
}
