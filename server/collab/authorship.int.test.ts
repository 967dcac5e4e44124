import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addClaim, addComment, claimItemClients, readClaim, setArticleDocHooks, setRationale, setStatus, setVerdict } from "../../lib/article-doc";
import { CloseCode } from "../../lib/close-codes";
import { claimContentHash } from "../../lib/review/content-hash";
import { listArticleHistory } from "../audit/article-history";
import { listDocAuthors } from "../articles/doc-authors";
import { readVouchedClaim } from "../claims/live-claim";
import { listReviewQueue } from "../claims/review-queue";
import { signOffClaim } from "../claims/sign-off-claim";
import type { RunningServer } from "../main";
import { loadDecisions } from "../review/decisions";
import { awarenessMessage, syncUpdate } from "../test-support/wire";
import { asActor, connectClient, createArticle, createTestDatabase, createUser, databaseKinds, rawSocket, sleep, startTestServer, waitFor, type TestDatabase, type TestUser } from "../test-support/harness";

/**
 * Issue 9: authorship the server can vouch for. Every attack here worked against the code
 * before server/collab/authorship.ts + update-guard.ts (each test fails there).
 */
const BODY = "Trade ministers met in Nairobi on 14 March 2024. Officials said the deal would create 8,000 jobs. Resolution 2722 was adopted in January 2024.";
const who = (u: TestUser) => ({ id: u.id, name: u.name });
for (const kind of databaseKinds()) {
  describe(`server-vouched authorship on ${kind}`, () => {
    let database: TestDatabase;
    let server: RunningServer;
    let editor: TestUser, reviewer: TestUser;

    beforeAll(async () => {
      database = await createTestDatabase(kind);
      server = await startTestServer(database.url);
      editor = await createUser(server.db, "editor");
      reviewer = await createUser(server.db, "reviewer");
    });
    afterAll(async () => {
      await server?.close();
      await database?.drop();
    });
    const deps = () => ({ db: server.db, collab: server.collab });
    const liveClaim = (articleId: string, claimId: string) => {
      const doc = server.collab.registry.loaded(articleId)?.doc;
      return doc ? readClaim(doc, claimId) : null;
    };

    it("four eyes cannot be forged: rewriting createdBy/verdictBy over the socket does not let a reviewer approve their own claim", async () => {
      const articleId = (await createArticle(server.db, BODY)).id;
      const r = connectClient(server, articleId, reviewer.cookie);
      await r.synced();
      const start = BODY.indexOf("8,000 jobs");
      const claimId = addClaim(r.doc, BODY, { type: "number", start, end: start + 10 }, who(reviewer));
      setVerdict(r.doc, claimId, "mostly_true", who(reviewer));
      setRationale(r.doc, claimId, "The ministry's figure.", who(reviewer));
      setStatus(r.doc, claimId, "needs_review", who(reviewer));
      // The attack: claim the editor did it.
      const claim = r.doc.getMap("claims").get(claimId) as Y.Map<unknown>;
      r.doc.transact(() => {
        claim.set("createdBy", editor.id);
        claim.set("verdictBy", editor.id);
        claim.set("updatedBy", editor.id);
      });
      const hash = claimContentHash(readClaim(r.doc, claimId)!);
      await waitFor(() => liveClaim(articleId, claimId)?.createdBy === editor.id && liveClaim(articleId, claimId)?.verdictBy === editor.id, "forgery reaches the server");
      await expect(signOffClaim({ ...deps(), actor: asActor(reviewer), articleId, claimId, input: { decision: "approved", contentHash: hash } }))
        .rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/created this claim/) });
      expect(await server.db.signOff.count({ where: { articleId } })).toBe(0);
      // the projection, the review queue and the history name the real author
      await waitFor(async () => (await server.db.claim.findUnique({ where: { articleId_id: { articleId, id: claimId } } }))?.status === "needs_review", "projection");
      const row = await server.db.claim.findUniqueOrThrow({ where: { articleId_id: { articleId, id: claimId } } });
      expect(row).toMatchObject({ createdById: reviewer.id, verdictById: reviewer.id, updatedById: reviewer.id });
      const queue = await listReviewQueue({ db: server.db, actor: asActor(editor), filter: { articleId } });
      expect(queue.items.find((i) => i.claimId === claimId)?.authorName).toBe(reviewer.name);
      const history = await listArticleHistory({ db: server.db, actor: asActor(editor), articleId });
      expect(history.entries.length).toBeGreaterThan(0);
      expect(history.entries.every((e) => e.actorName === reviewer.name)).toBe(true);
      r.destroy();
    });

    it("a reviewer who set the verdict and forged verdictBy to the editor is refused; the verdict's vouched setter decides", async () => {
      const articleId = (await createArticle(server.db, BODY)).id;
      const e = connectClient(server, articleId, editor.cookie);
      await e.synced();
      const start = BODY.indexOf("Nairobi");
      const claimId = addClaim(e.doc, BODY, { type: "quote", start, end: start + 7 }, who(editor));
      setStatus(e.doc, claimId, "needs_review", who(editor));
      await waitFor(async () => !!(await server.db.claim.findUnique({ where: { articleId_id: { articleId, id: claimId } } })), "projection");
      const r = connectClient(server, articleId, reviewer.cookie);
      await r.synced();
      await waitFor(() => !!readClaim(r.doc, claimId), "claim reaches the reviewer");
      setVerdict(r.doc, claimId, "true", who(reviewer));
      (r.doc.getMap("claims").get(claimId) as Y.Map<unknown>).set("verdictBy", editor.id);
      const hash = claimContentHash(readClaim(r.doc, claimId)!);
      await waitFor(() => liveClaim(articleId, claimId)?.verdictBy === editor.id, "forgery reaches the server");
      await expect(signOffClaim({ ...deps(), actor: asActor(reviewer), articleId, claimId, input: { decision: "approved", contentHash: hash } }))
        .rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/set this verdict/) });
      // the verdict change is audited with the reviewer as actor, whatever updatedBy says
      await waitFor(async () => (await server.db.auditEvent.count({ where: { articleId, action: "claim.verdict_changed" } })) > 0, "verdict audited");
      const events = await server.db.auditEvent.findMany({ where: { articleId, claimId, action: { startsWith: "claim." } } });
      expect(events.find((x) => x.action === "claim.verdict_changed")?.actorId).toBe(reviewer.id);
      expect(events.find((x) => x.action === "claim.created")?.actorId).toBe(editor.id);
      e.destroy(); r.destroy();
    });

    it("writing under another user's Yjs client id is refused (4410) and nothing of it is applied", async () => {
      const articleId = (await createArticle(server.db, BODY)).id;
      const r = connectClient(server, articleId, reviewer.cookie);
      await r.synced();
      r.doc.getMap("claims").set("by-reviewer", "x"); // binds the reviewer's client id
      await waitFor(() => server.collab.guard.bindings.userOf(articleId, r.doc.clientID) === reviewer.id, "binding");
      // The editor writes new content under the reviewer's client id, over a raw socket.
      const forged = new Y.Doc();
      Y.applyUpdate(forged, Y.encodeStateAsUpdate(r.doc));
      forged.clientID = r.doc.clientID; // after the load: yjs would pick a new id on seeing its own in the state
      const before = Y.encodeStateVector(forged);
      forged.getMap("claims").set("forged", "under the reviewer's client id");
      const socket = rawSocket(server, articleId, editor.cookie);
      await socket.opened;
      socket.ws.send(syncUpdate(Y.encodeStateAsUpdate(forged, before)));
      expect((await socket.closed).code).toBe(CloseCode.ClientIdTaken);
      await sleep(100);
      expect(server.collab.registry.loaded(articleId)?.doc.getMap("claims").has("forged")).toBe(false);
      await server.collab.store.flush();
      const stored = await server.db.docClient.findMany({ where: { articleId } });
      expect(stored.map((b) => b.userId)).toEqual([reviewer.id]);
      r.destroy();
    });

    it("a tab's presence reserves its client id before it writes: another user writing under it is refused (4410) and the tab keeps writing", async () => {
      const articleId = (await createArticle(server.db, BODY)).id;
      const victim = connectClient(server, articleId, reviewer.cookie);
      await victim.synced();
      victim.provider.awareness.setLocalStateField("user", { colour: "#0f766e" }); // as the workspace does on load
      const id = victim.doc.clientID;
      const room = server.collab.registry.loaded(articleId)!;
      await waitFor(() => (room.awareness.getStates().get(id)?.user as { id?: string } | undefined)?.id === reviewer.id, "the victim's presence");
      expect(server.collab.guard.bindings.userOf(articleId, id)).toBeUndefined(); // it has not written yet
      // The squat: the editor read the id from the presence and writes under it first.
      const forged = new Y.Doc();
      Y.applyUpdate(forged, Y.encodeStateAsUpdate(room.doc));
      forged.clientID = id;
      const before = Y.encodeStateVector(forged);
      forged.getMap("claims").set("squatted", "under the reviewer's client id");
      const socket = rawSocket(server, articleId, editor.cookie);
      await socket.opened;
      socket.ws.send(syncUpdate(Y.encodeStateAsUpdate(forged, before)));
      expect((await socket.closed).code).toBe(CloseCode.ClientIdTaken);
      expect(room.doc.getMap("claims").has("squatted")).toBe(false);
      // The victim's first write is accepted and bound to them; their tab was never closed.
      victim.doc.getMap("claims").set("mine", "by the reviewer");
      await waitFor(() => room.doc.getMap("claims").get("mine") === "by the reviewer", "the victim's write");
      await server.collab.guard.bindings.settled(articleId);
      const stored = await server.db.docClient.findMany({ where: { articleId } });
      expect(stored.map((b) => [Number(b.clientId), b.userId])).toEqual([[id, reviewer.id]]);
      expect(victim.closes).toEqual([]);
      expect(victim.provider.wsconnected).toBe(true);
      victim.destroy();
    });

    it("presence under another user's client id is refused (4410): a live tab's, one that left without writing, and a bound one", async () => {
      const articleId = (await createArticle(server.db, BODY)).id;
      const victim = connectClient(server, articleId, reviewer.cookie);
      await victim.synced();
      victim.provider.awareness.setLocalStateField("user", { colour: "#0f766e" });
      const live = victim.doc.clientID;
      const room = server.collab.registry.loaded(articleId)!;
      const ownerOf = (id: number) => (room.awareness.getStates().get(id)?.user as { id?: string } | undefined)?.id;
      await waitFor(() => ownerOf(live) === reviewer.id, "the victim's presence");
      // A clock past the one the room holds, so the state would replace the victim's.
      const announce = async (id: number, state: unknown = { user: { colour: "#123456" }, selection: { start: 1, end: 4 } }) => {
        const socket = rawSocket(server, articleId, editor.cookie);
        await socket.opened;
        socket.ws.send(awarenessMessage(id, state, 1_000_000));
        return (await socket.closed).code;
      };
      expect(await announce(live)).toBe(CloseCode.ClientIdTaken);
      expect(await announce(live, null)).toBe(CloseCode.ClientIdTaken); // removing it is refused too
      expect(ownerOf(live)).toBe(reviewer.id); // the victim's presence is untouched
      // y-websocket clients echo every state they receive: an echo changes nothing and is dropped quietly.
      const echo = rawSocket(server, articleId, editor.cookie);
      await echo.opened;
      const seenClock = room.awareness.meta.get(live)!.clock;
      echo.ws.send(awarenessMessage(live, { user: { colour: "#123456" } }, seenClock));
      echo.ws.send(awarenessMessage(live, null, seenClock)); // its own timeout of the victim's state, echoed
      echo.ws.send(awarenessMessage(4242, { user: { colour: "#123456" } }));
      await waitFor(() => ownerOf(4242) === editor.id, "the editor's own presence after an echo");
      expect(echo.ws.readyState).toBe(echo.ws.OPEN);
      expect(ownerOf(live)).toBe(reviewer.id);
      echo.ws.close();

      // A second tab that wrote (bound), and the first leaving without writing (reserved for a grace).
      const writer = connectClient(server, articleId, reviewer.cookie);
      await writer.synced();
      writer.provider.awareness.setLocalStateField("user", { colour: "#0f766e" });
      writer.doc.getMap("claims").set("w", "x");
      await waitFor(() => server.collab.guard.bindings.userOf(articleId, writer.doc.clientID) === reviewer.id, "binding");
      const bound = writer.doc.clientID;
      victim.destroy();
      writer.destroy();
      await waitFor(() => !room.awareness.getStates().has(live) && !room.awareness.getStates().has(bound), "both tabs left");
      const keep = connectClient(server, articleId, reviewer.cookie); // keeps the room loaded
      await keep.synced();
      expect(await announce(live)).toBe(CloseCode.ClientIdTaken);
      expect(await announce(bound)).toBe(CloseCode.ClientIdTaken);
      expect(room.awareness.getStates().has(live) || room.awareness.getStates().has(bound)).toBe(false);
      keep.destroy();
    });

    it("a comment posted under another person's name is attributed to the one who wrote it", async () => {
      const articleId = (await createArticle(server.db, BODY)).id;
      const e = connectClient(server, articleId, editor.cookie);
      await e.synced();
      const start = BODY.indexOf("Resolution 2722");
      const claimId = addClaim(e.doc, BODY, { type: "other", start, end: start + 15 }, who(editor));
      const commentId = addComment(e.doc, claimId, "Approved by me — the reviewer.", who(reviewer));
      await waitFor(() => (liveClaim(articleId, claimId)?.comments.length ?? 0) === 1, "comment reaches the server");
      const vouched = await readVouchedClaim(deps(), articleId, claimId);
      expect(vouched.claim.comments[0].authorId).toBe(reviewer.id); // what the client wrote (a hint)
      expect(vouched.authors.comments[commentId]).toBe(editor.id); // what the server vouches for
      // and what the workspace shows: the author of the comment's Yjs client, by name
      const client = claimItemClients(e.doc, claimId)!.comments[commentId];
      const authors = await listDocAuthors({ ...deps(), actor: asActor(reviewer), articleId });
      expect(authors[String(client)]).toEqual({ id: editor.id, name: editor.name });
      e.destroy();
    });

    it("typing in a rationale records who changed the claim and when (server time), whatever updatedBy says", async () => {
      const articleId = (await createArticle(server.db, BODY)).id;
      const e = connectClient(server, articleId, editor.cookie);
      await e.synced();
      const start = BODY.indexOf("8,000 jobs");
      const claimId = addClaim(e.doc, BODY, { type: "number", start, end: start + 10 }, who(editor));
      const r = connectClient(server, articleId, reviewer.cookie);
      await r.synced();
      await waitFor(() => !!readClaim(r.doc, claimId), "claim reaches the reviewer");
      const before = Date.now();
      const rationale = (r.doc.getMap("claims").get(claimId) as Y.Map<unknown>).get("rationale") as Y.Text;
      rationale.insert(0, "typed by the reviewer"); // a raw edit: updatedBy still says the editor
      await waitFor(async () => (await server.db.claim.findUnique({ where: { articleId_id: { articleId, id: claimId } } }))?.rationale === "typed by the reviewer", "projection");
      const row = await server.db.claim.findUniqueOrThrow({ where: { articleId_id: { articleId, id: claimId } } });
      expect(row.updatedById).toBe(reviewer.id);
      expect(row.updatedAt.getTime()).toBeGreaterThanOrEqual(before - 5);
      e.destroy(); r.destroy();
    });

    it("server-side edits (request changes) are bound to the acting reviewer", async () => {
      const articleId = (await createArticle(server.db, BODY)).id;
      const e = connectClient(server, articleId, editor.cookie);
      await e.synced();
      const start = BODY.indexOf("8,000 jobs");
      const claimId = addClaim(e.doc, BODY, { type: "number", start, end: start + 10 }, who(editor));
      setVerdict(e.doc, claimId, "true", who(editor));
      setStatus(e.doc, claimId, "needs_review", who(editor));
      await waitFor(() => liveClaim(articleId, claimId)?.status === "needs_review", "status reaches server");
      const hash = claimContentHash(liveClaim(articleId, claimId)!);
      await signOffClaim({ ...deps(), actor: asActor(reviewer), articleId, claimId, input: { decision: "changes_requested", note: "Source?", contentHash: hash } });
      const vouched = await readVouchedClaim(deps(), articleId, claimId);
      expect(vouched.claim.status).toBe("changes_requested");
      expect(vouched.authors.statusBy).toBe(reviewer.id);
      expect(vouched.authors.createdBy).toBe(editor.id);
      e.destroy();
    });

    it("claim ids are scoped to their article: the same id in another article changes nothing in the first", async () => {
      const first = (await createArticle(server.db, BODY)).id;
      const e = connectClient(server, first, editor.cookie);
      await e.synced();
      const start = BODY.indexOf("8,000 jobs");
      const claimId = addClaim(e.doc, BODY, { type: "number", start, end: start + 10 }, who(editor));
      setVerdict(e.doc, claimId, "true", who(editor));
      setStatus(e.doc, claimId, "needs_review", who(editor));
      await waitFor(() => liveClaim(first, claimId)?.status === "needs_review", "claim reaches server");
      await waitFor(async () => !!(await server.db.claim.findUnique({ where: { articleId_id: { articleId: first, id: claimId } } })), "projection");
      const queueBefore = await listReviewQueue({ db: server.db, actor: asActor(reviewer), filter: { articleId: first } });
      expect(queueBefore.items.map((i) => i.claimId)).toEqual([claimId]);

      // The attack: an editor creates, in another article, a claim with the same id.
      const other = (await createArticle(server.db, BODY)).id;
      const attacker = connectClient(server, other, editor.cookie);
      await attacker.synced();
      const restore = setArticleDocHooks({ newId: () => claimId });
      let hijack: string;
      try {
        hijack = addClaim(attacker.doc, BODY, { type: "number", start, end: start + 10 }, who(editor));
      } finally {
        restore();
      }
      expect(hijack).toBe(claimId);
      setVerdict(attacker.doc, claimId, "false", who(editor));
      await waitFor(async () => !!(await server.db.claim.findUnique({ where: { articleId_id: { articleId: other, id: claimId } } })), "attacker's projection");
      // the first article's row, queue and decisions are untouched
      const row = await server.db.claim.findUniqueOrThrow({ where: { articleId_id: { articleId: first, id: claimId } } });
      expect(row).toMatchObject({ articleId: first, verdict: "true", status: "needs_review" });
      const queueAfter = await listReviewQueue({ db: server.db, actor: asActor(reviewer), filter: { articleId: first } });
      expect(queueAfter.items.map((i) => i.claimId)).toEqual([claimId]);
      // a sign-off names its article: approving the attacker's claim does not touch the first
      const hash = claimContentHash(readClaim(attacker.doc, claimId)!);
      await expect(signOffClaim({ ...deps(), actor: asActor(reviewer), articleId: other, claimId, input: { decision: "excluded", note: "no", contentHash: hash } })).resolves.toBeTruthy();
      expect((await loadDecisions(server.db, first)).claims).toEqual({});
      expect(Object.keys((await loadDecisions(server.db, other)).claims)).toEqual([claimId]);
      e.destroy(); attacker.destroy();
    });
  });
}
