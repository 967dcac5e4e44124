import path from "node:path";
import { AppError } from "../../lib/errors";
import type { ExtractedPage } from "../articles/extract-page";
import { SingleThreadPool, type SingleThreadOptions } from "../workers/single-thread-pool";
import type { PdfText } from "../archive/pdf-text";
import type { ExtractResult, ExtractTask } from "./protocol";

/**
 * Reading a fetched page (charset decoding, a DOM, Readability) is CPU work that grows with
 * the page: 0.7 s for an 830 KB page, unbounded for a hostile one. It runs in one worker
 * thread (server/workers/single-thread-pool.ts), never on the event loop that serves the
 * collaboration sockets: 20 s per page, a 256 MiB heap, at most 8 pages waiting (then 429).
 * The text of an archived PDF (PDF.js) is read by the same thread under the same bounds.
 */

interface ExtractPoolOptions extends SingleThreadOptions {
  /** Worker entry (tests point it elsewhere); default server/extract/worker-entry.mjs under the project root. */
  entry?: string;
}

export class ExtractPool extends SingleThreadPool<ExtractTask, ExtractResult> {
  constructor(opts: ExtractPoolOptions = {}) {
    super({
      ...opts,
      entry: opts.entry ?? path.join(process.env.SANAD_ROOT ?? process.cwd(), "server", "extract", "worker-entry.mjs"),
      errors: {
        full: () => new AppError("RATE_LIMITED", "Too many pages are being read at once. Try again in a minute."),
        timedOut: (ms) => new AppError("INVALID_INPUT", `The page took longer than ${Math.round(ms / 1000)} s to read; it may be malformed or far too large.`).withReason("readTimeout", { seconds: Math.round(ms / 1000) }),
        crashed: (why) => new AppError("INVALID_INPUT", `The page could not be read (${why}).`).withReason("readCrashed"),
        stopped: (why) => new AppError("INTERNAL", `The page reader stopped (${why}).`),
        notStarted: () => new AppError("INTERNAL", "The page reader did not start."),
      },
    });
  }
}

// One reader per process, whichever module graph (the custom server's or Next's) asks first.
const KEY = Symbol.for("sanad.extractPool");
type WithPool = typeof globalThis & { [KEY]?: ExtractPool };

export function extractPool(): ExtractPool {
  const g = globalThis as WithPool;
  return (g[KEY] ??= new ExtractPool());
}

/** Read a fetched HTML page as an article, off the event loop. */
export async function extractArticleOffLoop(bytes: Uint8Array, opts: { httpCharset: string | null; url: string }, pool = extractPool()): Promise<ExtractedPage> {
  const r = await pool.run({ kind: "article", bytes, httpCharset: opts.httpCharset, url: opts.url });
  if (r.kind !== "article") throw new AppError("INTERNAL", "The page reader answered the wrong question.");
  return r.page;
}

/** The readable text of an archived page, off the event loop. */
export async function readableSnapshotOffLoop(bytes: Uint8Array, mediaType: string, charset: string | null, pool = extractPool()): Promise<{ text: string; title: string; encoding: string }> {
  const r = await pool.run({ kind: "snapshot", bytes, mediaType, charset });
  if (r.kind !== "snapshot") throw new AppError("INTERNAL", "The page reader answered the wrong question.");
  return r.snapshot;
}

/**
 * The text, title and page count of a fetched PDF, off the event loop. A file PDF.js cannot
 * read fails with the reader's message (the caller words it); one that takes longer than the
 * cap or needs more than the heap cap fails like a page (INVALID_INPUT, and a new thread).
 */
export async function pdfTextOffLoop(bytes: Uint8Array, pool = extractPool()): Promise<PdfText> {
  const r = await pool.run({ kind: "pdf", bytes });
  if (r.kind !== "pdf") throw new AppError("INTERNAL", "The page reader answered the wrong question.");
  return r.pdf;
}
