import { describe, expect, it } from "vitest";
import { FairTurns, InboundBudget, type InboundSource, type SliceTask } from "./turns";

/** A task with `units` of work; each slice does one unit and logs it. */
function task(name: string, units: number, log: string[]): SliceTask & { units: number } {
  return {
    units,
    runSlice() {
      log.push(name);
      this.units--;
      return this.units > 0;
    },
  };
}

/** A scheduler whose turns run only when the test says so. */
function manual() {
  let next: (() => void) | null = null;
  const turns = new FairTurns({ sliceMs: 0, defer: (run) => { next = run; } });
  return {
    turns,
    /** Run one turn; false if none was scheduled. */
    turn(): boolean {
      const run = next;
      next = null;
      run?.();
      return run !== null;
    },
  };
}

describe("fair fan-out turns", () => {
  it("gives every task with work one slice per turn, round-robin, until all work is done", () => {
    const { turns, turn } = manual();
    const log: string[] = [];
    const a = task("a", 3, log);
    const b = task("b", 1, log);
    turns.wake(a);
    turns.wake(b);
    turns.wake(a); // woken twice: still one slice per turn
    let n = 0;
    while (turn()) n++;
    expect(log).toEqual(["a", "b", "a", "a"]);
    expect(n).toBe(3);
    expect(turns.pending).toBe(0);
  });

  it("runs a newly woken task before the tasks carrying a backlog", () => {
    const { turns, turn } = manual();
    const log: string[] = [];
    const hot = task("hot", 100, log);
    turns.wake(hot);
    turn(); // hot now carries a backlog
    const quiet = task("quiet", 1, log);
    turns.wake(quiet); // an edit arrives in a quiet room (between turns: the sockets were read)
    turns.wake(hot); // and more for the hot room
    turn();
    expect(log).toEqual(["hot", "quiet", "hot"]);
    // The hot room keeps getting a slice every turn: it is never starved.
    for (let i = 0; i < 5; i++) {
      turns.wake(task(`q${i}`, 1, log));
      turn();
    }
    expect(log.slice(3)).toEqual(["q0", "hot", "q1", "hot", "q2", "hot", "q3", "hot", "q4", "hot"]);
  });

  it("a slice that throws is reported and does not stop the others", () => {
    const errors: unknown[] = [];
    let next: (() => void) | null = null;
    const turns = new FairTurns({ sliceMs: 0, defer: (run) => { next = run; }, onError: (e) => errors.push(e) });
    const log: string[] = [];
    turns.wake({ runSlice: () => { throw new Error("boom"); } });
    turns.wake(task("ok", 1, log));
    next!();
    expect(errors).toHaveLength(1);
    expect(log).toEqual(["ok"]);
    expect(turns.pending).toBe(0);
  });

  it("ends a turn once its budget is spent; the tasks not reached keep their place and go first next turn", () => {
    let t = 0;
    let next: (() => void) | null = null;
    const turns = new FairTurns({ sliceMs: 4, turnMs: 8, now: () => t, defer: (run) => { next = run; } });
    const log: string[] = [];
    /** A task whose every slice takes 3 ms of the fake clock. */
    const slow = (name: string, units: number): SliceTask => ({ runSlice() { log.push(name); t += 3; return --units > 0; } });
    const run = () => { const r = next; next = null; r?.(); return r !== null; };
    for (const name of ["a", "b", "c", "d", "e"]) turns.wake(slow(name, 2));
    run(); // a, b, c: 9 ms, past the 8 ms budget
    expect(log).toEqual(["a", "b", "c"]);
    expect(turns.pending).toBe(5);
    run(); // d and e were not reached: they go first, then a
    expect(log).toEqual(["a", "b", "c", "d", "e", "a"]);
    while (run());
    expect(log).toEqual(["a", "b", "c", "d", "e", "a", "b", "c", "d", "e"]);
    // A slice longer than the budget still runs: every turn makes progress.
    turns.wake({ runSlice() { log.push("long"); t += 50; return false; } });
    run();
    expect(log.at(-1)).toBe("long");
  });

  it("forgets a cancelled task", () => {
    const { turns, turn } = manual();
    const log: string[] = [];
    const gone = task("gone", 5, log);
    turns.wake(gone);
    turn();
    turns.cancel(gone);
    expect(turns.pending).toBe(0);
    expect(turn()).toBe(true); // the turn scheduled before the cancel runs, with nothing to do
    expect(log).toEqual(["gone"]);
  });
});

