import { gunzipSync } from "node:zlib";
import { createHash } from "node:crypto";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addClaim, addSource, readClaim, setStatement, setStatus, setVerdict } from "../../lib/article-doc";
import { claimContentHash } from "../../lib/review/content-hash";
import { signOffClaim } from "../claims/sign-off-claim";
import { publishArticle } from "../publication/publish-article";
import { retractArticle } from "../publication/retract-article";
import type { RunningServer } from "../main";
import { archiveSource } from "../archive/archive-source";
import { readCaptureForTeam, readPublicCapture } from "../archive/read-capture";
import { asActor, connectClient, createTestDatabase, createUser, databaseKinds, sleep, startTestServer, waitFor, type TestDatabase, type TestUser } from "../test-support/harness";
import { ARABIC_PARAGRAPH, ARABIC_TITLE, arabicPageHtml, startPageFixtures, type PageFixtures } from "../test-support/page-fixtures";
import { importArticleFromUrl } from "./import-article-from-url";
import { readImportJob } from "./read-import-job";


for (const kind of databaseKinds()) {
  describe(`import by URL and source archive on ${kind}`, () => {
    let database: TestDatabase;
    let server: RunningServer;
    let fx: PageFixtures;
    let editor: TestUser, editor2: TestUser, viewer: TestUser, reviewer: TestUser;
    const previousAllow = process.env.SANAD_FETCH_ALLOW;

    beforeAll(async () => {
      process.env.SANAD_FETCH_ALLOW = "127.0.0.1";
      fx = await startPageFixtures();
      database = await createTestDatabase(kind);
      server = await startTestServer(database.url);
      editor = await createUser(server.db, "editor");
      editor2 = await createUser(server.db, "editor");
      viewer = await createUser(server.db, "viewer");
      reviewer = await createUser(server.db, "reviewer");
    });
    afterAll(async () => {
      process.env.SANAD_FETCH_ALLOW = previousAllow;
      await server?.close();
      await database?.drop();
      await fx?.close();
    });

    it("imports an Arabic windows-1256 page with its metadata and archives the HTML it received", async () => {
      const outcome = await importArticleFromUrl({ db: server.db, actor: asActor(editor), url: `${fx.origin}/ar`, waitMs: 120_000 });
      expect(outcome).toMatchObject({ kind: "done", existing: false, article: { title: ARABIC_TITLE, language: "ar", direction: "rtl" } });
      if (outcome.kind !== "done") throw new Error("unreachable");
      const article = await server.db.article.findUniqueOrThrow({ where: { id: outcome.article.id } });
      expect(article.outlet).toBe("الوطن اليوم");
      expect(article.author).toBe("أحمد العلي");
      expect(article.publishedAt?.toISOString()).toBe("2020-01-14T00:00:00.000Z");
      expect(article.canonicalUrl).toBe(`${fx.origin}/news/2020/01/14/libya-talks`);
      expect(article.body.startsWith(ARABIC_PARAGRAPH)).toBe(true);
      expect(article.body).not.toMatch(/شارك|اترك تعليق|اقرأ أيضاً|بقلم/);
      const [capture] = await server.db.pageCapture.findMany({ where: { articleId: article.id } });
      const original = iconv.encode(arabicPageHtml(), "windows-1256");
      const stored = gunzipSync(capture.htmlGzip);
      expect(stored.equals(original)).toBe(true);
      expect(capture.htmlGzip.length).toBeLessThan(original.length);
      expect(capture.sha256).toBe(createHash("sha256").update(original).digest("hex"));
      expect(capture).toMatchObject({ sourceId: null, httpStatus: 200, finalUrl: `${fx.origin}/ar`, encoding: "windows-1256", mediaType: "text/html" });
      expect(Date.now() - capture.fetchedAt.getTime()).toBeLessThan(60_000);
    });

    it("re-importing the same canonical URL opens the existing article", async () => {
      const before = await server.db.article.count();
      const hits = fx.hits.get("/ar") ?? 0;
      // a different address of the same page: fetched, recognised by its canonical URL
      const again = await importArticleFromUrl({ db: server.db, actor: asActor(editor2), url: `${fx.origin}/ar?utm_source=newsletter` });
      expect(again).toMatchObject({ kind: "done", existing: true, article: { title: ARABIC_TITLE } });
      expect(fx.hits.get("/ar")).toBe(hits + 1);
      // the canonical URL itself: known before any fetch
      const known = await importArticleFromUrl({ db: server.db, actor: asActor(editor2), url: `${fx.origin}/news/2020/01/14/libya-talks#top` });
      expect(known).toMatchObject({ kind: "done", existing: true });
      expect(fx.hits.get("/news/2020/01/14/libya-talks") ?? 0).toBe(0);
      expect(await server.db.article.count()).toBe(before);
    });

    it("follows redirects, records the final URL, and keeps the JSON-LD author", async () => {
      const r = await importArticleFromUrl({ db: server.db, actor: asActor(editor), url: `${fx.origin}/redirect-same`, waitMs: 120_000 });
      if (r.kind !== "done") throw new Error("expected done");
      const article = await server.db.article.findUniqueOrThrow({ where: { id: r.article.id } });
      expect(article).toMatchObject({ author: "Jane Doe", outlet: "The Harbour Times", language: "en", canonicalUrl: `${fx.origin}/en` });
      const capture = await server.db.pageCapture.findFirstOrThrow({ where: { articleId: article.id } });
      expect(capture.finalUrl).toBe(`${fx.origin}/en?utm_source=x`);
      expect(capture.requestedUrl).toBe(`${fx.origin}/redirect-same`);
    });

    it("answers pending for a slow page; the job reports progress to its starter only and the article then exists", async () => {
      const r = await importArticleFromUrl({ db: server.db, actor: asActor(editor), url: `${fx.origin}/slow`, waitMs: 100 });
      expect(r.kind).toBe("pending");
      if (r.kind !== "pending") throw new Error("unreachable");
      expect((await readImportJob({ db: server.db, actor: asActor(editor), jobId: r.jobId })).status).toBe("fetching");
      await expect(readImportJob({ db: server.db, actor: asActor(editor2), jobId: r.jobId })).rejects.toMatchObject({ code: "NOT_FOUND" });
      let job = await readImportJob({ db: server.db, actor: asActor(editor), jobId: r.jobId });
      for (let i = 0; i < 50 && job.status !== "done" && job.status !== "failed"; i++) {
        await sleep(100);
        job = await readImportJob({ db: server.db, actor: asActor(editor), jobId: r.jobId });
      }
      expect(job).toMatchObject({ status: "done", existing: false, article: { title: "A slow page about ports" } });
      expect(await server.db.article.findUnique({ where: { id: job.article!.id } })).not.toBeNull();
    });

    it("fails clearly: a PDF, a refused redirect, a viewer; failed jobs say why", async () => {
      await expect(importArticleFromUrl({ db: server.db, actor: asActor(editor), url: `${fx.origin}/doc.pdf` })).rejects.toMatchObject({ code: "FETCH_WRONG_TYPE", status: 415 });
      const failed = await server.db.importJob.findFirstOrThrow({ where: { url: `${fx.origin}/doc.pdf` } });
      expect(failed).toMatchObject({ status: "failed", errorCode: "FETCH_WRONG_TYPE" });
      process.env.SANAD_FETCH_ALLOW = "localhost";
      try {
        await expect(importArticleFromUrl({ db: server.db, actor: asActor(editor), url: `http://localhost:${fx.port}/redirect-loopback` })).rejects.toMatchObject({ code: "URL_NOT_ALLOWED", status: 422 });
      } finally {
        process.env.SANAD_FETCH_ALLOW = "127.0.0.1";
      }
      await expect(importArticleFromUrl({ db: server.db, actor: asActor(viewer), url: `${fx.origin}/en` })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(importArticleFromUrl({ db: server.db, actor: asActor(editor), url: "javascript:alert(1)" })).rejects.toMatchObject({ code: "URL_NOT_ALLOWED" });
    });

    it("archives a source from the live document; the copy is for the team, public only once published", async () => {
      const body = "The ministry said the terminal opened in 2019.";
      const article = await server.db.article.create({
        data: { slug: `arch-${Math.random().toString(36).slice(2, 8)}`, title: "Archive test", body, blocks: [{ kind: "paragraph", start: 0, end: body.length }], language: "en", direction: "ltr" },
      });
      const client = connectClient(server, article.id, editor.cookie);
      await client.synced();
      const claimId = addClaim(client.doc, body, { type: "date", start: body.indexOf("2019"), end: body.indexOf("2019") + 4 }, { id: editor.id, name: editor.name });
      const sourceId = addSource(client.doc, claimId, { url: `${fx.origin}/en`, title: "Ministry page" }, { id: editor.id, name: editor.name });
      await waitFor(() => !!readClaim(server.collab.registry.loaded(article.id)?.doc ?? client.doc, claimId)?.sources.length && !!server.collab.registry.loaded(article.id)?.doc && readClaim(server.collab.registry.loaded(article.id)!.doc, claimId)?.sources.length === 1, "source reaches server");
      const deps = { db: server.db, collab: server.collab };
      await expect(archiveSource({ ...deps, actor: asActor(viewer), articleId: article.id, input: { claimId, sourceId } })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(archiveSource({ ...deps, actor: asActor(editor), articleId: article.id, input: { claimId, sourceId: "nope" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
      const capture = await archiveSource({ ...deps, actor: asActor(editor), articleId: article.id, input: { claimId, sourceId } });
      expect(capture).toMatchObject({ sourceId, claimId, httpStatus: 200, requestedUrl: `${fx.origin}/en` });
      const team = await readCaptureForTeam({ db: server.db, actor: asActor(viewer), articleId: article.id, captureId: capture.id });
      expect(team.text).toContain("The ministry said the agreement");
      expect(team.text).not.toContain("tracker");
      await expect(readCaptureForTeam({ db: server.db, actor: asActor(viewer), articleId: "other", captureId: capture.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect(await readPublicCapture({ db: server.db, slug: article.slug, captureId: capture.id })).toBeNull();

      // once the claim is published with its source, the copy is public and linked from the snapshot
      const who = { id: editor.id, name: editor.name };
      setVerdict(client.doc, claimId, "true", who);
      setStatement(client.doc, claimId, "The container terminal opened in 2019.", who);
      setStatus(client.doc, claimId, "needs_review", who);
      await waitFor(() => readClaim(server.collab.registry.loaded(article.id)!.doc, claimId)?.status === "needs_review", "claim reaches server");
      const live = readClaim(server.collab.registry.loaded(article.id)!.doc, claimId)!;
      await signOffClaim({ ...deps, actor: asActor(reviewer), articleId: article.id, claimId, input: { decision: "approved", contentHash: claimContentHash(live) } });
      const published = await publishArticle({ ...deps, actor: asActor(reviewer), articleId: article.id });
      expect(published.snapshot.claims[0].sources[0].capture).toEqual({ id: capture.id, sha256: capture.sha256, fetchedAt: capture.fetchedAt });
      expect(published.snapshot.claims[0].statement).toBe("The container terminal opened in 2019.");
      expect((await readPublicCapture({ db: server.db, slug: article.slug, captureId: capture.id }))?.sha256).toBe(capture.sha256);
      // the article's own page capture is never public through a source link
      const other = await server.db.pageCapture.findFirstOrThrow({ where: { sourceId: null } });
      expect(await readPublicCapture({ db: server.db, slug: article.slug, captureId: other.id })).toBeNull();
      await retractArticle({ ...deps, actor: asActor(reviewer), articleId: article.id, input: { note: "Withdrawn for the test." } });
      expect(await readPublicCapture({ db: server.db, slug: article.slug, captureId: capture.id })).toBeNull();
      client.destroy();
    });
  });
}
