/**
 * The loop behind Sanad's persistent queues (webhook deliveries, outgoing e-mail): the queue
 * is a table, so work survives restarts and several processes share it. Each run takes the
 * due rows 20 at a time and attempts them one by one (`attempt` claims its row with a
 * conditional update, so only one process sends it); a kick during a run schedules one more
 * run; a timer polls for retries that came due. Never on the collab path: attempts await I/O.
 */
export interface QueueLoopOptions {
  /** Ids of rows due now, oldest first, at most `limit`. */
  due(limit: number): Promise<string[]>;
  /** Claim and process one row (a no-op when another process claimed it). */
  attempt(id: string): Promise<void>;
  pollMs: number;
  /** Where the "there is work" signal is published for senders in other module graphs. */
  setKick(kick: (() => void) | undefined): void;
  onError(error: unknown): void;
}

const BATCH = 20;

export function startQueueLoop(options: QueueLoopOptions) {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  async function runOnce(): Promise<void> {
    for (;;) {
      const due = await options.due(BATCH);
      for (const id of due) {
        if (stopped) return;
        await options.attempt(id);
      }
      if (due.length < BATCH || stopped) return;
    }
  }

  function kick(): void {
    if (stopped) return;
    if (running) { again = true; return; }
    running = runOnce()
      .catch(options.onError)
      .finally(() => {
        running = null;
        if (again) { again = false; kick(); }
      });
  }

  const timer = setInterval(kick, options.pollMs);
  timer.unref();
  options.setKick(kick);
  kick();
  return {
    kick,
    /** Resolves when the current batch (if any) has finished. */
    idle: async () => { while (running) await running; },
    async stop() {
      stopped = true;
      clearInterval(timer);
      options.setKick(undefined);
      while (running) await running;
    },
  };
}

/** Delay after failed attempt number `attempt` (1-based): base · 2^(attempt-1), capped. */
export function backoffMs(attempt: number, baseDelayMs: number, maxDelayMs: number): number {
  return Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, attempt - 1));
}
