import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Redis } from "ioredis";
import * as Y from "yjs";
import { CloseCode } from "../../lib/close-codes";
import { DocStore } from "../persistence/doc-store";
import type { RunningServer } from "../main";
import type { Relay } from "./relay";
import { updateWrittenAs } from "../test-support/wire";
import { CHANNEL_PREFIX, createRedisRelay } from "./redis-relay";
import { connectClient, createArticle, createTestDatabase, createUser, rawSocket, roomHas, startTestServer, waitFor, type TestDatabase, type TestUser } from "../test-support/harness";

/**
 * Scale-out: two processes (two servers in this Node process, each with its own Redis
 * connections and process id) on one PostgreSQL database, rooms relayed through Redis.
 * Needs TEST_DATABASE_URL and REDIS_URL; under CI=true both must be set.
 */
const REDIS_URL = process.env.REDIS_URL ?? "";
const skipReason = !process.env.TEST_DATABASE_URL || !REDIS_URL ? "TEST_DATABASE_URL and REDIS_URL not both set" : null;
if (skipReason && process.env.CI === "true") throw new Error(`CI=true but ${skipReason}: the scale-out relay tests must run in CI`);
if (skipReason) console.warn(`[tests] ${skipReason}: scale-out relay tests skipped`);

/** A Redis relay that can lose this process's outgoing document updates on purpose. */
async function lossyRelay() {
  const inner = await createRedisRelay(REDIS_URL);
  const state = { dropUpdates: false, dropped: 0 };
  const relay: Relay = {
    processId: inner.processId,
    publish(articleId, message) {
      if (state.dropUpdates && message[0] === 0) { // MessageType.Sync: a document update
        state.dropped++;
        return;
      }
      inner.publish(articleId, message);
    },
    subscribe: (articleId, handler) => inner.subscribe(articleId, handler),
    onResubscribed: (listener) => inner.onResubscribed?.(listener),
    close: () => inner.close(),
  };
  return { relay, state };
}

const presentUserIds = (client: ReturnType<typeof connectClient>) =>
  [...client.provider.awareness.getStates().values()].map((s) => (s.user as { id?: string } | undefined)?.id).filter(Boolean);

