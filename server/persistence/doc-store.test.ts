import { describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import type { Db } from "../db/client";
import { concatRuns, typingRun } from "../../lib/merge-updates";
import { DocStore } from "./doc-store";

// The real functions, watched: which rows were joined from runs instead of merged by Yjs.
vi.mock("../../lib/merge-updates", async (original) => {
  const m = await original<typeof import("../../lib/merge-updates")>();
  return { ...m, concatRuns: vi.fn(m.concatRuns) };
});

/** A stand-in for the docUpdate table: rows in memory, a switch to make writes fail. */
function fakeDb() {
  const rows: Array<{ id: number; data: Uint8Array }> = [];
  /** The SQL text of every append. */
  const calls: string[] = [];
  const state = { failing: false };
  const db = {
    docSnapshot: { findUnique: async () => null },
    docUpdate: { findMany: async () => rows.map((r) => ({ data: r.data })) },
    // The store appends with a tagged-template INSERT: (articleId, data) as parameters.
    $executeRaw: async (sql: TemplateStringsArray, articleId: string, data: Buffer) => {
      calls.push(sql.join("?"));
      if (state.failing) throw new Error("database is locked");
      expect(typeof articleId).toBe("string");
      rows.push({ id: rows.length + 1, data: new Uint8Array(data) });
      return 1;
    },
  };
  return { db: db as unknown as Db, rows, calls, state };
}

function edits(n: number): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on("update", (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < n; i++) doc.getText("t").insert(i % 5, String(i % 10));
  return { doc, updates };
}

/** Slices of typing from three writers, joined as a room's fan-out joins them (room.ts). */
function typingSlices(n: number, perSlice: number) {
  const writers = Array.from({ length: 3 }, () => new Y.Doc());
  const updates: Uint8Array[] = [];
  writers.forEach((w) => w.on("update", (u: Uint8Array) => updates.push(u)));
  for (let i = 0; i < n; i++) { const t = writers[i % 3].getText("t"); t.insert(t.length, ["سند", "x", "😀"][i % 3]); }
  const slices = [];
  for (let i = 0; i < updates.length; i += perSlice) {
    slices.push(concatRuns(updates.slice(i, i + perSlice).map((u) => typingRun(u, Y.decodeUpdate(u))))!);
  }
  return { updates, slices };
}

describe("DocStore writes", () => {
  it("writes a batch of typing a room joined as its runs joined again (Y.mergeUpdates' bytes); a batch back from a failed write goes to Yjs", async () => {
    const { db, rows, state } = fakeDb();
    const store = new DocStore(db, { flushMs: 60_000, flushBytes: 1e9 });
    const joins = vi.mocked(concatRuns);
    const first = typingSlices(24, 4);
    for (const s of first.slices) store.append("a", s.update, s.runs);
    joins.mockClear();
    await store.flush("a");
    expect(joins.mock.results.map((r) => r.value !== null)).toEqual([true]);
    expect(Buffer.from(rows[0].data).equals(Buffer.from(Y.mergeUpdates(first.updates)))).toBe(true);

    const second = typingSlices(12, 4);
    state.failing = true;
    for (const s of second.slices) store.append("b", s.update, s.runs);
    await store.flush("b").catch(() => {});
    state.failing = false;
    joins.mockClear();
    await store.flush("b");
    expect(joins).not.toHaveBeenCalled();
    expect(Buffer.from(rows[1].data).equals(Buffer.from(Y.mergeUpdates(second.updates)))).toBe(true);
  });

  it("writes a large backlog as several bounded rows that load back to the same document, returning nothing", async () => {
    const { db, rows, calls } = fakeDb();
    const store = new DocStore(db, { flushMs: 60_000, flushBytes: 1e9 });
    const { doc, updates } = edits(5_000);
    for (const u of updates) store.append("a", u);
    await store.flush("a");
    expect(rows.length).toBe(3); // 2,048 updates per row at most
    // A plain INSERT: nothing read back (returning the blob cost 15 % of the server's CPU).
    expect(calls.every((sql) => /^INSERT INTO "DocUpdate" \("articleId", "data"\) VALUES \(\?, \?\)$/.test(sql))).toBe(true);
    const loaded = new Y.Doc();
    Y.applyUpdate(loaded, (await store.load("a"))!);
    expect(loaded.getText("t").toString()).toBe(doc.getText("t").toString());
  });

  it("reports a failing document once per streak (attempt numbers) and its recovery, losing nothing", async () => {
    const { db, rows, state } = fakeDb();
    const errors: number[] = [];
    const recovered: number[] = [];
    const store = new DocStore(db, { flushMs: 60_000, onError: (_id, _e, attempt) => errors.push(attempt), onRecovered: (_id, n) => recovered.push(n) });
    const { doc, updates } = edits(10);
    state.failing = true;
    for (const u of updates) store.append("a", u);
    for (let i = 0; i < 3; i++) await store.flush("a").catch(() => {});
    expect(errors).toEqual([1, 2, 3]);
    state.failing = false;
    await store.flush("a");
    expect(recovered).toEqual([3]);
    expect(rows.length).toBe(1);
    const loaded = new Y.Doc();
    Y.applyUpdate(loaded, (await store.load("a"))!);
    expect(loaded.getText("t").toString()).toBe(doc.getText("t").toString());
  });
});
