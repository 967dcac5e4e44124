import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import WebSocket from "ws";
import { CloseCode } from "../../lib/close-codes";
import { DocStore } from "../persistence/doc-store";
import type { RunningServer } from "../main";
import { connectClient, createArticle, createTestDatabase, createUser, databaseKinds, rawSocket, roomHas, startTestServer, waitFor, type TestDatabase, type TestUser } from "../test-support/harness";

for (const kind of databaseKinds()) {
  describe(`collaboration server on ${kind}`, () => {
    let database: TestDatabase;
    let server: RunningServer;
    let editor: TestUser, editor2: TestUser, viewer: TestUser;
    let articleId: string;

    beforeAll(async () => {
      database = await createTestDatabase(kind);
      server = await startTestServer(database.url);
      editor = await createUser(server.db, "editor");
      editor2 = await createUser(server.db, "editor");
      viewer = await createUser(server.db, "viewer");
      articleId = (await createArticle(server.db)).id;
    });
    afterAll(async () => {
      await server?.close();
      await database?.drop();
    });

    it("two clients converge", async () => {
      const a = connectClient(server, articleId, editor.cookie);
      const b = connectClient(server, articleId, editor2.cookie);
      await Promise.all([a.synced(), b.synced()]);
      a.doc.getMap("claims").set("c1", "from a");
      b.doc.getText("t").insert(0, "from b");
      await waitFor(() => b.doc.getMap("claims").get("c1") === "from a" && a.doc.getText("t").toString() === "from b", "convergence");
      expect(Y.encodeStateVector(a.doc)).toEqual(Y.encodeStateVector(b.doc));
      a.destroy(); b.destroy();
    });

    it("refuses an upgrade without a session, with a forged cookie, and for an unknown article", async () => {
      expect((await rawSocket(server, articleId, null).closed).code).toBe(CloseCode.Unauthenticated);
      expect((await rawSocket(server, articleId, "next-auth.session-token=forged.jwt.value").closed).code).toBe(CloseCode.Unauthenticated);
      expect((await rawSocket(server, "no-such-article", editor.cookie).closed).code).toBe(CloseCode.NotFound);
      // A signed-in user's browser on another site (cross-site WebSocket hijacking) is refused.
      const cross = new WebSocket(`ws://127.0.0.1:${server.port}/collab/${articleId}`, { headers: { cookie: editor.cookie, origin: "https://evil.example" } });
      expect(await new Promise((resolve) => cross.on("close", (code) => resolve(code)))).toBe(CloseCode.Forbidden);
    });

    it("drops a viewer's document updates: they reach neither others nor the store", async () => {
      const v = connectClient(server, articleId, viewer.cookie);
      const e = connectClient(server, articleId, editor.cookie);
      await Promise.all([v.synced(), e.synced()]);
      v.doc.getMap("claims").set("viewer-claim", "forged");
      e.doc.getMap("claims").set("editor-claim", "ok");
      await waitFor(() => v.doc.getMap("claims").get("editor-claim") === "ok", "editor change reaches viewer");
      // The viewer's update has reached the server and been dropped (not merely not arrived yet).
      await waitFor(() => [...server.collab.registry.loaded(articleId)!.conns].some((c) => c.droppedUpdates > 0), "viewer update dropped");
      expect(e.doc.getMap("claims").has("viewer-claim")).toBe(false);
      await server.collab.store.flush();
      const stored = new Y.Doc();
      Y.applyUpdate(stored, (await new DocStore(server.db).load(articleId))!);
      expect(stored.getMap("claims").has("viewer-claim")).toBe(false);
      expect(stored.getMap("claims").get("editor-claim")).toBe("ok");
      // awareness from the viewer still flows
      v.provider.awareness.setLocalStateField("user", { name: "spoofed", colour: "#ff0000" });
      await waitFor(() => [...e.provider.awareness.getStates().values()].some((s) => (s.user as { id?: string })?.id === viewer.id), "viewer presence");
      const seen = [...e.provider.awareness.getStates().values()].find((s) => (s.user as { id?: string })?.id === viewer.id)!;
      expect((seen.user as { name: string }).name).toBe(viewer.name); // identity from the session, not the client
      v.destroy(); e.destroy();
    });

    it("closes only the sender of a malformed message; the room keeps working", async () => {
      const good = connectClient(server, articleId, editor.cookie);
      await good.synced();
      const bad = rawSocket(server, articleId, editor2.cookie);
      await bad.opened;
      const enc = encoding.createEncoder();
      encoding.writeVarUint(enc, 0);
      encoding.writeVarUint(enc, syncProtocol.messageYjsUpdate);
      encoding.writeVarUint8Array(enc, new Uint8Array([255, 255, 255, 1, 2, 3, 200, 9]));
      bad.ws.send(encoding.toUint8Array(enc));
      expect((await bad.closed).code).toBe(CloseCode.Malformed);
      const garbage = rawSocket(server, articleId, editor2.cookie);
      await garbage.opened;
      garbage.ws.send(Buffer.from([77, 1, 2]));
      expect((await garbage.closed).code).toBe(CloseCode.Malformed);
      good.doc.getMap("claims").set("after-bad", 1);
      const other = connectClient(server, articleId, editor2.cookie);
      await other.synced();
      await waitFor(() => other.doc.getMap("claims").get("after-bad") === 1, "room still serves");
      expect(good.provider.wsconnected).toBe(true);
      good.destroy(); other.destroy();
    });

    it("closes a connection that sends an oversized message or floods", async () => {
      const big = rawSocket(server, articleId, editor.cookie);
      await big.opened;
      big.ws.send(Buffer.alloc(2 * 1024 * 1024 + 10, 1));
      expect((await big.closed).code).toBe(CloseCode.MessageTooLarge);
      const flood = rawSocket(server, articleId, editor.cookie);
      await flood.opened;
      const query = Buffer.from([3]);
      for (let i = 0; i < 1000; i++) flood.ws.send(query);
      expect((await flood.closed).code).toBe(CloseCode.RateLimited);
    });

    it("keeps the document across a full server restart", async () => {
      const a = connectClient(server, articleId, editor.cookie);
      await a.synced();
      a.doc.getText("rationale").insert(0, "survives restart — يبقى بعد إعادة التشغيل");
      await roomHas(server, articleId, a.doc);
      a.destroy();
      await server.close();
      server = await startTestServer(database.url);
      const b = connectClient(server, articleId, editor2.cookie);
      await b.synced();
      expect(b.doc.getText("rationale").toString()).toBe("survives restart — يبقى بعد إعادة التشغيل");
      expect(b.doc.getMap("claims").get("editor-claim")).toBe("ok");
      b.destroy();
    });
  });
}

describe("rate limiting", () => {
  it("closes a flooding y-websocket client with a temporary code; it reconnects and its edits arrive", async () => {
    const database = await createTestDatabase("sqlite");
    const server = await startTestServer(database.url, { collab: { limits: { messagesPerSecond: 5, messageBurst: 10 } } });
    try {
      const writer = await createUser(server.db, "editor");
      const reader = await createUser(server.db, "editor");
      const articleId = (await createArticle(server.db)).id;
      const a = connectClient(server, articleId, writer.cookie);
      const b = connectClient(server, articleId, reader.cookie);
      await Promise.all([a.synced(), b.synced()]);
      for (let i = 0; i < 40; i++) a.doc.getArray("edits").push([i]); // 40 transactions = 40 messages
      await waitFor(() => a.closes.includes(CloseCode.RateLimited), "rate-limit close");
      await waitFor(() => b.doc.getArray("edits").length === 40, "all edits after reconnecting", 15_000);
      a.destroy();
      b.destroy();
    } finally {
      await server.close();
      await database.drop();
    }
  });
});
