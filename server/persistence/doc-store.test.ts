import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { Db } from "../db/client";
import { DocStore } from "./doc-store";

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

describe("DocStore writes", () => {
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
