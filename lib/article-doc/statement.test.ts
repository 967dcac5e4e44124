import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addClaim, checkInvariants, readClaim, setStatement } from "./index";
import { claimsMap } from "./internal";
import { alice, AR_BODY, bob, expectAppError } from "../../server/test-support/article-doc";

const span = (s: string) => {
  const start = AR_BODY.indexOf(s);
  return { start, end: start + s.length };
};

describe("setStatement", () => {
  it("writes a one-line statement, reads it back, and records who changed the claim", () => {
    const doc = new Y.Doc();
    const id = addClaim(doc, AR_BODY, { type: "other", ...span(AR_BODY.slice(0, 20)) }, alice);
    expect(readClaim(doc, id)?.statement).toBe("");
    setStatement(doc, id, "  أعلن وزير الخارجية القطري\nأن الحل في ليبيا سياسي.  ", bob);
    const claim = readClaim(doc, id)!;
    expect(claim.statement).toBe("أعلن وزير الخارجية القطري أن الحل في ليبيا سياسي.");
    expect(claim.updatedBy).toBe(bob.id);
    expect(checkInvariants(doc, AR_BODY)).toEqual([]);
  });

  it("refuses an over-long statement and unknown claims; a hostile non-string makes the claim unreadable, not a crash", () => {
    const doc = new Y.Doc();
    const id = addClaim(doc, AR_BODY, { type: "other", ...span(AR_BODY.slice(0, 20)) }, alice);
    expectAppError(() => setStatement(doc, id, "x".repeat(1001), alice), "INVALID_INPUT");
    expectAppError(() => setStatement(doc, "missing", "a", alice), "NOT_FOUND");
    (claimsMap(doc).get(id) as Y.Map<unknown>).set("statement", 42);
    expect(readClaim(doc, id)).toBeNull();
  });
});
