import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  addClaim,
  addComment,
  addSource,
  checkInvariants,
  deleteComment,
  dismissSuggestion,
  editComment,
  readClaim,
  readDismissed,
  removeSource,
  restoreSuggestion,
  suggestionKey,
  updateSource,
} from "./index";
import { alice, AR_BODY, bob, expectAppError } from "../../server/test-support/article-doc";

function setup() {
  const doc = new Y.Doc();
  const id = addClaim(doc, AR_BODY, { type: "date", start: 1206, end: 1219 }, alice);
  return { doc, id };
}

describe("sources", () => {
  it("addSource stores a normalised source and returns its id", () => {
    const { doc, id } = setup();
    const sid = addSource(doc, id, { url: " https://www.aa.com.tr/ar/الأخبار ", title: "الأناضول", date: "2020-07-20" }, bob);
    const c = readClaim(doc, id)!;
    expect(c.sources).toEqual([
      { id: sid, url: "https://www.aa.com.tr/ar/الأخبار", title: "الأناضول", publisher: "", date: "2020-07-20", archivedUrl: "", note: "", addedBy: bob.id, addedAt: expect.any(String) },
    ]);
    expect(c.updatedBy).toBe(bob.id);
  });

  it("refuses non-http(s) and relative URLs, bad archive URLs and over-long values", () => {
    const { doc, id } = setup();
    for (const url of ["javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,<b>x</b>", "file:///etc/passwd", "/relative/path", "example.com", "ftp://example.com/x", "https://user:pw@example.com/", "http://", "", `https://example.com/${"a".repeat(2100)}`]) {
      expectAppError(() => addSource(doc, id, { url }, bob), "INVALID_INPUT");
    }
    expectAppError(() => addSource(doc, id, { url: "https://example.com", archivedUrl: "javascript:alert(1)" }, bob), "INVALID_INPUT");
    expectAppError(() => addSource(doc, id, { url: "https://example.com", title: "t".repeat(501) }, bob), "INVALID_INPUT");
    expectAppError(() => addSource(doc, id, { url: "https://example.com", date: "yesterday" }, bob), "INVALID_INPUT");
    expectAppError(() => addSource(doc, id, { url: "https://example.com", extra: 1 } as never, bob), "INVALID_INPUT");
    expectAppError(() => addSource(doc, "nope", { url: "https://example.com" }, bob), "NOT_FOUND");
    expect(readClaim(doc, id)!.sources).toEqual([]);
  });

  it("updateSource patches given fields; removeSource removes; unknown ids NOT_FOUND", () => {
    const { doc, id } = setup();
    const s1 = addSource(doc, id, { url: "https://a.example/1", title: "one" }, alice);
    const s2 = addSource(doc, id, { url: "http://b.example/2" }, alice);
    updateSource(doc, id, s2, { title: "two", archivedUrl: "https://web.archive.org/web/2020/http://b.example/2" }, bob);
    expect(readClaim(doc, id)!.sources[1]).toMatchObject({ id: s2, url: "http://b.example/2", title: "two", archivedUrl: "https://web.archive.org/web/2020/http://b.example/2" });
    expectAppError(() => updateSource(doc, id, s2, { archivedUrl: "javascript:void(0)" }, bob), "INVALID_INPUT");
    expectAppError(() => updateSource(doc, id, s2, { url: "https://other.example" } as never, bob), "INVALID_INPUT"); // url is write-once
    expectAppError(() => updateSource(doc, id, "nope", { title: "x" }, bob), "NOT_FOUND");
    removeSource(doc, id, s1, bob);
    expect(readClaim(doc, id)!.sources.map((s) => s.id)).toEqual([s2]);
    expectAppError(() => removeSource(doc, id, s1, bob), "NOT_FOUND");
    expect(checkInvariants(doc, AR_BODY)).toEqual([]);
  });

  it("sources added concurrently are all kept", () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const id = addClaim(a, AR_BODY, { type: "date", start: 1206, end: 1219 }, alice);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    addSource(a, id, { url: "https://a.example" }, alice);
    addSource(b, id, { url: "https://b.example" }, bob);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readClaim(a, id)!.sources.map((s) => s.url).sort()).toEqual(["https://a.example", "https://b.example"]);
    expect(readClaim(b, id)).toEqual(readClaim(a, id));
  });
});

describe("comments", () => {
  it("addComment records the author; editComment / deleteComment only for the author", () => {
    const { doc, id } = setup();
    const cid = addComment(doc, id, "  هل التاريخ صحيح؟ ", alice);
    expect(readClaim(doc, id)!.comments).toEqual([{ id: cid, authorId: alice.id, authorName: "Alice", text: "هل التاريخ صحيح؟", createdAt: expect.any(String), editedAt: null }]);
    expectAppError(() => editComment(doc, id, cid, "hijack", bob), "FORBIDDEN");
    expectAppError(() => deleteComment(doc, id, cid, bob), "FORBIDDEN");
    editComment(doc, id, cid, "التاريخ صحيح", alice);
    expect(readClaim(doc, id)!.comments[0]).toMatchObject({ text: "التاريخ صحيح", editedAt: expect.any(String) });
    deleteComment(doc, id, cid, alice);
    expect(readClaim(doc, id)!.comments).toEqual([]);
  });

  it("refuses empty or over-long text and unknown ids", () => {
    const { doc, id } = setup();
    expectAppError(() => addComment(doc, id, "   ", alice), "INVALID_INPUT", /empty/);
    expectAppError(() => addComment(doc, id, "x".repeat(5001), alice), "INVALID_INPUT");
    expectAppError(() => addComment(doc, "nope", "hi", alice), "NOT_FOUND");
    const cid = addComment(doc, id, "hi", alice);
    expectAppError(() => editComment(doc, id, cid, "", alice), "INVALID_INPUT");
    expectAppError(() => editComment(doc, id, "nope", "x", alice), "NOT_FOUND");
    expectAppError(() => deleteComment(doc, id, "nope", alice), "NOT_FOUND");
  });
});

describe("dismissed suggestions", () => {
  it("dismisses, lists and restores suggestions; refuses malformed keys", () => {
    const doc = new Y.Doc();
    const key = suggestionKey("un_resolution", 3201, 3205);
    expect(key).toBe("un_resolution:3201:3205");
    dismissSuggestion(doc, key, alice);
    expect(readDismissed(doc)).toEqual(new Set([key]));
    expect(doc.getMap("dismissed").get(key)).toEqual({ by: alice.id, at: expect.any(String) });
    for (const bad of ["rumour:1:2", "date:5:2", "date:1", "date:a:b", ""]) expectAppError(() => dismissSuggestion(doc, bad, alice), "INVALID_INPUT");
    restoreSuggestion(doc, key, alice);
    expect(readDismissed(doc).size).toBe(0);
  });

  it("ignores malformed keys written by a hostile client", () => {
    const doc = new Y.Doc();
    doc.getMap("dismissed").set("<script>", 1);
    doc.getMap("dismissed").set("date:1:2", "whatever");
    expect(readDismissed(doc)).toEqual(new Set(["date:1:2"]));
    expect(checkInvariants(doc, AR_BODY)).toEqual([expect.stringMatching(/malformed dismissed key/)]);
  });
});
