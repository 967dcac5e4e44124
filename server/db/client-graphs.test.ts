import { describe, expect, it, vi } from "vitest";

/**
 * server/main.ts (tsx) and the route handlers (bundled by Next) load server/db/client.ts as two
 * separate module instances in one process. The URL a client was created for must be known to
 * both: Next's copy used to answer the default SQLite URL for main's PostgreSQL client, so a
 * search from a page spoke SQLite's full-text dialect to PostgreSQL.
 */
describe("the database URL of a client is shared by both module graphs", () => {
  it("a client made by one module instance reports its URL in another", async () => {
    const url = "postgresql://nobody@127.0.0.1:1/never_connected";
    const mainGraph = await import("./client");
    const db = mainGraph.createDb(url); // PrismaPg connects lazily: nothing is opened here
    vi.resetModules();
    const nextGraph = await import("./client");
    expect(nextGraph).not.toBe(mainGraph);
    expect(nextGraph.databaseUrlOf(db)).toBe(url);
    expect(nextGraph.providerOf(nextGraph.databaseUrlOf(db))).toBe("postgres");
    await db.$disconnect();
  });
});
