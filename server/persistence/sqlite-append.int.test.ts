import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createDb, sqliteConnectionOf } from "../db/client";
import { mergeUpdatesBounded } from "../../lib/merge-updates";
import { createArticle, dbPerSuite, sleep } from "../test-support/harness";
import { DocStore } from "./doc-store";

function edits(n: number): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on("update", (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < n; i++) doc.getText("t").insert(i % 7, String.fromCharCode(97 + (i % 26)));
  return { doc, updates };
}

/**
 * On SQLite the store appends its log rows through a prepared statement on the better-sqlite3
 * connection Prisma uses (server/db/client.ts `sqliteConnectionOf`), not through Prisma's
 * query compiler. The rows must be exactly what the Prisma INSERT stored, survive a reopen,
 * and never join someone else's open transaction on that shared connection.
 */
describe("document store: direct SQLite append", () => {
  const suite = dbPerSuite("sqlite");


  it("appends through the adapter's own connection; the row is what Prisma's INSERT stores; it survives a reopen", async () => {
    const direct = (await createArticle(suite.db)).id;
    const viaPrisma = (await createArticle(suite.db)).id;
    const store = new DocStore(suite.db, { flushMs: 60_000, compactEvery: 1_000_000 });
    await store.load(direct); // connects the client
    const connection = sqliteConnectionOf(suite.db)!;
    expect(connection).not.toBeNull();
    const { doc, updates } = edits(300);
    // Count the statements the connection runs: the direct path prepares exactly one INSERT.
    const prepared: string[] = [];
    const prepare = connection.prepare.bind(connection);
    connection.prepare = ((sql: string) => { prepared.push(sql); return prepare(sql); }) as typeof connection.prepare;
    try {
      for (const u of updates) store.append(direct, u);
      await store.flush(direct);
      for (const u of updates.slice(0, 10)) store.append(direct, u); // a second row: the statement is reused
      await store.flush(direct);
    } finally {
      connection.prepare = prepare as typeof connection.prepare;
    }
    expect(prepared).toEqual(['INSERT INTO "DocUpdate" ("articleId", "data") VALUES (?, ?)']);

    // The same edits through the store's Prisma path (the one PostgreSQL uses, and SQLite used before).
    const prismaStore = new DocStore(suite.db, { flushMs: 60_000, compactEvery: 1_000_000, sqliteDirect: false });
    for (const u of updates) prismaStore.append(viaPrisma, u);
    await prismaStore.flush(viaPrisma);
    const [ours] = await suite.db.docUpdate.findMany({ where: { articleId: direct }, orderBy: { id: "asc" }, take: 1 });
    const theirs = await suite.db.docUpdate.findFirstOrThrow({ where: { articleId: viaPrisma } });
    expect(Buffer.from(ours.data).equals(Buffer.from(theirs.data))).toBe(true);
    expect(Buffer.from(ours.data).equals(Buffer.from(mergeUpdatesBounded(updates)))).toBe(true);
    expect(ours.createdAt).toBeInstanceOf(Date);
    expect(Math.abs(ours.createdAt.getTime() - theirs.createdAt.getTime())).toBeLessThan(60_000);
    expect(ours.id).toBeLessThan(theirs.id);

    await suite.db.$disconnect();
    expect(sqliteConnectionOf(suite.db)).toBeNull(); // closed with the client, never used closed
    const reopened = createDb(suite.database.url);
    try {
      const loaded = await new DocStore(reopened).loadDoc(direct);
      expect(loaded.getText("t").toString()).toBe(doc.getText("t").toString());
      loaded.destroy();
    } finally {
      await reopened.$disconnect();
    }
    // The client reconnects on its next query, and the store picks up the new connection.
    await suite.db.article.count();
    expect(sqliteConnectionOf(suite.db)).not.toBeNull();
    expect(sqliteConnectionOf(suite.db)).not.toBe(connection);
  });

  it("waits for another caller's open transaction on the shared connection instead of joining it (a rollback loses nothing)", async () => {
    const articleId = (await createArticle(suite.db)).id;
    const other = (await createArticle(suite.db)).id;
    const store = new DocStore(suite.db, { flushMs: 60_000, compactEvery: 1_000_000 });
    await store.load(articleId);
    const { doc, updates } = edits(20);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let inside!: () => void;
    const opened = new Promise<void>((r) => (inside = r));
    // An interactive transaction that writes, then awaits (the event loop runs), then rolls back.
    const tx = suite.db.$transaction(async (t) => {
      await t.docUpdate.create({ data: { articleId: other, data: Buffer.from([0]) } });
      inside();
      await held;
      throw new Error("rolled back on purpose");
    }, { timeout: 20_000 }).catch((e: unknown) => e);
    await opened;
    for (const u of updates) store.append(articleId, u);
    let flushed = false;
    const flush = store.flush(articleId).then(() => { flushed = true; });
    await sleep(100);
    expect(flushed).toBe(false); // still waiting for the transaction to end
    release();
    expect(String(await tx)).toContain("rolled back on purpose");
    await flush;
    expect(await suite.db.docUpdate.count({ where: { articleId: other } })).toBe(0); // the transaction's own row is gone
    const loaded = await store.loadDoc(articleId); // ours is not
    expect(loaded.getText("t").toString()).toBe(doc.getText("t").toString());
    loaded.destroy();
  });
  it("writes the rows of every document the tick flushes in one transaction; a row that cannot be written fails alone and is retried", async () => {
    const ids = await Promise.all(Array.from({ length: 5 }, async () => (await createArticle(suite.db)).id));
    const errors: string[] = [];
    const store = new DocStore(suite.db, { flushMs: 20, compactEvery: 1_000_000, onError: (id) => errors.push(id) });
    await store.load(ids[0]); // connects the client
    const connection = sqliteConnectionOf(suite.db)!;
    let transactions = 0;
    const transaction = connection.transaction.bind(connection);
    connection.transaction = ((fn: (...a: unknown[]) => unknown) => {
      const t = transaction(fn);
      return Object.assign((...a: unknown[]) => { transactions++; return t(...a); }, t);
    }) as typeof connection.transaction;
    const rows = async (id: string) => suite.db.docUpdate.count({ where: { articleId: id } });
    const until = async (ok: () => Promise<boolean>) => { for (let i = 0; i < 200 && !(await ok()); i++) await sleep(10); };
    try {
      for (const id of ids) for (const u of edits(5).updates) store.append(id, u);
      await until(async () => (await suite.db.docUpdate.count({ where: { articleId: { in: ids } } })) === 5);
      expect(await Promise.all(ids.map(rows))).toEqual([1, 1, 1, 1, 1]);
      expect(transactions).toBe(1); // one commit (one journal sync) for the five documents

      // One document's row is refused by the database (a trigger stands in for any per-row error).
      await suite.db.$executeRawUnsafe(`CREATE TRIGGER poison BEFORE INSERT ON "DocUpdate" WHEN NEW."articleId" = '${ids[0]}' BEGIN SELECT RAISE(ABORT, 'poisoned row'); END`);
      for (const id of ids) for (const u of edits(3).updates) store.append(id, u);
      await until(async () => (await Promise.all(ids.slice(1).map(rows))).every((n) => n === 2));
      expect(await Promise.all(ids.map(rows))).toEqual([1, 2, 2, 2, 2]);
      expect(errors).toContain(ids[0]);
      expect(errors.filter((id) => id !== ids[0])).toEqual([]);
      await suite.db.$executeRawUnsafe("DROP TRIGGER poison");
      await store.flush(ids[0]); // kept in memory, written once the database takes it
      expect(await rows(ids[0])).toBe(2);
    } finally {
      connection.transaction = transaction as typeof connection.transaction;
      await suite.db.$executeRawUnsafe("DROP TRIGGER IF EXISTS poison");
    }
  });
});
