// The compaction rebuild in a worker thread (server/persistence/compaction-pool.ts): a Y.Doc
// built from the snapshot and the log rows, encoded again as one update. On the event loop this
// took seconds for a busy room's document (2.2 s at 320,000 edits: decoding the snapshot alone
// was one 550 ms call), with every socket of every room waiting. Plain JavaScript: it needs only
// yjs, so it loads the same way under tsx and inside Next's server bundle.
import "../workers/lowest-priority.mjs";
import { parentPort } from "node:worker_threads";

// Loaded after the thread's priority is lowered: parsing yjs is most of the thread's start.
const Y = await import("yjs");

/** Rows applied per Yjs transaction (one transaction's cleanup merges what it integrated). */
const ROWS_PER_TRANSACTION = 50;

parentPort.on("message", ({ id, task }) => {
  const doc = new Y.Doc();
  try {
    if (task.snapshot) Y.applyUpdate(doc, task.snapshot);
    for (let i = 0; i < task.rows.length; i += ROWS_PER_TRANSACTION) {
      Y.transact(doc, () => {
        for (const row of task.rows.slice(i, i + ROWS_PER_TRANSACTION)) Y.applyUpdate(doc, row);
      });
    }
    const data = Y.encodeStateAsUpdate(doc);
    parentPort.postMessage({ id, ok: true, result: data }, [data.buffer]);
  } catch (e) {
    parentPort.postMessage({ id, ok: false, message: e instanceof Error ? e.message : String(e) });
  } finally {
    doc.destroy();
  }
});
parentPort.postMessage({ ready: true });
