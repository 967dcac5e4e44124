// A read-only SQLite connection in a worker thread (server/db/sqlite-read-pool.ts): full-text
// queries run here so a slow query never stops the event loop that serves the collab sockets.
// Plain JavaScript: it needs only better-sqlite3, so it loads the same way under tsx and
// inside Next's server bundle.
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";

const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
db.pragma(`busy_timeout = ${Number(workerData.busyTimeoutMs) || 100}`);
const statements = new Map();

parentPort.on("message", ({ id, task }) => {
  try {
    let stmt = statements.get(task.sql);
    if (!stmt) {
      stmt = db.prepare(task.sql);
      if (!stmt.reader) throw new Error("only statements that read are run here");
      if (statements.size > 200) statements.clear();
      statements.set(task.sql, stmt);
    }
    parentPort.postMessage({ id, ok: true, result: stmt.all(...task.params) });
  } catch (e) {
    parentPort.postMessage({ id, ok: false, message: `${e && e.code ? `${e.code}: ` : ""}${e instanceof Error ? e.message : String(e)}` });
  }
});
parentPort.postMessage({ ready: true });
