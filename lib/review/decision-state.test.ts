import { describe, expect, it } from "vitest";
import { makeClaim } from "../../server/test-support/claims";
import { mayApproveClaim, type Actor } from "../policies";
import { decisionState, excerpt, latestByClaim } from "./decision-state";

const H1 = "a".repeat(64);
const H2 = "b".repeat(64);

describe("decisionState", () => {
  it("an approval holds only while the live hash equals the approved hash", () => {
    expect(decisionState({ decision: "approved", contentHash: H1 }, H1)).toBe("approved");
    expect(decisionState({ decision: "approved", contentHash: H1 }, H2)).toBe("changed_since_approval");
  });
  it("no decision, changes requested and exclusion", () => {
    expect(decisionState(null, H1)).toBe("undecided");
    expect(decisionState({ decision: "changes_requested", contentHash: H1 }, H1)).toBe("changes_requested");
    expect(decisionState({ decision: "excluded", contentHash: H1 }, H2)).toBe("excluded");
  });
});

describe("latestByClaim", () => {
  it("keeps the newest row per claim, ties broken by id", () => {
    const t = new Date("2024-01-01T00:00:00Z");
    const rows = [
      { id: "1", claimId: "c1", createdAt: t, decision: "approved" },
      { id: "3", claimId: "c1", createdAt: new Date(t.getTime() + 1), decision: "changes_requested" },
      { id: "2", claimId: "c2", createdAt: t, decision: "approved" },
      { id: "4", claimId: "c2", createdAt: t, decision: "excluded" },
    ];
    const latest = latestByClaim(rows);
    expect(latest.get("c1")?.decision).toBe("changes_requested");
    expect(latest.get("c2")?.decision).toBe("excluded");
  });
});

describe("excerpt", () => {
  it("collapses whitespace and shortens", () => {
    expect(excerpt("a  b\nc")).toBe("a b c");
    expect(excerpt("x".repeat(100), 10)).toBe(`${"x".repeat(9)}…`);
  });
});

describe("four-eyes rule as the sign-off operation applies it", () => {
  const reviewer: Actor = { id: "rev", name: "R", role: "reviewer" };
  const admin: Actor = { id: "adm", name: "A", role: "admin" };
  const editor: Actor = { id: "ed", name: "E", role: "editor" };
  it("refuses the claim's creator and whoever set the verdict, admins included", () => {
    expect(mayApproveClaim(reviewer, makeClaim({ createdBy: "rev" })).ok).toBe(false);
    expect(mayApproveClaim(reviewer, makeClaim({ verdictBy: "rev" })).ok).toBe(false);
    expect(mayApproveClaim(admin, makeClaim({ createdBy: "adm" })).ok).toBe(false);
  });
  it("refuses editors, claims without verdict or not sent for review; allows a second person", () => {
    expect(mayApproveClaim(editor, makeClaim()).ok).toBe(false);
    expect(mayApproveClaim(reviewer, makeClaim({ verdict: null, verdictBy: null })).ok).toBe(false);
    expect(mayApproveClaim(reviewer, makeClaim({ status: "draft" })).ok).toBe(false);
    expect(mayApproveClaim(reviewer, makeClaim()).ok).toBe(true);
  });
});
