import { describe, expect, it } from "vitest";
import { DEFAULT_THROTTLE, accountKey, addressKey, delayAfter } from "./throttle";

describe("sign-in throttle policy", () => {
  it("allows a few failures, then doubles the delay up to a cap", () => {
    const free = DEFAULT_THROTTLE.accountFree;
    expect(delayAfter(free - 1, free)).toBe(0);
    expect(delayAfter(free, free)).toBe(DEFAULT_THROTTLE.baseDelayMs);
    expect(delayAfter(free + 3, free)).toBe(8 * DEFAULT_THROTTLE.baseDelayMs);
    expect(delayAfter(10_000, free)).toBe(DEFAULT_THROTTLE.maxDelayMs);
  });
  it("keys an account together with the address, so a stranger's failures elsewhere do not count", () => {
    expect(accountKey("A@X.org", "10.0.0.1")).toBe(accountKey("a@x.org", "10.0.0.1"));
    expect(accountKey("a@x.org", "10.0.0.1")).not.toBe(accountKey("a@x.org", "10.0.0.2"));
    expect(addressKey("10.0.0.1")).not.toBe(accountKey("a@x.org", "10.0.0.1"));
  });
});
