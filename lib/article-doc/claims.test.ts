import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  addClaim,
  addComment,
  addSource,
  assignClaim,
  buildAnchor,
  changeClaimType,
  checkInvariants,
  deleteClaim,
  getRationaleText,
  readClaim,
  readClaims,
  setRationale,
  setStatus,
  setVerdict,
  updateClaimFields,
} from "./index";
import { alice, AR_BODY, bob, expectAppError } from "../../server/test-support/article-doc";

const BODY = AR_BODY;
const at = (s: string) => {
  const start = BODY.indexOf(s);
  if (start < 0) throw new Error(`not in body: ${s}`);
  return { start, end: start + s.length };
};

describe("addClaim", () => {
  it("anchors a span of the Arabic body with 32 characters of context", () => {
    const doc = new Y.Doc();
    const { start, end } = at("زيارة الرئيس التركي إلى الدوحة");
    const id = addClaim(doc, BODY, { type: "meeting", start, end }, alice);
    const c = readClaim(doc, id)!;
    expect(c.anchor).toEqual({ start, end, exact: "زيارة الرئيس التركي إلى الدوحة", prefix: BODY.slice(start - 32, start), suffix: BODY.slice(end, end + 32) });
    expect(c.fields).toEqual({ participants: [], place: null, date: null, kind: "meeting" });
    expect(c).toMatchObject({ type: "meeting", status: "draft", verdict: null, verdictBy: null, rationale: "", sources: [], comments: [], assigneeId: null, createdBy: alice.id, updatedBy: alice.id });
    expect(new Date(c.createdAt).toISOString()).toBe(c.createdAt);
    expect(checkInvariants(doc, BODY)).toEqual([]);
  });

  it("clips context at the body edges", () => {
    const doc = new Y.Doc();
    const id = addClaim(doc, BODY, { type: "other", start: 0, end: 5 }, alice);
    expect(readClaim(doc, id)!.anchor.prefix).toBe("");
    const id2 = addClaim(doc, BODY, { type: "other", start: BODY.length - 3, end: BODY.length }, alice);
    expect(readClaim(doc, id2)!.anchor.suffix).toBe("");
  });

  it("defaults a quote's words to the span", () => {
    const doc = new Y.Doc();
    const { start, end } = at("هناك توافقاً كبيراً في الرؤى بين قطر وتركيا");
    const id = addClaim(doc, BODY, { type: "quote", start, end, fields: { speaker: " لولوة الخاطر " } }, alice);
    expect(readClaim(doc, id)!.fields).toEqual({ speaker: "لولوة الخاطر", words: "هناك توافقاً كبيراً في الرؤى بين قطر وتركيا", direct: true });
  });

  it("parses a UN resolution number from the span and fills year and symbol", () => {
    const doc = new Y.Doc();
    const id = addClaim(doc, BODY, { type: "un_resolution", ...at("2259") }, alice);
    expect(readClaim(doc, id)!.fields).toEqual({ body: "Security Council", number: 2259, year: 2015, symbol: "S/RES/2259 (2015)" });
    const id2 = addClaim(doc, BODY, { type: "un_resolution", ...at("قرارات مجلس الأمن"), fields: { number: 2254 } }, alice);
    expect(readClaim(doc, id2)!.fields).toMatchObject({ number: 2254, year: 2015, symbol: "S/RES/2254 (2015)" });
    const id3 = addClaim(doc, BODY, { type: "un_resolution", ...at("قرارات مجلس الأمن") }, alice);
    expect(readClaim(doc, id3)!.fields).toMatchObject({ number: null, year: null, symbol: null });
  });

  it("accepts a matching explicit anchor and stores it normalised", () => {
    const doc = new Y.Doc();
    const { start, end } = at("الاتفاقيات الاقتصادية");
    const anchor = { start, end, exact: BODY.slice(start, end), prefix: BODY.slice(start - 5, start), suffix: "" };
    const id = addClaim(doc, BODY, { type: "agreement", anchor }, alice);
    expect(readClaim(doc, id)!.anchor).toEqual(buildAnchor(BODY, start, end));
  });

  it("refuses an anchor outside the body, empty, or not matching the body", () => {
    const doc = new Y.Doc();
    expectAppError(() => addClaim(doc, BODY, { type: "date", start: BODY.length - 2, end: BODY.length + 3 }, alice), "INVALID_INPUT", /outside/);
    expectAppError(() => addClaim(doc, BODY, { type: "date", start: 10, end: 10 }, alice), "INVALID_INPUT", /empty/);
    expectAppError(() => addClaim(doc, BODY, { type: "date", start: -1, end: 3 }, alice), "INVALID_INPUT");
    expectAppError(() => addClaim(doc, BODY, { type: "date", start: 1.5, end: 3 }, alice), "INVALID_INPUT");
    const { start, end } = at("20 يوليو 2020");
    const good = buildAnchor(BODY, start, end);
    expectAppError(() => addClaim(doc, BODY, { type: "date", anchor: { ...good, exact: "21 يوليو 2020" } }, alice), "INVALID_INPUT", /does not match/);
    expectAppError(() => addClaim(doc, BODY, { type: "date", anchor: { ...good, prefix: "xx" } }, alice), "INVALID_INPUT", /prefix/);
    expectAppError(() => addClaim(doc, BODY, { type: "date", anchor: { ...good, suffix: "xx" } }, alice), "INVALID_INPUT", /suffix/);
    expectAppError(() => addClaim(doc, BODY, { type: "date", anchor: { ...good, start: good.start + 1, end: good.end + 1 } }, alice), "INVALID_INPUT");
    expectAppError(() => addClaim(doc, BODY, { type: "date", anchor: good, start: 0, end: 3 } as never, alice), "INVALID_INPUT", /disagree/);
    expectAppError(() => addClaim(doc, BODY, { type: "date" } as never, alice), "INVALID_INPUT");
    expect(doc.getMap("claims").size).toBe(0);
  });

  it("refuses an anchor splitting a surrogate pair", () => {
    const doc = new Y.Doc();
    const body = "a😀b";
    expectAppError(() => addClaim(doc, body, { type: "other", start: 0, end: 2 }, alice), "INVALID_INPUT", /surrogate/);
    expect(addClaim(doc, body, { type: "other", start: 0, end: 3 }, alice)).toBeTruthy();
  });

  it("refuses an unknown type, invalid or unknown fields, and a bad actor", () => {
    const doc = new Y.Doc();
    expectAppError(() => addClaim(doc, BODY, { type: "rumour" as never, start: 0, end: 5 }, alice), "INVALID_INPUT", /type/);
    expectAppError(() => addClaim(doc, BODY, { type: "date", start: 0, end: 5, fields: { value: "July 2020" } }, alice), "INVALID_INPUT", /ISO/);
    expectAppError(() => addClaim(doc, BODY, { type: "date", start: 0, end: 5, fields: { colour: "red" } }, alice), "INVALID_INPUT");
    expectAppError(() => addClaim(doc, BODY, { type: "date", start: 0, end: 5 }, { id: "", name: "x" }), "INVALID_INPUT", /actor/);
    expect(doc.getMap("claims").size).toBe(0);
  });

  it("writes in one transaction with the given origin", () => {
    const doc = new Y.Doc();
    const origins: unknown[] = [];
    doc.on("afterTransaction", (tr: Y.Transaction) => origins.push(tr.origin));
    const origin = { user: "alice" };
    addClaim(doc, BODY, { type: "other", start: 0, end: 5 }, alice, origin);
    expect(origins).toEqual([origin]);
  });
});

