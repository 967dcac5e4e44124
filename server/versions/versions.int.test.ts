import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addClaim, addComment, deleteClaim, readClaim, readClaims, setStatus, setVerdict } from "../../lib/article-doc";
import { claimContentHash } from "../../lib/review/content-hash";
import { readVouchedClaim } from "../claims/live-claim";
import { signOffClaim } from "../claims/sign-off-claim";
import type { RunningServer } from "../main";
import { asActor, connectClient, createArticle, createTestDatabase, createUser, databaseKinds, startTestServer, waitFor, type TestDatabase, type TestUser } from "../test-support/harness";
import { PERSON_VERSIONS_PER_HOUR, takeVersion } from "./take-version";
import { POST as saveVersionRoute } from "../../app/api/articles/[id]/versions/route";
import { claimsAtVersion, listVersions, restoreClaimsFromVersion } from "./versions";

/** Issue 9: nothing erased beyond recovery — versions, the history view's data, restore. */
const BODY = "Trade ministers met in Nairobi on 14 March 2024. Officials said the deal would create 8,000 jobs. Resolution 2722 was adopted in January 2024.";
const PHRASES = ["Trade ministers", "Nairobi", "8,000 jobs"];

for (const kind of databaseKinds()) {
  describe(`version history on ${kind}`, () => {
    let database: TestDatabase;
    let server: RunningServer;
    let editor: TestUser, reviewer: TestUser;
    const previousInterval = process.env.SANAD_VERSION_INTERVAL_MS;

    beforeAll(async () => {
      process.env.SANAD_VERSION_INTERVAL_MS = "1"; // every projection keeps a periodic version
      database = await createTestDatabase(kind);
      server = await startTestServer(database.url);
      editor = await createUser(server.db, "editor");
      reviewer = await createUser(server.db, "reviewer");
    });
    afterAll(async () => {
      if (previousInterval === undefined) delete process.env.SANAD_VERSION_INTERVAL_MS;
      else process.env.SANAD_VERSION_INTERVAL_MS = previousInterval;
      await server?.close();
      await database?.drop();
    });
    const deps = () => ({ db: server.db, collab: server.collab });

    it("keeps a version before a deletion of several claims; a reviewer restores them live for everyone, audited; compaction keeps versions", async () => {
      const articleId = (await createArticle(server.db, BODY)).id;
      const e = connectClient(server, articleId, editor.cookie);
      await e.synced();
      const ids = PHRASES.map((p) => addClaim(e.doc, BODY, { type: "other", start: BODY.indexOf(p), end: BODY.indexOf(p) + p.length }, { id: editor.id, name: editor.name }));
      await waitFor(() => readClaims(server.collab.registry.loaded(articleId)!.doc).length === 3, "claims reach the server");
      // periodic versions follow stored edits
      await waitFor(async () => (await server.db.docVersion.count({ where: { articleId, reason: "periodic" } })) > 0, "periodic version");
      // two claims deleted in one update: allowed (not all, not more than 5), but kept first
      e.doc.transact(() => { deleteClaim(e.doc, ids[0], editor); deleteClaim(e.doc, ids[1], editor); });
      await waitFor(() => readClaims(server.collab.registry.loaded(articleId)!.doc).length === 1, "deletion applied");
      await waitFor(async () => (await server.db.docVersion.count({ where: { articleId, reason: "before_delete" } })) === 1, "version before the deletion");
      const versions = await listVersions({ db: server.db, actor: asActor(editor), articleId });
      const beforeDelete = versions.find((v) => v.reason === "before_delete")!;
      expect(beforeDelete).toMatchObject({ claimCount: 3, byName: editor.name });
      const at = await claimsAtVersion({ db: server.db, actor: asActor(editor), articleId, versionId: beforeDelete.id });
      expect(at.claims.map((c) => c.id).sort()).toEqual([...ids].sort());

      // compaction folds the log; versions stay
      await server.collab.store.flush(articleId);
      await server.collab.store.compact(articleId);
      expect(await server.db.docVersion.count({ where: { articleId } })).toBe(versions.length);

      // editors may not restore; reviewers may, and the editor sees the claims come back live
      await expect(restoreClaimsFromVersion({ ...deps(), actor: asActor(editor), articleId, versionId: beforeDelete.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
      const result = await restoreClaimsFromVersion({ ...deps(), actor: asActor(reviewer), articleId, versionId: beforeDelete.id });
      expect(result.restored.sort()).toEqual([ids[0], ids[1]].sort());
      await waitFor(() => readClaims(e.doc).length === 3, "restored claims reach the connected editor", 2000);
      expect(readClaims(e.doc).find((c) => c.id === ids[0])?.anchor.exact).toBe(PHRASES[0]);
      const audit = await server.db.auditEvent.findFirstOrThrow({ where: { articleId, action: "claims.restored" } });
      expect(audit.actorId).toBe(reviewer.id);
      expect(await server.db.docVersion.count({ where: { articleId, reason: "before_restore" } })).toBe(1);
      // restoring again changes nothing (claims that exist are kept as they are)
      expect((await restoreClaimsFromVersion({ ...deps(), actor: asActor(reviewer), articleId, versionId: beforeDelete.id })).restored).toEqual([]);
      e.destroy();
    });

    it("a restore keeps who created a claim, set its verdict and wrote its comments: four eyes cannot be laundered through a restore", async () => {
      // The editor creates the claim, reviewer A sets its verdict and sends it for review, and
      // another editor comments. The claim is deleted; reviewer B restores it from a version.
      const articleId = (await createArticle(server.db, BODY)).id;
      const reviewerA = await createUser(server.db, "reviewer");
      const reviewerB = await createUser(server.db, "reviewer");
      const commenter = await createUser(server.db, "editor");
      const e = connectClient(server, articleId, editor.cookie);
      const a = connectClient(server, articleId, reviewerA.cookie);
      const c = connectClient(server, articleId, commenter.cookie);
      await Promise.all([e.synced(), a.synced(), c.synced()]);
      const start = BODY.indexOf(PHRASES[2]);
      const claimId = addClaim(e.doc, BODY, { type: "other", start, end: start + PHRASES[2].length }, { id: editor.id, name: editor.name });
      await waitFor(() => !!readClaim(a.doc, claimId) && !!readClaim(c.doc, claimId), "claim reaches the others");
      setVerdict(a.doc, claimId, "false", { id: reviewerA.id, name: reviewerA.name });
      setStatus(a.doc, claimId, "needs_review", { id: reviewerA.id, name: reviewerA.name });
      const commentId = addComment(c.doc, claimId, "The ministry says 6,000.", { id: commenter.id, name: commenter.name });
      const room = () => server.collab.registry.loaded(articleId)!.doc;
      await waitFor(() => readClaim(room(), claimId)?.status === "needs_review" && readClaim(room(), claimId)?.comments.length === 1, "claim complete on the server");
      const hash = claimContentHash(readClaim(room(), claimId)!);
      const version = await takeVersion({ ...deps(), actor: asActor(editor), articleId, reason: "manual" });
      deleteClaim(e.doc, claimId, { id: editor.id, name: editor.name });
      await waitFor(() => !readClaim(room(), claimId), "deletion reaches the server");

      expect((await restoreClaimsFromVersion({ ...deps(), actor: asActor(reviewerB), articleId, versionId: version.id })).restored).toEqual([claimId]);
      await waitFor(() => readClaim(e.doc, claimId)?.comments.length === 1 && readClaim(e.doc, claimId)?.verdict === "false", "restored claim reaches the editor");
      expect(claimContentHash(readClaim(room(), claimId)!)).toBe(hash);
      const restored = await readVouchedClaim(deps(), articleId, claimId);
      expect(restored.authors).toMatchObject({ createdBy: editor.id, verdictBy: reviewerA.id, comments: { [commentId]: commenter.id } });
      expect(restored.claim).toMatchObject({ status: "needs_review", verdict: "false" });

      // Reviewer A set the verdict: still not theirs to approve. Reviewer B only restored it: B may.
      await expect(signOffClaim({ ...deps(), actor: asActor(reviewerA), articleId, claimId, input: { decision: "approved", contentHash: hash } }))
        .rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/verdict/) });
      await signOffClaim({ ...deps(), actor: asActor(reviewerB), articleId, claimId, input: { decision: "approved", contentHash: hash } });
      for (const client of [e, a, c]) client.destroy();
    });

    it("saves a version on demand (editors), refuses viewers' and other articles' versions", async () => {
      const articleId = (await createArticle(server.db, BODY)).id;
      const other = (await createArticle(server.db, BODY)).id;
      const v = await takeVersion({ ...deps(), actor: asActor(editor), articleId, reason: "manual" });
      expect(v.claimCount).toBe(0);
      const viewer = await createUser(server.db, "viewer");
      await expect(takeVersion({ ...deps(), actor: asActor(viewer), articleId, reason: "manual" })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(claimsAtVersion({ db: server.db, actor: asActor(editor), articleId: other, versionId: v.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect(await server.db.auditEvent.count({ where: { articleId, action: "version.taken", actorId: editor.id } })).toBe(1);
    });

    it("one person's saved versions are limited per hour: a loop of saves (or restores) cannot fill the disk with full documents", async () => {
      // Every version is a full document (up to 16 MiB) kept for good when saved by hand.
      const articleId = (await createArticle(server.db, BODY)).id;
      const saver = await createUser(server.db, "reviewer");
      const save = () => saveVersionRoute(new Request(`http://localhost/api/articles/${articleId}/versions`, {
        method: "POST", body: "{}", headers: { cookie: saver.cookie, "content-type": "application/json" },
      }), { params: Promise.resolve({ id: articleId }) });
      for (let i = 0; i < PERSON_VERSIONS_PER_HOUR; i++) expect((await save()).status).toBe(200);
      const refused = await save();
      expect(refused.status).toBe(429);
      expect(await refused.json()).toMatchObject({ code: "RATE_LIMITED", reason: "versionLimit" });
      // a restore keeps a version first: the same budget
      await expect(restoreClaimsFromVersion({ ...deps(), actor: asActor(saver), articleId, versionId: (await listVersions({ db: server.db, actor: asActor(saver), articleId }))[0].id }))
        .rejects.toMatchObject({ code: "RATE_LIMITED" });
      expect(await server.db.docVersion.count({ where: { articleId, createdById: saver.id } })).toBe(PERSON_VERSIONS_PER_HOUR);
      // a colleague keeps their own budget; the server's periodic versions are not counted
      expect((await takeVersion({ ...deps(), actor: asActor(editor), articleId, reason: "manual" })).id).toBeTruthy();
      expect((await takeVersion({ ...deps(), actor: null, articleId, reason: "periodic" })).id).toBeTruthy();
    });

    it("a new periodic version thins old ones: one per day after a week, versions saved by hand kept", async () => {
      const articleId = (await createArticle(server.db, BODY)).id;
      const day = (daysAgo: number, hour: number) => new Date(Date.now() - daysAgo * 86_400_000 + hour * 60_000);
      const old = async (createdAt: Date, reason: string) => (await server.db.docVersion.create({ data: { articleId, data: Buffer.from([0, 0]), reason, createdById: null, claimCount: 0, createdAt }, select: { id: true } })).id;
      const a = await old(day(30, 0), "periodic"), b = await old(day(30, 10), "periodic"), c = await old(day(30, 5), "before_delete");
      const manual = await old(day(30, 1), "manual");
      const recent = await old(day(2, 0), "periodic");
      const e = connectClient(server, articleId, editor.cookie);
      await e.synced();
      addClaim(e.doc, BODY, { type: "other", start: 0, end: 15 }, { id: editor.id, name: editor.name });
      await waitFor(async () => (await server.db.docVersion.count({ where: { articleId, id: { in: [a, c] } } })) === 0, "two of the same old day thinned");
      const left = (await server.db.docVersion.findMany({ where: { articleId }, select: { id: true } })).map((r) => r.id);
      expect(left).toEqual(expect.arrayContaining([b, manual, recent]));
      e.destroy();
    });
  });
}
