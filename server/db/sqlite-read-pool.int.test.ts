import { afterAll, describe, expect, it } from "vitest";
import { AppError } from "../../lib/errors";
import { createUser, dbPerSuite } from "../test-support/harness";
import { sqlitePath } from "./client";
import { SqliteReadPool } from "./sqlite-read-pool";

/** A statement that runs for seconds on one core: counting a recursive CTE up to 10^9. */
const SLOW = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 1000000000) SELECT count(*) AS n FROM c";

describe("SQLite reads in a worker thread (search)", () => {
  const suite = dbPerSuite("sqlite");
  const pools: SqliteReadPool[] = [];
  const pool = (opts: ConstructorParameters<typeof SqliteReadPool>[1] = {}) => { const p = new SqliteReadPool(sqlitePath(suite.database.url), opts); pools.push(p); return p; };

  afterAll(async () => {
    await Promise.all(pools.map((p) => p.close()));
  });

  it("reads what the server's own connection committed, with Dates bound as Prisma stores them", async () => {
    const user = await createUser(suite.db, "editor");
    const row = await suite.db.user.findUniqueOrThrow({ where: { id: user.id } });
    const p = pool();
    const same = await p.all<{ id: string }>(`SELECT "id" FROM "User" WHERE "id" = ? AND "createdAt" >= ? AND "createdAt" < ?`, [user.id, row.createdAt, new Date(row.createdAt.getTime() + 1)]);
    expect(same.map((r) => r.id)).toEqual([user.id]);
    // The bound is inclusive at the exact millisecond: Prisma's text form and ours agree.
    const after = await p.all(`SELECT "id" FROM "User" WHERE "id" = ? AND "createdAt" > ?`, [user.id, row.createdAt]);
    expect(after).toEqual([]);
  });

  it("refuses a statement that writes", async () => {
    await expect(pool().all(`DELETE FROM "User"`, [])).rejects.toThrow(/only statements that read|readonly/i);
    expect(await suite.db.user.count()).toBeGreaterThan(0);
  });

  it("a query over its time cap is stopped with 503, the event loop keeps turning meanwhile, and the next query gets a new thread", async () => {
    const p = pool({ timeoutMs: 400 });
    await p.all("SELECT 1 AS one", []); // started and warm
    let ticks = 0;
    const timer = setInterval(() => ticks++, 20);
    const err = await p.all(SLOW, []).then(() => null, (e: unknown) => e);
    clearInterval(timer);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe("UNAVAILABLE");
    expect((err as AppError).status).toBe(503);
    // On the server's own (synchronous) connection no timer could fire until the query ended.
    expect(ticks).toBeGreaterThan(0);
    expect(await p.all<{ one: number }>("SELECT 1 AS one", [])).toEqual([{ one: 1 }]);
    expect(p.started).toBe(2);
  });

  it("a full queue is refused at once with 429, and what was queued still runs", async () => {
    const p = pool({ maxQueue: 1, timeoutMs: 300 });
    await p.all("SELECT 1", []); // started: the next query runs at once instead of waiting in the queue
    const running = p.all(SLOW, []).catch((e: unknown) => e);
    const queued = p.all<{ one: number }>("SELECT 1 AS one", []);
    await expect(p.all("SELECT 2", [])).rejects.toMatchObject({ code: "RATE_LIMITED" });
    expect(await running).toMatchObject({ code: "UNAVAILABLE" });
    expect(await queued).toEqual([{ one: 1 }]);
  });
});