describe("claim operations", () => {
  function setup() {
    const doc = new Y.Doc();
    const id = addClaim(doc, BODY, { type: "meeting", ...at("زيارة الرئيس التركي إلى الدوحة") }, alice);
    return { doc, id };
  }

  it("updateClaimFields patches only the given fields and records who", () => {
    const { doc, id } = setup();
    updateClaimFields(doc, id, { place: " الدوحة ", participants: ["أردوغان", "تميم"] }, bob);
    const c = readClaim(doc, id)!;
    expect(c.fields).toEqual({ participants: ["أردوغان", "تميم"], place: "الدوحة", date: null, kind: "meeting" });
    expect(c.updatedBy).toBe(bob.id);
    expect(c.createdBy).toBe(alice.id);
  });

  it("updateClaimFields refuses invalid values, unknown fields and unknown claims", () => {
    const { doc, id } = setup();
    expectAppError(() => updateClaimFields(doc, id, { date: "2020/07/20" }, bob), "INVALID_INPUT", /date/);
    expectAppError(() => updateClaimFields(doc, id, { speaker: "x" }, bob), "INVALID_INPUT", /unknown field/);
    expectAppError(() => updateClaimFields(doc, id, { kind: "party" }, bob), "INVALID_INPUT");
    expectAppError(() => updateClaimFields(doc, "nope", { place: "x" }, bob), "NOT_FOUND");
    expect(readClaim(doc, id)!.updatedBy).toBe(alice.id);
  });

  it("a UN resolution number change refills year and symbol", () => {
    const doc = new Y.Doc();
    const id = addClaim(doc, BODY, { type: "un_resolution", ...at("2259") }, alice);
    updateClaimFields(doc, id, { number: 1701 }, bob);
    expect(readClaim(doc, id)!.fields).toEqual({ body: "Security Council", number: 1701, year: 2006, symbol: "S/RES/1701 (2006)" });
    updateClaimFields(doc, id, { number: 99999 }, bob);
    expect(readClaim(doc, id)!.fields).toMatchObject({ number: 99999, year: null, symbol: null });
    updateClaimFields(doc, id, { number: 2254, symbol: "custom" }, bob);
    expect(readClaim(doc, id)!.fields).toMatchObject({ number: 2254, year: 2015, symbol: "custom" });
    updateClaimFields(doc, id, { body: "General Assembly" }, bob);
    expect(readClaim(doc, id)!.fields).toMatchObject({ body: "General Assembly", number: 2254, symbol: null });
  });

  it("two people editing different fields of the same claim both win", () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const id = addClaim(a, BODY, { type: "meeting", ...at("زيارة الرئيس التركي إلى الدوحة") }, alice);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    updateClaimFields(a, id, { place: "الدوحة" }, alice);
    updateClaimFields(b, id, { date: "2020-07-02" }, bob);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readClaim(a, id)!.fields).toMatchObject({ place: "الدوحة", date: "2020-07-02" });
    expect(readClaims(b)).toEqual(readClaims(a));
  });

  it("changeClaimType replaces the claim, keeping compatible fields and everything but the verdict", () => {
    const { doc, id } = setup();
    updateClaimFields(doc, id, { date: "2020-07-02", place: "الدوحة" }, alice);
    setStatus(doc, id, "researching", alice);
    setVerdict(doc, id, "true", alice);
    setRationale(doc, id, "موثق", alice);
    assignClaim(doc, id, bob.id, alice);
    addSource(doc, id, { url: "https://example.com", title: "t" }, alice);
    addComment(doc, id, "ok", alice);
    const before = readClaim(doc, id)!;
    const id2 = changeClaimType(doc, id, "agreement", bob);
    expect(id2).not.toBe(id);
    expect(readClaim(doc, id)).toBeNull();
    const after = readClaim(doc, id2)!;
    expect(after).toMatchObject({ type: "agreement", fields: { name: null, date: "2020-07-02" }, updatedBy: bob.id, anchor: before.anchor, status: "researching", verdict: null, verdictBy: null, rationale: "موثق", assigneeId: bob.id, createdBy: alice.id, createdAt: before.createdAt });
    expect(after.sources.map(({ id: _, ...s }) => s)).toEqual(before.sources.map(({ id: _, ...s }) => s));
    expect(after.sources[0].id).not.toBe(before.sources[0].id);
    expect(after.comments.map(({ id: _, ...c }) => c)).toEqual(before.comments.map(({ id: _, ...c }) => c));
    const id3 = changeClaimType(doc, id2, "quote", bob);
    expect(readClaim(doc, id3)!.fields).toEqual({ speaker: null, words: "زيارة الرئيس التركي إلى الدوحة", direct: true });
    expect(changeClaimType(doc, id3, "quote", bob)).toBe(id3);
    expectAppError(() => changeClaimType(doc, id3, "gossip" as never, bob), "INVALID_INPUT");
    // A claim waiting for review with a verdict: the new one must be decided again (four eyes).
    setVerdict(doc, id3, "false", alice);
    setStatus(doc, id3, "needs_review", alice);
    const id4 = changeClaimType(doc, id3, "other", bob);
    expect(readClaim(doc, id4)).toMatchObject({ verdict: null, verdictBy: null, status: "researching" });
    expect(readClaims(doc)).toHaveLength(1);
    expectAppError(() => changeClaimType(doc, "nope", "date", bob), "NOT_FOUND");
    expect(readClaims(doc)).toHaveLength(1);
    expect(checkInvariants(doc, BODY)).toEqual([]);
  });

  it("deleteClaim removes the claim; unknown ids are NOT_FOUND", () => {
    const { doc, id } = setup();
    deleteClaim(doc, id, alice);
    expect(readClaim(doc, id)).toBeNull();
    expect(readClaims(doc)).toEqual([]);
    expectAppError(() => deleteClaim(doc, id, alice), "NOT_FOUND");
  });

  it("setStatus accepts the four working statuses only", () => {
    const { doc, id } = setup();
    for (const s of ["researching", "needs_review", "changes_requested", "draft"] as const) {
      setStatus(doc, id, s, bob);
      expect(readClaim(doc, id)!.status).toBe(s);
    }
    expectAppError(() => setStatus(doc, id, "approved" as never, bob), "INVALID_INPUT");
    expectAppError(() => setStatus(doc, "nope", "draft", bob), "NOT_FOUND");
  });

  it("setVerdict records the key and who set it; unknown keys refused", () => {
    const { doc, id } = setup();
    setVerdict(doc, id, "mostly_true", bob);
    expect(readClaim(doc, id)).toMatchObject({ verdict: "mostly_true", verdictBy: bob.id, updatedBy: bob.id });
    expectAppError(() => setVerdict(doc, id, "pants_on_fire", alice), "INVALID_INPUT", /verdict/);
    expect(readClaim(doc, id)).toMatchObject({ verdict: "mostly_true", verdictBy: bob.id });
    setVerdict(doc, id, null, alice);
    expect(readClaim(doc, id)).toMatchObject({ verdict: null, verdictBy: null });
    expectAppError(() => setVerdict(doc, "nope", "true", alice), "NOT_FOUND");
  });

  it("assignClaim sets and clears the assignee", () => {
    const { doc, id } = setup();
    assignClaim(doc, id, bob.id, alice);
    expect(readClaim(doc, id)!.assigneeId).toBe(bob.id);
    assignClaim(doc, id, null, alice);
    expect(readClaim(doc, id)!.assigneeId).toBeNull();
    expectAppError(() => assignClaim(doc, id, "", alice), "INVALID_INPUT");
    expectAppError(() => assignClaim(doc, "nope", null, alice), "NOT_FOUND");
  });

  it("rationale is a collaborative Y.Text; setRationale rewrites only the changed middle", () => {
    const { doc, id } = setup();
    const text = getRationaleText(doc, id);
    expect(text).toBeInstanceOf(Y.Text);
    text.insert(0, "الزيارة موثقة.");
    expect(readClaim(doc, id)!.rationale).toBe("الزيارة موثقة.");
    const deltas: unknown[] = [];
    text.observe((e) => deltas.push(e.delta));
    setRationale(doc, id, "الزيارة موثقة جيداً.", bob);
    expect(readClaim(doc, id)!.rationale).toBe("الزيارة موثقة جيداً.");
    expect(deltas).toEqual([[{ retain: 13 }, { insert: " جيداً" }]]);
    setRationale(doc, id, "", bob);
    expect(readClaim(doc, id)!.rationale).toBe("");
    setRationale(doc, id, "a😀b", bob);
    setRationale(doc, id, "a😁b", bob);
    expect(readClaim(doc, id)!.rationale).toBe("a😁b");
    expectAppError(() => setRationale(doc, id, "x".repeat(50_001), bob), "INVALID_INPUT");
    expectAppError(() => getRationaleText(doc, "nope"), "NOT_FOUND");
  });

  it("concurrent rationale typing merges", () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const id = addClaim(a, BODY, { type: "other", start: 0, end: 10 }, alice);
    setRationale(a, id, "بداية نهاية", alice);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    setRationale(a, id, "بداية وسط نهاية", alice);
    setRationale(b, id, "بداية نهاية وخاتمة", bob);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readClaim(a, id)!.rationale).toBe("بداية وسط نهاية وخاتمة");
    expect(readClaim(b, id)!.rationale).toBe("بداية وسط نهاية وخاتمة");
  });
});
