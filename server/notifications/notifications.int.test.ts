import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addClaim, addComment, assignClaim, changeClaimType, editComment, readClaim, setRationale, setStatus, setVerdict } from "../../lib/article-doc";
import { onNotificationMessage } from "../../lib/collab-messages";
import { mentionToken } from "../../lib/mentions";
import type { NotificationView } from "../../lib/notifications";
import { claimContentHash } from "../../lib/review/content-hash";
import { signOffClaim } from "../claims/sign-off-claim";
import type { RunningServer } from "../main";
import { asActor, connectClient, createArticle, createTestDatabase, createUser, databaseKinds, roomHas, waitFor, type TestDatabase, type TestUser } from "../test-support/harness";
import { listNotifications } from "./list-notifications";
import { markNotificationsRead } from "./mark-read";

/**
 * Notifications are created by the server from facts it vouches for: who assigned, who wrote a
 * mention, who decided — never from keys a client wrote in the document.
 */
const BODY = "Trade ministers met in Nairobi on 14 March 2024. Officials said the deal would create 8,000 jobs.";
const who = (u: TestUser) => ({ id: u.id, name: u.name });

for (const kind of databaseKinds()) {
  describe(`notifications on ${kind}`, () => {
    let database: TestDatabase;
    let server: RunningServer;
    let alice: TestUser, bilal: TestUser, carla: TestUser, reviewer: TestUser;

    beforeAll(async () => {
      database = await createTestDatabase(kind);
      server = await startServer(database.url);
      alice = await createUser(server.db, "editor", `alice-${kind}`);
      bilal = await createUser(server.db, "editor", `بلال-${kind}`);
      carla = await createUser(server.db, "editor", `carla-${kind}`);
      reviewer = await createUser(server.db, "reviewer", `rev-${kind}`);
    });
    afterAll(async () => {
      await server?.close();
      await database?.drop();
    });
    const notes = (u: TestUser) => server.db.notification.findMany({ where: { userId: u.id }, orderBy: { createdAt: "asc" } });
    async function settle(articleId: string, doc: Y.Doc) {
      await roomHas(server, articleId, doc);
      await server.collab.store.flush(articleId);
      await server.projection.drain();
    }
    async function newClaim(author: TestUser) {
      const articleId = (await createArticle(server.db, BODY)).id;
      const client = connectClient(server, articleId, author.cookie);
      await client.synced();
      const start = BODY.indexOf("8,000 jobs");
      const claimId = addClaim(client.doc, BODY, { type: "number", start, end: start + 10 }, who(author));
      await settle(articleId, client.doc);
      return { articleId, claimId, client };
    }

    it("an assignment notifies the assignee, naming the connection's user even when the document names someone else", async () => {
      const { articleId, claimId, client } = await newClaim(alice);
      const claim = client.doc.getMap("claims").get(claimId) as Y.Map<unknown>;
      assignClaim(client.doc, claimId, bilal.id, who(alice));
      client.doc.transact(() => { claim.set("updatedBy", carla.id); claim.set("createdBy", carla.id); }); // the forgery
      await settle(articleId, client.doc);
      const got = await notes(bilal);
      expect(got).toHaveLength(1);
      expect(got[0]).toMatchObject({ kind: "assigned", actorId: alice.id, articleId, claimId });
      // Re-projecting the same state notifies nobody again; assigning oneself notifies nobody.
      assignClaim(client.doc, claimId, alice.id, who(alice));
      await settle(articleId, client.doc);
      expect(await notes(alice)).toHaveLength(0);
      expect(await notes(bilal)).toHaveLength(1);
      client.destroy();
    });

    it("a comment mention notifies once per person per comment, credited to its real writer; no self-mention, no unknown, role-less or deactivated person", async () => {
      const outsider = await server.db.user.create({ data: { email: `out-${kind}@test.local`, name: "Outsider", role: "none" } });
      const gone = await server.db.user.create({ data: { email: `gone-${kind}@test.local`, name: "Gone", role: "editor", deactivatedAt: new Date() } });
      const { articleId, claimId, client } = await newClaim(alice);
      const text = `${mentionToken(bilal.name, bilal.id)} راجع المصدر من فضلك، و${mentionToken("alice", alice.id)} ${mentionToken("Outsider", outsider.id)} ${mentionToken("Gone", gone.id)} ${mentionToken("ghost", "nosuchuser")} ${mentionToken(bilal.name, bilal.id)}`;
      // The comment claims to be Carla's; the server knows Alice's connection wrote it.
      const commentId = addComment(client.doc, claimId, text, { id: carla.id, name: carla.name });
      await settle(articleId, client.doc);
      editComment(client.doc, claimId, commentId, `${text} (edited)`, { id: carla.id, name: carla.name });
      await settle(articleId, client.doc);
      const got = (await notes(bilal)).filter((n) => n.claimId === claimId);
      expect(got).toHaveLength(1);
      expect(got[0]).toMatchObject({ kind: "mention", actorId: alice.id, claimId });
      expect(got[0].excerpt).toContain(`@${bilal.name} راجع المصدر`);
      expect(await server.db.notification.count({ where: { userId: { in: [alice.id, outsider.id, gone.id, "nosuchuser"] } } })).toBe(0);
      client.destroy();
    });

    it("a rationale typed live notifies once, when the finished mention token first appears", async () => {
      const { articleId, claimId, client } = await newClaim(alice);
      const full = `Checked with ${mentionToken(carla.name, carla.id)} and the ministry.`;
      for (let i = 1; i <= full.length; i += 3) {
        setRationale(client.doc, claimId, full.slice(0, i), who(alice));
        if (i % 9 === 1) await settle(articleId, client.doc);
      }
      setRationale(client.doc, claimId, full, who(alice));
      await settle(articleId, client.doc);
      setRationale(client.doc, claimId, `${full} More.`, who(alice));
      await settle(articleId, client.doc);
      const got = (await notes(carla)).filter((n) => n.claimId === claimId);
      expect(got).toHaveLength(1);
      expect(got[0]).toMatchObject({ kind: "mention", actorId: alice.id });
      client.destroy();
    });

    it("a type change copies the claim's comments with fresh ids: their mentions notify no one, then or at the new claim's next edit", async () => {
      const { articleId, claimId, client } = await newClaim(alice);
      addComment(client.doc, claimId, `${mentionToken(carla.name, carla.id)} look at the ministry table`, who(alice));
      await settle(articleId, client.doc);
      const mentioned = async () => (await server.db.notification.findMany({ where: { userId: carla.id, articleId } })).length;
      expect(await mentioned()).toBe(1);
      const newId = changeClaimType(client.doc, claimId, "other", who(alice));
      await settle(articleId, client.doc);
      expect(await mentioned()).toBe(1);
      setStatus(client.doc, newId, "researching", who(alice));
      await settle(articleId, client.doc);
      expect(await mentioned()).toBe(1);
      client.destroy();
    });

    it("review decisions notify the claim's vouched author and assignee, not the reviewer; live on their open socket", async () => {
      const { articleId, claimId, client } = await newClaim(alice);
      setVerdict(client.doc, claimId, "mostly_true", who(alice));
      setRationale(client.doc, claimId, "Ministry figures.", who(alice));
      assignClaim(client.doc, claimId, reviewer.id, who(alice));
      setStatus(client.doc, claimId, "needs_review", who(alice));
      await settle(articleId, client.doc);
      // Alice is watching another article: the notification arrives over that socket.
      const elsewhere = (await createArticle(server.db, BODY)).id;
      const watcher = connectClient(server, elsewhere, alice.cookie);
      const live: NotificationView[] = [];
      onNotificationMessage(watcher.provider, (v) => live.push(v as NotificationView));
      await watcher.synced();
      const hash = claimContentHash(readClaim(client.doc, claimId)!);
      const deps = { db: server.db, collab: server.collab, docs: server.docs };
      await signOffClaim({ ...deps, actor: asActor(reviewer), articleId, claimId, input: { decision: "changes_requested", note: "المصدر الثاني لا يذكر الرقم", contentHash: hash } });
      await waitFor(() => live.length === 1, "live notification");
      expect(live[0]).toMatchObject({ kind: "changes_requested", actor: { id: reviewer.id, name: reviewer.name }, articleId, claimId, excerpt: "المصدر الثاني لا يذكر الرقم", read: false, claimText: "8,000 jobs" });
      const mine = (await notes(alice)).filter((n) => n.claimId === claimId);
      expect(mine.map((n) => n.kind)).toEqual(["changes_requested"]);
      expect((await notes(reviewer)).filter((n) => n.kind !== "assigned")).toHaveLength(0);
      watcher.destroy();
      client.destroy();
    });

    it("the list is one's own, newest first; marking read touches only one's own", async () => {
      const before = await listNotifications({ db: server.db, actor: asActor(bilal) });
      expect(before.items.length).toBeGreaterThanOrEqual(2);
      expect(before.unread).toBe(before.items.length);
      const times = before.items.map((n) => n.createdAt);
      expect([...times].sort().reverse()).toEqual(times);
      const alices = await notes(alice);
      // Bilal names Alice's notification: nothing changes for her.
      await markNotificationsRead({ db: server.db, actor: asActor(bilal), input: { ids: [alices[0].id, before.items[0].id] } });
      expect((await server.db.notification.findUniqueOrThrow({ where: { id: alices[0].id } })).readAt).toBeNull();
      expect((await listNotifications({ db: server.db, actor: asActor(bilal) })).unread).toBe(before.unread - 1);
      expect((await markNotificationsRead({ db: server.db, actor: asActor(bilal), input: { all: true } })).unread).toBe(0);
      await expect(markNotificationsRead({ db: server.db, actor: asActor(bilal), input: { ids: [] } })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    });

    it("older notifications come a page at a time, without gaps or repeats, and only one's own ids page", async () => {
      const carlaActor = asActor(carla);
      const earlier = (await notes(carla)).length; // from the tests above
      const articleId = (await createArticle(server.db, BODY)).id;
      // 65 notifications, many sharing a timestamp: the cursor must break ties by id.
      const at = new Date("2026-01-01T00:00:00Z");
      for (let i = 0; i < 65; i++) {
        await server.db.notification.create({ data: { userId: carla.id, kind: "mention", actorId: alice.id, articleId, claimId: `c${i}`, excerpt: "", dedupeKey: `page-test:${kind}:${i}`, createdAt: new Date(at.getTime() + Math.floor(i / 4) * 1000) } });
      }
      const seen: string[] = [];
      let page = await listNotifications({ db: server.db, actor: carlaActor });
      const sizes = [page.items.length];
      seen.push(...page.items.map((n) => n.id));
      while (page.hasMore) {
        page = await listNotifications({ db: server.db, actor: carlaActor, before: seen.at(-1) });
        sizes.push(page.items.length);
        seen.push(...page.items.map((n) => n.id));
      }
      const total = earlier + 65;
      expect(sizes).toEqual([30, 30, total - 60]);
      expect(new Set(seen).size).toBe(total);
      const times = (await Promise.all(seen.map((id) => server.db.notification.findUniqueOrThrow({ where: { id } })))).map((n) => n.createdAt.getTime());
      expect([...times].sort((a, b) => b - a)).toEqual(times);
      // Someone else's notification id is not a cursor (no probing of other people's ids).
      const alices = await notes(alice);
      await expect(listNotifications({ db: server.db, actor: carlaActor, before: alices[0].id })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(listNotifications({ db: server.db, actor: carlaActor, before: "nope" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    });
  });
}

function startServer(url: string) {
  return import("../test-support/harness").then(({ startTestServer }) => startTestServer(url, { webhooks: false, mail: false }));
}
