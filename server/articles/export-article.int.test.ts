import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addClaim, readClaim, setStatement, setVerdict } from "../../lib/article-doc";
import type { RunningServer } from "../main";
import { connectClient, createArticle, createTestDatabase, createUser, databaseKinds, startTestServer, waitFor, type TestDatabase, type TestUser } from "../test-support/harness";
import { parseCsv } from "../../lib/export/csv";
import { exportArticle } from "./export-article";

const BODY = "Trade ministers met in Nairobi on 14 March 2024. Officials said the deal would create 8,000 jobs.";
const who = (u: TestUser) => ({ id: u.id, name: u.name });


for (const kind of databaseKinds()) {
  describe(`exports carry server-vouched authorship on ${kind}`, () => {
    let database: TestDatabase;
    let server: RunningServer;
    let editor: TestUser, reviewer: TestUser;
    beforeAll(async () => {
      database = await createTestDatabase(kind);
      server = await startTestServer(database.url);
      editor = await createUser(server.db, "editor");
      reviewer = await createUser(server.db, "reviewer");
    });
    afterAll(async () => {
      await server?.close();
      await database?.drop();
    });

    it("a claim whose createdBy/verdictBy were forged exports its real creator; the statement is exported", async () => {
      const articleId = (await createArticle(server.db, BODY)).id;
      const e = connectClient(server, articleId, editor.cookie);
      await e.synced();
      const start = BODY.indexOf("8,000 jobs");
      const claimId = addClaim(e.doc, BODY, { type: "number", start, end: start + 10 }, who(reviewer)); // forged creator
      setVerdict(e.doc, claimId, "false", who(reviewer)); // forged verdict setter
      setStatement(e.doc, claimId, "Officials said the deal would create 8000 jobs", who(editor));
      await waitFor(() => readClaim(server.collab.registry.loaded(articleId)!.doc, claimId)?.statement === "Officials said the deal would create 8000 jobs", "claim on the server");
      const actor = { id: reviewer.id, name: reviewer.name, role: reviewer.role };

      const csv = await exportArticle({ db: server.db, docs: server.docs, actor, articleId, format: "csv", baseUrl: "https://sanad.example" });
      const [head, row] = parseCsv(csv.body.slice(1));
      const cell = (name: string) => row[head.indexOf(name)];
      expect(cell("created_by")).toBe(editor.id);
      expect(cell("statement")).toBe("Officials said the deal would create 8000 jobs");

      const json = await exportArticle({ db: server.db, docs: server.docs, actor, articleId, format: "json", baseUrl: "https://sanad.example" });
      const anno = JSON.parse(json.body) as { first: { items: Array<{ creator: { id: string }; body: Array<{ type: string; statement?: string }> }> } };
      expect(anno.first.items[0].creator.id).toBe(`https://sanad.example/users/${editor.id}`);
      expect(anno.first.items[0].body.find((b) => b.type === "sanad:ClaimAssessment")?.statement).toBe("Officials said the deal would create 8000 jobs");
      e.destroy();
    });
  });
}
