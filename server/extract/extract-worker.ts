import { parentPort } from "node:worker_threads";
import { extractPage } from "../articles/extract-page";
import { readableSnapshot } from "../archive/readable-snapshot";
import type { ExtractReply, ExtractRequest } from "./protocol";

/**
 * The extraction worker: HTML parsing, Readability and charset decoding of fetched pages run
 * here, off the server's event loop, one page at a time. The pool (extract-pool.ts) bounds
 * how long one page may take and restarts this thread when it does not answer.
 */
parentPort!.on("message", (req: ExtractRequest) => {
  let reply: ExtractReply;
  try {
    if (req.task.kind === "article") {
      reply = { id: req.id, ok: true, result: { kind: "article", page: extractPage(req.task.bytes, { httpCharset: req.task.httpCharset, url: req.task.url }) } };
    } else {
      reply = { id: req.id, ok: true, result: { kind: "snapshot", snapshot: readableSnapshot(req.task.bytes, req.task.mediaType, req.task.charset) } };
    }
  } catch (e) {
    reply = { id: req.id, ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  parentPort!.postMessage(reply);
});
parentPort!.postMessage({ ready: true });
