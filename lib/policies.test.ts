import { describe, expect, it } from "vitest";
import { atLeast, canEditArticle, canPublish, canReview, mayApproveClaim, parseRole, type Actor } from "./policies";

const user = (role: string, id = role): Actor => ({ id, name: id, role: role as Actor["role"] });

describe("roles", () => {
  it("orders viewer < editor < reviewer < admin", () => {
    expect(canEditArticle(user("viewer"))).toBe(false);
    expect(canEditArticle(user("editor"))).toBe(true);
    expect(canReview(user("editor"))).toBe(false);
    expect(canReview(user("reviewer"))).toBe(true);
    expect(canPublish(user("admin"))).toBe(true);
    expect(atLeast(user("admin"), "reviewer")).toBe(true);
  });
  it("gives nothing to unknown roles or no session", () => {
    expect(parseRole("superuser")).toBeNull();
    expect(canEditArticle(user("superuser"))).toBe(false);
    expect(canEditArticle(null)).toBe(false);
    expect(atLeast(user("__proto__"), "viewer")).toBe(false);
  });
});

describe("four-eyes rule", () => {
  const claim = { createdBy: "ed", verdictBy: "ed2", verdict: "false", status: "needs_review" as const };
  it("lets a second reviewer approve", () => {
    expect(mayApproveClaim(user("reviewer", "rev"), claim)).toEqual({ ok: true });
  });
  it("refuses the creator and whoever set the verdict, even an admin", () => {
    expect(mayApproveClaim(user("admin", "ed"), claim).ok).toBe(false);
    const r = mayApproveClaim(user("reviewer", "ed2"), claim);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/verdict/);
  });
  it("refuses editors, claims without verdict and claims not sent for review", () => {
    expect(mayApproveClaim(user("editor", "x"), claim).ok).toBe(false);
    expect(mayApproveClaim(user("reviewer", "rev"), { ...claim, verdict: null }).ok).toBe(false);
    expect(mayApproveClaim(user("reviewer", "rev"), { ...claim, status: "draft" }).ok).toBe(false);
  });
  it("refuses a verdict whose setter is not on record, with its own code for the interface", () => {
    expect(mayApproveClaim(user("reviewer", "rev"), { ...claim, verdictBy: null })).toMatchObject({ ok: false, code: "verdict_unvouched" });
    expect(mayApproveClaim(user("reviewer", "ed2"), claim)).toMatchObject({ ok: false, code: "own_verdict" });
  });
});
