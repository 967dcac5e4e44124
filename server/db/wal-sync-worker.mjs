// Syncs of SQLite's write-ahead log to disk, in a worker thread of their own
// (server/db/sqlite-durability.ts): the server's commits do not sync themselves, and no write is
// acknowledged before its log is synced here. At the lowest priority: on the bench's one pinned
// core, an fsync in libuv's thread pool woke a thread at the event loop's priority, which took the
// core from it (3.5 % of the loop's busy time at 48,000 edits/s). Plain JavaScript, no dependencies.
import "../workers/lowest-priority.mjs";
import { closeSync, fsyncSync, openSync } from "node:fs";
import { parentPort } from "node:worker_threads";

parentPort.on("message", ({ id, task }) => {
  try {
    let fd;
    try {
      // Read-write: Windows flushes only a handle open for writing. SQLite holds no lock on the
      // log file itself (its locks are on the database file and the -shm index), so opening and
      // closing it here releases nothing of the connection's.
      fd = openSync(task.file, "r+");
    } catch (e) {
      // No log: the database is not in WAL mode (its commits sync themselves) or has none yet.
      if (e && e.code === "ENOENT") { parentPort.postMessage({ id, ok: true, result: false }); return; }
      throw e;
    }
    try { fsyncSync(fd); } finally { closeSync(fd); }
    parentPort.postMessage({ id, ok: true, result: true });
  } catch (e) {
    parentPort.postMessage({ id, ok: false, message: `${e && e.code ? `${e.code}: ` : ""}${e instanceof Error ? e.message : String(e)}` });
  }
});
parentPort.postMessage({ ready: true });
