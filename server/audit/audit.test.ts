import { describe, expect, it } from "vitest";
import { auditClaimChanges, claimChangeEvents, type ClaimAuditRow } from "./audit-claim-changes";
import { auditEventNote, describeAuditEvent } from "./describe-audit-event";

const row = (o: Partial<ClaimAuditRow> = {}): ClaimAuditRow => ({
  id: "c1", articleId: "a1", type: "quote", status: "draft", verdict: null, exact: "words", contentHash: "h", updatedAt: new Date("2024-03-15T10:00:00Z"), ...o,
});

describe("claimChangeEvents", () => {
  it("records creation and deletion", () => {
    expect(claimChangeEvents(null, row(), "u1").map((e) => e.action)).toEqual(["claim.created"]);
    expect(claimChangeEvents(row(), null, null).map((e) => e.action)).toEqual(["claim.deleted"]);
    expect(claimChangeEvents(null, null, "u1")).toEqual([]);
  });
  it("records status and verdict changes with before/after and the actor", () => {
    const events = claimChangeEvents(row(), row({ status: "needs_review", verdict: "true" }), "u2");
    expect(events).toEqual([
      expect.objectContaining({ action: "claim.status_changed", actorId: "u2", before: { status: "draft" }, after: { status: "needs_review" }, claimId: "c1", articleId: "a1" }),
      expect.objectContaining({ action: "claim.verdict_changed", actorId: "u2", before: { verdict: null }, after: { verdict: "true" } }),
    ]);
  });
  it("ignores other edits", () => {
    expect(claimChangeEvents(row(), row({ exact: "other", contentHash: "h2" }), "u1")).toEqual([]);
  });
  it("writes through the given transaction client", async () => {
    const written: unknown[] = [];
    const tx = { auditEvent: { create: async (a: { data: unknown }) => written.push(a.data), createMany: async (a: { data: unknown[] }) => written.push(...a.data) } };
    await auditClaimChanges(tx as never, row(), row({ status: "needs_review", verdict: "false" }), "u3");
    expect(written).toHaveLength(2);
    await auditClaimChanges(tx as never, row(), row(), "u3");
    expect(written).toHaveLength(2);
  });
});

describe("describeAuditEvent", () => {
  it("says what happened in words, without ids", () => {
    expect(describeAuditEvent("claim.status_changed", { status: "draft" }, { status: "needs_review" })).toBe("changed the status from draft to needs review");
    expect(describeAuditEvent("claim.verdict_changed", { verdict: null }, { verdict: "mostly_false" })).toBe("changed the verdict from no verdict to Mostly false");
    expect(describeAuditEvent("publication.corrected", null, { version: 2 })).toBe("published correction (version 2)");
    expect(auditEventNote("sign_off.changes_requested", { note: "Add a source" })).toBe("Add a source");
    expect(auditEventNote("claim.created", { note: "x" })).toBeNull();
  });
});
