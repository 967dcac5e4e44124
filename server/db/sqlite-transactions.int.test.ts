import { describe, expect, it } from "vitest";
import { dbPerSuite } from "../test-support/harness";

/**
 * On SQLite every query of a client shares one connection. A write made outside an open
 * interactive transaction must not become part of it: when that transaction rolls back, the
 * unrelated write stays.
 */
describe("SQLite: a write outside an open transaction is not undone by its rollback", () => {
  const suite = dbPerSuite("sqlite");

  it("the outside write waits for the transaction and survives its rollback", async () => {
    const order: string[] = [];
    let inside!: () => void;
    const entered = new Promise<void>((resolve) => { inside = resolve; });
    let release!: () => void;
    const held = new Promise<void>((resolve) => { release = resolve; });
    const failing = suite.db.$transaction(async (tx) => {
      await tx.user.create({ data: { email: "inside@example.org", name: "inside", role: "editor" } });
      inside();
      await held; // another caller writes while this transaction is open
      throw new Error("roll back");
    }, { timeout: 10_000 }).catch((e: Error) => e.message);
    await entered;
    // A single-statement write: Prisma runs it without a transaction of its own (a create that
    // returns the row is wrapped in one, and so waited for the adapter's transaction mutex anyway).
    const outside = suite.db.$executeRaw`INSERT INTO "User" ("id", "email", "name", "role", "updatedAt") VALUES ('outside', 'outside@example.org', 'outside', 'editor', '2026-01-01T00:00:00.000+00:00')`
        .then((n) => { order.push("outside written"); return n; }); // a Prisma query starts when it is awaited or then-ed
    // And a read made meanwhile does not see the transaction's uncommitted row.
    const read = suite.db.user.count({ where: { email: "inside@example.org" } }).then((n) => n);
    await new Promise((r) => setTimeout(r, 50));
    order.push("transaction released");
    release();
    expect(await failing).toBe("roll back");
    await outside;
    expect(await read).toBe(0);
    expect(order).toEqual(["transaction released", "outside written"]);
    const emails = (await suite.db.user.findMany({ select: { email: true } })).map((u) => u.email);
    expect(emails).toContain("outside@example.org");
    expect(emails).not.toContain("inside@example.org");
  });
});
