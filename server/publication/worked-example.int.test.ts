import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZClaimReview } from "../../lib/publication/claim-review-schema";
import type { RunningServer } from "../main";
import { seedDemo } from "../seed-demo";
import { WORKED_EXAMPLE_CLAIMS, WORKED_EXAMPLE_SLUG } from "../seed-worked-example";
import { createTestDatabase, databaseKinds, startTestServer, type TestDatabase } from "../test-support/harness";
import { loadPublicArticle, loadPublicClaim } from "./public-pages";

for (const kind of databaseKinds()) {
  describe(`demo worked example on ${kind}`, () => {
    let database: TestDatabase;
    let server: RunningServer;

    beforeAll(async () => {
      database = await createTestDatabase(kind);
      server = await startTestServer(database.url, { seedDemo: true });
    });
    afterAll(async () => {
      await server?.close();
      await database?.drop();
    });

    const counts = async () => {
      const db = server.db;
      return [await db.docUpdate.count(), await db.docSnapshot.count(), await db.signOff.count(), await db.publication.count(), await db.auditEvent.count(), await db.claim.count(), await db.article.count()];
    };

    it("tags, approves (real hashes) and publishes the English sample; the Arabic sample stays untouched", async () => {
      const db = server.db;
      const article = await db.article.findUniqueOrThrow({ where: { slug: WORKED_EXAMPLE_SLUG } });
      const claims = await db.claim.findMany({ where: { articleId: article.id } });
      expect(claims).toHaveLength(WORKED_EXAMPLE_CLAIMS.length);
      const editor = await db.user.findUniqueOrThrow({ where: { email: "editor@sanad.local" } });
      const reviewer = await db.user.findUniqueOrThrow({ where: { email: "reviewer@sanad.local" } });
      const signOffs = await db.signOff.findMany({ where: { articleId: article.id } });
      for (const claim of claims) {
        expect(claim.createdById).toBe(editor.id);
        expect(signOffs.find((s) => s.claimId === claim.id)).toMatchObject({ decision: "approved", reviewerId: reviewer.id, contentHash: claim.contentHash });
      }
      const view = await loadPublicArticle(db, WORKED_EXAMPLE_SLUG);
      expect(view).toMatchObject({ state: "published", snapshot: { version: 1 } });
      if (view?.state !== "published") throw new Error("unreachable");
      for (const c of view.snapshot.claims) {
        const page = await loadPublicClaim(db, WORKED_EXAMPLE_SLUG, c.id);
        if (page?.state !== "published") throw new Error("claim page missing");
        expect(ZClaimReview.safeParse(page.claimReview).success).toBe(true);
        // claimReviewed is the checkable statement written for the example, not the fragment
        const example = WORKED_EXAMPLE_CLAIMS.find((e) => e.exact === c.anchor.exact)!;
        expect(page.claimReview?.claimReviewed).toBe(example.statement);
      }
      const arabic = await db.article.findUniqueOrThrow({ where: { slug: "qatar-turkey-libya" } });
      expect(await db.docUpdate.count({ where: { articleId: arabic.id } })).toBe(0);
      expect(await db.publication.count({ where: { articleId: arabic.id } })).toBe(0);
    });

    it("is idempotent: seeding again changes nothing", async () => {
      await server.collab.store.flush();
      const before = await counts();
      await seedDemo(server.db);
      expect(await counts()).toEqual(before);
    });
  });
}
