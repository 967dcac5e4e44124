import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { concatRuns, mergeUpdatesBounded, typingRun, type StructRun } from "./merge-updates";

describe("mergeUpdatesBounded", () => {
  it("gives the same document as one Y.mergeUpdates call, for lists shorter and longer than a chunk", () => {
    for (const n of [1, 5, 64, 65, 1000]) {
      const writer = new Y.Doc();
      const updates: Uint8Array[] = [];
      writer.on("update", (u: Uint8Array) => updates.push(u));
      for (let i = 0; i < n; i++) {
        if (i % 7 === 3) writer.getText("t").delete(0, 1);
        else writer.getText("t").insert(i % 3, "ab");
      }
      const a = new Y.Doc();
      const b = new Y.Doc();
      Y.applyUpdate(a, mergeUpdatesBounded(updates, 8));
      Y.applyUpdate(b, Y.mergeUpdates(updates));
      expect(a.getText("t").toString()).toBe(writer.getText("t").toString());
      expect(Y.encodeStateAsUpdate(a)).toEqual(Y.encodeStateAsUpdate(b));
    }
  });
});

/** Updates as a room receives them: several writers, each seeing the others' edits. */
function typingSession(edit: (docs: Y.Doc[], i: number) => void, writers = 3, n = 60) {
  const docs = Array.from({ length: writers }, (_, k) => { const d = new Y.Doc(); d.clientID = 10 + k * 1_000_003; return d; });
  const updates: Uint8Array[] = [];
  docs.forEach((d, k) => d.on("update", (u: Uint8Array, origin: unknown) => {
    if (origin === "peer") return;
    updates.push(u);
    docs.forEach((o, j) => { if (j !== k) Y.applyUpdate(o, u, "peer"); });
  }));
  for (let i = 0; i < n; i++) edit(docs, i);
  return updates;
}
const state = (u: Uint8Array) => { const d = new Y.Doc(); Y.applyUpdate(d, u); return d; };
const runOf = (u: Uint8Array) => typingRun(u, Y.decodeUpdate(u));

describe("typingRun and concatRuns", () => {
  it("join typing updates into what Y.mergeUpdates makes of them: Arabic, emoji, root and nested text", () => {
    const updates = typingSession((docs, i) => {
      const d = docs[i % docs.length];
      const x = d.getXmlFragment("doc");
      if (i === 0) { x.insert(0, [new Y.XmlText("")]); return; }
      const t = d.getText("نص");
      t.insert(Math.min(t.length, (i * 7) % 11), ["سند", "a", "😀b", "٢٢٥٩"][i % 4]);
      if (i % 3 === 0) (x.get(0) as Y.XmlText).insert(0, "م");
    });
    const runs = updates.map(runOf);
    // the first update makes a type (not typing); every other update is a run
    expect(runs.map((r) => r === null)).toEqual(updates.map((_, i) => i === 0));
    const typing = updates.slice(1);
    for (const size of [2, 5, 17, typing.length]) {
      for (let i = 0; i + size <= typing.length; i += size) {
        const batch = typing.slice(i, i + size);
        const joined = concatRuns(batch.map(runOf))?.update;
        expect(joined).not.toBeNull();
        // byte for byte what Yjs's merge writes
        expect(Buffer.from(joined!).equals(Buffer.from(Y.mergeUpdates(batch)))).toBe(true);
        // and Yjs's own merge takes it (the store merges what the room sends)
        expect(Y.encodeStateAsUpdate(state(Y.mergeUpdates([joined!, ...typing.slice(0, i)])))).toEqual(Y.encodeStateAsUpdate(state(Y.mergeUpdates([...batch, ...typing.slice(0, i)]))));
      }
    }
    const all = concatRuns(runs.filter((r): r is StructRun => r !== null))!.update;
    const whole = new Y.Doc();
    Y.applyUpdate(whole, updates[runs.indexOf(null)]);
    Y.applyUpdate(whole, all);
    expect(whole.getText("نص").toString()).toBe(state(Y.mergeUpdates(updates)).getText("نص").toString());
  });

  it("leaves to Yjs what it does not read: deletions, maps, formatting, several clients in one update", () => {
    const d = new Y.Doc();
    const ups: Uint8Array[] = [];
    d.on("update", (u: Uint8Array) => ups.push(u));
    d.getText("t").insert(0, "abc");
    d.getText("t").delete(0, 1);
    d.getMap("claims").set("c1", { text: "x" });
    d.getText("t").format(0, 1, { bold: true });
    expect(runOf(ups[0])).not.toBeNull();
    expect(ups.slice(1).map(runOf)).toEqual([null, null, null]);
    const other = new Y.Doc();
    other.getText("t").insert(0, "z");
    expect(runOf(Y.mergeUpdates([ups[0], Y.encodeStateAsUpdate(other)]))).toBeNull();
  });

  it("hands back the joined update's own runs, which join again with the next slice's into Yjs's merge of both", () => {
    const updates = typingSession((docs, i) => { const t = docs[i % 3].getText("t"); t.insert(t.length, ["ab", "ج", "😀"][i % 3]); }, 3, 30);
    const a = concatRuns(updates.slice(0, 13).map(runOf))!;
    const b = concatRuns(updates.slice(13).map(runOf))!;
    expect(a.runs).toHaveLength(3);
    expect(a.runs.every((r) => r.body.buffer === a.update.buffer)).toBe(true); // views into the joined update only
    const again = concatRuns([...a.runs, ...b.runs])!.update;
    expect(Buffer.from(again).equals(Buffer.from(Y.mergeUpdates(updates)))).toBe(true);
  });

  it("refuses a gap or a repeat in one client's runs, and a null in the list", () => {
    const updates = typingSession((docs, i) => docs[0].getText("t").insert(i, "ab"), 1, 4);
    const runs = updates.map(runOf);
    expect(concatRuns(runs)).not.toBeNull();
    expect(concatRuns([runs[0], runs[2]])).toBeNull();
    expect(concatRuns([runs[1], runs[0]])).toBeNull();
    expect(concatRuns([runs[0], runs[0]])).toBeNull();
    expect(concatRuns([runs[0], null])).toBeNull();
    expect(concatRuns(runs, 2)).not.toBeNull();
  });

  it("copies only the structs of a hostile update: bytes after the delete set, long varuints", () => {
    const [u] = typingSession((docs) => docs[0].getText("t").insert(0, "سند"), 1, 1);
    const run = runOf(u)!;
    // Yjs ignores what follows the delete set; it must not reach other clients' frames
    const trailing = new Uint8Array([...u, 0x80, 0x05, 0xff]);
    expect(Y.decodeUpdate(trailing).structs).toHaveLength(1);
    expect(runOf(trailing)!.body).toEqual(run.body);
    // the same header with a non-minimal count (0x81 0x00 = 1) reads the same
    const loose = new Uint8Array([u[0], 0x81, 0x00, ...u.subarray(2)]);
    expect(runOf(loose)!.body).toEqual(run.body);
    const [, next] = typingSession((docs, i) => docs[0].getText("t").insert(i * 3, i === 0 ? "سند" : "!"), 1, 2);
    const joined = concatRuns([runOf(trailing), runOf(next)])!.update;
    expect(state(joined).getText("t").toString()).toBe("سند!");
  });
});
