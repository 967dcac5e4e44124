import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../db/client";
import { migrate } from "../db/migrate";
import { createTestDatabase, createUser, type TestDatabase } from "../test-support/harness";
import { createInvitation } from "./create-invitation";

/** An invitation is e-mailed to the person when the server sends mail, in the inviting admin's language. */
describe("invitation e-mail", () => {
  let database: TestDatabase;
  let db: Db;
  const previous = process.env.SANAD_SMTP_URL;
  beforeAll(async () => {
    database = await createTestDatabase("sqlite");
    db = createDb(database.url);
    await migrate(db, "sqlite");
  });
  afterAll(async () => {
    if (previous === undefined) delete process.env.SANAD_SMTP_URL; else process.env.SANAD_SMTP_URL = previous;
    await db?.$disconnect();
    await database?.drop();
  });

  it("queues the link for the invitee when SMTP is set, and only shows it when it is not", async () => {
    const admin = await createUser(db, "admin", "مديرة التحرير");
    await db.user.update({ where: { id: admin.id }, data: { locale: "ar" } });
    const actor = { id: admin.id, name: admin.name, role: admin.role };

    delete process.env.SANAD_SMTP_URL;
    const quiet = await createInvitation({ db, actor, input: { email: "quiet@newsroom.example", role: "editor" }, origin: "https://sanad.example" });
    expect(quiet.emailed).toBe(false);
    expect(await db.mailMessage.count()).toBe(0);

    process.env.SANAD_SMTP_URL = "smtp://127.0.0.1:2525";
    const sent = await createInvitation({ db, actor, input: { email: "Rania@Newsroom.example", role: "reviewer" }, origin: "https://sanad.example" });
    expect(sent.emailed).toBe(true);
    const mail = await db.mailMessage.findFirstOrThrow();
    expect(mail.to).toBe("rania@newsroom.example");
    expect(mail.subject).toContain("مديرة التحرير");
    expect(mail.text).toContain(sent.link);
    expect(mail.text).toContain("مراجِع"); // the role, in Arabic
  });
});
