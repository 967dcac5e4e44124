import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { createDb, sqlitePath, type Db } from "../db/client";
import { migrate } from "../db/migrate";
import { connectClient, createArticle, createTestDatabase, createUser, databaseKinds, roomHas, startTestServer, waitFor, type TestDatabase } from "../test-support/harness";
import type { RunningServer } from "../main";
import { compactionPool } from "./compaction-pool";
import { DocStore } from "./doc-store";

/**
 * The store's life cycle beyond the happy path: compaction folds exactly the log it read and
 * records the highest folded id as watermark; a room whose store fails on unload stays loaded
 * (its memory is the only copy) and unloads once the store works again.
 */
describe.each(databaseKinds())("document store life cycle (%s)", (kind) => {
  let database: TestDatabase;
  let db: Db;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    db = createDb(database.url);
    await migrate(db, kind);
  });
  afterAll(async () => {
    await db.$disconnect();
    await database.drop();
  });

  it("compaction rebuilds in the compaction thread (on SQLite, reading there too) while the event loop turns, and drops its result when another compaction replaced the snapshot meanwhile", async () => {
    const article = await createArticle(db);
    const store = new DocStore(db, { flushMs: 60_000, compactEvery: 1_000_000 });
    const writer = new Y.Doc();
    writer.on("update", (u: Uint8Array) => store.append(article.id, u));
    for (let i = 0; i < 600; i++) {
      writer.getText("t").insert(writer.getText("t").length, String.fromCharCode(97 + (i % 26)));
      await store.flush(article.id); // one log row per edit
    }
    // Right after this store has read the log, more edits land and another process compacts
    // everything, these edits included (written here as that process would: the full state as
    // snapshot, every row it read deleted).
    const interfere = async () => {
      for (let i = 0; i < 20; i++) writer.getText("t").insert(writer.getText("t").length, "Z");
      await store.flush(article.id);
      const rows = await db.docUpdate.findMany({ where: { articleId: article.id }, select: { id: true } });
      const watermark = Math.max(...rows.map((r) => r.id));
      const data = Buffer.from(Y.encodeStateAsUpdate(writer));
      await db.docSnapshot.upsert({ where: { articleId: article.id }, create: { articleId: article.id, data, watermark }, update: { data, watermark } });
      await db.docUpdate.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } });
    };
    type Internals = { readStored: (id: string) => Promise<unknown>; opts: { rebuildStored: (file: string, id: string) => Promise<unknown> } };
    const internals = store as unknown as Internals;
    const read = internals.readStored.bind(store);
    const readOnLoop = vi.spyOn(internals, "readStored");
    if (kind === "sqlite") {
      // The thread read the log and the snapshot; the interference lands before the write.
      const rebuildStored = internals.opts.rebuildStored;
      internals.opts.rebuildStored = async (file, id) => {
        const result = await rebuildStored(file, id);
        await interfere();
        return result;
      };
    } else {
      readOnLoop.mockImplementationOnce(async (id: string) => {
        const result = await read(id);
        await interfere();
        return result;
      });
    }
    // Count event-loop turns while the compaction rebuilds: the rebuild is the thread's, the loop goes on.
    const inThread = vi.spyOn(compactionPool(), kind === "sqlite" ? "rebuildStored" : "rebuild");
    let turns = 0;
    let done = false;
    const compaction = store.compact(article.id).finally(() => { done = true; });
    const counting = (async () => { while (!done) { turns++; await new Promise((r) => setImmediate(r)); } })();
    await compaction;
    await counting;
    expect(inThread).toHaveBeenCalledTimes(1);
    inThread.mockRestore();
    // SQLite: 600 log rows were not read on the event loop (its reads hold it: better-sqlite3 is synchronous).
    expect(readOnLoop).toHaveBeenCalledTimes(kind === "sqlite" ? 0 : 1);
    readOnLoop.mockRestore();
    expect(turns).toBeGreaterThanOrEqual(10);
    // Had the first compaction written its older snapshot over the other's, the 20 edits the
    // other folded (and deleted from the log) would be gone.
    const loaded = await store.loadDoc(article.id);
    expect(loaded.getText("t").toString()).toBe(writer.getText("t").toString());
    loaded.destroy();
  });

  it.runIf(kind === "sqlite")("SQLite: compaction deletes the rows it folded as one range up to the watermark, and fails with nothing changed should that range hold a row it did not read", async () => {
    const article = await createArticle(db);
    const other = await createArticle(db);
    const store = new DocStore(db, { flushMs: 60_000, compactEvery: 1_000_000 });
    const doc = new Y.Doc();
    doc.on("update", (u: Uint8Array) => store.append(article.id, u));
    const otherDoc = new Y.Doc();
    otherDoc.on("update", (u: Uint8Array) => store.append(other.id, u));
    const row = async (d: Y.Doc, id: string, text: string) => {
      d.getText("t").insert(d.getText("t").length, text);
      await store.flush(id);
    };
    // The other article's row sits between this one's: the range is this document's rows only.
    await row(doc, article.id, "one ");
    await row(otherDoc, other.id, "other ");
    await row(doc, article.id, "two ");
    await row(doc, article.id, "three ");
    await store.compact(article.id);
    expect(await db.docUpdate.count({ where: { articleId: article.id } })).toBe(0);
    expect(await db.docUpdate.count({ where: { articleId: other.id } })).toBe(1);
    expect((await store.loadDoc(other.id)).getText("t").toString()).toBe("other ");

    // A row at or below the watermark that the compaction did not read (its id taken from a
    // deleted row of the other article, as no writer of this server does: ids only grow).
    await row(doc, article.id, "four ");
    await row(doc, article.id, "five ");
    const late = new Y.Doc();
    late.getMap("late").set("row", "not read by the compaction");
    const opts = (store as unknown as { opts: { rebuildStored: (file: string, id: string) => Promise<unknown> } }).opts;
    const rebuildStored = opts.rebuildStored;
    opts.rebuildStored = async (file, id) => {
      const result = await rebuildStored(file, id);
      const free = (await db.docUpdate.findFirst({ where: { articleId: other.id }, select: { id: true } }))!.id;
      await db.docUpdate.delete({ where: { id: free } });
      await db.$executeRaw`INSERT INTO "DocUpdate" ("id", "articleId", "data") VALUES (${free}, ${article.id}, ${Buffer.from(Y.encodeStateAsUpdate(late))})`;
      return result;
    };
    const before = await db.docSnapshot.findUnique({ where: { articleId: article.id } });
    await expect(store.compact(article.id)).rejects.toThrow(/compaction read 2 log rows but 3 are at or below its watermark; nothing was changed/);
    expect(await db.docUpdate.count({ where: { articleId: article.id } })).toBe(3);
    expect((await db.docSnapshot.findUnique({ where: { articleId: article.id } }))?.watermark).toBe(before?.watermark);
    const loaded = await store.loadDoc(article.id);
    expect(loaded.getText("t").toString()).toBe("one two three four five ");
    expect(loaded.getMap("late").get("row")).toBe("not read by the compaction");
    loaded.destroy();
  });

  it.runIf(kind === "sqlite")("SQLite: the compaction thread reads the file its path names now, not a file deleted and made again there", async () => {
    const own = await createTestDatabase("sqlite");
    const compactOnce = async (text: string) => {
      const client = createDb(own.url);
      await migrate(client, "sqlite");
      const article = await createArticle(client);
      const store = new DocStore(client, { flushMs: 60_000, compactEvery: 1_000_000 });
      const doc = new Y.Doc();
      doc.on("update", (u: Uint8Array) => store.append(article.id, u));
      for (const word of text.split(" ")) {
        doc.getText("t").insert(doc.getText("t").length, `${word} `);
        await store.flush(article.id);
      }
      await store.compact(article.id);
      const snapshot = await client.docSnapshot.findUnique({ where: { articleId: article.id } });
      const loaded = await store.loadDoc(article.id);
      const result = { rows: await client.docUpdate.count({ where: { articleId: article.id } }), watermark: snapshot?.watermark, text: loaded.getText("t").toString() };
      loaded.destroy();
      await client.$disconnect();
      return result;
    };
    try {
      expect(await compactOnce("first file")).toEqual({ rows: 0, watermark: 2, text: "first file " });
      await own.drop(); // the thread still has the first file open
      mkdirSync(path.dirname(sqlitePath(own.url)), { recursive: true });
      expect(await compactOnce("a second file at the same path")).toEqual({ rows: 0, watermark: 7, text: "a second file at the same path " });
    } finally {
      await own.drop();
    }
  });

  it("a failed rebuild leaves the snapshot and log as they were, is reported once, and is tried again only after another compactEvery rows; unload's compaction does not throw for it", async () => {
    const article = await createArticle(db);
    let attempts = 0;
    const errors: string[] = [];
    const store = new DocStore(db, {
      flushMs: 60_000, compactEvery: 3,
      rebuild: async () => { attempts++; throw new Error("out of memory (test)"); },
      rebuildStored: async () => { attempts++; throw new Error("out of memory (test)"); }, // SQLite: the thread reads too
      onCompactionError: (_id, e) => errors.push(String(e)),
    });
    const doc = new Y.Doc();
    doc.on("update", (u: Uint8Array) => store.append(article.id, u));
    const row = async (i: number) => {
      doc.getText("t").insert(doc.getText("t").length, `${i} `);
      await store.flush(article.id);
    };
    for (let i = 1; i <= 3; i++) await row(i);
    expect(attempts).toBe(1);
    expect(errors).toEqual(["Error: out of memory (test)"]);
    await row(4);
    await row(5);
    expect(attempts).toBe(1); // not on every write
    await row(6);
    expect(attempts).toBe(2);
    expect(await db.docUpdate.count({ where: { articleId: article.id } })).toBe(6);
    expect(await db.docSnapshot.count({ where: { articleId: article.id } })).toBe(0);
    const loaded = await store.loadDoc(article.id);
    expect(loaded.getText("t").toString()).toBe(doc.getText("t").toString());
    loaded.destroy();
    // As a room's unload calls it: a failed rebuild is not a store failure (the room may go, its edits are stored).
    await expect(store.compact(article.id)).resolves.toBeUndefined();
    expect(errors).toHaveLength(3);
  });

  it("compaction writes a snapshot with the highest folded id as watermark, deletes exactly those rows, and loads the same document", async () => {
    const article = await createArticle(db);
    const store = new DocStore(db, { flushMs: 60_000, compactEvery: 1_000_000 });
    const doc = new Y.Doc();
    doc.on("update", (u: Uint8Array) => store.append(article.id, u));
    for (let i = 0; i < 5; i++) {
      doc.getText("rationale").insert(doc.getText("rationale").length, `part ${i} — جزء ${i}. `);
      await store.flush(article.id); // one log row per round
    }
    const rows = await db.docUpdate.findMany({ where: { articleId: article.id }, orderBy: { id: "asc" }, select: { id: true } });
    expect(rows).toHaveLength(5);

    await store.compact(article.id);
    const snapshot = await db.docSnapshot.findUnique({ where: { articleId: article.id } });
    expect(snapshot?.watermark).toBe(rows[rows.length - 1].id);
    expect(await db.docUpdate.count({ where: { articleId: article.id } })).toBe(0);

    // A row written after compaction is kept and loaded on top of the snapshot.
    doc.getMap("claims").set("after", "compaction");
    await store.flush(article.id);
    expect(await db.docUpdate.count({ where: { articleId: article.id } })).toBe(1);
    const loaded = new Y.Doc();
    Y.applyUpdate(loaded, (await store.load(article.id))!);
    expect(loaded.getText("rationale").toString()).toBe(doc.getText("rationale").toString());
    expect(loaded.getMap("claims").get("after")).toBe("compaction");

    // Compacting again folds the new row and moves the watermark past it; with nothing new it is a no-op.
    const later = await db.docUpdate.findFirst({ where: { articleId: article.id }, select: { id: true } });
    await store.compact(article.id);
    expect((await db.docSnapshot.findUnique({ where: { articleId: article.id } }))?.watermark).toBe(later!.id);
    await store.compact(article.id);
    expect((await db.docSnapshot.findUnique({ where: { articleId: article.id } }))?.watermark).toBe(later!.id);
  });

  it("the server starts the compaction thread with itself, before any room compacts", async () => {
    const pool = compactionPool();
    await pool.close(); // as after its idle time
    const started = pool.started;
    const server = await startTestServer(database.url, { webhooks: false });
    try {
      expect(pool.started).toBe(started + 1);
    } finally {
      await server.close();
    }
  });

  it("a compaction still rebuilding when the server closes writes nothing afterwards; the log loads whole", async () => {
    const own = await createTestDatabase(kind);
    const server = await startTestServer(own.url, { webhooks: false });
    const check = createDb(own.url);
    try {
      const editor = await createUser(server.db, "editor");
      const article = await createArticle(server.db, "A body.");
      // The unload's rebuild (roomIdleMs is 30 ms in tests) takes 1 s: the server closes meanwhile.
      type Options = { rebuild: (s: Uint8Array | null, r: Uint8Array[]) => Promise<Uint8Array>; rebuildStored: (file: string, id: string) => Promise<unknown> };
      const opts = (server.collab.store as unknown as { opts: Options }).opts;
      let rebuilding = false;
      let rebuilt = false;
      const slow = <A extends unknown[], R>(f: (...a: A) => Promise<R>) => async (...a: A): Promise<R> => {
        rebuilding = true;
        await new Promise((r) => setTimeout(r, 1_000));
        const out = await f(...a);
        rebuilt = true;
        return out;
      };
      opts.rebuild = slow(opts.rebuild);
      opts.rebuildStored = slow(opts.rebuildStored); // SQLite: the thread reads too
      await server.docs.write(article.id, (doc) => { doc.getText("rationale").insert(0, "stored before the close"); }, editor.id);
      await waitFor(() => rebuilding, "the unload's compaction is rebuilding");
      await server.close();
      await waitFor(() => rebuilt, "the rebuild finished");
      await new Promise((r) => setTimeout(r, 200));
      expect(await check.docSnapshot.count({ where: { articleId: article.id } })).toBe(0);
      const loaded = await new DocStore(check).loadDoc(article.id);
      expect(loaded.getText("rationale").toString()).toBe("stored before the close");
      loaded.destroy();
    } finally {
      await server.close();
      await check.$disconnect();
      await own.drop();
    }
  });

  describe("unload when the store fails", () => {
    let server: RunningServer;
    beforeAll(async () => {
      server = await startTestServer(database.url, { collab: { limits: { roomIdleMs: 30 } } });
    });
    afterAll(async () => {
      await server.close();
    });

    it("keeps the room loaded while compaction fails and unloads it once the store works again", async () => {
      const editor = await createUser(server.db, "editor");
      const article = await createArticle(server.db);
      const store = server.collab.store;
      const realCompact = store.compact.bind(store);
      let failures = 0;
      store.compact = async () => {
        failures++;
        throw new Error("database is unavailable (test)");
      };
      try {
        const client = connectClient(server, article.id, editor.cookie);
        await client.synced();
        client.doc.getText("rationale").insert(0, "kept in memory while the store is down");
        await roomHas(server, article.id, client.doc);
        client.destroy();
        // Several unload attempts fail; the room (the only full copy) stays.
        await waitFor(() => failures >= 2, "unload retried");
        expect(server.collab.registry.loaded(article.id)?.doc.getText("rationale").toString()).toBe("kept in memory while the store is down");
      } finally {
        store.compact = realCompact;
      }
      // (loaded() is already undefined while an unload attempt runs: wait for its snapshot too.)
      await waitFor(async () => !server.collab.registry.loaded(article.id) && (await server.db.docSnapshot.count({ where: { articleId: article.id } })) === 1, "room unloads once the store works");
      const stored = new Y.Doc();
      Y.applyUpdate(stored, (await new DocStore(server.db).load(article.id))!);
      expect(stored.getText("rationale").toString()).toBe("kept in memory while the store is down");
    });
  });
});

describe.runIf(databaseKinds().includes("postgres"))("migrations from several processes at once (postgres)", () => {
  it("apply each migration exactly once (advisory lock)", async () => {
    const database = await createTestDatabase("postgres");
    const clients = [createDb(database.url), createDb(database.url), createDb(database.url)];
    try {
      const results = await Promise.all(clients.map((c) => migrate(c, "postgres")));
      const all = results.flat();
      expect(new Set(all).size).toBe(all.length); // nobody applied a migration another one applied
      const rows = await clients[0].$queryRawUnsafe<Array<{ migration_name: string; n: bigint }>>(
        `SELECT "migration_name", COUNT(*) AS n FROM "_prisma_migrations" GROUP BY "migration_name"`,
      );
      expect(rows.length).toBe(all.length);
      for (const r of rows) expect(Number(r.n)).toBe(1);
    } finally {
      await Promise.all(clients.map((c) => c.$disconnect()));
      await database.drop();
    }
  });
});
