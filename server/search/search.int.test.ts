import { bindClient } from "../collab/authorship";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addClaim, addSource, assignClaim, deleteClaim, setRationale, setStatus, setVerdict } from "../../lib/article-doc";
import { AppError } from "../../lib/errors";
import type { Actor } from "../../lib/policies";
import { importArticle } from "../articles/import-article";
import { createDb, type Db } from "../db/client";
import { migrate } from "../db/migrate";
import { DocStore } from "../persistence/doc-store";
import { projectArticle } from "../persistence/projection";
import { findSimilarClaims } from "../similar/find-similar-claims";
import { importClaimReviewFeed } from "../similar/import-claim-review-feed";
import { claimLinks, linkClaim } from "../similar/link-claim";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../test-support/harness";
import { indexPublishedVerdicts } from "./index-claims";
import { readLiveClaim } from "../claims/live-claim";
import { signOffClaim } from "../claims/sign-off-claim";
import { publishArticle } from "../publication/publish-article";
import { searchAll } from "./search";

const AR_TEXT = "الحكومة تعلن خطة جديدة\nوكالة الأنباء\nقالت الحكومةُ إنّ مجلسَ الأمن اعتمد القرار ٢٢٥٤ بشأن سوريا، وإن الوزارة عيّنت خمسة آلاف معلم جديد هذا العام.";
const EN_TEXT = "Port deal signed\nThe Daily\nThe minister said the port deal was signed with a Qatari company for 25 years. Meetings followed.";

