import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type * as Y from "yjs";
import { addClaim, addComment, assignClaim, deleteClaim, readClaim, setRationale, setStatus, setVerdict } from "../../lib/article-doc";
import { mentionToken } from "../../lib/mentions";
import type { NotificationKind } from "../../lib/notifications";
import { claimContentHash } from "../../lib/review/content-hash";
import { signOffClaim } from "../claims/sign-off-claim";
import type { RunningServer } from "../main";
import { asActor, connectClient, createArticle, createTestDatabase, createUser, databaseKinds, roomHas, waitFor, type TestDatabase, type TestUser } from "../test-support/harness";
import { createNotifications, type NotificationFact } from "./create-notifications";
import { listNotifications } from "./list-notifications";
import { notificationRetention, pruneNotifications } from "./retention";

/**
 * Old notifications are pruned in bounded steps, and a pruned notification's fact still
 * notifies once: its dedupe key outlives it while its claim exists.
 */
const BODY = "Trade ministers met in Nairobi on 14 March 2024. Officials said the deal would create 8,000 jobs.";
const DAY = 86_400_000;
const who = (u: TestUser) => ({ id: u.id, name: u.name });
const RETENTION = { readDays: 90, unreadDays: 365 };

it("retention is read from SANAD_NOTIFICATION_READ_DAYS / _UNREAD_DAYS; unread is kept at least as long as read", () => {
  expect(notificationRetention({})).toEqual({ readDays: 90, unreadDays: 365 });
  expect(notificationRetention({ SANAD_NOTIFICATION_READ_DAYS: "30", SANAD_NOTIFICATION_UNREAD_DAYS: "60" })).toEqual({ readDays: 30, unreadDays: 60 });
  expect(notificationRetention({ SANAD_NOTIFICATION_READ_DAYS: "400" })).toEqual({ readDays: 400, unreadDays: 400 });
  expect(notificationRetention({ SANAD_NOTIFICATION_READ_DAYS: "soon", SANAD_NOTIFICATION_UNREAD_DAYS: "-1" })).toEqual({ readDays: 90, unreadDays: 365 });
});

