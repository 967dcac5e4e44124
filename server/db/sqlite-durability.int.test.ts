import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import Database from "better-sqlite3";
import * as Y from "yjs";
import { createArticle, createTestDatabase, type TestDatabase } from "../test-support/harness";
import { createDb, sqliteConnectionOf, sqlitePath, tuneSqlite, type Db } from "./client";
import { syncWalFile, walSyncThread } from "./sqlite-durability";

/** Nice values of this process's threads, main thread first (Linux). */
const niceValues = () => readdirSync(`/proc/${process.pid}/task`).map((tid) => Number(readFileSync(`/proc/${process.pid}/task/${tid}/stat`, "utf8").split(") ")[1].split(" ")[16]));
import { migrate } from "./migrate";
import { DocStore } from "../persistence/doc-store";

/**
 * A sync of the write-ahead log that the test holds, fails or lets through, and the count of
 * syncs started. The real one (syncWalFile) runs in the sync thread; released syncs go there.
 */
function heldSyncs() {
  const started: Array<{ path: string; release: () => void; fail: (e: Error) => void }> = [];
  let hold = false;
  let failNext: Error | null = null;
  const sync = (path: string): Promise<unknown> => {
    if (failNext) { const e = failNext; failNext = null; started.push({ path, release: () => {}, fail: () => {} }); return Promise.reject(e); }
    if (!hold) { started.push({ path, release: () => {}, fail: () => {} }); return syncWalFile(path); }
    return new Promise<unknown>((resolve, reject) => started.push({ path, release: () => void syncWalFile(path).then(resolve, reject), fail: reject }));
  };
  return { sync, started, hold: (on: boolean) => { hold = on; }, failOnce: (e: Error) => { failNext = e; } };
}

/** Prisma's promises run only once awaited: start one now. */
const start = <T>(query: PromiseLike<T>): Promise<T> => Promise.resolve(query);

/** Settled yet? (after the microtasks and callbacks already queued) */
async function settled(p: Promise<unknown>): Promise<boolean> {
  let done = false;
  void p.then(() => { done = true; }, () => { done = true; });
  await new Promise((r) => setImmediate(r));
  await new Promise((r) => setImmediate(r));
  return done;
}

/** Read the database from a connection of its own (what another process would see). */
function countRows(database: TestDatabase, sql: string): number {
  const other = new Database(sqlitePath(database.url), { readonly: true });
  try { return Number(other.prepare(sql).pluck().get()); } finally { other.close(); }
}

/**
 * Writes on the server's SQLite connection resolve only once the write-ahead log is synced,
 * in a thread of their own: commits themselves do not sync (synchronous = NORMAL), so the event
 * loop never waits for the disk, and nothing is acknowledged that a power loss could undo.
 */
