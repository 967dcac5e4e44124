import { describe, expect, it } from "vitest";
import type { EventLoopUtilization } from "node:perf_hooks";
import { ELU_HIGH, ELU_LOW, LoopLoad, MAX_FRAME_INTERVAL_MS, MIN_FRAME_INTERVAL_MS, frameIntervalFor } from "./frame-interval";

describe("busy rooms' frame interval follows the event loop's load", () => {
  it("is the minimum while the loop is idle half the time or more, the maximum near saturation, and grows in between", () => {
    expect(frameIntervalFor(0)).toBe(MIN_FRAME_INTERVAL_MS);
    expect(frameIntervalFor(ELU_LOW)).toBe(MIN_FRAME_INTERVAL_MS);
    expect(frameIntervalFor(Number.NaN)).toBe(MIN_FRAME_INTERVAL_MS);
    expect(frameIntervalFor(ELU_HIGH)).toBe(MAX_FRAME_INTERVAL_MS);
    expect(frameIntervalFor(1)).toBe(MAX_FRAME_INTERVAL_MS);
    const mid = frameIntervalFor((ELU_LOW + ELU_HIGH) / 2);
    expect(mid).toBeCloseTo((MIN_FRAME_INTERVAL_MS + MAX_FRAME_INTERVAL_MS) / 2);
    let last = 0;
    for (let u = 0; u <= 1; u += 0.05) {
      const v = frameIntervalFor(u);
      expect(v).toBeGreaterThanOrEqual(last);
      last = v;
    }
  });

  it("measures utilization per window, smoothed: one busy window moves it halfway", () => {
    // A fake eventLoopUtilization: cumulative active and idle ms, as Node reports them.
    let active = 0, idle = 0;
    const elu = ((a?: EventLoopUtilization, b?: EventLoopUtilization) => {
      if (!a) return { active, idle, utilization: active / (active + idle || 1) };
      const da = a.active - (b?.active ?? 0), di = a.idle - (b?.idle ?? 0);
      return { active: da, idle: di, utilization: da / (da + di || 1) };
    }) as unknown as ConstructorParameters<typeof LoopLoad>[1];
    const load = new LoopLoad(250, elu);
    active += 250; // a saturated window
    expect(load.sample()).toBeCloseTo(0.5);
    active += 250;
    expect(load.sample()).toBeCloseTo(0.75);
    idle += 250; // an idle one
    expect(load.sample()).toBeCloseTo(0.375);
  });

  it("reads the real event loop: a window spent in synchronous work counts as busy", async () => {
    const load = new LoopLoad(1_000);
    load.sample();
    const end = performance.now() + 60;
    while (performance.now() < end) { /* the loop is blocked */ }
    expect(load.sample()).toBeGreaterThan(0.25);
  });
});
