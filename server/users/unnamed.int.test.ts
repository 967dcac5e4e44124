import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../lib/policies";
import { listArticleHistory } from "../audit/article-history";
import { createDb, tuneSqlite, type Db } from "../db/client";
import { migrate } from "../db/migrate";
import { createArticle, createTestDatabase, createUser, type TestDatabase } from "../test-support/harness";
import { listTeam } from "./list-users";

/**
 * The server words no fallback name: a person without a name, or an event without a person,
 * comes back as null, and the page words it in the reader's language ("Unknown"/"Someone"
 * reached the Arabic interface in English).
 */
describe("names the server does not have", () => {
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

  it("come back as null from the team list and the article history", async () => {
    const admin = await createUser(db, "admin");
    const actor: Actor = { id: admin.id, name: admin.name, role: "admin" };
    const nameless = await db.user.create({ data: { email: "nameless@test.local", role: "editor" } });
    const article = await createArticle(db);
    await db.auditEvent.create({ data: { articleId: article.id, actorId: nameless.id, action: "claim.created", after: { exact: "x" } } });
    await db.auditEvent.create({ data: { articleId: article.id, actorId: null, action: "claim.created", after: { exact: "y" } } });

    const team = await listTeam({ db, actor });
    expect(team.find((m) => m.id === nameless.id)?.name).toBeNull();
    const { entries } = await listArticleHistory({ db, actor, articleId: article.id });
    expect(entries.map((e) => [e.actorName, e.byPerson]).sort()).toEqual([[null, false], [null, true]]);
  });
});
