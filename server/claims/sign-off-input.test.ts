import { describe, expect, it } from "vitest";
import { ZSignOffClaimInput } from "./sign-off-claim";

const H1 = "a".repeat(64);

describe("sign-off input", () => {
  it("requires a note to request changes or exclude, not to approve", () => {
    expect(ZSignOffClaimInput.safeParse({ decision: "approved", contentHash: H1 }).success).toBe(true);
    expect(ZSignOffClaimInput.safeParse({ decision: "changes_requested", contentHash: H1 }).success).toBe(false);
    expect(ZSignOffClaimInput.safeParse({ decision: "excluded", contentHash: H1, note: "  " }).success).toBe(false);
    expect(ZSignOffClaimInput.safeParse({ decision: "excluded", contentHash: H1, note: "Opinion, not a claim" }).success).toBe(true);
  });
  it("refuses a malformed hash, an unknown decision and extra fields", () => {
    expect(ZSignOffClaimInput.safeParse({ decision: "approved", contentHash: "abc" }).success).toBe(false);
    expect(ZSignOffClaimInput.safeParse({ decision: "published", contentHash: H1 }).success).toBe(false);
    expect(ZSignOffClaimInput.safeParse({ decision: "approved", contentHash: H1, approved: true }).success).toBe(false);
  });
});