/** An inbound budget on a fake clock: every handled message costs `costMs`; turns run by hand. */
function inboundHarness(budgetMs: number, costMs: number) {
  let t = 0;
  let next: (() => void) | null = null;
  const budget = new InboundBudget({ budgetMs, now: () => t, defer: (run) => { next = run; } });
  const handled: string[] = [];
  const events: string[] = [];
  function source(name: string): InboundSource & { isOpen: boolean } {
    return {
      isOpen: true,
      pause() { events.push(`pause ${name}`); },
      resume() { events.push(`resume ${name}`); },
      open() { return this.isOpen; },
      handle(m: Uint8Array) { t += costMs; handled.push(`${name}${m[0]}`); },
    };
  }
  return {
    budget, handled, events, source,
    turn(): boolean { const run = next; next = null; run?.(); return run !== null; },
  };
}
const msg = (n: number) => new Uint8Array([n]);

describe("inbound budget per event-loop turn", () => {
  it("handles messages at once while the turn has budget, without pausing anyone", () => {
    const h = inboundHarness(8, 1);
    const a = h.source("a");
    for (let i = 0; i < 8; i++) h.budget.offer(a, msg(i));
    expect(h.handled).toEqual(["a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7"]);
    expect(h.events).toEqual([]);
    expect(h.budget.waitingConnections).toBe(0);
  });

  it("queues past the budget, pauses that socket, and shares later turns round-robin so one message is not stuck behind thousands", () => {
    const h = inboundHarness(4, 1);
    const hot = h.source("h");
    const quiet = h.source("q");
    for (let i = 0; i < 10; i++) h.budget.offer(hot, msg(i)); // 4 handled, 6 queued
    h.budget.offer(quiet, msg(0)); // the turn's budget is gone: queued
    expect(h.handled).toEqual(["h0", "h1", "h2", "h3"]);
    expect(h.events).toEqual(["pause h", "pause q"]);
    expect(h.turn()).toBe(true);
    // next turn: one each per round; the quiet connection's message is handled in the first round
    expect(h.handled.slice(4)).toEqual(["h4", "q0", "h5", "h6"]);
    expect(h.events).toContain("resume q");
    expect(h.events).not.toContain("resume h");
    while (h.turn());
    expect(h.handled.filter((x) => x.startsWith("h"))).toEqual(["h0", "h1", "h2", "h3", "h4", "h5", "h6", "h7", "h8", "h9"]);
    expect(h.events.at(-1)).toBe("resume h");
    expect(h.budget.waitingConnections).toBe(0);
  });

  it("keeps a connection's order: a message arriving while it waits goes behind its queue, even with budget free", () => {
    const h = inboundHarness(2, 1);
    const a = h.source("a");
    h.budget.offer(a, msg(0));
    h.budget.offer(a, msg(1));
    h.budget.offer(a, msg(2)); // queued
    h.turn(); // handles a2, resumes a
    h.budget.offer(a, msg(3));
    expect(h.handled).toEqual(["a0", "a1", "a2", "a3"]);
    const b = h.source("b");
    h.budget.offer(b, msg(0)); // budget spent in this turn: b waits
    h.budget.offer(b, msg(1));
    expect(h.handled.at(-1)).toBe("a3");
    h.turn();
    expect(h.handled.slice(-2)).toEqual(["b0", "b1"]);
  });

  it("drops the queue of a connection that is closing, and resumes it so its close handshake can be read", () => {
    const h = inboundHarness(1, 1);
    const a = h.source("a");
    h.budget.offer(a, msg(0));
    h.budget.offer(a, msg(1));
    h.budget.offer(a, msg(2));
    a.isOpen = false;
    h.turn();
    expect(h.handled).toEqual(["a0"]);
    expect(h.events).toEqual(["pause a", "resume a"]);
    expect(h.budget.waitingConnections).toBe(0);
  });
});
