// The compaction rebuild in a worker thread (server/persistence/compaction-pool.ts): a Y.Doc
// built from the snapshot and the log rows, encoded again as one update. On the event loop this
// took seconds for a busy room's document (2.2 s at 320,000 edits: decoding the snapshot alone
// was one 550 ms call), with every socket of every room waiting. Plain JavaScript: it needs only
// yjs, so it loads the same way under tsx and inside Next's server bundle.
import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";
import { parentPort } from "node:worker_threads";
import * as Y from "yjs";

// The lowest scheduling priority for this thread alone (Linux: the nice value is per thread):
// it then takes only CPU the event loop leaves. On a machine where the server has one core (the
// bench pins it), at the default priority the scheduler shared that core equally, and while 20
// rooms compacted the event loop waited 13 % of a step for it (p99 60 ms at 12,000 edits/s).
try {
  setPriority(Number(readlinkSync("/proc/thread-self").split("/").pop()), 19);
} catch {
  // Not Linux, or not allowed: the thread keeps the process's priority.
}

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
