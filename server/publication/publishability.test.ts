import { describe, expect, it } from "vitest";
import { reviewableContent } from "../../lib/claim-model";
import { claimContentHash } from "../../lib/review/content-hash";
import { makeClaim } from "../test-support/claims";
import type { LiveClaim } from "../claims/live-claim";
import { assessPublishability, type SignOffForPublication } from "./publishability";

function live(overrides: Parameters<typeof makeClaim>[0] = {}): LiveClaim {
  const claim = makeClaim(overrides);
  return { claim, contentHash: claimContentHash(claim) };
}
function signOff(l: LiveClaim, decision: SignOffForPublication["decision"], overrides: Partial<SignOffForPublication> = {}): SignOffForPublication {
  return {
    id: `s-${l.claim.id}`, claimId: l.claim.id, decision, contentHash: l.contentHash, note: decision === "approved" ? "" : "reason",
    reviewerId: "rev", snapshot: reviewableContent(l.claim), createdAt: new Date("2024-03-16T00:00:00Z"), ...overrides,
  };
}

describe("assessPublishability", () => {
  const a = live({ id: "a", statement: "Egypt and Kenya met in Nairobi on 14 March 2024." });
  const b = live({ id: "b", rationale: "Other rationale" });

  it("is publishable when every claim is approved (still holding) or excluded", () => {
    const r = assessPublishability([a, b], new Map([["a", signOff(a, "approved")], ["b", signOff(b, "excluded")]]));
    expect(r.publishable).toBe(true);
    expect(r.blockers).toEqual([]);
    expect(r.approved.map((x) => x.live.claim.id)).toEqual(["a"]);
    expect(r.excluded).toEqual([{ id: "b", reason: "reason" }]);
  });

  it("blocks an unapproved claim, a stale approval and requested changes", () => {
    const edited = live({ id: "a", rationale: "edited after approval" });
    const r = assessPublishability([edited, b], new Map([["a", signOff(a, "approved")]]));
    expect(r.publishable).toBe(false);
    expect(r.blockers.join(" ")).toMatch(/changed since it was approved/);
    expect(r.blockers.join(" ")).toMatch(/not approved or excluded/);
    const r2 = assessPublishability([a], new Map([["a", signOff(a, "changes_requested")]]));
    expect(r2.blockers.join(" ")).toMatch(/requested changes/);
  });

  it("blocks an approval whose stored snapshot does not hash to the approved hash", () => {
    const tampered = signOff(a, "approved", { snapshot: { ...reviewableContent(a.claim), verdict: "false" } });
    expect(assessPublishability([a], new Map([["a", tampered]])).publishable).toBe(false);
  });

  it("blocks a claim without a checkable statement, approved or not; an excluded claim needs none", () => {
    const bare = live({ id: "a" });
    const approvedBare = assessPublishability([bare, b], new Map([["a", signOff(bare, "approved")], ["b", signOff(b, "excluded")]]));
    expect(approvedBare.publishable).toBe(false);
    expect(approvedBare.blockers.join(" ")).toMatch(/no checkable statement/);
    const undecided = assessPublishability([bare], new Map());
    expect(undecided.blockers.join(" ")).toMatch(/no checkable statement/);
    expect(undecided.blockers.join(" ")).toMatch(/not approved or excluded/);
    // every blocker has a code for the interface to word it in the reader's language
    expect(approvedBare.reasons.map((r) => r.code)).toContain("approved_no_statement");
    expect(undecided.reasons.map((r) => r.code)).toEqual(["undecided", "no_statement"]);
    expect(undecided.reasons).toHaveLength(undecided.blockers.length);
  });

  it("refuses an article with no claims or only exclusions", () => {
    expect(assessPublishability([], new Map()).publishable).toBe(false);
    expect(assessPublishability([b], new Map([["b", signOff(b, "excluded")]])).blockers.join(" ")).toMatch(/nothing to publish/);
  });
});
