import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addClaim, readClaim, setRationale, setStatement, setStatus, setVerdict } from "../../lib/article-doc";
import { claimContentHash } from "../../lib/review/content-hash";
import type { RunningServer } from "../main";
import { loadDecisions, type ArticleDecisions } from "../review/decisions";
import { assessArticle } from "../publication/assess-article";
import { asActor, connectClient, createArticle, createTestDatabase, createUser, databaseKinds, roomHas, startTestServer, waitFor, type TestDatabase, type TestUser } from "../test-support/harness";
import { listReviewQueue } from "./review-queue";
import { signOffClaim } from "./sign-off-claim";

const BODY = "Trade ministers met in Nairobi on 14 March 2024. Officials said the deal would create 8,000 jobs. Resolution 2722 was adopted in January 2024.";

for (const kind of databaseKinds()) {
  describe(`reviewer sign-off on ${kind}`, () => {
    let database: TestDatabase;
    let server: RunningServer;
    let editor: TestUser, reviewer: TestUser, reviewer2: TestUser, viewer: TestUser;

    beforeAll(async () => {
      database = await createTestDatabase(kind);
      server = await startTestServer(database.url);
      editor = await createUser(server.db, "editor");
      reviewer = await createUser(server.db, "reviewer");
      reviewer2 = await createUser(server.db, "reviewer");
      viewer = await createUser(server.db, "viewer");
    });
    afterAll(async () => {
      await server?.close();
      await database?.drop();
    });

    /** A fresh article with a client connected as `by` and one claim it sent for review. */
    async function claimForReview(by: TestUser = editor, exact = "8,000 jobs") {
      const articleId = (await createArticle(server.db, BODY)).id;
      const client = connectClient(server, articleId, by.cookie);
      await client.synced();
      const start = BODY.indexOf(exact);
      const who = { id: by.id, name: by.name };
      const claimId = addClaim(client.doc, BODY, { type: "number", start, end: start + exact.length }, who);
      setVerdict(client.doc, claimId, "mostly_true", who);
      setRationale(client.doc, claimId, "The ministry's figure.", who);
      setStatement(client.doc, claimId, "Officials said the deal would create 8,000 jobs.", who);
      setStatus(client.doc, claimId, "needs_review", who);
      const hash = claimContentHash(readClaim(client.doc, claimId)!);
      await waitFor(() => {
        const doc = server.collab.registry.loaded(articleId)?.doc;
        const c = doc && readClaim(doc, claimId);
        return !!c && c.status === "needs_review" && claimContentHash(c) === hash;
      }, "claim reaches the server");
      return { articleId, client, claimId, hash };
    }

    const deps = () => ({ db: server.db, collab: server.collab });

    it("a decision reaches a connected client's decisions handler within 2 s", async () => {
      const { articleId, client, claimId, hash } = await claimForReview();
      const watcher = connectClient(server, articleId, viewer.cookie);
      await watcher.synced();
      const before = watcher.decisions.length;
      const t0 = Date.now();
      await signOffClaim({ ...deps(), actor: asActor(reviewer), articleId, claimId, input: { decision: "approved", contentHash: hash } });
      await waitFor(() => watcher.decisions.slice(before).some((d) => (d as ArticleDecisions).claims?.[claimId]?.decision === "approved"), "decision message", 2000);
      expect(Date.now() - t0).toBeLessThan(2000);
      const last = watcher.decisions.at(-1) as ArticleDecisions;
      expect(last.claims[claimId]).toMatchObject({ decision: "approved", contentHash: hash, reviewerId: reviewer.id, reviewerName: reviewer.name });
      expect(JSON.stringify(last)).not.toContain("@test.local");
      // a client that connects later gets the decisions on connect
      const late = connectClient(server, articleId, viewer.cookie);
      await waitFor(() => late.decisions.some((d) => (d as ArticleDecisions).claims?.[claimId]?.decision === "approved"), "decisions on connect", 2000);
      client.destroy(); watcher.destroy(); late.destroy();
    });

    it("four-eyes: the server refuses the claim's creator and whoever set the verdict", async () => {
      const own = await claimForReview(reviewer);
      await expect(signOffClaim({ ...deps(), actor: asActor(reviewer), articleId: own.articleId, claimId: own.claimId, input: { decision: "approved", contentHash: own.hash } }))
        .rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/created this claim/) });

      const { articleId, client, claimId } = await claimForReview();
      // the reviewer sets the verdict from their own connection
      const reviewerClient = connectClient(server, articleId, reviewer.cookie);
      await reviewerClient.synced();
      await waitFor(() => !!readClaim(reviewerClient.doc, claimId), "claim reaches the reviewer");
      setVerdict(reviewerClient.doc, claimId, "false", { id: reviewer.id, name: reviewer.name });
      const hash = claimContentHash(readClaim(reviewerClient.doc, claimId)!);
      await waitFor(() => readClaim(server.collab.registry.loaded(articleId)!.doc, claimId)?.verdict === "false", "verdict reaches server");
      await expect(signOffClaim({ ...deps(), actor: asActor(reviewer), articleId, claimId, input: { decision: "approved", contentHash: hash } }))
        .rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/set this verdict/) });
      await expect(signOffClaim({ ...deps(), actor: asActor(editor), articleId, claimId, input: { decision: "approved", contentHash: hash } }))
        .rejects.toMatchObject({ code: "FORBIDDEN" });
      // a second reviewer may
      await signOffClaim({ ...deps(), actor: asActor(reviewer2), articleId, claimId, input: { decision: "approved", contentHash: hash } });
      expect((await loadDecisions(server.db, articleId)).claims[claimId].decision).toBe("approved");
      expect(await server.db.signOff.count({ where: { claimId, reviewerId: reviewer.id } })).toBe(0);
      own.client.destroy(); client.destroy(); reviewerClient.destroy();
    });

    it("answers 409 when the claim changed while the reviewer looked; the hash comes from the live document", async () => {
      const { articleId, client, claimId, hash } = await claimForReview();
      setRationale(client.doc, claimId, "Edited while the reviewer was reading.", { id: editor.id, name: editor.name });
      await waitFor(() => readClaim(server.collab.registry.loaded(articleId)!.doc, claimId)?.rationale.startsWith("Edited") ?? false, "edit reaches server");
      await expect(signOffClaim({ ...deps(), actor: asActor(reviewer), articleId, claimId, input: { decision: "approved", contentHash: hash } }))
        .rejects.toMatchObject({ code: "CONFLICT" });
      expect(await server.db.signOff.count({ where: { claimId } })).toBe(0);
      client.destroy();
    });

    it("request changes: recorded with its note, status set in the document for everyone, audited", async () => {
      const { articleId, client, claimId, hash } = await claimForReview();
      await expect(signOffClaim({ ...deps(), actor: asActor(reviewer), articleId, claimId, input: { decision: "changes_requested", contentHash: hash } }))
        .rejects.toMatchObject({ code: "INVALID_INPUT" });
      const result = await signOffClaim({ ...deps(), actor: asActor(reviewer), articleId, claimId, input: { decision: "changes_requested", note: "Cite the ministry.", contentHash: hash } });
      expect(result.articleId).toBe(articleId);
      await waitFor(() => readClaim(client.doc, claimId)?.status === "changes_requested", "status reaches the editor", 2000);
      const signOff = await server.db.signOff.findFirstOrThrow({ where: { claimId } });
      expect(signOff).toMatchObject({ decision: "changes_requested", note: "Cite the ministry.", contentHash: hash, reviewerId: reviewer.id });
      expect((signOff.snapshot as { rationale: string }).rationale).toBe("The ministry's figure.");
      const audit = await server.db.auditEvent.findMany({ where: { claimId, action: "sign_off.changes_requested" } });
      expect(audit).toHaveLength(1);
      expect(audit[0].actorId).toBe(reviewer.id);
      client.destroy();
    });

    it("a forged document edit cannot mark a claim approved", async () => {
      const { articleId, client, claimId } = await claimForReview();
      const claims = client.doc.getMap("claims");
      const claim = claims.get(claimId) as import("yjs").Map<unknown>;
      client.doc.transact(() => {
        claim.set("approved", true);
        claim.set("decision", "approved");
        claim.set("signOff", { decision: "approved", reviewerId: reviewer.id });
      });
      client.doc.getMap("decisions").set(claimId, { decision: "approved", contentHash: "f".repeat(64) });
      client.doc.getMap("publication").set("version", 1);
      await roomHas(server, articleId, client.doc);
      await server.collab.store.flush();
      expect((await loadDecisions(server.db, articleId)).claims).toEqual({});
      expect(await server.db.signOff.count({ where: { articleId } })).toBe(0);
      const assessment = await assessArticle(deps(), articleId);
      expect(assessment.publishable).toBe(false);
      expect(assessment.blockers.join(" ")).toMatch(/not approved/);
      // and a status value outside the scale makes the claim unreadable, not approved
      claim.set("status", "approved");
      await roomHas(server, articleId, client.doc);
      const after = await assessArticle(deps(), articleId);
      expect(after.publishable).toBe(false);
      expect(after.approved).toEqual([]);
      client.destroy();
    });

    it("an approval goes stale when the claim is edited: listed as changed since approval", async () => {
      const { articleId, client, claimId, hash } = await claimForReview();
      await signOffClaim({ ...deps(), actor: asActor(reviewer), articleId, claimId, input: { decision: "approved", contentHash: hash } });
      expect((await assessArticle(deps(), articleId)).publishable).toBe(true);
      await waitFor(async () => (await server.db.claim.findUnique({ where: { articleId_id: { articleId, id: claimId } } }))?.contentHash === hash, "projection");
      let queue = await listReviewQueue({ db: server.db, actor: asActor(reviewer), filter: { articleId } });
      expect(queue.items.map((i) => i.claimId)).not.toContain(claimId);

      setRationale(client.doc, claimId, "Changed after approval.", { id: editor.id, name: editor.name });
      await waitFor(async () => {
        const row = await server.db.claim.findUnique({ where: { articleId_id: { articleId, id: claimId } } });
        return !!row && row.contentHash !== hash;
      }, "projection of the edit");
      queue = await listReviewQueue({ db: server.db, actor: asActor(reviewer), filter: { articleId } });
      expect(queue.items.find((i) => i.claimId === claimId)).toMatchObject({ reason: "changed_since_approval", authorName: editor.name });
      const assessment = await assessArticle(deps(), articleId);
      expect(assessment.publishable).toBe(false);
      expect(assessment.blockers.join(" ")).toMatch(/changed since it was approved/);
      client.destroy();
    });
  });
}
