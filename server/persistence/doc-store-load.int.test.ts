import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createDb, tuneSqlite, type Db } from "../db/client";
import { migrate } from "../db/migrate";
import { createArticle, createTestDatabase, type TestDatabase } from "../test-support/harness";
import { DocStore } from "./doc-store";

/** The same client, but the first snapshot/log read lets a compaction commit right after it. */
function compactionAfterFirstRead(db: Db, compact: () => Promise<void>): Db {
  let done = false;
  const wrapModel = (model: object) => new Proxy(model, {
    get(target, key) {
      const value = Reflect.get(target, key) as unknown;
      if (typeof value !== "function") return value;
      if (key !== "findUnique" && key !== "findMany") return value.bind(target);
      return async (...args: unknown[]) => {
        const result = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        if (!done) {
          done = true;
          await compact();
        }
        return result;
      };
    },
  });
  return new Proxy(db, {
    get(target, key) {
      const value = Reflect.get(target, key) as unknown;
      if (key === "docSnapshot" || key === "docUpdate") return wrapModel(value as object);
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

describe("loading a document while another process compacts it", () => {
  let database: TestDatabase;
  let db: Db;
  beforeAll(async () => {
    database = await createTestDatabase("sqlite");
    db = createDb(database.url);
    await tuneSqlite(db, database.url);
    await migrate(db, "sqlite");
  });
  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });

  it("never loses the rows the compaction folded between the load's two reads", async () => {
    const articleId = (await createArticle(db)).id;
    const writer = new DocStore(db);
    const doc = new Y.Doc();
    doc.on("update", (u: Uint8Array) => writer.append(articleId, u));
    for (let i = 0; i < 5; i++) {
      doc.getMap("claims").set(`c${i}`, i);
      await writer.flush(articleId);
    }
    const loader = new DocStore(compactionAfterFirstRead(db, () => new DocStore(db).compact(articleId)));
    const state = await loader.load(articleId);
    const loaded = new Y.Doc();
    if (state) Y.applyUpdate(loaded, state);
    expect([...loaded.getMap("claims").keys()].sort()).toEqual(["c0", "c1", "c2", "c3", "c4"]);
    expect(await db.docUpdate.count({ where: { articleId } })).toBe(0); // the compaction did run
  });
});
