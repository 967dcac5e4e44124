import { describe, expect, it } from "vitest";
import { FairTurns, type SliceTask } from "./turns";

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
