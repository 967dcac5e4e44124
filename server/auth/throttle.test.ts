import { describe, expect, it } from "vitest";
import { SignInThrottle } from "./throttle";

describe("sign-in throttle", () => {
  it("blocks an account after too many failures, until the window ends", () => {
    const t = new SignInThrottle(3, 1000);
    for (let i = 0; i < 3; i++) {
      expect(t.blocked("a@x", 100)).toBe(false);
      t.fail("a@x", 100 + i);
    }
    expect(t.blocked("a@x", 200)).toBe(true);
    expect(t.blocked("b@x", 200)).toBe(false);
    expect(t.blocked("a@x", 1200)).toBe(false);
  });
  it("a success clears the count", () => {
    const t = new SignInThrottle(2, 1000);
    t.fail("a@x", 0);
    t.succeed("a@x");
    t.fail("a@x", 1);
    expect(t.blocked("a@x", 2)).toBe(false);
  });
});
