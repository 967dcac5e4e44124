// WAL checkpoints of the server's SQLite file, in a worker thread of their own
// (server/db/sqlite-checkpointer.ts): copying the log's pages into the database file and syncing
// it to disk stopped the event loop 15-30 ms every couple of seconds when the server's own
// connection did it (SQLite's automatic checkpoint runs inside the commit that crosses 1,000 pages).
// Plain JavaScript: it needs only better-sqlite3, so it loads the same way under tsx and inside
// Next's server bundle.
import "../workers/lowest-priority.mjs";
import { parentPort, workerData } from "node:worker_threads";

const { default: Database } = await import("better-sqlite3");
const db = new Database(workerData.file, { fileMustExist: true });
// This connection writes nothing itself; it must never be the one that checkpoints on a commit.
db.pragma("wal_autocheckpoint = 0");

parentPort.on("message", ({ id }) => {
  try {
    // PASSIVE: as many pages as no reader still needs, never waiting for a lock; the writer goes on
    // appending meanwhile, and starts the log again from its beginning once all of it is copied.
    const [row] = db.pragma("wal_checkpoint(PASSIVE)");
    parentPort.postMessage({ id, ok: true, result: { busy: row.busy, log: row.log, checkpointed: row.checkpointed } });
  } catch (e) {
    parentPort.postMessage({ id, ok: false, message: `${e && e.code ? `${e.code}: ` : ""}${e instanceof Error ? e.message : String(e)}` });
  }
});
parentPort.postMessage({ ready: true });
