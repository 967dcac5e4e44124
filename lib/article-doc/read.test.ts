import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addClaim, addComment, addSource, checkInvariants, inspectClaims, readClaim, readClaims, setStatus, setVerdict, updateClaimFields } from "./index";
import { alice, AR_BODY, bob, expectAppError } from "../../server/test-support/article-doc";

const BODY = AR_BODY;

/** A doc with one good claim; returns the raw claim map for tampering. */
function docWithClaims(n: number) {
  const doc = new Y.Doc();
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push(addClaim(doc, BODY, { type: "meeting", start: 100 + i * 10, end: 105 + i * 10 }, alice));
  const raw = (id: string) => doc.getMap("claims").get(id) as Y.Map<unknown>;
  return { doc, ids, raw };
}

describe("reading", () => {
  it("readClaims returns claims in text order (start, then end)", () => {
    const doc = new Y.Doc();
    const c = addClaim(doc, BODY, { type: "other", start: 50, end: 60 }, alice);
    const a = addClaim(doc, BODY, { type: "other", start: 10, end: 30 }, alice);
    const b = addClaim(doc, BODY, { type: "other", start: 10, end: 20 }, alice);
    expect(readClaims(doc).map((x) => x.id)).toEqual([b, a, c]);
    expect(readClaim(doc, "nope")).toBeNull();
  });

  it("skips and reports garbage written by a hostile client, without throwing", () => {
    const { doc, ids, raw } = docWithClaims(12);
    const claims = doc.getMap("claims");
    doc.transact(() => {
      claims.set("str", "not a claim");
      claims.set("num", 42);
      claims.set("obj", { type: "meeting" });
      raw(ids[1]).set("type", "rumour");
      raw(ids[2]).set("anchor", { start: 5, end: 2, exact: "", prefix: "", suffix: "" });
      (raw(ids[3]).get("fields") as Y.Map<unknown>).set("participants", "not an array");
      (raw(ids[4]).get("fields") as Y.Map<unknown>).set("evil", "<script>");
      raw(ids[5]).set("verdict", "pants_on_fire");
      raw(ids[6]).set("status", "published");
      raw(ids[7]).set("rationale", "plain string");
      raw(ids[8]).set("fields", { participants: [] });
      raw(ids[10]).set("createdBy", { nested: true });
      raw(ids[11]).set("sources", "nope");
    });
    // a source with a javascript: URL on claim 9
    addSource(doc, ids[9], { url: "https://ok.example" }, bob);
    ((raw(ids[9]).get("sources") as Y.Array<Y.Map<unknown>>).get(0)).set("url", "javascript:alert(1)");

    expect(() => readClaims(doc)).not.toThrow();
    expect(readClaims(doc).map((c) => c.id)).toEqual([ids[0]]);
    for (const id of ids.slice(1)) expect(readClaim(doc, id)).toBeNull();
    const { claims: good, problems } = inspectClaims(doc, BODY);
    expect(good.map((c) => c.id)).toEqual([ids[0]]);
    const reasons = Object.fromEntries(problems.map((p) => [p.claimId, p.reason]));
    expect(Object.keys(reasons).sort()).toEqual([...ids.slice(1), "str", "num", "obj"].sort());
    expect(reasons[ids[1]]).toMatch(/type/);
    expect(reasons[ids[2]]).toMatch(/anchor/);
    expect(reasons[ids[3]]).toMatch(/fields/);
    expect(reasons[ids[4]]).toMatch(/fields/);
    expect(reasons[ids[5]]).toMatch(/verdict/);
    expect(reasons[ids[6]]).toMatch(/status/);
    expect(reasons[ids[7]]).toMatch(/rationale/);
    expect(reasons[ids[8]]).toMatch(/fields/);
    expect(reasons[ids[9]]).toMatch(/source.*url/);
    expect(reasons[ids[10]]).toMatch(/createdBy/);
    expect(reasons[ids[11]]).toMatch(/sources/);
    expect(checkInvariants(doc, BODY)).toHaveLength(problems.length);
  });

  it("a NUL character a client typed anywhere in a claim reads as U+FFFD (PostgreSQL refuses NUL); an id with one is skipped", () => {
    const { doc, ids, raw } = docWithClaims(2);
    addSource(doc, ids[0], { url: "https://example.org/a", title: "t\u0000itle" }, alice);
    addComment(doc, ids[0], "a\u0000b", alice);
    doc.transact(() => {
      (raw(ids[0]).get("rationale") as Y.Text).insert(0, "x\u0000y");
      doc.getMap("claims").set("bad\u0000id", raw(ids[1]).clone());
    });
    const view = readClaim(doc, ids[0])!;
    expect(view.rationale).toBe("x\uFFFDy");
    expect(view.sources[0].title).toBe("t\uFFFDitle");
    expect(view.comments[0].text).toBe("a\uFFFDb");
    expect(JSON.stringify(readClaims(doc))).not.toContain("\\u0000");
    const { claims, problems } = inspectClaims(doc, BODY);
    expect(claims.map((c) => c.id).sort()).toEqual([...ids].sort());
    expect(problems).toEqual([{ claimId: "bad\u0000id", reason: "claim id contains a NUL character" }]);
    // a claim without one is the very object the reader built (no copy)
    expect(readClaim(doc, ids[1])!.rationale).toBe("");
  });

  it("inspectClaims checks anchors against the body; readClaims does not", () => {
    const { doc, ids, raw } = docWithClaims(2);
    raw(ids[1]).set("anchor", { ...readClaim(doc, ids[1])!.anchor, exact: "xxxxx" });
    expect(readClaims(doc).map((c) => c.id)).toEqual(ids);
    const r = inspectClaims(doc, BODY);
    expect(r.claims.map((c) => c.id)).toEqual([ids[0]]);
    expect(r.problems).toEqual([{ claimId: ids[1], reason: expect.stringMatching(/does not match/) }]);
    // the same document against a different body: every anchor is wrong
    expect(inspectClaims(doc, "short").problems).toHaveLength(2);
  });

  it("operations on malformed claims refuse instead of crashing; delete still works", () => {
    const { doc, ids, raw } = docWithClaims(1);
    raw(ids[0]).set("fields", "garbage");
    raw(ids[0]).set("comments", 7);
    expectAppError(() => updateClaimFields(doc, ids[0], { place: "x" }, bob), "INVALID_INPUT", /malformed/);
    expectAppError(() => addComment(doc, ids[0], "x", bob), "INVALID_INPUT", /malformed/);
    expectAppError(() => setVerdict(doc, "str", "true", bob), "NOT_FOUND");
    doc.getMap("claims").set("str", "garbage");
    expectAppError(() => setStatus(doc, "str", "draft", bob), "NOT_FOUND");
  });

  it("a sound document has no invariant violations", () => {
    const { doc, ids } = docWithClaims(3);
    addSource(doc, ids[0], { url: "https://example.com" }, bob);
    addComment(doc, ids[1], "ok", bob);
    setVerdict(doc, ids[2], "false", bob);
    expect(checkInvariants(doc, BODY)).toEqual([]);
  });

  it("checkInvariants reports duplicate ids", () => {
    const { doc, ids } = docWithClaims(2);
    const sid = addSource(doc, ids[0], { url: "https://example.com" }, bob);
    const m = new Y.Map<unknown>();
    for (const [k, v] of Object.entries(readClaim(doc, ids[0])!.sources[0])) m.set(k, v);
    ((doc.getMap("claims").get(ids[1]) as Y.Map<unknown>).get("sources") as Y.Array<unknown>).push([m]);
    expect(checkInvariants(doc, BODY)).toEqual([expect.stringContaining(`duplicate id ${sid}`)]);
  });
});
