import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./safe-return";

const APP = "http://localhost:3000";

describe("safeReturnPath (open redirect after sign-in)", () => {
  it("keeps same-origin paths with their query and fragment", () => {
    expect(safeReturnPath("/articles/abc?tab=history#c1", APP)).toBe("/articles/abc?tab=history#c1");
    expect(safeReturnPath(["/review", "/x"], APP)).toBe("/review");
  });
  it("refuses everything a browser would resolve off-site", () => {
    for (const evil of ["/\t/evil.example", "/\n/evil.example", "/\r\n/evil.example", "//evil.example", "/\\evil.example", "/\\/evil.example", "https://evil.example/", "javascript:alert(1)", " /x", ""]) {
      expect(safeReturnPath(evil, APP), JSON.stringify(evil)).toBe("/");
    }
  });
  it("never returns raw control characters (a newline in a Location header is a 500)", () => {
    const out = safeReturnPath("/a\nb\tc", APP);
    expect(out).not.toMatch(/[\r\n\t]/);
    expect(new URL(out, APP).origin).toBe(APP);
  });
  it("refuses missing or absurd values", () => {
    expect(safeReturnPath(undefined, APP)).toBe("/");
    expect(safeReturnPath(`/${"a".repeat(5000)}`, APP)).toBe("/");
  });
});
