import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../db/client";
import { migrate } from "../db/migrate";
import { createTestDatabase, createUser, databaseKinds, type TestDatabase } from "../test-support/harness";
import { importClaimReviewFeed } from "./import-claim-review-feed";
import { refreshDueFeeds } from "./refresh-feeds";

const FEED = "https://checker.example/feed.json";
const review = (n: number) => ({ "@type": "ClaimReview", url: `https://checker.example/r${n}`, claimReviewed: `Claim number ${n} about the port deal`, reviewRating: { alternateName: "False" }, author: { name: "Checker" } });
const DAY = 86_400_000;

for (const kind of databaseKinds()) {
  describe(`daily refresh of ClaimReview feeds on ${kind}`, () => {
    let database: TestDatabase;
    let db: Db;
    beforeAll(async () => {
      database = await createTestDatabase(kind);
      db = createDb(database.url);
      await migrate(db, kind);
    });
    afterAll(async () => {
      await db?.$disconnect();
      await database?.drop();
    });

    it("fetches a feed again once its last import is a day old, as the admin who subscribed it; files and fresh feeds are left alone; a demoted or deactivated admin's feed stops", async () => {
      const admin = await createUser(db, "admin");
      const actor = { id: admin.id, name: admin.name, role: admin.role };
      let served: unknown[] = [review(1)];
      const fetched: string[] = [];
      const fetchText = async (url: string) => { fetched.push(url); return JSON.stringify(served); };
      await importClaimReviewFeed({ db, actor, input: { url: FEED }, fetchText });
      await importClaimReviewFeed({ db, actor, input: { fileName: "old.json", content: JSON.stringify([review(9)]) } });
      fetched.length = 0;

      // not due yet
      expect(await refreshDueFeeds({ db, fetchText })).toEqual([]);
      expect(fetched).toEqual([]);

      // a day later the feed has a new review: it is fetched and both are there
      served = [review(1), review(2)];
      const later = () => new Date(Date.now() + DAY + 60_000);
      const outcomes = await refreshDueFeeds({ db, fetchText, now: later });
      expect(outcomes).toEqual([{ feed: FEED, result: { feed: FEED, imported: 1, updated: 1, skipped: 0 } }]);
      expect(fetched).toEqual([FEED]);
      expect(await db.externalClaimReview.count({ where: { feed: FEED } })).toBe(2);
      expect(await db.searchEntry.count({ where: { kind: "external" } })).toBe(3);
      // just refreshed: not due again
      expect(await refreshDueFeeds({ db, fetchText })).toEqual([]);

      // the subscriber is no longer an admin: the feed is not fetched in their name
      await db.user.update({ where: { id: admin.id }, data: { role: "editor" } });
      fetched.length = 0;
      const after = await refreshDueFeeds({ db, fetchText, now: () => new Date(Date.now() + 3 * DAY) });
      expect(after).toEqual([{ feed: FEED, skipped: expect.stringMatching(/no longer an active admin/) }]);
      expect(fetched).toEqual([]);

      // an admin again, but deactivated: still not fetched in their name
      await db.user.update({ where: { id: admin.id }, data: { role: "admin", deactivatedAt: new Date() } });
      const deactivated = await refreshDueFeeds({ db, fetchText, now: () => new Date(Date.now() + 3 * DAY) });
      expect(deactivated).toEqual([{ feed: FEED, skipped: expect.stringMatching(/no longer an active admin/) }]);
      expect(fetched).toEqual([]);
    });
  });
}
