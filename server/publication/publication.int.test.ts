import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addClaim, addComment, addSource, readClaim, setRationale, setStatement, setStatus, setVerdict } from "../../lib/article-doc";
import { claimContentHash } from "../../lib/review/content-hash";
import { ZClaimReview, ZClaimReviewFeed } from "../../lib/publication/claim-review-schema";
import type { RunningServer } from "../main";
import { signOffClaim } from "../claims/sign-off-claim";
import { listArticleHistory } from "../audit/article-history";
import { asActor, connectClient, createTestDatabase, createUser, databaseKinds, startTestServer, waitFor, type TestDatabase, type TestUser } from "../test-support/harness";
import { publishArticle } from "./publish-article";
import { loadClaimReviewFeed, loadPublicArticle, loadPublicClaim } from "./public-pages";
import { retractArticle } from "./retract-article";

const BODY = "Trade ministers met in Nairobi on 14 March 2024.\n\"Our ports are at the centre,\" said Rebecca Miano. Officials said the deal would create 8,000 jobs.";

for (const kind of databaseKinds()) {
  describe(`publication on ${kind}`, () => {
    let database: TestDatabase;
    let server: RunningServer;
    let editor: TestUser, reviewer: TestUser, admin: TestUser;

    beforeAll(async () => {
      database = await createTestDatabase(kind);
      server = await startTestServer(database.url);
      editor = await createUser(server.db, "editor");
      reviewer = await createUser(server.db, "reviewer");
      admin = await createUser(server.db, "admin");
    });
    afterAll(async () => {
      await server?.close();
      await database?.drop();
    });

    const deps = () => ({ db: server.db, collab: server.collab });
    const who = () => ({ id: editor.id, name: editor.name });

    async function setup() {
      const article = await server.db.article.create({
        data: {
          slug: `pub-${Math.random().toString(36).slice(2, 10)}`, title: "Ministers sign port deal", body: BODY,
          blocks: [{ kind: "paragraph", start: 0, end: BODY.length }], language: "en", direction: "ltr",
          outlet: "Harbour Ledger", sourceUrl: "https://example.org/port-deal", publishedAt: new Date("2024-03-15T00:00:00Z"),
        },
      });
      const client = connectClient(server, article.id, editor.cookie);
      await client.synced();
      const tag = (exact: string, type: "meeting" | "number" | "quote", verdict: string) => {
        const start = BODY.indexOf(exact);
        const id = addClaim(client.doc, BODY, { type, start, end: start + exact.length }, who());
        addSource(client.doc, id, { url: "https://example.org/source", title: "A source", publisher: "Publisher" }, who());
        setVerdict(client.doc, id, verdict, who());
        setRationale(client.doc, id, `Rationale for ${exact}`, who());
        setStatement(client.doc, id, `The article states: ${exact}.`, who());
        addComment(client.doc, id, "INTERNAL-COMMENT do not publish", who()); // must never reach a public page
        setStatus(client.doc, id, "needs_review", who());
        return id;
      };
      const meeting = tag("met in Nairobi on 14 March 2024", "meeting", "unverifiable");
      const jobs = tag("8,000 jobs", "number", "missing_context");
      const quote = tag("Our ports are at the centre,", "quote", "mostly_true");
      await waitFor(() => {
        const doc = server.collab.registry.loaded(article.id)?.doc;
        return !!doc && [meeting, jobs, quote].every((id) => readClaim(doc, id)?.status === "needs_review");
      }, "claims reach server");
      const approve = async (claimId: string, decision: "approved" | "excluded" = "approved", note?: string) => {
        const claim = readClaim(server.collab.registry.loaded(article.id)!.doc, claimId)!;
        return signOffClaim({ ...deps(), actor: asActor(reviewer), articleId: article.id, claimId, input: { decision, note, contentHash: claimContentHash(claim) } });
      };
      return { article, client, meeting, jobs, quote, approve };
    }

    it("refuses to publish while a claim is unapproved, and refuses non-reviewers", async () => {
      const { article, client, meeting, jobs, approve } = await setup();
      await approve(meeting);
      await approve(jobs);
      await expect(publishArticle({ ...deps(), actor: asActor(reviewer), articleId: article.id })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/not approved or excluded/) });
      await expect(publishArticle({ ...deps(), actor: asActor(editor), articleId: article.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
      expect(await server.db.publication.count({ where: { articleId: article.id } })).toBe(0);
      client.destroy();
    });

    it("publishes a frozen snapshot that later edits do not touch; corrections need a note; retraction shows a notice", async () => {
      const { article, client, meeting, jobs, quote, approve } = await setup();
      await approve(meeting);
      await approve(jobs);
      await approve(quote, "excluded", "Paraphrase, not a checkable claim");
      const watcher = connectClient(server, article.id, editor.cookie);
      await watcher.synced();

      const v1 = await publishArticle({ ...deps(), actor: asActor(reviewer), articleId: article.id });
      expect(v1).toMatchObject({ slug: article.slug, version: 1, url: `/v/${article.slug}` });
      expect(v1.snapshot.claims.map((c) => c.id).sort()).toEqual([meeting, jobs].sort());
      await waitFor(() => watcher.decisions.some((d) => (d as { publication?: { version: number } }).publication?.version === 1), "publication reaches clients", 2000);

      // Edit after publication: the public page keeps the approved text.
      setRationale(client.doc, jobs, "Edited after publication.", who());
      await waitFor(() => readClaim(server.collab.registry.loaded(article.id)!.doc, jobs)?.rationale === "Edited after publication.", "edit");
      const view = await loadPublicArticle(server.db, article.slug);
      expect(view?.state).toBe("published");
      if (view?.state !== "published") throw new Error("unreachable");
      expect(view.snapshot.claims.find((c) => c.id === jobs)?.rationale).toBe("Rationale for 8,000 jobs");
      const html = JSON.stringify(view);
      expect(html).not.toContain("@test.local");
      expect(html).not.toContain(editor.id);
      expect(html).not.toContain("Edited after publication");
      expect(html).not.toContain("Paraphrase"); // the exclusion note is internal
      expect(html).not.toContain("INTERNAL-COMMENT");
      expect(html).not.toContain("Our ports are at the centre,\",\"verdict"); // the excluded claim is not published

      // The claim page's ClaimReview validates and uses the claim page URL.
      const claimView = await loadPublicClaim(server.db, article.slug, jobs);
      expect(claimView?.state).toBe("published");
      if (claimView?.state !== "published") throw new Error("unreachable");
      expect(ZClaimReview.parse(claimView.claimReview)).toMatchObject({ claimReviewed: "The article states: 8,000 jobs.", url: expect.stringMatching(new RegExp(`/v/${article.slug}/claims/${jobs}$`)) });
      expect(await loadPublicClaim(server.db, article.slug, quote)).toBeNull(); // excluded: not public

      // Republishing needs a new approval of the edited claim, then a correction note.
      await expect(publishArticle({ ...deps(), actor: asActor(reviewer), articleId: article.id, input: { correctionNote: "x" } })).rejects.toMatchObject({ code: "CONFLICT" });
      await approve(jobs);
      await expect(publishArticle({ ...deps(), actor: asActor(reviewer), articleId: article.id })).rejects.toMatchObject({ code: "INVALID_INPUT", message: expect.stringMatching(/correction note/) });
      await expect(publishArticle({ ...deps(), actor: asActor(reviewer), articleId: article.id, input: { correctionNote: "   " } })).rejects.toMatchObject({ code: "INVALID_INPUT" });
      const v2 = await publishArticle({ ...deps(), actor: asActor(admin), articleId: article.id, input: { correctionNote: "Updated the jobs rationale." } });
      expect(v2.version).toBe(2);
      const latest = await loadPublicArticle(server.db, article.slug);
      if (latest?.state !== "published") throw new Error("expected published");
      expect(latest.snapshot.version).toBe(2);
      expect(latest.versions.map((v) => [v.version, v.note])).toEqual([[1, null], [2, "Updated the jobs rationale."]]);
      const old = await loadPublicArticle(server.db, article.slug, 1);
      if (old?.state !== "published") throw new Error("expected old version");
      expect(old.snapshot.claims.find((c) => c.id === jobs)?.rationale).toBe("Rationale for 8,000 jobs");
      expect(await loadPublicArticle(server.db, article.slug, 9)).toBeNull();

      const feed = ZClaimReviewFeed.parse(await loadClaimReviewFeed(server.db));
      expect(feed["@graph"].filter((n) => n.url.includes(`/v/${article.slug}/`))).toHaveLength(2);

      // Retraction: the page answers with the notice; the feed drops the article.
      await expect(retractArticle({ ...deps(), actor: asActor(editor), articleId: article.id, input: { note: "x" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(retractArticle({ ...deps(), actor: asActor(reviewer), articleId: article.id, input: { note: "" } })).rejects.toMatchObject({ code: "INVALID_INPUT" });
      const r = await retractArticle({ ...deps(), actor: asActor(reviewer), articleId: article.id, input: { note: "The jobs figure was misattributed." } });
      expect(r.version).toBe(3);
      const retracted = await loadPublicArticle(server.db, article.slug);
      expect(retracted).toMatchObject({ state: "retracted", notice: { note: "The jobs figure was misattributed.", article: { title: "Ministers sign port deal" } } });
      expect(await loadPublicArticle(server.db, article.slug, 1)).toMatchObject({ state: "retracted" });
      expect(await loadPublicClaim(server.db, article.slug, jobs)).toMatchObject({ state: "retracted" });
      const feedAfter = await loadClaimReviewFeed(server.db);
      expect(feedAfter["@graph"].some((n) => n.url.includes(`/v/${article.slug}/`))).toBe(false);
      await expect(retractArticle({ ...deps(), actor: asActor(reviewer), articleId: article.id, input: { note: "again" } })).rejects.toMatchObject({ code: "CONFLICT" });

      // Every step is in the article's history.
      const history = await listArticleHistory({ db: server.db, actor: asActor(editor), articleId: article.id });
      const actions = history.entries.map((e) => e.action);
      expect(actions).toEqual(expect.arrayContaining(["sign_off.approved", "sign_off.excluded", "publication.published", "publication.corrected", "publication.retracted"]));
      expect(history.entries.find((e) => e.action === "publication.retracted")).toMatchObject({ actorName: reviewer.name, note: "The jobs figure was misattributed." });
      client.destroy(); watcher.destroy();
    });
  });
}
