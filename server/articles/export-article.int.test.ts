import { describe, expect, it } from "vitest";
import { addClaim, readClaim, setStatement, setVerdict } from "../../lib/article-doc";
import { connectClient, createArticle, databaseKinds, waitFor, type TestUser, serverPerSuite } from "../test-support/harness";
import { parseCsv } from "../../lib/export/csv";
import { exportArticle } from "./export-article";

const BODY = "Trade ministers met in Nairobi on 14 March 2024. Officials said the deal would create 8,000 jobs.";
const who = (u: TestUser) => ({ id: u.id, name: u.name });


for (const kind of databaseKinds()) {
  describe(`exports carry server-vouched authorship on ${kind}`, () => {
    const suite = serverPerSuite(kind, ["editor", "reviewer"]);

    it("a claim whose createdBy/verdictBy were forged exports its real creator; the statement is exported", async () => {
      const articleId = (await createArticle(suite.server.db, BODY)).id;
      const e = connectClient(suite.server, articleId, suite.users.editor.cookie);
      await e.synced();
      const start = BODY.indexOf("8,000 jobs");
      const claimId = addClaim(e.doc, BODY, { type: "number", start, end: start + 10 }, who(suite.users.reviewer)); // forged creator
      setVerdict(e.doc, claimId, "false", who(suite.users.reviewer)); // forged verdict setter
      setStatement(e.doc, claimId, "Officials said the deal would create 8000 jobs", who(suite.users.editor));
      await waitFor(() => readClaim(suite.server.collab.registry.loaded(articleId)!.doc, claimId)?.statement === "Officials said the deal would create 8000 jobs", "claim on the server");
      const actor = { id: suite.users.reviewer.id, name: suite.users.reviewer.name, role: suite.users.reviewer.role };

      const csv = await exportArticle({ db: suite.server.db, docs: suite.server.docs, actor, articleId, format: "csv", baseUrl: "https://sanad.example" });
      const [head, row] = parseCsv(csv.body.slice(1));
      const cell = (name: string) => row[head.indexOf(name)];
      expect(cell("created_by")).toBe(suite.users.editor.id);
      expect(cell("statement")).toBe("Officials said the deal would create 8000 jobs");

      const json = await exportArticle({ db: suite.server.db, docs: suite.server.docs, actor, articleId, format: "json", baseUrl: "https://sanad.example" });
      const anno = JSON.parse(json.body) as { first: { items: Array<{ creator: { id: string }; body: Array<{ type: string; statement?: string }> }> } };
      expect(anno.first.items[0].creator.id).toBe(`https://sanad.example/users/${suite.users.editor.id}`);
      expect(anno.first.items[0].body.find((b) => b.type === "sanad:ClaimAssessment")?.statement).toBe("Officials said the deal would create 8000 jobs");
      e.destroy();
    });
  });
}
