import { Worker } from "node:worker_threads";

/**
 * One worker thread that takes one task at a time, for CPU or blocking work that must not run
 * on the event loop serving the collaboration sockets. Three bounds: a time cap per task (the
 * only way to stop synchronous work is to end the thread, so it is terminated and restarted),
 * a heap cap for the thread, and a short queue (over it, new tasks are refused at once rather
 * than piling up). The thread starts on the first task and ends after `idleMs` without work;
 * it does not keep the process alive while idle.
 *
 * One thread, not a pool: the machines this runs on have two cores, and the other belongs to
 * the database and the collab server. Used for reading fetched pages (server/extract) and for
 * SQLite full-text queries (server/db/sqlite-read-pool.ts).
 *
 * Protocol: the thread posts `{ ready: true }` once, then answers each `{ id, task }` with
 * `{ id, ok: true, result }` or `{ id, ok: false, message }`.
 */

export interface SingleThreadOptions {
  /** Per-task cap, counted from when the thread takes the task (ms). */
  timeoutMs?: number;
  /** Tasks waiting beyond the one running; more are refused. */
  maxQueue?: number;
  /** The thread ends after this long without work (ms). */
  idleMs?: number;
  /** Heap cap of the thread (MiB). */
  maxHeapMb?: number;
  /**
   * Node options of the thread (default: the process's own, e.g. `--import tsx`). A plain
   * JavaScript entry passes [] and starts without loading tsx (52 instead of 110 ms).
   */
  execArgv?: string[];
}

/** The errors a caller sees, worded by the user of the pool. */
interface SingleThreadErrors {
  full(): Error;
  timedOut(ms: number): Error;
  /** The task that was running when the thread died. */
  crashed(why: string): Error;
  /** Waiting tasks when the thread died or was stopped. */
  stopped(why: string): Error;
  notStarted(): Error;
  /** The thread answered that the task failed (default: an Error with its message). */
  failed?(message: string): Error;
}

export type WorkerReply<R> = { id: number; ok: true; result: R } | { id: number; ok: false; message: string };

const STARTUP_MS = 60_000;

interface Job<T, R> { id: number; task: T; resolve: (r: R) => void; reject: (e: Error) => void }

export class SingleThreadPool<T, R> {
  private readonly timeoutMs: number;
  private readonly maxQueue: number;
  private readonly idleMs: number;
  private readonly maxHeapMb: number;
  private readonly execArgv: string[] | undefined;
  private readonly entry: string;
  private readonly workerData: unknown;
  private readonly errors: SingleThreadErrors;
  private worker: Worker | null = null;
  private ready = false;
  private readonly queue: Job<T, R>[] = [];
  private current: Job<T, R> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private idleTimer: ReturnType<typeof setTimeout> | null = null;
  private nextId = 1;
  /** Threads started so far (tests read it to see a restart). */
  started = 0;

  constructor(opts: SingleThreadOptions & { entry: string; workerData?: unknown; errors: SingleThreadErrors }) {
    this.timeoutMs = opts.timeoutMs ?? 20_000;
    this.maxQueue = opts.maxQueue ?? 8;
    this.idleMs = opts.idleMs ?? 60_000;
    this.maxHeapMb = opts.maxHeapMb ?? 256;
    this.execArgv = opts.execArgv;
    this.entry = opts.entry;
    this.workerData = opts.workerData;
    this.errors = opts.errors;
  }

  run(task: T): Promise<R> {
    if (this.queue.length >= this.maxQueue) return Promise.reject(this.errors.full());
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, resolve, reject });
      this.pump();
    });
  }

  /**
   * Start the thread now if it is not running, so that its start (`new Worker` holds the
   * calling thread for several ms) falls on a quiet moment rather than on the first task's.
   */
  warm(): void {
    if (!this.worker) this.start();
  }

  /** Ends the thread; queued tasks fail. */
  async close(): Promise<void> {
    const w = this.worker;
    this.fail(this.errors.stopped("it was stopped"), true);
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
      // The task took too long: the only way to stop synchronous work is to end the thread.
      this.restart(this.errors.timedOut(this.timeoutMs));
    }, this.timeoutMs);
    this.worker.postMessage({ id: job.id, task: job.task });
  }

  private start(): void {
    this.started++;
    this.ready = false;
    const worker = new Worker(this.entry, { workerData: this.workerData, resourceLimits: { maxOldGenerationSizeMb: this.maxHeapMb }, ...(this.execArgv ? { execArgv: this.execArgv } : {}) });
    this.worker = worker;
    this.timer = setTimeout(() => this.restart(this.errors.notStarted()), STARTUP_MS);
    worker.on("message", (msg: WorkerReply<R> | { ready: true }) => {
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
      else job.reject(this.errors.failed ? this.errors.failed(msg.message) : new Error(msg.message));
      this.pump();
    });
    const onGone = (why: string) => {
      if (worker !== this.worker) return;
      this.worker = null;
      this.ready = false;
      this.clearTimer();
      const job = this.current;
      this.current = null;
      // A task that crashed the thread (out of memory, a bug) fails alone; the next task gets a new thread.
      job?.reject(this.errors.crashed(why));
      if (!job) this.fail(this.errors.stopped(why), false);
      this.pump();
    };
    worker.on("error", (e: Error & { code?: string }) => onGone(e.code === "ERR_WORKER_OUT_OF_MEMORY" ? "it needed too much memory" : e.message || e.code || String(e)));
    worker.on("exit", (code) => onGone(`the thread exited with code ${code}`));
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
