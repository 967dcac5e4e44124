import { readdirSync, readFileSync, statSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase, dbPerSuite, startTestServer, waitFor } from "../test-support/harness";
import { sqlitePath, tuneSqlite } from "./client";
import { FALLBACK_AUTOCHECKPOINT_PAGES, startSqliteCheckpointer, type Checkpointer } from "./sqlite-checkpointer";

const PAGE = 4096;
/** Nice values of this process's threads, main thread first (Linux). */
const niceValues = () => readdirSync(`/proc/${process.pid}/task`).map((tid) => Number(readFileSync(`/proc/${process.pid}/task/${tid}/stat`, "utf8").split(") ")[1].split(" ")[16]));

/** WAL checkpoints off the event loop: the server's connection no longer copies the log back inside a commit. */
describe("SQLite checkpoints in a thread of their own", () => {
  const suite = dbPerSuite("sqlite");
  const started: Checkpointer[] = [];
  afterAll(async () => { for (const c of started) await c.stop(); });

  it("the server's connection lets the log grow past SQLite's 1,000 pages; the thread copies all of it back", async () => {
    const { db, database } = suite;
    await tuneSqlite(db, database.url);
    const checkpointer = await startSqliteCheckpointer(db, database.url, { intervalMs: 60_000 });
    started.push(checkpointer);
    const [{ wal_autocheckpoint: pages }] = await db.$queryRawUnsafe<Array<{ wal_autocheckpoint: number | bigint }>>("PRAGMA wal_autocheckpoint");
    expect(Number(pages)).toBe(FALLBACK_AUTOCHECKPOINT_PAGES);

    // 25 commits of 100 rows of 4,000 bytes: ~2,500 log pages. At SQLite's default the commit that
    // crossed 1,000 pages would have checkpointed, on this (the event loop's) connection.
    await db.$executeRawUnsafe("CREATE TABLE scratch_blobs (data BLOB)");
    for (let i = 0; i < 25; i++) {
      await db.$executeRawUnsafe("INSERT INTO scratch_blobs SELECT randomblob(4000) FROM (WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 100) SELECT x FROM n)");
    }
    const wal = `${sqlitePath(database.url)}-wal`;
    expect(statSync(wal).size / PAGE).toBeGreaterThan(2_000);

    const result = await checkpointer.checkpointNow();
    expect(result?.busy).toBe(0);
    expect(result?.log).toBeGreaterThan(2_000);
    expect(result?.checkpointed).toBe(result?.log); // every page copied back: no reader held any

    // The next commit starts the log again from its beginning: it stops growing.
    await db.$executeRawUnsafe("INSERT INTO scratch_blobs VALUES (randomblob(10))");
    const again = await checkpointer.checkpointNow();
    expect(again?.log).toBeLessThan(10);
    const [{ n }] = await db.$queryRawUnsafe<Array<{ n: number | bigint }>>("SELECT count(*) AS n FROM scratch_blobs");
    expect(Number(n)).toBe(2_501);
  });

  it.runIf(process.platform === "linux")("checkpoints on its interval, in a thread at the lowest priority", async () => {
    const { db, database } = suite;
    const before = niceValues().filter((n) => n === 19).length;
    const checkpointer = await startSqliteCheckpointer(db, database.url, { intervalMs: 30 });
    started.push(checkpointer);
    await db.$executeRawUnsafe("INSERT INTO scratch_blobs VALUES (randomblob(100))");
    await waitFor(() => checkpointer.stats().checkpoints >= 2, "two checkpoints on the interval");
    expect(niceValues().filter((n) => n === 19).length).toBe(before + 1);
    expect(niceValues()[0]).toBe(0); // the event loop keeps its priority
    await checkpointer.stop();
    expect(niceValues().filter((n) => n === 19).length).toBe(before);
  });

  it("a thread that cannot open the file is reported once, however often it fails, and claims no checkpoint", async () => {
    const { db } = suite;
    const lines: string[] = [];
    // The pragma goes to this connection; the thread is pointed at a file that does not exist.
    const checkpointer = await startSqliteCheckpointer(db, "file:./data/no-such-dir/missing.db", { intervalMs: 20, log: (m) => lines.push(m) });
    started.push(checkpointer);
    await waitFor(() => checkpointer.stats().failures >= 3, "three failed checkpoints", 15_000);
    expect(lines).toEqual(["sqlite checkpoint failed; the server's connection checkpoints itself past the fallback size"]);
    expect(checkpointer.stats().checkpoints).toBe(0);
  });
});

describe("the server starts its checkpointer", () => {
  it("on SQLite: its connection checkpoints only past the fallback size, the thread answers; on PostgreSQL there is none", async () => {
    expect(await (await startSqliteCheckpointer(null as never, "postgresql://127.0.0.1:5432/unused")).checkpointNow()).toBeNull();
    const database = await createTestDatabase("sqlite");
    const server = await startTestServer(database.url);
    try {
      const [{ wal_autocheckpoint: pages }] = await server.db.$queryRawUnsafe<Array<{ wal_autocheckpoint: number | bigint }>>("PRAGMA wal_autocheckpoint");
      expect(Number(pages)).toBe(FALLBACK_AUTOCHECKPOINT_PAGES);
      expect(await server.checkpointer.checkpointNow()).toMatchObject({ busy: 0 });
    } finally {
      await server.close();
      await database.drop();
    }
  });
});
