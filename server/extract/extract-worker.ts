import { parentPort } from "node:worker_threads";
import { extractPage } from "../articles/extract-page";
import { pdfText } from "../archive/pdf-text";
import { readableSnapshot } from "../archive/readable-snapshot";
import type { ExtractReply, ExtractRequest, ExtractResult, ExtractTask } from "./protocol";

/**
 * The extraction worker: HTML parsing, Readability and charset decoding of fetched pages, and
 * the text of archived PDFs (PDF.js), run here, off the server's event loop, one document at
 * a time. The pool (extract-pool.ts) bounds how long one may take and restarts this thread
 * when it does not answer.
 */
async function run(task: ExtractTask): Promise<ExtractResult> {
  switch (task.kind) {
    case "article":
      return { kind: "article", page: extractPage(task.bytes, { httpCharset: task.httpCharset, url: task.url }) };
    case "snapshot":
      return { kind: "snapshot", snapshot: readableSnapshot(task.bytes, task.mediaType, task.charset) };
    case "pdf":
      return { kind: "pdf", pdf: await pdfText(task.bytes) };
  }
}

parentPort!.on("message", (req: ExtractRequest) => {
  void run(req.task).then(
    (result): ExtractReply => ({ id: req.id, ok: true, result }),
    (e: unknown): ExtractReply => ({ id: req.id, ok: false, message: e instanceof Error ? e.message : String(e) }),
  ).then((reply) => parentPort!.postMessage(reply));
});
parentPort!.postMessage({ ready: true });
