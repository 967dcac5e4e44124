import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addClaim, addComment } from "../../lib/article-doc";
import { mentionToken } from "../../lib/mentions";
import type { NotificationView } from "../../lib/notifications";
import type { RunningServer } from "../main";
import { connectClient, createArticle, createTestDatabase, createUser, roomHas, sleep, startTestServer, waitFor, type TestDatabase, type TestUser } from "../test-support/harness";
import { setNotificationDelivery } from "./delivery";

/**
 * A notification created on one process reaches the person's socket on another, through the
 * Redis relay. Needs TEST_DATABASE_URL and REDIS_URL.
 */
const REDIS_URL = process.env.REDIS_URL ?? "";
const skipReason = !process.env.TEST_DATABASE_URL || !REDIS_URL ? "TEST_DATABASE_URL and REDIS_URL not both set" : null;
if (skipReason && process.env.CI === "true") throw new Error(`CI=true but ${skipReason}: the cross-process notification test must run in CI`);
if (skipReason) console.warn(`[tests] ${skipReason}: cross-process notification test skipped`);

describe.skipIf(!!skipReason)("notifications across two processes (Redis relay)", () => {
  let database: TestDatabase;
  let s1: RunningServer, s2: RunningServer;
  let alice: TestUser, bilal: TestUser;

  beforeAll(async () => {
    database = await createTestDatabase("postgres");
    s1 = await startTestServer(database.url, { redisUrl: REDIS_URL, webhooks: false, mail: false });
    s2 = await startTestServer(database.url, { redisUrl: REDIS_URL, webhooks: false, mail: false });
    // Two servers in one test process share globalThis: make process 1's collab server the one
    // that delivers, so the only way to Bilal's socket on process 2 is the relay.
    setNotificationDelivery((userId, view) => s1.collab.pushNotification(userId, view));
    alice = await createUser(s1.db, "editor", "alice-relay");
    bilal = await createUser(s1.db, "editor", "بلال-relay");
    await sleep(200); // both processes subscribed
  });
  afterAll(async () => {
    await s1?.close();
    await s2?.close();
    await database?.drop();
  });

  it("a mention written on process 1 appears live on the mentioned person's socket on process 2", async () => {
    const body = "Officials said the deal would create 8,000 jobs.";
    const articleId = (await createArticle(s1.db, body)).id;
    const otherArticle = (await createArticle(s1.db, body)).id;
    const b = connectClient(s2, otherArticle, bilal.cookie);
    await b.synced();
    const a = connectClient(s1, articleId, alice.cookie);
    await a.synced();
    const start = body.indexOf("8,000");
    const claimId = addClaim(a.doc, body, { type: "number", start, end: start + 5 }, { id: alice.id, name: alice.name });
    addComment(a.doc, claimId, `${mentionToken(bilal.name, bilal.id)} هل لديك المصدر؟`, { id: alice.id, name: alice.name });
    await roomHas(s1, articleId, a.doc);
    await waitFor(() => b.notifications.length > 0, "the notification on process 2", 10_000);
    const view = b.notifications[0] as NotificationView;
    expect(view).toMatchObject({ kind: "mention", actor: { id: alice.id, name: alice.name }, articleId, claimId, read: false });
    expect(view.excerpt).toBe(`@${bilal.name} هل لديك المصدر؟`);
    // Nothing reached Alice's own socket: she did it.
    expect(a.notifications).toHaveLength(0);
    a.destroy();
    b.destroy();
  });
});
