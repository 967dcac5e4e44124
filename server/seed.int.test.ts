import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, tuneSqlite, type Db } from "./db/client";
import { migrate } from "./db/migrate";
import { verifyPassword } from "./auth/passwords";
import { createTestDatabase, type TestDatabase } from "./test-support/harness";
import { seedDemoUsers } from "./seed";

describe("demo mode does not undo an admin's changes", () => {
  let database: TestDatabase;
  let db: Db;
  beforeAll(async () => {
    database = await createTestDatabase("sqlite");
    db = createDb(database.url);
    await tuneSqlite(db, database.url);
    await migrate(db, "sqlite", () => {});
  });
  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });

  it("a restart keeps a demo user's changed role and password, and recreates only deleted users", async () => {
    expect(await seedDemoUsers(db)).toBe(5);
    const editor = await db.user.findUniqueOrThrow({ where: { email: "editor@sanad.local" } });
    await db.user.update({ where: { id: editor.id }, data: { role: "viewer", passwordHash: "$2b$10$abcdefghijklmnopqrstuuT1GJ1bVh6ROyDKJ3VmT8aZ1qY5Gl6Su" } });
    await db.user.delete({ where: { email: "viewer@sanad.local" } });

    expect(await seedDemoUsers(db)).toBe(1); // the "restart"
    const after = await db.user.findUniqueOrThrow({ where: { id: editor.id } });
    expect(after.role).toBe("viewer");
    expect(await verifyPassword("sanad-demo", after.passwordHash)).toBe(false);
    expect(await db.user.findUnique({ where: { email: "viewer@sanad.local" } })).not.toBeNull();
  });
});