describe("SQLite: durable before acknowledged, synced off the event loop", () => {
  let database: TestDatabase;
  let db: Db;
  const syncs = heldSyncs();

  beforeAll(async () => {
    database = await createTestDatabase("sqlite");
    db = createDb(database.url, { syncWal: syncs.sync });
    await migrate(db, "sqlite");
    await tuneSqlite(db, database.url);
  });
  afterEach(() => { syncs.hold(false); });
  afterAll(async () => {
    await db.$disconnect();
    await database.drop();
  });

  it("the server's connection is in WAL mode and does not sync its commits itself", async () => {
    const connection = sqliteConnectionOf(db)!;
    expect(connection.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(Number(connection.pragma("synchronous", { simple: true }))).toBe(1); // NORMAL
  });

  it("a Prisma write resolves only after a sync of the log that began after its commit; so does a read that could have seen it", async () => {
    const before = syncs.started.length;
    syncs.hold(true);
    const write = start(db.user.create({ data: { email: "durable@example.org", name: "D", role: "editor", passwordHash: "x" } as never }));
    await expect.poll(() => syncs.started.length).toBe(before + 1);
    expect(syncs.started[before].path).toBe(`${sqlitePath(database.url)}-wal`);
    // Committed (another connection sees it), not yet acknowledged.
    expect(countRows(database, `SELECT count(*) FROM "User" WHERE "email" = 'durable@example.org'`)).toBe(1);
    expect(await settled(write)).toBe(false);
    // A read in the meantime sees the row: it waits for the same sync, and starts none.
    const read = start(db.user.count({ where: { email: "durable@example.org" } }));
    expect(await settled(read)).toBe(false);
    syncs.started[before].release();
    await expect(write).resolves.toMatchObject({ email: "durable@example.org" });
    await expect(read).resolves.toBe(1);
    expect(syncs.started.length).toBe(before + 1);
    // With everything synced, a read waits for nothing and syncs nothing.
    syncs.hold(true);
    await expect(db.user.count()).resolves.toBeGreaterThanOrEqual(1);
    expect(syncs.started.length).toBe(before + 1);
  });

  it("a transaction resolves after its commit is synced; one sync covers the writes committed before it began", async () => {
    const before = syncs.started.length;
    syncs.hold(true);
    const tx = start(db.$transaction([
      db.user.create({ data: { email: "tx1@example.org", name: "T1", role: "editor", passwordHash: "x" } as never }),
      db.user.create({ data: { email: "tx2@example.org", name: "T2", role: "editor", passwordHash: "x" } as never }),
    ]));
    await expect.poll(() => syncs.started.length).toBe(before + 1);
    expect(await settled(tx)).toBe(false);
    // Two writes committed while that sync runs: each needs a sync begun after it, and one is enough for both.
    const a = start(db.user.update({ where: { email: "tx1@example.org" }, data: { name: "T1b" } }));
    const b = start(db.user.update({ where: { email: "tx2@example.org" }, data: { name: "T2b" } }));
    await new Promise((r) => setTimeout(r, 20));
    expect(syncs.started.length).toBe(before + 1);
    syncs.started[before].release();
    await expect(tx).resolves.toHaveLength(2);
    await expect.poll(() => syncs.started.length).toBe(before + 2);
    expect(await settled(Promise.all([a, b]))).toBe(false);
    syncs.started[before + 1].release();
    await Promise.all([a, b]);
    expect(syncs.started.length).toBe(before + 2);
  });

  it("a failed sync fails the write that waited on it, with the disk's error", async () => {
    syncs.failOnce(Object.assign(new Error("EIO: i/o error, fsync"), { code: "EIO" }));
    await expect(db.user.update({ where: { email: "tx1@example.org" }, data: { name: "T1c" } })).rejects.toThrow(/EIO/);
    // The next write syncs again.
    await expect(db.user.update({ where: { email: "tx1@example.org" }, data: { name: "T1d" } })).resolves.toMatchObject({ name: "T1d" });
  });

  it("the document store's log rows are acknowledged (flush resolves) only after the sync; a failed sync loses nothing", async () => {
    const article = await createArticle(db);
    const store = new DocStore(db, { flushMs: 5 });
    const doc = new Y.Doc();
    doc.on("update", (u: Uint8Array) => store.append(article.id, u));
    doc.getText("t").insert(0, "first");

    const before = syncs.started.length;
    syncs.hold(true);
    const flushed = store.flush(article.id);
    await expect.poll(() => syncs.started.length).toBe(before + 1);
    expect(countRows(database, `SELECT count(*) FROM "DocUpdate" WHERE "articleId" = '${article.id}'`)).toBe(1);
    expect(await settled(flushed)).toBe(false);
    syncs.started[before].release();
    await flushed;

    // The disk fails the next sync: the store keeps the update and writes it again.
    syncs.hold(false);
    const errors: unknown[] = [];
    const failing = new DocStore(db, { flushMs: 5, onError: (_id, e) => errors.push(e) });
    const second = new Y.Doc();
    Y.applyUpdate(second, Y.encodeStateAsUpdate(doc));
    second.on("update", (u: Uint8Array) => failing.append(article.id, u));
    syncs.failOnce(Object.assign(new Error("EIO: i/o error, fsync"), { code: "EIO" }));
    second.getText("t").insert(5, " second");
    await expect(failing.flush(article.id)).rejects.toThrow(/EIO/);
    expect(errors).toHaveLength(1);
    await failing.flush(article.id);
    const stored = await failing.loadDoc(article.id);
    expect(stored.getText("t").toString()).toBe("first second");
    stored.destroy();
    store.close();
    failing.close();
  });

  it("by default the log is synced in a thread of its own at the lowest priority, not on the event loop", async () => {
    const plain = createDb(database.url);
    try {
      await plain.$queryRawUnsafe("SELECT 1");
      const run = vi.spyOn(walSyncThread(), "run");
      await plain.user.update({ where: { email: "tx1@example.org" }, data: { name: "T1e" } });
      expect(run).toHaveBeenCalledWith({ file: `${sqlitePath(database.url)}-wal` });
      run.mockRestore();
    } finally {
      await plain.$disconnect();
    }
    if (process.platform !== "linux") return;
    await walSyncThread().close();
    const before = niceValues().filter((n) => n === 19).length;
    const file = `${sqlitePath(database.url)}.scratch`;
    writeFileSync(file, "x");
    await expect(syncWalFile(file)).resolves.toBe(true);
    expect(niceValues().filter((n) => n === 19).length).toBe(before + 1);
    expect(niceValues()[0]).toBe(0); // the event loop keeps its priority
    await expect(syncWalFile(`${file}.missing`)).resolves.toBe(false); // no log: nothing to sync
  });
});