for (const kind of databaseKinds()) {
  describe(`search on ${kind}`, () => {
    let database: TestDatabase;
    let db: Db;
    let editor: Actor, viewer: Actor, admin: Actor, reviewer: Actor;
    const store = () => new DocStore(db, { flushMs: 1 });

    /** Write claims into an article's stored document and project it (as the live server does after a flush). */
    async function edit(articleId: string, body: string, fn: (doc: Y.Doc) => void) {
      const doc = new Y.Doc();
      const s = store();
      const state = await s.load(articleId);
      if (state) Y.applyUpdate(doc, state);
      const before = Y.encodeStateVector(doc);
      // The editor's writes, bound to the editor as the collab server would bind a socket's client id.
      await bindClient(db, articleId, doc.clientID, editor.id);
      fn(doc);
      s.append(articleId, Y.encodeStateAsUpdate(doc, before));
      await s.flush(articleId);
      await projectArticle(db, articleId, doc, body, { audit: false });
      doc.destroy();
    }

    beforeAll(async () => {
      database = await createTestDatabase(kind);
      db = createDb(database.url);
      await migrate(db, kind);
      const mk = async (role: Actor["role"]) => { const u = await db.user.create({ data: { name: role, email: `${role}@t.local`, role } }); return { id: u.id, name: role, role }; };
      editor = await mk("editor"); viewer = await mk("viewer"); admin = await mk("admin"); reviewer = await mk("reviewer");
    });
    afterAll(async () => {
      await db?.$disconnect();
      await database?.drop();
    });

    it("finds articles and claims with Arabic folding, digits, filters and highlights; follows deletions", async () => {
      const ar = await importArticle({ db, actor: editor, input: { text: AR_TEXT, header: true } });
      const body = (await db.article.findUniqueOrThrow({ where: { id: ar.id } })).body;
      const at = (s: string) => ({ start: body.indexOf(s), end: body.indexOf(s) + s.length });
      let claimId = "";
      await edit(ar.id, body, (doc) => {
        claimId = addClaim(doc, body, { type: "un_resolution", ...at("مجلسَ الأمن اعتمد القرار ٢٢٥٤") }, editor);
        setRationale(doc, claimId, "راجعنا نص القرار في موقع الأمم المتحدة", editor);
        setVerdict(doc, claimId, "true", editor);
        setStatus(doc, claimId, "needs_review", editor);
        assignClaim(doc, claimId, editor.id, editor);
        addSource(doc, claimId, { url: "https://un.org/res/2254", title: "نص قرار مجلس الأمن" }, editor);
      });

      // Without diacritics, different alef/ta-marbuta, with a clitic, ASCII digits.
      const byWord = await searchAll({ db, actor: viewer, input: { q: "والحكومه" } });
      expect(byWord.results.map((r) => r.kind)).toContain("article");
      const byNumber = await searchAll({ db, actor: viewer, input: { q: "القرار 2254" } });
      const claim = byNumber.results.find((r) => r.kind === "claim");
      expect(claim?.claimId).toBe(claimId);
      expect(claim?.href).toBe(`/articles/${ar.id}?claim=${claimId}`);
      const marked = claim!.snippet.ranges.map(([s, e]) => claim!.snippet.text.slice(s, e));
      expect(marked).toEqual(expect.arrayContaining(["القرار", "٢٢٥٤"]));

      // Rationale and sources are searchable; filters narrow.
      expect((await searchAll({ db, actor: viewer, input: { q: "الامم المتحده" } })).results.some((r) => r.claimId === claimId)).toBe(true);
      expect((await searchAll({ db, actor: viewer, input: { q: "un.org", type: "source" } })).results).toHaveLength(1);
      expect((await searchAll({ db, actor: viewer, input: { q: "القرار", type: "claim", status: "needs_review", verdict: "true" } })).results).toHaveLength(1);
      expect((await searchAll({ db, actor: viewer, input: { q: "القرار", status: "draft" } })).results).toHaveLength(0);
      expect((await searchAll({ db, actor: editor, input: { q: "القرار", assignee: "me", type: "claim" } })).results).toHaveLength(1);
      expect((await searchAll({ db, actor: viewer, input: { q: "القرار", assignee: "me" } })).results).toHaveLength(0);
      expect((await searchAll({ db, actor: viewer, input: { q: "القرار", article: ar.id, type: "claim", from: "2000-01-01", to: "2999-01-01" } })).results).toHaveLength(1);
      expect((await searchAll({ db, actor: viewer, input: { q: "القرار", type: "claim", to: "2001-01-01" } })).results).toHaveLength(0);

      await edit(ar.id, body, (doc) => deleteClaim(doc, claimId, editor));
      const after = await searchAll({ db, actor: viewer, input: { q: "القرار 2254" } });
      expect(after.results.filter((r) => r.claimId === claimId)).toEqual([]);
    });

    it("stems English lightly and treats query syntax as words", async () => {
      await importArticle({ db, actor: editor, input: { text: EN_TEXT, header: true } });
      expect((await searchAll({ db, actor: viewer, input: { q: "meeting" } })).results.map((r) => r.kind)).toContain("article");
      expect((await searchAll({ db, actor: viewer, input: { q: "qatar" } })).results).toHaveLength(1);
      // FTS/tsquery operators in the query are folded away, never interpreted.
      for (const q of [`"port" OR * NEAR(`, "port & !deal | :*", "' ; DROP TABLE \"SearchEntry\" --"]) {
        await expect(searchAll({ db, actor: viewer, input: { q } })).resolves.toBeDefined();
      }
      await expect(searchAll({ db, actor: { ...viewer, role: "nobody" as never }, input: { q: "port" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(searchAll({ db, actor: viewer, input: { q: "" } })).rejects.toBeInstanceOf(AppError);
    });

    it("offers published verdicts and imported ClaimReviews as checked before, and links one", async () => {
      // A published verdict in one article…
      const old = await importArticle({ db, actor: editor, input: { text: "Old\nOutlet\nThe Security Council adopted resolution 2254 on Syria in December 2015.", header: true } });
      await db.publication.create({ data: {
        articleId: old.id, slug: old.slug, version: 1, kind: "publish", publishedById: editor.id,
        snapshot: { article: { language: "en" }, claims: [{ id: "c-old", claimText: "The Security Council adopted resolution 2254 on Syria in December 2015.", verdict: "true", verdictLabel: "True", rationale: "Checked at un.org" }] },
      } });
      await indexPublishedVerdicts(db, old.id);
      expect((await searchAll({ db, actor: viewer, input: { q: "2254", type: "verdict" } })).results).toHaveLength(1);
      // …an imported feed (file), and a new article with a paraphrase.
      const feed = { "@context": "https://schema.org", "@graph": [
        { "@type": "ClaimReview", url: "https://checker.example/a", claimReviewed: "In December 2015 the Security Council passed Resolution 2254 about Syria", reviewRating: { "@type": "Rating", alternateName: "Correct" }, author: { "@type": "Organization", name: "Checker" }, datePublished: "2016-01-02" },
        { "@type": "ClaimReview", url: "https://checker.example/b", claimReviewed: "Bananas cure the flu", reviewRating: { alternateName: "False" }, author: { name: "Checker" } },
        { "@type": "ClaimReview", url: "javascript:alert(1)", claimReviewed: "hostile" },
      ] };
      await expect(importClaimReviewFeed({ db, actor: editor, input: { fileName: "f.json", content: JSON.stringify(feed) } })).rejects.toMatchObject({ code: "FORBIDDEN" });
      expect(await importClaimReviewFeed({ db, actor: admin, input: { fileName: "f.json", content: JSON.stringify(feed) } })).toMatchObject({ imported: 2, skipped: 1 });
      expect(await importClaimReviewFeed({ db, actor: admin, input: { fileName: "f.json", content: JSON.stringify(feed) } })).toMatchObject({ imported: 0, updated: 2 });
      await expect(importClaimReviewFeed({ db, actor: admin, input: { url: "http://127.0.0.1:9/feed.json" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(importClaimReviewFeed({ db, actor: admin, input: { url: "file:///etc/passwd" } })).rejects.toMatchObject({ code: "INVALID_INPUT" });

      const fresh = await importArticle({ db, actor: editor, input: { text: "New\nOutlet\nResolution 2254 about Syria was passed by the Security Council in 2015, the minister said.", header: true } });
      const body = (await db.article.findUniqueOrThrow({ where: { id: fresh.id } })).body;
      let claimId = "";
      const s = "Resolution 2254 about Syria was passed by the Security Council in 2015";
      await edit(fresh.id, body, (doc) => { claimId = addClaim(doc, body, { type: "other", start: body.indexOf(s), end: body.indexOf(s) + s.length }, editor); });

      const similar = await findSimilarClaims({ db, actor: viewer, articleId: fresh.id, claimId });
      expect(similar.map((x) => x.targetKind).sort()).toEqual(["external", "verdict"]);
      expect(similar.map((x) => x.claimReviewed).join(" ")).not.toMatch(/Bananas/);
      const ours = similar.find((x) => x.targetKind === "verdict")!;
      expect(ours.url).toMatch(new RegExp(`/v/${old.slug}/claims/c-old$`));

      await expect(linkClaim({ db, actor: viewer, articleId: fresh.id, claimId, input: { targetKind: ours.targetKind, targetId: ours.targetId } })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(linkClaim({ db, actor: editor, articleId: fresh.id, claimId, input: { targetKind: "verdict", targetId: `${old.id}:nope` } })).rejects.toMatchObject({ code: "NOT_FOUND" });
      const link = await linkClaim({ db, actor: editor, articleId: fresh.id, claimId, input: { targetKind: ours.targetKind, targetId: ours.targetId } });
      expect(link).toMatchObject({ url: ours.url, verdictLabel: "True" });
      await linkClaim({ db, actor: editor, articleId: fresh.id, claimId, input: { targetKind: ours.targetKind, targetId: ours.targetId } });
      expect(await claimLinks({ db, actor: viewer, articleId: fresh.id, claimId })).toHaveLength(1);
      expect((await findSimilarClaims({ db, actor: viewer, articleId: fresh.id, claimId })).find((x) => x.targetKind === "verdict")?.linked).toBe(true);

      // Publishing the new article freezes the link into its ClaimReview as isBasedOn, and indexes its verdict.
      await edit(fresh.id, body, (doc) => { setVerdict(doc, claimId, "true", editor); setStatus(doc, claimId, "needs_review", editor); });
      const live = await readLiveClaim({ db }, fresh.id, claimId);
      await signOffClaim({ db, actor: reviewer, articleId: fresh.id, claimId, input: { decision: "approved", contentHash: live.contentHash } });
      const published = await publishArticle({ db, actor: reviewer, articleId: fresh.id });
      expect(published.snapshot.claims[0].basedOn).toEqual([ours.url]);
      expect((await searchAll({ db, actor: viewer, input: { q: "resolution 2254", type: "verdict", article: fresh.id } })).results).toHaveLength(1);

      // A retraction withdraws the verdict from search and from "checked before".
      await db.publication.create({ data: { articleId: old.id, slug: old.slug, version: 2, kind: "retraction", publishedById: editor.id, snapshot: {} } });
      await indexPublishedVerdicts(db, old.id);
      expect((await searchAll({ db, actor: viewer, input: { q: "2254", type: "verdict", article: old.id } })).results).toHaveLength(0);
      expect((await findSimilarClaims({ db, actor: viewer, articleId: fresh.id, claimId })).map((x) => x.targetKind)).toEqual(["external"]);
    });
  });
}
