import path from "node:path";
import { SingleThreadPool, type SingleThreadOptions } from "../workers/single-thread-pool";
import { providerOf, sqlitePath, type Db } from "./client";

/**
 * SQLite (WAL mode) copies its write-ahead log back into the database file in a "checkpoint".
 * By default the connection whose commit takes the log past 1,000 pages does it, inside that
 * commit — for the server that is its one connection, on the event loop, and better-sqlite3 is
 * synchronous: with the document store committing 20 times a second, every ~2 s one commit took
 * 15-30 ms (copying ~4 MB and syncing the file), every socket of every room waiting (p99 over a
 * 40 s step at 2,000 edits/s over 20 rooms: 23 ms, 7.9 ms with this; docs/bench-collab.md). Here a worker thread with
 * its own connection checkpoints every `intervalMs`, and the server's connection only does it
 * itself past FALLBACK_AUTOCHECKPOINT_PAGES — should the thread fail or fall behind, the log
 * still cannot grow without bound. A checkpoint only moves commits that are in the log (and synced
 * before they were acknowledged: sqlite-durability.ts).
 */
export const CHECKPOINT_INTERVAL_MS = 1_000;
/** The server's own connection checkpoints past this many log pages (4 KiB each): ~40 MiB. */
export const FALLBACK_AUTOCHECKPOINT_PAGES = 10_000;

export interface CheckpointResult {
  /** 1 when another connection held the checkpoint lock (nothing done this time). */
  busy: number;
  /** Pages in the log, and how many of them are now in the database file. */
  log: number;
  checkpointed: number;
}

export class SqliteCheckpointPool extends SingleThreadPool<null, CheckpointResult> {
  constructor(readonly file: string, opts: SingleThreadOptions & { entry?: string } = {}) {
    super({
      timeoutMs: 60_000,
      maxQueue: 1,
      maxHeapMb: 64,
      execArgv: [], // plain JavaScript: no tsx in the thread
      ...opts,
      entry: opts.entry ?? path.join(process.env.SANAD_ROOT ?? process.cwd(), "server", "db", "sqlite-checkpoint-worker.mjs"),
      workerData: { file },
      errors: {
        full: () => new Error("a checkpoint is already waiting"),
        timedOut: (ms) => new Error(`the checkpoint took longer than ${Math.round(ms / 1000)} s and was stopped`),
        crashed: (why) => new Error(`the checkpoint failed (${why})`),
        stopped: (why) => new Error(`the checkpoint thread stopped (${why})`),
        notStarted: () => new Error("the checkpoint thread did not start"),
      },
    });
  }

  checkpoint(): Promise<CheckpointResult> {
    return this.run(null);
  }
}

export interface Checkpointer {
  /** Checkpoints the thread completed or partly did, and failures (tests). */
  stats(): { checkpoints: number; failures: number };
  /** One checkpoint in the thread now, outside the interval (tests). */
  checkpointNow(): Promise<CheckpointResult | null>;
  stop(): Promise<void>;
}

const NONE: Checkpointer = { stats: () => ({ checkpoints: 0, failures: 0 }), checkpointNow: async () => null, stop: async () => {} };

/**
 * Move the server's SQLite checkpoints to a worker thread (nothing for PostgreSQL). Call after
 * the database is in WAL mode (tuneSqlite). A failing thread is reported once (and again after it
 * recovered and failed anew); meanwhile the server's connection checkpoints at the fallback size.
 */
export async function startSqliteCheckpointer(db: Db, url: string, opts: { intervalMs?: number; log?: (msg: string, extra?: Record<string, unknown>) => void } = {}): Promise<Checkpointer> {
  if (providerOf(url) !== "sqlite") return NONE;
  await db.$queryRawUnsafe(`PRAGMA wal_autocheckpoint = ${FALLBACK_AUTOCHECKPOINT_PAGES}`);
  const pool = new SqliteCheckpointPool(sqlitePath(url));
  let checkpoints = 0, failures = 0;
  let running = false, failing = false, stopped = false;
  const timer = setInterval(() => {
    if (running || stopped) return;
    running = true;
    pool.checkpoint().then((r) => {
      failing = false;
      if (!r.busy) checkpoints++;
    }, (e: unknown) => {
      failures++;
      if (!failing && !stopped) opts.log?.("sqlite checkpoint failed; the server's connection checkpoints itself past the fallback size", { error: String(e), fallbackPages: FALLBACK_AUTOCHECKPOINT_PAGES });
      failing = true;
    }).finally(() => { running = false; });
  }, opts.intervalMs ?? CHECKPOINT_INTERVAL_MS);
  timer.unref();
  return {
    stats: () => ({ checkpoints, failures }),
    checkpointNow: () => pool.checkpoint(),
    async stop() {
      stopped = true;
      clearInterval(timer);
      await pool.close();
    },
  };
}