for (const kind of databaseKinds()) {
  describe(`notification retention on ${kind}`, () => {
    let database: TestDatabase;
    let server: RunningServer;
    let alice: TestUser, bilal: TestUser, carla: TestUser, reviewer: TestUser;

    beforeAll(async () => {
      database = await createTestDatabase(kind);
      server = await import("../test-support/harness").then(({ startTestServer }) => startTestServer(database.url, { webhooks: false, mail: false }));
      alice = await createUser(server.db, "editor", `alice-${kind}`);
      bilal = await createUser(server.db, "editor", `bilal-${kind}`);
      carla = await createUser(server.db, "editor", `carla-${kind}`);
      reviewer = await createUser(server.db, "reviewer", `rev-${kind}`);
    });
    afterAll(async () => {
      await server?.close();
      await database?.drop();
    });
    async function settle(articleId: string, doc: Y.Doc) {
      await roomHas(server, articleId, doc);
      await server.collab.store.flush(articleId);
      await server.projection.drain();
    }
    /**
     * Prune step by step (each bounded by `batch`) until the walk over the keys has reached the end
     * twice, so it has covered the whole table wherever it started; returns the steps taken.
     */
    async function pruneAll(now: Date, batch?: number) {
      let steps = 0;
      for (let pass = 0; pass < 2; pass++) {
        for (let more = true; more; steps++) ({ more } = await pruneNotifications(server.db, { now, retention: RETENTION, batch }));
      }
      return steps;
    }
    const age = (id: string, days: number, read: boolean, now: Date) =>
      server.db.notification.update({ where: { id }, data: { createdAt: new Date(now.getTime() - days * DAY), readAt: read ? now : null } });
    const asFact = (n: { userId: string; kind: string; actorId: string; articleId: string; claimId: string; excerpt: string; dedupeKey: string }): NotificationFact =>
      ({ userId: n.userId, kind: n.kind as NotificationKind, actorId: n.actorId, articleId: n.articleId, claimId: n.claimId, excerpt: n.excerpt, dedupeKey: n.dedupeKey });

    it("old read and very old unread notifications go; recent and unread ones stay; a pruned fact does not notify again", async () => {
      const articleId = (await createArticle(server.db, BODY)).id;
      const client = connectClient(server, articleId, alice.cookie);
      await client.synced();
      const start = BODY.indexOf("8,000 jobs");
      const claimId = addClaim(client.doc, BODY, { type: "number", start, end: start + 10 }, who(alice));
      await settle(articleId, client.doc);
      assignClaim(client.doc, claimId, bilal.id, who(alice));
      addComment(client.doc, claimId, `${mentionToken(bilal.name, bilal.id)} please check the ministry figure`, who(alice));
      setVerdict(client.doc, claimId, "mostly_true", who(alice));
      setRationale(client.doc, claimId, "Ministry figures.", who(alice));
      setStatus(client.doc, claimId, "needs_review", who(alice));
      await settle(articleId, client.doc);
      const hash = claimContentHash(readClaim(client.doc, claimId)!);
      await signOffClaim({ db: server.db, collab: server.collab, docs: server.docs, actor: asActor(reviewer), articleId, claimId, input: { decision: "changes_requested", note: "Second source?", contentHash: hash } });
      const all = await server.db.notification.findMany({ where: { claimId } });
      const one = (userId: string, k: string) => { const n = all.find((x) => x.userId === userId && x.kind === k); expect(n, `${k} for ${userId}`).toBeTruthy(); return n!; };
      const assigned = one(bilal.id, "assigned"), mention = one(bilal.id, "mention"), bilalDecision = one(bilal.id, "changes_requested"), aliceDecision = one(alice.id, "changes_requested");
      expect(all).toHaveLength(4);
      expect(await server.db.notificationKey.count({ where: { key: { in: all.map((n) => n.dedupeKey) } } })).toBe(4);

      const now = new Date();
      await age(assigned.id, 100, false, now); // unread, younger than a year: kept
      await age(mention.id, 100, true, now); // read, older than 90 days: pruned
      await age(bilalDecision.id, 10, true, now); // read, recent: kept
      await age(aliceDecision.id, 400, false, now); // unread, older than a year: pruned
      await pruneAll(now);
      const left = await server.db.notification.findMany({ where: { claimId } });
      expect(left.map((n) => n.id).sort()).toEqual([assigned.id, bilalDecision.id].sort());
      // The facts behind the pruned ones come round again (as a comment's mentions do at every
      // projection of its claim after a restart): nobody is told twice.
      expect(await createNotifications(server.db, [asFact(mention), asFact(aliceDecision)])).toEqual([]);
      expect(await server.db.notification.count({ where: { claimId } })).toBe(2);
      // ...while a new fact on the same claim still notifies.
      const fresh = await createNotifications(server.db, [{ ...asFact(mention), dedupeKey: `${mention.dedupeKey}:other` }]);
      expect(fresh).toHaveLength(1);

      // The claim is deleted: its keys go with it (nothing can re-fire them), other claims' keys stay.
      const otherClaim = addClaim(client.doc, BODY, { type: "date", start: BODY.indexOf("14 March"), end: BODY.indexOf("14 March") + 13 }, who(alice));
      await settle(articleId, client.doc);
      assignClaim(client.doc, otherClaim, carla.id, who(alice));
      await settle(articleId, client.doc);
      const otherKey = (await server.db.notification.findFirstOrThrow({ where: { claimId: otherClaim, userId: carla.id } })).dedupeKey;
      deleteClaim(client.doc, claimId, who(alice));
      // a deletion adds no struct, so the room's state vector does not show it: wait for the claim to go
      await waitFor(() => !server.collab.registry.loaded(articleId)?.doc.getMap("claims").has(claimId), "the deletion to reach the room");
      await settle(articleId, client.doc);
      expect(await server.db.claim.count({ where: { articleId, id: claimId } })).toBe(0);
      await pruneAll(now, 2); // several bounded steps walk the whole key table
      expect(await server.db.notificationKey.count({ where: { claimId } })).toBe(0);
      expect(await server.db.notificationKey.count({ where: { key: otherKey } })).toBe(1);
      client.destroy();
    });

    it("pruning works in bounded batches, and paging with ?before= sees exactly the notifications kept, in order", async () => {
      const articleId = (await createArticle(server.db, BODY)).id;
      const now = new Date();
      const ids: string[] = [];
      // 65 of Carla's notifications between 100 and 116 days old, four to a timestamp; every third one is read (so pruned).
      for (let i = 0; i < 65; i++) {
        const row = await server.db.notification.create({
          data: { userId: carla.id, kind: "mention", actorId: alice.id, articleId, claimId: `c${i}`, excerpt: "", dedupeKey: `prune-page:${kind}:${i}`, createdAt: new Date(now.getTime() - (100 + Math.floor(i / 4)) * DAY), readAt: i % 3 === 0 ? now : null },
        });
        ids.push(row.id);
      }
      const pruned = new Set(ids.filter((_, i) => i % 3 === 0));
      const before = await server.db.notification.findMany({ where: { userId: carla.id }, select: { id: true } });
      const keep = before.map((n) => n.id).filter((id) => !pruned.has(id));
      expect(await pruneAll(now, 5)).toBeGreaterThan(pruned.size / 5); // 22 rows, at most 5 a step
      expect(await server.db.notification.count({ where: { id: { in: [...pruned] } } })).toBe(0);

      const seen: string[] = [];
      let page = await listNotifications({ db: server.db, actor: asActor(carla) });
      const sizes = [page.items.length];
      seen.push(...page.items.map((n) => n.id));
      while (page.hasMore) {
        page = await listNotifications({ db: server.db, actor: asActor(carla), before: seen.at(-1) });
        sizes.push(page.items.length);
        seen.push(...page.items.map((n) => n.id));
      }
      expect(sizes).toEqual([30, keep.length - 30]);
      expect([...seen].sort()).toEqual([...keep].sort());
      const times = (await server.db.notification.findMany({ where: { id: { in: seen } } })).map((n) => [n.id, n.createdAt.getTime()] as const);
      const at = new Map(times);
      const order = seen.map((id) => at.get(id)!);
      expect([...order].sort((a, b) => b - a)).toEqual(order);
      // A cursor that was pruned in the meantime is simply unknown (as any id not one's own).
      await expect(listNotifications({ db: server.db, actor: asActor(carla), before: [...pruned][0] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    });
  });
}
