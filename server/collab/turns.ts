import { performance } from "node:perf_hooks";

/** Something with bounded slices of work to do (a room's fan-out). */
export interface SliceTask {
  /**
   * Do one slice of pending work, stopping soon after `deadline` (performance.now() time)
   * but always making progress. Returns true when work is left for a later slice.
   */
  runSlice(deadline: number): boolean;
}

/** How a per-turn scheduler meets the event loop (tests drive both by hand). */
interface TurnHooks {
  /** How the scheduler defers to the next event-loop turn. */
  defer?: (run: () => void) => void;
  now?: () => number;
  onError?: (error: unknown) => void;
}

/** The hooks with their defaults: setImmediate, performance.now, console.error with `what`. */
function turnHooks(options: TurnHooks, what: string): Required<TurnHooks> {
  return {
    defer: options.defer ?? ((run) => setImmediate(run)),
    now: options.now ?? (() => performance.now()),
    onError: options.onError ?? ((e) => console.error(what, e)),
  };
}

export interface TurnOptions extends TurnHooks {
  /** Time budget of one task's slice, ms. */
  sliceMs: number;
  /**
   * Time budget of one turn over all tasks, ms (default: unbounded). Past it, the tasks not yet
   * served keep their place and go first in the next turn, after the event loop has polled.
   */
  turnMs?: number;
}

/**
 * Fair turns over rooms with pending fan-out. Every task woken gets one time-bounded slice per
 * turn, round-robin: a task with work left after its slice carries a backlog, and the next
 * turn begins only after the event loop has read its sockets again (setImmediate). In a turn,
 * tasks woken since the last one (no backlog: a quiet room's new edit) go first, then those
 * with a backlog, in the order they were queued. A quiet room's frame therefore waits for at
 * most one slice of each other fresh room, never for a hot room's backlog — which before this
 * waited in one room's turn of up to 1,024 updates (the quiet room beside a room at 2× its max
 * sustained rate went from p99 13.6 ms to 234 ms). Every task with work gets a slice in turn,
 * so none starves.
 *
 * A turn ends once its own budget (`turnMs`) is spent, even with tasks left: those keep their
 * place, ahead of the tasks served in it, for the next turn. Without it a turn was one slice of
 * every room with work — 20 busy rooms, up to 20 × 4 ms with no socket read, no timer and no
 * /healthz in between (event-loop stalls of 90–130 ms at 48,000 edits/s over 20 rooms).
 */
export class FairTurns {
  /** Woken since the last turn, without a backlog. */
  private fresh = new Set<SliceTask>();
  /** Left with work after their last slice. */
  private backlog = new Set<SliceTask>();
  private scheduled = false;
  private readonly sliceMs: number;
  private readonly turnMs: number;
  private readonly defer: (run: () => void) => void;
  private readonly now: () => number;
  private readonly onError: (error: unknown) => void;

  constructor(options: TurnOptions) {
    this.sliceMs = options.sliceMs;
    this.turnMs = options.turnMs ?? Infinity;
    ({ defer: this.defer, now: this.now, onError: this.onError } = turnHooks(options, "collab fan-out slice failed"));
  }

  /** `task` has work: give it a slice in the next turn (once, however often it is woken). */
  wake(task: SliceTask): void {
    if (!this.backlog.has(task)) this.fresh.add(task);
    if (this.scheduled) return;
    this.scheduled = true;
    this.defer(this.turn);
  }

  /** Forget a task (a destroyed room). */
  cancel(task: SliceTask): void {
    this.fresh.delete(task);
    this.backlog.delete(task);
  }

  /** Tasks waiting for a slice (tests, metrics). */
  get pending(): number {
    return this.fresh.size + this.backlog.size;
  }

  private readonly turn = (): void => {
    this.scheduled = false;
    // The tasks waiting now, fresh ones first; each one slice, until the turn's budget is spent
    // (at least one slice: every turn makes progress). A task served and left with work goes to
    // the back; one not reached keeps its place; one woken during this turn joins the next.
    const tasks = [...this.fresh, ...this.backlog];
    const end = this.now() + this.turnMs;
    for (let i = 0; i < tasks.length; i++) {
      if (i > 0 && this.now() >= end) break;
      const task = tasks[i];
      this.fresh.delete(task);
      this.backlog.delete(task);
      let more = false;
      try {
        more = task.runSlice(this.now() + this.sliceMs);
      } catch (e) {
        this.onError(e);
      }
      if (more) {
        this.fresh.delete(task); // woken again during its own slice: the backlog has it
        this.backlog.add(task);
      }
    }
    if (this.pending > 0 && !this.scheduled) {
      this.scheduled = true;
      this.defer(this.turn);
    }
  };
}