describe.skipIf(!!skipReason)("scale-out: two processes relay rooms through Redis", () => {
  let database: TestDatabase;
  let s1: RunningServer, s2: RunningServer;
  let lossy: Awaited<ReturnType<typeof lossyRelay>>;
  let editor: TestUser, editor2: TestUser;
  let articleId: string;
  let inspector: Redis;
  const articles: string[] = [];
  // Server 1 keeps updates in memory for a minute (unless a room unloads or it closes), so
  // anything server 2 has that server 1's clients wrote came through the relay, not the store.
  const start1 = async () => {
    lossy = await lossyRelay();
    return startTestServer(database.url, { relay: lossy.relay, antiEntropyMs: 400, collab: { store: { flushMs: 60_000 } } });
  };
  const start2 = () => startTestServer(database.url, { redisUrl: REDIS_URL, antiEntropyMs: 400 });
  const numsub = async (id: string) => Number(((await inspector.pubsub("NUMSUB", CHANNEL_PREFIX + id)) as [string, number])[1]);
  const newArticle = async () => {
    const id = (await createArticle(s1.db)).id;
    articles.push(id);
    return id;
  };
  const storedDoc = async (id: string) => {
    const doc = new Y.Doc();
    const state = await new DocStore(s1.db).load(id);
    if (state) Y.applyUpdate(doc, state);
    return doc;
  };

  beforeAll(async () => {
    database = await createTestDatabase("postgres");
    s1 = await start1();
    s2 = await start2();
    editor = await createUser(s1.db, "editor");
    editor2 = await createUser(s1.db, "editor");
    articleId = await newArticle();
    inspector = new Redis(REDIS_URL);
  });
  afterAll(async () => {
    await s1?.close();
    await s2?.close();
    if (inspector) {
      // Nothing left subscribed once both processes closed.
      for (const id of articles) expect(await numsub(id)).toBe(0);
      inspector.disconnect();
    }
    await database?.drop();
  });

  it("both servers relay, each with its own process id", () => {
    expect(s1.collab.relay).toBeTruthy();
    expect(s2.collab.relay).toBeTruthy();
    expect(s1.collab.relay!.processId).not.toBe(s2.collab.relay!.processId);
  });

  it("edits converge both ways between clients on different processes", async () => {
    const a = connectClient(s1, articleId, editor.cookie);
    const b = connectClient(s2, articleId, editor2.cookie);
    await Promise.all([a.synced(), b.synced()]);
    a.doc.getMap("claims").set("c1", "from a");
    b.doc.getText("t").insert(0, "from b — من ب");
    await waitFor(() => b.doc.getMap("claims").get("c1") === "from a" && a.doc.getText("t").toString() === "from b — من ب", "convergence across processes");
    // Many edits from both sides at once.
    for (let i = 0; i < 50; i++) {
      a.doc.getArray("log").push([`a${i}`]);
      b.doc.getArray("log").push([`b${i}`]);
    }
    await waitFor(() => a.doc.getArray("log").length === 100 && b.doc.getArray("log").length === 100, "burst convergence");
    expect(a.doc.getArray("log").toJSON()).toEqual(b.doc.getArray("log").toJSON());
    expect(Y.encodeStateVector(a.doc)).toEqual(Y.encodeStateVector(b.doc));
    a.destroy(); b.destroy();
  });

  it("a tab's presence reserves its client id on every process: another user writing under it on process 2 is refused (4410)", async () => {
    const id = await newArticle();
    const onlooker = connectClient(s2, id, editor2.cookie); // the room is loaded on process 2 too
    const victim = connectClient(s1, id, editor.cookie);
    await Promise.all([onlooker.synced(), victim.synced()]);
    victim.provider.awareness.setLocalStateField("user", { colour: "#112233" });
    const clientId = victim.doc.clientID;
    await waitFor(() => (s2.collab.registry.loaded(id)?.awareness.getStates().get(clientId)?.user as { id?: string } | undefined)?.id === editor.id, "the victim's presence on process 2");
    const room2 = s2.collab.registry.loaded(id)!;
    const attacker = rawSocket(s2, id, editor2.cookie);
    await attacker.opened;
    attacker.ws.send(updateWrittenAs(room2.doc, clientId, (d) => d.getMap("claims").set("squatted", "on process 2")));
    expect((await attacker.closed).code).toBe(CloseCode.ClientIdTaken);
    expect(room2.doc.getMap("claims").has("squatted")).toBe(false);
    // The victim's own first write is accepted, bound to them, and reaches process 2.
    victim.doc.getMap("claims").set("mine", "by the victim");
    await waitFor(() => room2.doc.getMap("claims").get("mine") === "by the victim", "the victim's write on process 2");
    await s1.collab.guard.bindings.settled(id);
    expect((await s1.db.docClient.findMany({ where: { articleId: id } })).map((b) => [Number(b.clientId), b.userId])).toEqual([[clientId, editor.id]]);
    expect(victim.closes).toEqual([]);
    victim.destroy(); onlooker.destroy();
  });

  it("a binding made on process 1 after process 2 loaded the room is known there before the content: another user writing under it on process 2 is refused (4410), nothing applied", async () => {
    const id = await newArticle();
    const onlooker = connectClient(s2, id, editor2.cookie); // process 2 loads the room (and its bindings) now
    await onlooker.synced();
    const author = connectClient(s1, id, editor.cookie); // no presence: only the binding protects its id
    await author.synced();
    author.doc.getMap("claims").set("mine", "by the author");
    await waitFor(() => onlooker.doc.getMap("claims").get("mine") === "by the author", "the author's write on process 2");
    const room2 = s2.collab.registry.loaded(id)!;
    expect(room2.awareness.getStates().has(author.doc.clientID)).toBe(false);
    const attacker = rawSocket(s2, id, editor2.cookie);
    await attacker.opened;
    attacker.ws.send(updateWrittenAs(room2.doc, author.doc.clientID, (d) => d.getMap("claims").set("forged", "in the author's name")));
    expect((await attacker.closed).code).toBe(CloseCode.ClientIdTaken);
    expect(room2.doc.getMap("claims").has("forged")).toBe(false);
    expect(author.doc.getMap("claims").has("forged")).toBe(false);
    author.destroy(); onlooker.destroy();
  });

  it("presence of a client on process 1 is seen on process 2, and removed when it leaves", async () => {
    const a = connectClient(s1, articleId, editor.cookie);
    const b = connectClient(s2, articleId, editor2.cookie);
    await Promise.all([a.synced(), b.synced()]);
    a.provider.awareness.setLocalStateField("user", { colour: "#112233" });
    a.provider.awareness.setLocalStateField("selection", { start: 1, end: 5 });
    await waitFor(() => presentUserIds(b).includes(editor.id), "A's presence on process 2");
    const seen = [...b.provider.awareness.getStates().values()].find((s) => (s.user as { id?: string } | undefined)?.id === editor.id)!;
    expect(seen.user).toMatchObject({ id: editor.id, name: editor.name, colour: "#112233" }); // identity from A's session
    expect(seen.selection).toEqual({ start: 1, end: 5 });
    b.provider.awareness.setLocalStateField("user", { colour: "#445566" });
    await waitFor(() => presentUserIds(a).includes(editor2.id), "B's presence on process 1");
    a.destroy();
    // Well before the 30 s awareness timeout: the removal itself was relayed.
    await waitFor(() => !presentUserIds(b).includes(editor.id), "A's presence removed on process 2", 3000);
    b.destroy();
  });

  it("a decision published on process 1 reaches a client on process 2, even where process 1 has no room loaded", async () => {
    const b = connectClient(s2, articleId, editor2.cookie);
    await b.synced();
    await waitFor(() => !s1.collab.registry.loaded(articleId), "process 1 unloaded the room");
    s1.collab.publishDecisions(articleId, { marker: "decided-on-1" });
    await waitFor(() => b.decisions.some((d) => (d as { marker?: string } | null)?.marker === "decided-on-1"), "decision on process 2");
    b.destroy();
  });

  it("a lost pub/sub message heals through the periodic state-vector exchange", async () => {
    const a = connectClient(s1, articleId, editor.cookie);
    const b = connectClient(s2, articleId, editor2.cookie);
    await Promise.all([a.synced(), b.synced()]);
    a.doc.getText("lost").insert(0, "keep this");
    await waitFor(() => b.doc.getText("lost").toString() === "keep this", "baseline");
    lossy.state.dropUpdates = true;
    const before = lossy.state.dropped;
    // A delete-only update (the state vectors stay equal: the delete-set digest differs).
    a.doc.getText("lost").delete(0, 5);
    await waitFor(() => lossy.state.dropped === before + 1, "process 1's delete frame dropped");
    // No further edits, no reload: only anti-entropy can deliver it.
    await waitFor(() => b.doc.getText("lost").toString() === "this", "lost delete heals");
    a.doc.getMap("claims").set("lost-insert", "arrives anyway");
    await waitFor(() => lossy.state.dropped === before + 2, "process 1's insert frame dropped");
    await waitFor(() => b.doc.getMap("claims").get("lost-insert") === "arrives anyway", "lost insert heals");
    lossy.state.dropUpdates = false;
    a.destroy(); b.destroy();
  });

  it("a process that loads a room gets its peer's unwritten edits by exchanging state vectors", async () => {
    const id = await newArticle();
    const a = connectClient(s1, id, editor.cookie);
    await a.synced();
    a.doc.getText("rationale").insert(0, "only in process 1's memory");
    a.doc.getMap("claims").set("early", { verdict: "false" });
    await roomHas(s1, id, a.doc);
    // Process 1 has not written it (flushMs is a minute) and process 2 has not loaded the room.
    expect((await storedDoc(id)).getText("rationale").toString()).toBe("");
    // A third process without anti-entropy: only the exchange on load can bring the edits.
    const s3 = await startTestServer(database.url, { redisUrl: REDIS_URL, antiEntropyMs: 0 });
    try {
      const b = connectClient(s3, id, editor2.cookie);
      await b.synced();
      await waitFor(() => b.doc.getText("rationale").toString() === "only in process 1's memory", "state-vector heal on load", 3000);
      expect(b.doc.getMap("claims").get("early")).toEqual({ verdict: "false" });
      // ...and process 3 did not write process 1's edits as its own.
      await s3.collab.store.flush();
      expect((await storedDoc(id)).getText("rationale").toString()).toBe("");
      b.destroy();
    } finally {
      await s3.close();
    }
    a.destroy();
    // Process 1 writes its batch when its room unloads.
    await waitFor(async () => (await storedDoc(id)).getText("rationale").toString() === "only in process 1's memory", "persisted once the rooms unloaded");
  });

  it("a room unsubscribes when it unloads; a process that never wrote relayed content is covered by its peer's unload", async () => {
    const id = await newArticle();
    const a = connectClient(s1, id, editor.cookie);
    const b = connectClient(s2, id, editor2.cookie);
    await Promise.all([a.synced(), b.synced()]);
    await waitFor(async () => (await numsub(id)) === 2, "both processes subscribed");
    // Process 1 "dies" before writing: its store drops what its client writes.
    const append = s1.collab.store.append.bind(s1.collab.store);
    s1.collab.store.append = () => {};
    try {
      a.doc.getMap("claims").set("orphan", "written by the survivor");
      await waitFor(() => b.doc.getMap("claims").get("orphan") === "written by the survivor", "relayed to process 2");
      b.destroy();
      await waitFor(() => !s2.collab.registry.loaded(id), "process 2 unloaded the room");
      await waitFor(async () => (await numsub(id)) === 1, "process 2 unsubscribed");
      expect((await storedDoc(id)).getMap("claims").get("orphan")).toBe("written by the survivor");
    } finally {
      s1.collab.store.append = append;
      a.destroy();
    }
    await waitFor(async () => (await numsub(id)) === 0, "process 1 unsubscribed");
  });

  it("the document survives both processes restarting", async () => {
    await s1.close();
    await s2.close();
    expect(await numsub(articleId)).toBe(0);
    s1 = await start1();
    s2 = await start2();
    const a = connectClient(s1, articleId, editor.cookie);
    const b = connectClient(s2, articleId, editor2.cookie);
    await Promise.all([a.synced(), b.synced()]);
    for (const c of [a, b]) {
      expect(c.doc.getMap("claims").get("c1")).toBe("from a");
      expect(c.doc.getText("t").toString()).toBe("from b — من ب");
      expect(c.doc.getArray("log").length).toBe(100);
      expect(c.doc.getText("lost").toString()).toBe("this");
      expect(c.doc.getMap("claims").get("lost-insert")).toBe("arrives anyway");
    }
    a.doc.getMap("claims").set("after-restart", 1);
    await waitFor(() => b.doc.getMap("claims").get("after-restart") === 1, "relay works after restart");
    a.destroy(); b.destroy();
  });

  it("REDIS_URL is ignored on SQLite (one process), and an unreachable Redis stops the start with a clear message", async () => {
    const sqlite = await createTestDatabase("sqlite");
    try {
      const single = await startTestServer(sqlite.url, { redisUrl: REDIS_URL });
      expect(single.collab.relay).toBeNull();
      await single.close();
    } finally {
      await sqlite.drop();
    }
    await expect(startTestServer(database.url, { redisUrl: "redis://127.0.0.1:1" })).rejects.toThrow(/cannot reach Redis at redis:\/\/127\.0\.0\.1:1/);
  });
});
