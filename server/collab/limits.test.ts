import { describe, expect, it } from "vitest";
import { StallClock, TokenBucket, WindowCounter } from "./limits";

describe("per-connection rate limit", () => {
  it("refuses a client's own flood beyond the burst", () => {
    let now = 0;
    const stalls = { total: 0 };
    const bucket = new TokenBucket(100, 400, () => now, stalls);
    let accepted = 0;
    for (let i = 0; i < 1000; i++) if (bucket.take()) accepted++;
    expect(accepted).toBe(400);
    now += 1000;
    expect(bucket.take()).toBe(true);
  });

  it("does not count a backlog that piled up while the server's event loop stood still", () => {
    let now = 0;
    const stalls = { total: 0 };
    const bucket = new TokenBucket(100, 400, () => now, stalls);
    // An editor typing at 60 messages/s during a 10 s stall: 600 messages arrive at once.
    now += 10_000;
    stalls.total += 10_000;
    let accepted = 0;
    for (let i = 0; i < 600; i++) if (bucket.take()) accepted++;
    expect(accepted).toBe(600);
    // The credit is spent once: a flood right after is limited again.
    let more = 0;
    for (let i = 0; i < 2000; i++) if (bucket.take()) more++;
    expect(more).toBeLessThan(2000);
  });

  it("a stall clock counts only lateness beyond its tick", () => {
    let t = 0;
    const clock = new StallClock(50, () => t);
    clock.start();
    clock.stop();
    t += 60;
    clock.tick(); // ordinary jitter
    expect(clock.total).toBe(0);
    t += 5_050;
    clock.tick(); // a 5 s stall
    expect(clock.total).toBe(5_000);
  });

  it("window counter limits per key", () => {
    const c = new WindowCounter(2, 60_000);
    expect([c.hit("a", 0), c.hit("a", 1), c.hit("a", 2), c.hit("b", 3)]).toEqual([true, true, false, true]);
    expect(c.hit("a", 60_000)).toBe(true);
  });
});