/**
 * One scheduler for every room of the process: they share one event loop, so fairness is
 * across all of them. 4 ms slices: long enough that a hot room's frames still carry many
 * updates each (a frame costs a send per socket), short enough that a quiet room's frame
 * waits a few ms behind it rather than a 20–90 ms merge of 1,024 updates.
 */
const FANOUT_SLICE_MS = 4;
/** A turn of every room's slices ends after this: two full slices, then the loop polls again. */
const FANOUT_TURN_MS = 8;
export const roomTurns = new FairTurns({ sliceMs: FANOUT_SLICE_MS, turnMs: FANOUT_TURN_MS });

/** A connection's inbound side, as the budget sees it: pause/resume reading, handle one message. */
export interface InboundSource {
  pause(): void;
  resume(): void;
  /** False once the connection is closing or gone: its queued messages are dropped (and it is resumed). */
  open(): boolean;
  handle(message: Uint8Array): void;
}

interface InboundQueue { source: InboundSource; messages: Uint8Array[]; head: number }

export interface InboundOptions extends TurnHooks {
  /** Time all connections' messages may take in one event-loop turn, ms. */
  budgetMs: number;
}

/**
 * Bounded inbound work per event-loop turn. `ws` hands over every message of a chunk it read
 * synchronously, and libuv reads up to 32 chunks of 64 KiB from a socket in one poll: a writer
 * far above the server's rate could put a second of decoding, checking and applying into one
 * turn, and every other room (a quiet room beside it, `/healthz`) waited that long. Here the
 * messages of a turn are handled until `budgetMs` is spent; after that a connection's messages
 * wait in its own queue (arrival order kept), its socket stops reading (TCP pushes back on the
 * sender, memory stays bounded by what was already read), and the next turns hand out the
 * budget round-robin, one message per waiting connection at a time, so a connection with one
 * message is not stuck behind one with thousands. Reading resumes when its queue is empty, or
 * when the connection is closing (its queue is then dropped; the close handshake needs to read).
 * Below the budget a message is handled at once, exactly as without it.
 */
export class InboundBudget {
  private spent = 0;
  private resetScheduled = false;
  private readonly waiting = new Map<InboundSource, InboundQueue>();
  private readonly budgetMs: number;
  private readonly defer: (run: () => void) => void;
  private readonly now: () => number;
  private readonly onError: (error: unknown) => void;

  constructor(options: InboundOptions) {
    this.budgetMs = options.budgetMs;
    ({ defer: this.defer, now: this.now, onError: this.onError } = turnHooks(options, "collab inbound message failed"));
  }

  /** A message arrived on `source`: handle it now, or queue it behind the budget. */
  offer(source: InboundSource, message: Uint8Array): void {
    const queued = this.waiting.get(source);
    if (queued) { queued.messages.push(message); return; }
    if (this.spent >= this.budgetMs) {
      this.waiting.set(source, { source, messages: [message], head: 0 });
      source.pause();
      this.scheduleReset();
      return;
    }
    this.run(source, message);
  }

  /** Connections with queued messages (tests, metrics). */
  get waitingConnections(): number {
    return this.waiting.size;
  }

  private run(source: InboundSource, message: Uint8Array): void {
    const start = this.now();
    try {
      source.handle(message);
    } catch (e) {
      this.onError(e);
    }
    this.spent += this.now() - start;
    this.scheduleReset();
  }

  private scheduleReset(): void {
    if (this.resetScheduled) return;
    this.resetScheduled = true;
    this.defer(this.turn);
  }

  private readonly turn = (): void => {
    this.resetScheduled = false;
    this.spent = 0;
    // Round-robin over the waiting connections, one message each per round, within the budget.
    while (this.waiting.size > 0 && this.spent < this.budgetMs) {
      for (const q of [...this.waiting.values()]) {
        if (!q.source.open()) {
          // Closing (refused, revoked, slow): its messages are dropped, but it must read again,
          // or the peer's close frame is never read and the socket lingers until ws's 30 s timeout.
          this.waiting.delete(q.source);
          q.source.resume();
          continue;
        }
        this.run(q.source, q.messages[q.head]);
        q.messages[q.head++] = EMPTY;
        if (q.head === q.messages.length) {
          this.waiting.delete(q.source);
          q.source.resume();
        }
        if (this.spent >= this.budgetMs) break;
      }
    }
    if (this.waiting.size > 0) this.scheduleReset();
  };
}
const EMPTY = new Uint8Array(0);

/**
 * One inbound budget for every connection of the process. 8 ms: at the rates a room sustains a
 * turn's messages take well under it (nothing waits); above them, a turn's inbound work stays
 * a few milliseconds, beside the fan-out slices above.
 */
const INBOUND_BUDGET_MS = 8;
export const inboundBudget = new InboundBudget({ budgetMs: INBOUND_BUDGET_MS });
