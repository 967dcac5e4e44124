import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addClaim, addSource, checkInvariants, createUndoManager, deleteClaim, dismissSuggestion, readClaim, readClaims, readDismissed, setRationale, setStatus, setVerdict, updateClaimFields } from "./index";
import { alice, AR_BODY, bob } from "../../server/test-support/article-doc";

const REMOTE = Symbol("remote");

/** Two docs kept in sync synchronously, as two browsers on one y-websocket room. */
function pair() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on("update", (u: Uint8Array, o: unknown) => o !== REMOTE && Y.applyUpdate(b, u, REMOTE));
  b.on("update", (u: Uint8Array, o: unknown) => o !== REMOTE && Y.applyUpdate(a, u, REMOTE));
  return { a, b };
}

describe("createUndoManager", () => {
  it("undo reverts only the local user's change, never a collaborator's", () => {
    const { a, b } = pair();
    const originA = { user: "alice" };
    const originB = { user: "bob" };
    const x = addClaim(b, AR_BODY, { type: "meeting", start: 100, end: 120 }, bob, originB);
    const undoA = createUndoManager(a, originA, { captureTimeout: 0 });
    const undoB = createUndoManager(b, originB, { captureTimeout: 0 });

    const y = addClaim(a, AR_BODY, { type: "date", start: 1206, end: 1219 }, alice, originA);
    updateClaimFields(b, x, { place: "أنقرة" }, bob, originB);
    expect(readClaims(a).map((c) => c.id).sort()).toEqual([x, y].sort());

    undoA.undo();
    expect(readClaim(a, y)).toBeNull();
    expect(readClaim(b, y)).toBeNull();
    expect(readClaim(a, x)!.fields).toMatchObject({ place: "أنقرة" });
    undoA.redo();
    expect(readClaim(b, y)).not.toBeNull();

    // A sets a verdict on B's claim while B writes its rationale: A's undo keeps B's text
    setVerdict(a, x, "false", alice, originA);
    setRationale(b, x, "خاطئ: لم يحدث اللقاء.", bob, originB);
    undoA.undo();
    expect(readClaim(b, x)).toMatchObject({ verdict: null, verdictBy: null, rationale: "خاطئ: لم يحدث اللقاء." });
    // B's undo reverts B's rationale only
    undoB.undo();
    expect(readClaim(a, x)!.rationale).toBe("");
    expect(readClaim(a, x)!.fields).toMatchObject({ place: "أنقرة" });
    expect(checkInvariants(a, AR_BODY)).toEqual([]);
    expect(readClaims(a)).toEqual(readClaims(b));
  });

  it("untracked transactions (no origin) are not undoable", () => {
    const doc = new Y.Doc();
    const origin = { user: "alice" };
    const um = createUndoManager(doc, origin, { captureTimeout: 0 });
    addClaim(doc, AR_BODY, { type: "other", start: 0, end: 3 }, alice);
    expect(um.canUndo()).toBe(false);
  });

  it("undoes a delete (with nested sources) and a dismissal", () => {
    const doc = new Y.Doc();
    const origin = { user: "alice" };
    const id = addClaim(doc, AR_BODY, { type: "other", start: 0, end: 3 }, alice, origin);
    addSource(doc, id, { url: "https://example.com" }, alice, origin);
    const um = createUndoManager(doc, origin, { captureTimeout: 0 });
    const before = readClaim(doc, id);
    deleteClaim(doc, id, alice, origin);
    dismissSuggestion(doc, "date:1:5", alice, origin);
    um.undo();
    expect(readDismissed(doc).size).toBe(0);
    um.undo();
    expect(readClaim(doc, id)).toEqual(before);
    expect(checkInvariants(doc, AR_BODY)).toEqual([]);
  });

  it("a claim stays readable when undo drops a concurrently written key (yjs #514)", () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.clientID = 1;
    b.clientID = 2;
    const oB = { user: "bob" };
    const id = addClaim(a, AR_BODY, { type: "meeting", start: 100, end: 120 }, alice);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const umB = createUndoManager(b, oB, { captureTimeout: 0 });
    setVerdict(a, id, "true", alice);
    setVerdict(b, id, "false", bob, oB);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readClaim(a, id)!.verdict).toBe("false");
    umB.undo();
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    const claimMap = b.getMap("claims").get(id) as Y.Map<unknown>;
    expect(claimMap.has("verdict")).toBe(false); // the yjs behaviour we defend against
    expect(readClaim(b, id)).toMatchObject({ verdict: null, verdictBy: null, status: "draft" });
    expect(readClaims(a)).toEqual(readClaims(b));
    expect(checkInvariants(b, AR_BODY)).toEqual([]);
  });

  it("redoing a claim another user edited meanwhile keeps it readable (yjs #472)", () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const oA = { user: "alice" };
    const umA = createUndoManager(a, oA, { captureTimeout: 0 });
    const id = addClaim(a, AR_BODY, { type: "meeting", start: 100, end: 120 }, alice, oA);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    umA.undo(); // A removes the claim...
    setStatus(b, id, "researching", bob); // ...while B still edits it
    setVerdict(b, id, "false", bob);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    umA.redo();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const c = readClaim(a, id)!;
    expect(c).toMatchObject({ type: "meeting", status: "draft", verdict: null, createdBy: alice.id, updatedBy: alice.id });
    expect(readClaims(b)).toEqual(readClaims(a));
    expect(checkInvariants(a, AR_BODY)).toEqual([]);
  });
});

