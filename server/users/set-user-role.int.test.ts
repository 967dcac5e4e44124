import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../main";
import { asActor, createTestDatabase, createUser, startTestServer, type TestDatabase } from "../test-support/harness";
import { setUserRole } from "./set-user-role";

describe("roles", () => {
  let database: TestDatabase;
  let server: RunningServer;
  beforeAll(async () => {
    database = await createTestDatabase("sqlite");
    server = await startTestServer(database.url);
  });
  afterAll(async () => {
    await server?.close();
    await database?.drop();
  });

  it("only admins change roles, unknown roles are refused, and it is audited", async () => {
    const admin = await createUser(server.db, "admin");
    const viewer = await createUser(server.db, "viewer");
    await expect(setUserRole({ db: server.db, actor: asActor(viewer), userId: viewer.id, input: { role: "admin" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(setUserRole({ db: server.db, actor: asActor(admin), userId: viewer.id, input: { role: "superuser" } })).rejects.toThrow();
    await expect(setUserRole({ db: server.db, actor: asActor(admin), userId: admin.id, input: { role: "viewer" } })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(setUserRole({ db: server.db, actor: asActor(admin), userId: "nobody", input: { role: "editor" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await setUserRole({ db: server.db, actor: asActor(admin), userId: viewer.id, input: { role: "editor" } })).role).toBe("editor");
    const events = await server.db.auditEvent.findMany({ where: { action: "user.role_changed" } });
    expect(events).toHaveLength(1);
    expect(events[0].actorId).toBe(admin.id);
  });
});
