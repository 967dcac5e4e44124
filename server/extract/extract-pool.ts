import path from "node:path";
import { Worker } from "node:worker_threads";
import { AppError } from "../../lib/errors";
import type { ExtractedPage } from "../articles/extract-page";
import type { ExtractReply, ExtractResult, ExtractTask } from "./protocol";

/**
 * Reading a fetched page (charset decoding, a DOM, Readability) is CPU work that grows with
 * the page: 0.7 s for an 830 KB page, unbounded for a hostile one. It runs in one worker
 * thread, never on the event loop that serves the collaboration sockets, with three bounds:
 * a time cap per page (the thread is terminated and restarted when a page exceeds it), a
 * heap cap for the thread, and a short queue (over it, imports are refused with 429 rather
 * than piling up). The thread starts on the first page and ends after a minute idle.
 *
 * One thread, not a pool: the machines this runs on have two cores, and the other belongs to
 * the database and the collab server.
 */

export interface ExtractPoolOptions {
  /** Per-page cap, counted from when the thread takes the page (ms). */
  timeoutMs?: number;
  /** Pages waiting beyond the one being read; more are refused. */
  maxQueue?: number;
  /** The thread ends after this long without work (ms). */
  idleMs?: number;
  /** Heap cap of the thread (MiB). */
  maxHeapMb?: number;
  /** Worker entry (tests point it elsewhere); default server/extract/worker-entry.mjs under the project root. */
  entry?: string;
}

interface Job { id: number; task: ExtractTask; resolve: (r: ExtractResult) => void; reject: (e: Error) => void }

const STARTUP_MS = 60_000;

export class ExtractPool {
  private readonly timeoutMs: number;
  private readonly maxQueue: number;
  private readonly idleMs: number;
  private readonly maxHeapMb: number;
  private readonly entry: string;
  private worker: Worker | null = null;
  private ready = false;
  private readonly queue: Job[] = [];
  private current: Job | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private idleTimer: ReturnType<typeof setTimeout> | null = null;
  private nextId = 1;
  /** Threads started so far (tests read it to see a restart). */
  started = 0;

  constructor(opts: ExtractPoolOptions = {}) {
    this.timeoutMs = opts.timeoutMs ?? 20_000;
    this.maxQueue = opts.maxQueue ?? 8;
    this.idleMs = opts.idleMs ?? 60_000;
    this.maxHeapMb = opts.maxHeapMb ?? 256;
    this.entry = opts.entry ?? path.join(process.env.SANAD_ROOT ?? process.cwd(), "server", "extract", "worker-entry.mjs");
  }

  run(task: ExtractTask): Promise<ExtractResult> {
    if (this.queue.length >= this.maxQueue) {
      return Promise.reject(new AppError("RATE_LIMITED", "Too many pages are being read at once. Try again in a minute."));
    }
    return new Promise<ExtractResult>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, resolve, reject });
      this.pump();
    });
  }

  /** Ends the thread; queued pages fail. */
  async close(): Promise<void> {
    const w = this.worker;
    this.fail(new AppError("INTERNAL", "The page reader was stopped."), true);
    if (w) await w.terminate();
  }

  private pump(): void {
    if (this.idleTimer) { clearTimeout(this.idleTimer); this.idleTimer = null; }
    if (this.current || this.queue.length === 0) {
      if (!this.current && this.queue.length === 0 && this.worker) this.idle();
      return;
    }
    if (!this.worker) { this.start(); return; }
    if (!this.ready) return;
    const job = this.queue.shift()!;
    this.current = job;
    this.worker.ref();
    this.timer = setTimeout(() => {
      // The page took too long: the only way to stop synchronous work is to end the thread.
      this.restart(new AppError("INVALID_INPUT", `The page took longer than ${Math.round(this.timeoutMs / 1000)} s to read; it may be malformed or far too large.`));
    }, this.timeoutMs);
    this.worker.postMessage({ id: job.id, task: job.task });
  }

  private start(): void {
    this.started++;
    this.ready = false;
    const worker = new Worker(this.entry, { resourceLimits: { maxOldGenerationSizeMb: this.maxHeapMb } });
    this.worker = worker;
    this.timer = setTimeout(() => this.restart(new AppError("INTERNAL", "The page reader did not start.")), STARTUP_MS);
    worker.on("message", (msg: ExtractReply | { ready: true }) => {
      if (worker !== this.worker) return;
      if ("ready" in msg) {
        this.clearTimer();
        this.ready = true;
        this.pump();
        return;
      }
      const job = this.current;
      if (!job || job.id !== msg.id) return;
      this.clearTimer();
      this.current = null;
      worker.unref();
      if (msg.ok) job.resolve(msg.result);
      else job.reject(new Error(msg.message));
      this.pump();
    });
    const onGone = (why: string) => {
      if (worker !== this.worker) return;
      this.worker = null;
      this.ready = false;
      this.clearTimer();
      const job = this.current;
      this.current = null;
      // A page that crashed the reader (out of memory, a bug) fails alone; the next page gets a new thread.
      job?.reject(new AppError("INVALID_INPUT", `The page could not be read (${why}).`));
      if (!job) this.fail(new AppError("INTERNAL", `The page reader stopped (${why}).`), false);
      this.pump();
    };
    worker.on("error", (e: Error & { code?: string }) => onGone(e.code === "ERR_WORKER_OUT_OF_MEMORY" ? "it needed too much memory" : e.message));
    worker.on("exit", (code) => onGone(`the reader exited with code ${code}`));
  }

  private restart(err: Error): void {
    const w = this.worker;
    this.worker = null;
    this.ready = false;
    this.clearTimer();
    const job = this.current;
    this.current = null;
    if (job) job.reject(err);
    else this.fail(err, false);
    if (w) void w.terminate();
    this.pump();
  }

  private fail(err: Error, all: boolean): void {
    this.clearTimer();
    if (this.current) { this.current.reject(err); this.current = null; }
    if (all || !this.worker) for (const job of this.queue.splice(0)) job.reject(err);
    if (all) { if (this.idleTimer) clearTimeout(this.idleTimer); this.worker = null; this.ready = false; }
  }

  private idle(): void {
    this.worker?.unref();
    this.idleTimer = setTimeout(() => {
      const w = this.worker;
      this.worker = null;
      this.ready = false;
      if (w) void w.terminate();
    }, this.idleMs);
    this.idleTimer.unref();
  }

  private clearTimer(): void {
    if (this.timer) { clearTimeout(this.timer); this.timer = null; }
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
