import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { encodeTransactionUpdate } from "./transaction-update";

/** A small deterministic PRNG (mulberry32): the same cases on every run. */
function rng(seed: number) {
  return () => {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Listen to both: Yjs's own "update" and ours from "afterTransactionCleanup". */
function watch(doc: Y.Doc) {
  const theirs: Uint8Array[] = [];
  const ours: Uint8Array[] = [];
  doc.on("update", (u: Uint8Array) => theirs.push(u));
  doc.on("afterTransactionCleanup", (tr: Y.Transaction) => { const u = encodeTransactionUpdate(tr); if (u) ours.push(u); });
  return { theirs, ours };
}

describe("encodeTransactionUpdate", () => {
  it("gives Yjs's own update bytes for local edits of every kind (text, maps, arrays, nested types, deletions, GC)", () => {
    for (const gc of [true, false]) {
      const next = rng(gc ? 7 : 8);
      const doc = new Y.Doc({ gc });
      const { theirs, ours } = watch(doc);
      const text = doc.getText("text");
      const claims = doc.getMap<Y.Map<unknown>>("claims");
      const list = doc.getArray<unknown>("list");
      for (let i = 0; i < 400; i++) {
        const r = next();
        doc.transact(() => {
          if (r < 0.3) text.insert(Math.floor(next() * (text.length + 1)), "نص ".repeat(1 + Math.floor(next() * 3)));
          else if (r < 0.45 && text.length > 0) { const at = Math.floor(next() * text.length); text.delete(at, Math.min(text.length - at, 1 + Math.floor(next() * 5))); }
          else if (r < 0.6) { const m = new Y.Map<unknown>(); m.set("status", "researching"); m.set("n", i); m.set("rationale", new Y.Text("why")); claims.set(`c${i % 17}`, m); }
          else if (r < 0.7) { const keys = [...claims.keys()]; if (keys.length) claims.delete(keys[Math.floor(next() * keys.length)]); }
          else if (r < 0.8) { const keys = [...claims.keys()]; if (keys.length) claims.get(keys[0])!.set("status", next() < 0.5 ? "approved" : "draft"); }
          else if (r < 0.9) list.insert(Math.floor(next() * (list.length + 1)), [i, { a: [1, "x"] }, new Uint8Array([1, 2, 3])]);
          else if (list.length > 0) list.delete(0, Math.min(list.length, 2));
          if (next() < 0.2) text.format(0, Math.min(3, text.length), { bold: true });
        });
      }
      expect(ours.length).toBe(theirs.length);
      ours.forEach((u, i) => expect(Buffer.from(u).equals(Buffer.from(theirs[i]))).toBe(true));
    }
  });

  it("gives Yjs's own update bytes for remote updates, including ones that wait for a missing dependency and concurrent writers", () => {
    const next = rng(3);
    const writers = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
    const updates: Uint8Array[] = [];
    for (const w of writers) w.on("update", (u: Uint8Array) => updates.push(u));
    for (let i = 0; i < 300; i++) {
      const w = writers[Math.floor(next() * writers.length)];
      const t = w.getText("t");
      if (next() < 0.75 || t.length === 0) t.insert(Math.floor(next() * (t.length + 1)), "ab");
      else t.delete(Math.floor(next() * t.length), 1);
      if (next() < 0.3) { const other = writers[Math.floor(next() * writers.length)]; if (other !== w) Y.applyUpdate(other, Y.encodeStateAsUpdate(w, Y.encodeStateVector(other))); }
    }
    // The receiver gets them a little out of order (some arrive before what they depend on) and some twice.
    const shuffled = [...updates, ...updates.slice(0, 40)].map((u, i) => [i + next() * 4, u] as const).sort((a, b) => a[0] - b[0]).map(([, u]) => u);
    const receiver = new Y.Doc();
    const { theirs, ours } = watch(receiver);
    let waited = 0;
    for (const u of shuffled) {
      Y.applyUpdate(receiver, u, "remote");
      if (receiver.store.pendingStructs) waited++;
    }
    expect(waited).toBeGreaterThan(10);
    expect(ours.length).toBeGreaterThan(100);
    expect(ours.length).toBe(theirs.length);
    ours.forEach((u, i) => expect(Buffer.from(u).equals(Buffer.from(theirs[i]))).toBe(true));
    const check = new Y.Doc();
    for (const u of ours) Y.applyUpdate(check, u);
    expect(check.getText("t").toString()).toBe(receiver.getText("t").toString());
  });

  it("is null for a transaction that changed nothing", () => {
    const doc = new Y.Doc();
    const seen: Array<Uint8Array | null> = [];
    doc.on("afterTransactionCleanup", (tr: Y.Transaction) => seen.push(encodeTransactionUpdate(tr)));
    doc.transact(() => {});
    const other = new Y.Doc();
    other.getText("t").insert(0, "x");
    const u = Y.encodeStateAsUpdate(other);
    Y.applyUpdate(doc, u);
    Y.applyUpdate(doc, u); // already known
    expect(seen[0]).toBeNull();
    expect(seen[1]).not.toBeNull();
    expect(seen[2]).toBeNull();
  });
});
