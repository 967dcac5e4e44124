import { performance, type EventLoopUtilization } from "node:perf_hooks";

/**
 * How long a busy room waits between two update frames (room.ts): MIN_FRAME_INTERVAL_MS while
 * the event loop has time to spare, stretched up to MAX_FRAME_INTERVAL_MS as it fills up.
 *
 * Why: a busy room's cost is mostly its frames, not its edits. Each frame is one socket write
 * per connection (writev was 26 % of the loop's busy time at 48,000 edits/s over 20 rooms), and
 * edits that arrive within an interval share one frame. Measured on the bench's 200c/20doc ramp
 * (two runs of the same ramp, 2026-11-30, docs/bench-collab.md): a fixed 16 ms interval
 * cost 12.5–16 µs of server CPU per edit at 40,000–56,000 edits/s against 15.4–21 µs at 4 ms,
 * but it also put 14 ms p99 on 8,000 edits/s (4.8 ms at 4 ms). Stretching with the load gives
 * each: short frames while the loop is idle half the time or more, longer ones only where the
 * alternative is falling behind. Quiet rooms never wait (room.ts BUSY_UPDATES).
 */
export const MIN_FRAME_INTERVAL_MS = 4;
export const MAX_FRAME_INTERVAL_MS = 16;
/** Event-loop utilization up to which the interval is the minimum, and from which it is the maximum. */
export const ELU_LOW = 0.5;
export const ELU_HIGH = 0.9;

/** The busy rooms' frame interval at a given event-loop utilization (0–1): linear from LOW to HIGH. */
export function frameIntervalFor(utilization: number): number {
  if (!(utilization > ELU_LOW)) return MIN_FRAME_INTERVAL_MS;
  if (utilization >= ELU_HIGH) return MAX_FRAME_INTERVAL_MS;
  return MIN_FRAME_INTERVAL_MS + ((MAX_FRAME_INTERVAL_MS - MIN_FRAME_INTERVAL_MS) * (utilization - ELU_LOW)) / (ELU_HIGH - ELU_LOW);
}

/**
 * The event loop's utilization (Node's eventLoopUtilization: time not waiting for I/O), over
 * windows of `sampleMs`, smoothed (half the last window, half what came before).
 */
export class LoopLoad {
  utilization = 0;
  private last: EventLoopUtilization;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly sampleMs = 250, private readonly elu: typeof performance.eventLoopUtilization = performance.eventLoopUtilization.bind(performance)) {
    this.last = this.elu();
  }

  start(): this {
    this.timer ??= setInterval(() => this.sample(), this.sampleMs);
    this.timer.unref();
    return this;
  }

  /** Take one window's sample now (the timer does it every `sampleMs`). */
  sample(): number {
    const now = this.elu();
    const window = this.elu(now, this.last).utilization;
    this.last = now;
    this.utilization = this.utilization / 2 + window / 2;
    return this.utilization;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}

const KEY = Symbol.for("sanad.loopLoad");
type WithLoad = typeof globalThis & { [KEY]?: LoopLoad };

/** The busy rooms' frame interval now, from the process's event-loop load (started on first use). */
export function processFrameInterval(): number {
  const g = globalThis as WithLoad;
  return frameIntervalFor((g[KEY] ??= new LoopLoad().start()).utilization);
}
