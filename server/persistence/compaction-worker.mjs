// The compaction rebuild in a worker thread (server/persistence/compaction-pool.ts): a Y.Doc
// built from the snapshot and the log rows, encoded again as one update. On the event loop this
// took seconds for a busy room's document (2.2 s at 320,000 edits: decoding the snapshot alone
// was one 550 ms call), with every socket of every room waiting. Plain JavaScript: it needs only
// yjs (and better-sqlite3 for a SQLite store), so it loads the same way under tsx and inside
// Next's server bundle.
import "../workers/lowest-priority.mjs";
import { statSync } from "node:fs";
import { parentPort } from "node:worker_threads";

// Loaded after the thread's priority is lowered: parsing yjs is most of the thread's start.
const Y = await import("yjs");

/** Rows applied per Yjs transaction (one transaction's cleanup merges what it integrated). */
const ROWS_PER_TRANSACTION = 50;

function rebuild(snapshot, rows) {
  const doc = new Y.Doc();
  try {
    if (snapshot) Y.applyUpdate(doc, snapshot);
    for (let i = 0; i < rows.length; i += ROWS_PER_TRANSACTION) {
      Y.transact(doc, () => {
        for (const row of rows.slice(i, i + ROWS_PER_TRANSACTION)) Y.applyUpdate(doc, row);
      });
    }
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

// SQLite: read-only connections of this thread, one per database file. The log and the snapshot
// are read here, in one read transaction (one consistent view of the file, whatever the server's
// connection commits meanwhile), not on the event loop: 500 rows of a busy room were 1-3 ms of
// every socket's time there, for each of 20 rooms compacting within a second.
// A file replaced at the same path (a test's database dropped and made again) is opened anew: the
// cached connection is kept only while the path still names the same file. At most a few files.
const connections = new Map();
const MAX_CONNECTIONS = 4;
async function connection(file) {
  const inode = statSync(file).ino;
  let entry = connections.get(file);
  if (entry && entry.inode !== inode) {
    entry.db.close();
    connections.delete(file);
    entry = undefined;
  }
  if (!entry) {
    const { default: Database } = await import("better-sqlite3");
    const db = new Database(file, { readonly: true, fileMustExist: true });
    db.pragma("busy_timeout = 5000");
    const log = db.prepare('SELECT "id", "data" FROM "DocUpdate" WHERE "articleId" = ? ORDER BY "id"');
    const snapshot = db.prepare('SELECT "data", "watermark" FROM "DocSnapshot" WHERE "articleId" = ?');
    entry = { db, inode, read: db.transaction((articleId) => ({ rows: log.all(articleId), snapshot: snapshot.get(articleId) })) };
    connections.set(file, entry);
    for (const [oldest, other] of connections) {
      if (connections.size <= MAX_CONNECTIONS) break;
      other.db.close();
      connections.delete(oldest);
    }
  }
  return entry;
}

async function rebuildStored({ file, articleId }) {
  const { rows, snapshot } = (await connection(file)).read(articleId);
  if (rows.length === 0) return null;
  const data = rebuild(snapshot ? snapshot.data : null, rows.map((r) => r.data));
  return { data, readWatermark: snapshot ? Number(snapshot.watermark) : null, ids: rows.map((r) => Number(r.id)) };
}

parentPort.on("message", async ({ id, task }) => {
  try {
    if (task.file) {
      const result = await rebuildStored(task);
      parentPort.postMessage({ id, ok: true, result }, result ? [result.data.buffer] : []);
    } else {
      const data = rebuild(task.snapshot, task.rows);
      parentPort.postMessage({ id, ok: true, result: data }, [data.buffer]);
    }
  } catch (e) {
    parentPort.postMessage({ id, ok: false, message: `${e && e.code ? `${e.code}: ` : ""}${e instanceof Error ? e.message : String(e)}` });
  }
});
parentPort.postMessage({ ready: true });
