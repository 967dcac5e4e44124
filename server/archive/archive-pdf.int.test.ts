import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addClaim, addSource, readClaim, setStatement, setStatus, setVerdict } from "../../lib/article-doc";
import { claimContentHash } from "../../lib/review/content-hash";
import { signOffClaim } from "../claims/sign-off-claim";
import { publishArticle } from "../publication/publish-article";
import { retractArticle } from "../publication/retract-article";
import type { RunningServer } from "../main";
import { asActor, connectClient, createTestDatabase, createUser, databaseKinds, startTestServer, waitFor, type TestDatabase, type TestUser } from "../test-support/harness";
import { startPageFixtures, type PageFixtures } from "../test-support/page-fixtures";
import { AR_LINES, latinPdf, UN_PAGE_1, UN_PAGE_2, UN_TITLE } from "../test-support/pdf-fixtures";
import { archiveSource } from "./archive-source";
import { inertCaptureResponse, ARCHIVE_CSP } from "./inert-response";
import { captureHtml, readCaptureForTeam, readPublicCapture } from "./read-capture";


for (const kind of databaseKinds()) {
  describe(`archiving a PDF source on ${kind}`, () => {
    let database: TestDatabase;
    let server: RunningServer;
    let fx: PageFixtures;
    let editor: TestUser, viewer: TestUser, reviewer: TestUser;
    const previousAllow = process.env.SANAD_FETCH_ALLOW;

    beforeAll(async () => {
      process.env.SANAD_FETCH_ALLOW = "127.0.0.1";
      fx = await startPageFixtures();
      database = await createTestDatabase(kind);
      server = await startTestServer(database.url);
      editor = await createUser(server.db, "editor");
      viewer = await createUser(server.db, "viewer");
      reviewer = await createUser(server.db, "reviewer");
    });
    afterAll(async () => {
      process.env.SANAD_FETCH_ALLOW = previousAllow;
      await server?.close();
      await database?.drop();
      await fx?.close();
    });

    /** An article with one claim citing each of `paths` on the fixture server. */
    async function claimCiting(paths: string[]) {
      const body = "Resolution 2254 (2015) endorsed a road map for a peace process in Syria.";
      const article = await server.db.article.create({
        data: { slug: `pdf-${Math.random().toString(36).slice(2, 8)}`, title: "PDF archive test", body, blocks: [{ kind: "paragraph", start: 0, end: body.length }], language: "en", direction: "ltr" },
      });
      const client = connectClient(server, article.id, editor.cookie);
      await client.synced();
      const who = { id: editor.id, name: editor.name };
      const claimId = addClaim(client.doc, body, { type: "un_resolution", start: 0, end: 22 }, who);
      const sourceIds = paths.map((p) => addSource(client.doc, claimId, { url: `${fx.origin}${p}`, title: p }, who));
      await waitFor(() => readClaim(server.collab.registry.loaded(article.id)?.doc ?? client.doc, claimId)?.sources.length === paths.length && readClaim(server.collab.registry.loaded(article.id)!.doc, claimId)?.sources.length === paths.length, "sources reach server");
      return { article, client, claimId, sourceIds, deps: { db: server.db, collab: server.collab } };
    }

    it("keeps the exact bytes, their SHA-256, the media type, the pages' text and the page count", async () => {
      const { article, client, claimId, sourceIds, deps } = await claimCiting(["/un.pdf", "/un-download", "/ar.pdf"]);
      const capture = await archiveSource({ ...deps, actor: asActor(editor), articleId: article.id, input: { claimId, sourceId: sourceIds[0] } });
      const served = latinPdf([UN_PAGE_1, UN_PAGE_2], UN_TITLE);
      expect(capture).toMatchObject({ mediaType: "application/pdf", pageCount: 2, size: served.length, httpStatus: 200, sha256: createHash("sha256").update(served).digest("hex") });
      const view = await readCaptureForTeam({ db: server.db, actor: asActor(viewer), articleId: article.id, captureId: capture.id });
      expect(view.title).toBe(UN_TITLE);
      expect(view.text).toBe(`${UN_PAGE_1.join("\n")}\f${UN_PAGE_2.join("\n")}`);
      expect(view.pageCount).toBe(2);
      const bytes = await captureHtml(server.db, capture.id);
      expect(Buffer.compare(bytes, served)).toBe(0);

      // the original is served as a download, under the archive's sandbox CSP, never sniffed
      const res = inertCaptureResponse(bytes, view);
      expect(res.headers.get("content-type")).toBe("application/pdf");
      expect(res.headers.get("content-disposition")).toBe(`attachment; filename="sanad-archive-${capture.sha256.slice(0, 12)}.pdf"`);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("content-security-policy")).toBe(ARCHIVE_CSP);
      expect(Buffer.compare(Buffer.from(await res.arrayBuffer()), served)).toBe(0);

      // a PDF sent as octet-stream, and an Arabic one sent as text/html, are PDFs all the same
      const download = await archiveSource({ ...deps, actor: asActor(editor), articleId: article.id, input: { claimId, sourceId: sourceIds[1] } });
      expect(download).toMatchObject({ mediaType: "application/pdf", pageCount: 2, sha256: capture.sha256 });
      const arabic = await archiveSource({ ...deps, actor: asActor(editor), articleId: article.id, input: { claimId, sourceId: sourceIds[2] } });
      expect(arabic).toMatchObject({ mediaType: "application/pdf", pageCount: 1 });
      expect((await readCaptureForTeam({ db: server.db, actor: asActor(viewer), articleId: article.id, captureId: arabic.id })).text).toBe(AR_LINES.join("\n"));
      client.destroy();
    });

    it("the public sees a PDF copy only while the current publication cites it", async () => {
      const { article, client, claimId, sourceIds, deps } = await claimCiting(["/un.pdf"]);
      const capture = await archiveSource({ ...deps, actor: asActor(editor), articleId: article.id, input: { claimId, sourceId: sourceIds[0] } });
      expect(await readPublicCapture({ db: server.db, slug: article.slug, captureId: capture.id })).toBeNull();
      const who = { id: editor.id, name: editor.name };
      setVerdict(client.doc, claimId, "true", who);
      setStatement(client.doc, claimId, "Resolution 2254 was adopted on 18 December 2015.", who);
      setStatus(client.doc, claimId, "needs_review", who);
      await waitFor(() => readClaim(server.collab.registry.loaded(article.id)!.doc, claimId)?.status === "needs_review", "claim reaches server");
      const live = readClaim(server.collab.registry.loaded(article.id)!.doc, claimId)!;
      await signOffClaim({ ...deps, actor: asActor(reviewer), articleId: article.id, claimId, input: { decision: "approved", contentHash: claimContentHash(live) } });
      const published = await publishArticle({ ...deps, actor: asActor(reviewer), articleId: article.id });
      expect(published.snapshot.claims[0].sources[0].capture).toEqual({ id: capture.id, sha256: capture.sha256, fetchedAt: capture.fetchedAt });
      const pub = await readPublicCapture({ db: server.db, slug: article.slug, captureId: capture.id });
      expect(pub).toMatchObject({ mediaType: "application/pdf", pageCount: 2, sha256: capture.sha256 });
      expect(pub!.text).toContain(UN_PAGE_2[0]);
      await retractArticle({ ...deps, actor: asActor(reviewer), articleId: article.id, input: { note: "Withdrawn for the test." } });
      expect(await readPublicCapture({ db: server.db, slug: article.slug, captureId: capture.id })).toBeNull();
      client.destroy();
    });

    it("a truncated PDF is a clear 400 and stores nothing; a non-document download is refused", async () => {
      const { article, client, claimId, sourceIds, deps } = await claimCiting(["/un.pdf", "/truncated.pdf", "/octet"]);
      const good = await archiveSource({ ...deps, actor: asActor(editor), articleId: article.id, input: { claimId, sourceId: sourceIds[0] } });
      const before = await server.db.pageCapture.count({ where: { articleId: article.id } });
      const err = await archiveSource({ ...deps, actor: asActor(editor), articleId: article.id, input: { claimId, sourceId: sourceIds[1] } }).then(() => null, (e: unknown) => e);
      expect(err).toMatchObject({ code: "INVALID_INPUT", status: 400, reason: { key: "pdfUnreadable" } });
      expect(String((err as Error).message)).toMatch(/The PDF could not be read/);
      await expect(archiveSource({ ...deps, actor: asActor(editor), articleId: article.id, input: { claimId, sourceId: sourceIds[2] } })).rejects.toMatchObject({ code: "FETCH_WRONG_TYPE", status: 415, reason: { key: "notArchivable" } });
      expect(await server.db.pageCapture.count({ where: { articleId: article.id } })).toBe(before);
      // what was archived before is intact
      const kept = await readCaptureForTeam({ db: server.db, actor: asActor(viewer), articleId: article.id, captureId: good.id });
      expect(kept.sha256).toBe(good.sha256);
      expect(createHash("sha256").update(await captureHtml(server.db, good.id)).digest("hex")).toBe(good.sha256);
      client.destroy();
    });
  });
}
