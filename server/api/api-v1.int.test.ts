import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { RunningServer } from "../main";
import { asActor, createArticle, createTestDatabase, createUser, databaseKinds, startTestServer, type TestDatabase, type TestUser } from "../test-support/harness";
import { createApiToken } from "./create-api-token";
import { revokeApiToken } from "./revoke-api-token";
import * as articlesRoute from "../../app/api/v1/articles/route";
import * as articleRoute from "../../app/api/v1/articles/[id]/route";
import * as claimRoute from "../../app/api/v1/articles/[id]/claims/[claimId]/route";
import * as signOffRoute from "../../app/api/v1/articles/[id]/claims/[claimId]/sign-off/route";
import * as publicationsRoute from "../../app/api/v1/articles/[id]/publications/route";
import * as publishRoute from "../../app/api/v1/articles/[id]/publish/route";

// Outside Next there is no page cache to revalidate; the publish route's calls are recorded instead.
const revalidated = vi.hoisted(() => [] as string[]);
vi.mock("next/cache", () => ({ revalidatePath: (path: string) => { revalidated.push(path); } }));

const BODY = "Officials said the deal would create 8,000 jobs in the first year.";

/** A request as a script would send it: bearer token and/or cookie, JSON body. */
function request(path: string, opts: { token?: string; cookie?: string; method?: string; body?: unknown } = {}): Request {
  const headers: Record<string, string> = {};
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.cookie) headers.cookie = opts.cookie;
  if (opts.body !== undefined) headers["content-type"] = "application/json";
  return new Request(`http://localhost${path}`, { method: opts.method ?? "GET", headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
}
const params = <T extends object>(p: T) => ({ params: Promise.resolve(p) });

for (const kind of databaseKinds()) {
  describe(`API v1 tokens and scopes on ${kind}`, () => {
    let database: TestDatabase;
    let server: RunningServer;
    let editor: TestUser, reviewer: TestUser, viewer: TestUser;

    beforeAll(async () => {
      database = await createTestDatabase(kind);
      server = await startTestServer(database.url, { webhooks: false });
      editor = await createUser(server.db, "editor");
      reviewer = await createUser(server.db, "reviewer");
      viewer = await createUser(server.db, "viewer");
    });
    afterAll(async () => {
      await server?.close();
      await database?.drop();
    });

    const token = async (u: TestUser, scopes: "read" | "read write", name = "script") =>
      (await createApiToken({ db: server.db, actor: asActor(u), input: { name, scopes } })).token;

    /** An article with one claim sent for review by the editor, written through DocAccess. */
    async function claimForReview() {
      const article = await createArticle(server.db, BODY);
      const start = BODY.indexOf("8,000 jobs");
      const who = { id: editor.id, name: editor.name };
      const claimId = await server.docs.write(article.id, (doc, api) => {
        const id = api.addClaim(doc, BODY, { type: "number", start, end: start + "8,000 jobs".length }, who);
        api.setVerdict(doc, id, "mostly_true", who);
        api.setRationale(doc, id, "The ministry's own figure.", who);
        api.setStatement(doc, id, "Officials said the deal would create 8,000 jobs.", who);
        api.setStatus(doc, id, "needs_review", who);
        return id;
      }, editor.id);
      // Route handlers read through the process runtime, which another suite's server may have
      // cleared on close (then they read the store): make the store hold the claim.
      await server.collab.store.flush(article.id);
      return { articleId: article.id, claimId };
    }

    it("a read token reads articles and claims, and records when it was used; it cannot write", async () => {
      const read = await token(editor, "read");
      const { articleId, claimId } = await claimForReview();
      const list = await articlesRoute.GET(request("/api/v1/articles", { token: read }), undefined as never);
      expect(list.status).toBe(200);
      expect(((await list.json()) as { articles: Array<{ id: string }> }).articles.map((a) => a.id)).toContain(articleId);

      const one = await articleRoute.GET(request(`/api/v1/articles/${articleId}`, { token: read }), params({ id: articleId }));
      const body = (await one.json()) as { article: { body: string }; claims: Array<{ id: string; contentHash: string; status: string; decision: unknown }> };
      expect(body.article.body).toBe(BODY);
      expect(body.claims).toHaveLength(1);
      expect(body.claims[0]).toMatchObject({ id: claimId, status: "needs_review", decision: null });
      expect(body.claims[0].contentHash).toMatch(/^[0-9a-f]{64}$/);

      const write = await articlesRoute.POST(request("/api/v1/articles", { token: read, method: "POST", body: { text: "Title\n\nBody text." } }), undefined as never);
      expect(write.status).toBe(403);
      expect(await write.json()).toMatchObject({ code: "FORBIDDEN", error: expect.stringMatching(/write/) });
      const row = await server.db.apiToken.findFirstOrThrow({ where: { userId: editor.id, scopes: "read" } });
      expect(row.lastUsedAt).not.toBeNull();
      expect(row.tokenHash).not.toContain(read.slice(6));
    });

    it("a read-write editor token imports an article; the same call without a token, with a bad one or a revoked one is 401", async () => {
      const rw = await token(editor, "read write");
      const res = await articlesRoute.POST(request("/api/v1/articles", { token: rw, method: "POST", body: { text: "وزير المالية: العجز انخفض\nصحيفة\n\nقال الوزير إن العجز انخفض بنسبة 3%.", header: true } }), undefined as never);
      expect(res.status).toBe(201);
      const created = (await res.json()) as { id: string; direction: string };
      expect(created.direction).toBe("rtl");
      expect((await server.db.article.findUniqueOrThrow({ where: { id: created.id } })).createdById).toBe(editor.id);

      const none = await articlesRoute.GET(request("/api/v1/articles"), undefined as never);
      expect(none.status).toBe(401);
      const bogus = await articlesRoute.GET(request("/api/v1/articles", { token: `sanad_${"x".repeat(43)}` }), undefined as never);
      expect(bogus.status).toBe(401);

      const revokedRow = await server.db.apiToken.findFirstOrThrow({ where: { userId: editor.id, scopes: "read write" } });
      await revokeApiToken({ db: server.db, actor: asActor(editor), tokenId: revokedRow.id });
      const after = await articlesRoute.GET(request("/api/v1/articles", { token: rw }), undefined as never);
      expect(after.status).toBe(401);
      expect(await after.json()).toMatchObject({ code: "UNAUTHENTICATED" });
    });

    it("someone else's token cannot be revoked (404), and a viewer cannot create a write token", async () => {
      await token(reviewer, "read", "reviewer's");
      const row = await server.db.apiToken.findFirstOrThrow({ where: { userId: reviewer.id } });
      await expect(revokeApiToken({ db: server.db, actor: asActor(editor), tokenId: row.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect((await server.db.apiToken.findUniqueOrThrow({ where: { id: row.id } })).revokedAt).toBeNull();
      await expect(createApiToken({ db: server.db, actor: asActor(viewer), input: { name: "x", scopes: "read write" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    });

    it("a reviewer's write token signs off; after demotion to viewer the same token is refused (role read per request)", async () => {
      const rw = await token(reviewer, "read write");
      const { articleId, claimId } = await claimForReview();
      const claim = (await (await claimRoute.GET(request(`/api/v1/articles/${articleId}/claims/${claimId}`, { token: rw }), params({ id: articleId, claimId }))).json()) as { contentHash: string };
      const body = { decision: "approved", contentHash: claim.contentHash };

      // the editor may not sign off whatever their token's scope
      const editorRw = await token(editor, "read write");
      const byEditor = await signOffRoute.POST(request(`/api/v1/articles/${articleId}/claims/${claimId}/sign-off`, { token: editorRw, method: "POST", body }), params({ id: articleId, claimId }));
      expect(byEditor.status).toBe(403);

      const ok = await signOffRoute.POST(request(`/api/v1/articles/${articleId}/claims/${claimId}/sign-off`, { token: rw, method: "POST", body }), params({ id: articleId, claimId }));
      expect(ok.status, await ok.clone().text()).toBe(200);
      expect(await ok.json()).toMatchObject({ articleId, signOff: { decision: "approved", reviewerId: reviewer.id, contentHash: claim.contentHash } });

      const second = await claimForReview();
      const hash = ((await (await claimRoute.GET(request(`/api/v1/articles/${second.articleId}/claims/${second.claimId}`, { token: rw }), params({ id: second.articleId, claimId: second.claimId }))).json()) as { contentHash: string }).contentHash;
      await server.db.user.update({ where: { id: reviewer.id }, data: { role: "viewer" } });
      try {
        const refused = await signOffRoute.POST(request(`/api/v1/articles/${second.articleId}/claims/${second.claimId}/sign-off`, { token: rw, method: "POST", body: { decision: "approved", contentHash: hash } }), params({ id: second.articleId, claimId: second.claimId }));
        expect(refused.status).toBe(403);
        expect(await server.db.signOff.count({ where: { claimId: second.claimId } })).toBe(0);
        // still reads, as a viewer may
        const read = await articleRoute.GET(request(`/api/v1/articles/${second.articleId}`, { token: rw }), params({ id: second.articleId }));
        expect(read.status).toBe(200);
      } finally {
        await server.db.user.update({ where: { id: reviewer.id }, data: { role: "reviewer" } });
      }
    });

    it("a reviewer's write token publishes an approved article; the editor's cannot; the versions are then readable", async () => {
      const rw = await token(reviewer, "read write");
      const { articleId, claimId } = await claimForReview();
      const hash = ((await (await claimRoute.GET(request(`/api/v1/articles/${articleId}/claims/${claimId}`, { token: rw }), params({ id: articleId, claimId }))).json()) as { contentHash: string }).contentHash;
      const signed = await signOffRoute.POST(request(`/api/v1/articles/${articleId}/claims/${claimId}/sign-off`, { token: rw, method: "POST", body: { decision: "approved", contentHash: hash } }), params({ id: articleId, claimId }));
      expect(signed.status).toBe(200);
      const byEditor = await publishRoute.POST(request(`/api/v1/articles/${articleId}/publish`, { token: await token(editor, "read write"), method: "POST" }), params({ id: articleId }));
      expect(byEditor.status).toBe(403);
      const published = await publishRoute.POST(request(`/api/v1/articles/${articleId}/publish`, { token: rw, method: "POST" }), params({ id: articleId }));
      expect(published.status, await published.clone().text()).toBe(200);
      const result = (await published.json()) as { version: number; slug: string };
      expect(result.version).toBe(1);
      expect(revalidated).toContain(`/v/${result.slug}`);
      const again = await publishRoute.POST(request(`/api/v1/articles/${articleId}/publish`, { token: rw, method: "POST", body: {} }), params({ id: articleId }));
      expect(again.status).toBe(400); // a second version needs a correction note
      const list = (await (await publicationsRoute.GET(request(`/api/v1/articles/${articleId}/publications`, { token: rw }), params({ id: articleId }))).json()) as { publications: Array<{ version: number; kind: string; snapshot: { claims: Array<{ id: string }> } }> };
      expect(list.publications).toHaveLength(1);
      expect(list.publications[0]).toMatchObject({ version: 1, kind: "publish" });
      expect(list.publications[0].snapshot.claims.map((c) => c.id)).toEqual([claimId]);
    });

    it("a session cookie reads but never writes /api/v1 (CSRF); a bad token is not rescued by a cookie", async () => {
      const readable = (await createArticle(server.db)).id;
      const read = await articleRoute.GET(request(`/api/v1/articles/${readable}`, { cookie: reviewer.cookie }), params({ id: readable }));
      expect(read.status).toBe(200);

      const imp = await articlesRoute.POST(request("/api/v1/articles", { cookie: editor.cookie, method: "POST", body: { text: "Title\n\nBody text." } }), undefined as never);
      expect(imp.status).toBe(401);
      expect(await imp.json()).toMatchObject({ code: "UNAUTHENTICATED", error: expect.stringMatching(/token/) });

      const { claimId, articleId } = await claimForReview();
      const sign = await signOffRoute.POST(request(`/api/v1/articles/${articleId}/claims/${claimId}/sign-off`, { cookie: reviewer.cookie, method: "POST", body: { decision: "approved", contentHash: "0".repeat(64) } }), params({ id: articleId, claimId }));
      expect(sign.status).toBe(401);
      expect(await server.db.signOff.count({ where: { articleId, claimId } })).toBe(0);

      const mixed = await articlesRoute.GET(request("/api/v1/articles", { cookie: editor.cookie, token: "sanad_nope" }), undefined as never);
      expect(mixed.status).toBe(401);
    });

    it("validates input with clear errors and answers unknown ids with 404", async () => {
      const rw = await token(reviewer, "read write");
      const { claimId, articleId } = await claimForReview();
      const bad = await signOffRoute.POST(request(`/api/v1/articles/${articleId}/claims/${claimId}/sign-off`, { token: rw, method: "POST", body: { decision: "maybe", contentHash: "x" } }), params({ id: articleId, claimId }));
      expect(bad.status).toBe(400);
      expect(await bad.json()).toMatchObject({ code: "INVALID_INPUT", error: expect.stringMatching(/decision/) });
      const missing = await articleRoute.GET(request("/api/v1/articles/nope", { token: rw }), params({ id: "nope" }));
      expect(missing.status).toBe(404);
      const pubs = await publicationsRoute.GET(request("/api/v1/articles/nope/publications", { token: rw }), params({ id: "nope" }));
      expect(pubs.status).toBe(404);
    });
  });
}
