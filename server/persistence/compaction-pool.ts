import path from "node:path";
import { SingleThreadPool, type SingleThreadOptions } from "../workers/single-thread-pool";

/**
 * Compaction's rebuild (snapshot + log rows → one update, through a Y.Doc so deleted content is
 * garbage-collected) runs in one worker thread (server/workers/single-thread-pool.ts), never on
 * the event loop serving the collaboration sockets. It grows with the document, not with the
 * rows: in the bench, a one-room document of 76,000 edits held every socket ~50 ms per turn
 * (p99 34–104 ms at 12,800 edits/s, only at the step where the room compacted), and at
 * 320,000 edits decoding the snapshot was one 550 ms call. Bounds: 60 s per rebuild and a
 * 1 GiB heap (a failed rebuild leaves the snapshot and log as they were; DocStore retries
 * after another `compactEvery` rows), at most 64 waiting (a store runs one at a time).
 */
type CompactTask = { snapshot: Uint8Array | null; rows: Uint8Array[] } | { file: string; articleId: string };

/** A document's stored log and snapshot, read and rebuilt in the thread (SQLite). */
export interface StoredRebuild {
  /** The document of the snapshot and every log row, as one update. */
  data: Uint8Array;
  /** The watermark of the snapshot read (null: there was none). */
  readWatermark: number | null;
  /** The ids of the log rows read, ascending. */
  ids: number[];
}

export class CompactionPool extends SingleThreadPool<CompactTask, Uint8Array | StoredRebuild | null> {
  constructor(opts: SingleThreadOptions & { entry?: string } = {}) {
    super({
      timeoutMs: 300_000, // wall time of a thread at the lowest priority (compaction-worker.mjs): it waits while the event loop is busy
      maxQueue: 64,
      // Kept for half an hour without work (not a minute): a busy server compacts every few
      // minutes, and each new thread held the event loop 4.5-16 ms in `new Worker`, at the
      // moment 20 rooms that started together compacted. An idle thread holds ~10 MiB of RSS (measured: 8-12).
      idleMs: 30 * 60_000,
      maxHeapMb: 1024,
      execArgv: [], // plain JavaScript: no tsx in the thread
      ...opts,
      entry: opts.entry ?? path.join(process.env.SANAD_ROOT ?? process.cwd(), "server", "persistence", "compaction-worker.mjs"),
      errors: {
        full: () => new Error("too many compactions waiting"),
        timedOut: (ms) => new Error(`the compaction's rebuild took longer than ${Math.round(ms / 1000)} s and was stopped`),
        crashed: (why) => new Error(`the compaction's rebuild failed (${why})`),
        stopped: (why) => new Error(`the compaction thread stopped (${why})`),
        notStarted: () => new Error("the compaction thread did not start"),
      },
    });
  }

  /** The document of `snapshot` + `rows`, encoded as one update, rebuilt off the event loop. */
  async rebuild(snapshot: Uint8Array | null, rows: Uint8Array[]): Promise<Uint8Array> {
    return (await this.run({ snapshot, rows })) as Uint8Array;
  }

  /**
   * SQLite: read a document's log and snapshot in the thread, on a read-only connection of its
   * own (one read transaction), and rebuild them there; null when the log is empty. Only the
   * short write of the result is left to the event loop (DocStore.compact).
   */
  async rebuildStored(file: string, articleId: string): Promise<StoredRebuild | null> {
    return (await this.run({ file, articleId })) as StoredRebuild | null;
  }
}

// One thread per process, whichever module graph (the custom server's or Next's) asks first.
const KEY = Symbol.for("sanad.compactionPool");
type WithPool = typeof globalThis & { [KEY]?: CompactionPool };

export function compactionPool(): CompactionPool {
  const g = globalThis as WithPool;
  return (g[KEY] ??= new CompactionPool());
}
