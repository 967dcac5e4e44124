import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { createDb, type Db } from "../db/client";
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

  it("compaction rebuilds in the compaction thread while the event loop turns, and drops its result when another compaction replaced the snapshot meanwhile", async () => {
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
    type Reader = { readStored: (id: string) => Promise<unknown> };
    const reader = store as unknown as Reader;
    const read = reader.readStored.bind(store);
    reader.readStored = async (id: string) => {
      reader.readStored = read; // once: the compaction's read, not the load's below
      const result = await read(id);
      for (let i = 0; i < 20; i++) writer.getText("t").insert(writer.getText("t").length, "Z");
      await store.flush(article.id);
      const rows = await db.docUpdate.findMany({ where: { articleId: article.id }, select: { id: true } });
      const watermark = Math.max(...rows.map((r) => r.id));
      const data = Buffer.from(Y.encodeStateAsUpdate(writer));
      await db.docSnapshot.upsert({ where: { articleId: article.id }, create: { articleId: article.id, data, watermark }, update: { data, watermark } });
      await db.docUpdate.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } });
      return result;
    };
    // Count event-loop turns while the compaction rebuilds: the rebuild is the thread's, the loop goes on.
    const rebuild = vi.spyOn(compactionPool(), "rebuild");
    let turns = 0;
    let done = false;
    const compaction = store.compact(article.id).finally(() => { done = true; });
    const counting = (async () => { while (!done) { turns++; await new Promise((r) => setImmediate(r)); } })();
    await compaction;
    await counting;
    expect(rebuild).toHaveBeenCalledTimes(1);
    rebuild.mockRestore();
    expect(turns).toBeGreaterThanOrEqual(10);
    // Had the first compaction written its older snapshot over the other's, the 20 edits the
    // other folded (and deleted from the log) would be gone.
    const loaded = await store.loadDoc(article.id);
    expect(loaded.getText("t").toString()).toBe(writer.getText("t").toString());
    loaded.destroy();
  });

  it("a failed rebuild leaves the snapshot and log as they were, is reported once, and is tried again only after another compactEvery rows; unload's compaction does not throw for it", async () => {
    const article = await createArticle(db);
    let attempts = 0;
    const errors: string[] = [];
    const store = new DocStore(db, {
      flushMs: 60_000, compactEvery: 3,
      rebuild: async () => { attempts++; throw new Error("out of memory (test)"); },
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

  it("a compaction still rebuilding when the server closes writes nothing afterwards; the log loads whole", async () => {
    const own = await createTestDatabase(kind);
    const server = await startTestServer(own.url, { webhooks: false });
    const check = createDb(own.url);
    try {
      const editor = await createUser(server.db, "editor");
      const article = await createArticle(server.db, "A body.");
      // The unload's rebuild (roomIdleMs is 30 ms in tests) takes 1 s: the server closes meanwhile.
      const store = server.collab.store as unknown as { opts: { rebuild: (s: Uint8Array | null, r: Uint8Array[]) => Promise<Uint8Array> } };
      const rebuild = store.opts.rebuild;
      let rebuilding = false;
      let rebuilt = false;
      store.opts.rebuild = async (snapshot, rows) => {
        rebuilding = true;
        await new Promise((r) => setTimeout(r, 1_000));
        const out = await rebuild(snapshot, rows);
        rebuilt = true;
        return out;
      };
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
