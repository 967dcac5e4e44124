import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as encoding from "lib0/encoding";
import * as Y from "yjs";
import { addClaim, deleteClaim, readClaims } from "../../lib/article-doc";
import { CloseCode } from "../../lib/close-codes";
import type { RunningServer } from "../main";
import { DocStore } from "../persistence/doc-store";
import { connectClient, createArticle, createTestDatabase, createUser, databaseKinds, rawSocket, sleep, startTestServer, waitFor, type TestDatabase, type TestUser } from "../test-support/harness";

/** Issue 9: what one connection may not do to a shared document (update-guard.ts). */
const BODY = "Trade ministers met in Nairobi on 14 March 2024. Officials said the deal would create 8,000 jobs. Resolution 2722 was adopted in January 2024.";
const PHRASES = ["Trade ministers", "Nairobi", "14 March 2024", "Officials", "8,000 jobs", "Resolution 2722", "January 2024"];
const MAX_DOC_BYTES = 64 * 1024;

function message(type: number, write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, type);
  write(e);
  return encoding.toUint8Array(e);
}
const syncUpdate = (update: Uint8Array) => message(0, (e) => { encoding.writeVarUint(e, 2); encoding.writeVarUint8Array(e, update); });
function awarenessMessage(clientId: number, state: unknown): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, clientId);
  encoding.writeVarUint(inner, 1);
  encoding.writeVarString(inner, JSON.stringify(state));
  return message(1, (e) => encoding.writeVarUint8Array(e, encoding.toUint8Array(inner)));
}

for (const kind of databaseKinds()) {
  describe(`update guard on ${kind}`, () => {
    let database: TestDatabase;
    let server: RunningServer;
    let editor: TestUser, viewer: TestUser;

    beforeAll(async () => {
      database = await createTestDatabase(kind);
      server = await startTestServer(database.url, { collab: { guardLimits: { maxDocBytes: MAX_DOC_BYTES } } });
      editor = await createUser(server.db, "editor");
      viewer = await createUser(server.db, "viewer");
    });
    afterAll(async () => {
      await server?.close();
      await database?.drop();
    });

    /** An article with `n` claims written by a connected editor. */
    async function articleWithClaims(n: number) {
      const articleId = (await createArticle(server.db, BODY)).id;
      const client = connectClient(server, articleId, editor.cookie);
      await client.synced();
      const ids = PHRASES.slice(0, n).map((p) => addClaim(client.doc, BODY, { type: "other", start: BODY.indexOf(p), end: BODY.indexOf(p) + p.length }, { id: editor.id, name: editor.name }));
      await waitFor(() => readClaims(server.collab.registry.loaded(articleId)!.doc).length === n, "claims reach the server");
      return { articleId, client, ids };
    }

    it("refuses the delete-set-only update that removed every claim (4422); the claims stay, stored too", async () => {
      const { articleId, client } = await articleWithClaims(3);
      // No structs, and a delete set covering every clock of every client: the 19-byte attack.
      const sv = Y.decodeStateVector(Y.encodeStateVector(client.doc));
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint(e, sv.size);
      for (const [clientId, clock] of sv) {
        encoding.writeVarUint(e, clientId);
        encoding.writeVarUint(e, 1);
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint(e, clock);
      }
      const attack = encoding.toUint8Array(e);
      expect(attack.byteLength).toBeLessThan(32);
      const socket = rawSocket(server, articleId, editor.cookie);
      await socket.opened;
      socket.ws.send(syncUpdate(attack));
      expect((await socket.closed).code).toBe(CloseCode.MassDeletion);
      expect(readClaims(server.collab.registry.loaded(articleId)!.doc)).toHaveLength(3);
      await server.collab.store.flush();
      const stored = new Y.Doc();
      Y.applyUpdate(stored, (await new DocStore(server.db).load(articleId))!);
      expect(readClaims(stored)).toHaveLength(3);
      client.destroy();
    });

    it("accepts a client re-sending everything it holds (a reload whose IndexedDB copy loads first): nothing is deleted", async () => {
      const { articleId, client } = await articleWithClaims(3);
      // Exactly what y-websocket sends when the stored copy is applied to a fresh document before
      // the socket syncs: the whole state, as a live update. Found by e2e (4422 "deletes 2 of 2").
      const everything = Y.encodeStateAsUpdate(client.doc);
      const socket = rawSocket(server, articleId, editor.cookie);
      await socket.opened;
      let closed: number | null = null;
      void socket.closed.then((c) => { closed = c.code; });
      socket.ws.send(syncUpdate(everything));
      // A change after it, on the same socket, arrives: the connection was not refused.
      const later = new Y.Doc();
      Y.applyUpdate(later, everything);
      const before = Y.encodeStateVector(later);
      later.getText("probe").insert(0, "still connected");
      socket.ws.send(syncUpdate(Y.encodeStateAsUpdate(later, before)));
      await waitFor(() => server.collab.registry.loaded(articleId)!.doc.getText("probe").toString() === "still connected", "the next update is applied");
      expect(closed).toBeNull();
      expect(readClaims(server.collab.registry.loaded(articleId)!.doc)).toHaveLength(3);
      socket.ws.close();
      client.destroy();
    });

    it("refuses deleting more than 5 claims in one update, also by overwriting their keys; one deletion is fine", async () => {
      const { articleId, client, ids } = await articleWithClaims(7);
      deleteClaim(client.doc, ids[0], { id: editor.id, name: editor.name });
      await waitFor(() => readClaims(server.collab.registry.loaded(articleId)!.doc).length === 6, "a single deletion is applied");
      client.doc.transact(() => {
        for (const id of ids.slice(1)) client.doc.getMap("claims").set(id, null);
      });
      await waitFor(() => client.closes.includes(CloseCode.MassDeletion), "4422");
      expect(readClaims(server.collab.registry.loaded(articleId)!.doc)).toHaveLength(6);
      client.destroy();
    });

    it("caps an article's stored size (4414): an editor cannot keep storing megabytes", async () => {
      const articleId = (await createArticle(server.db, BODY)).id;
      const client = connectClient(server, articleId, editor.cookie);
      await client.synced();
      client.doc.getText("blob").insert(0, "a".repeat(40_000));
      await waitFor(() => (server.collab.registry.loaded(articleId)?.doc.getText("blob").length ?? 0) === 40_000, "first write applied");
      client.doc.getText("blob").insert(0, "b".repeat(40_000));
      await waitFor(() => client.closes.includes(CloseCode.DocumentTooLarge), "4414");
      await server.collab.store.flush();
      const stored = await new DocStore(server.db).load(articleId);
      expect(stored!.byteLength).toBeLessThanOrEqual(MAX_DOC_BYTES);
      client.destroy();
    });

    it("closes a connection whose awareness state is oversized (4431); the state is never kept", async () => {
      const articleId = (await createArticle(server.db, BODY)).id;
      const socket = rawSocket(server, articleId, viewer.cookie);
      await socket.opened;
      socket.ws.send(awarenessMessage(4242, { user: { colour: "#123456" }, junk: "x".repeat(1024 * 1024) }));
      expect((await socket.closed).code).toBe(CloseCode.AwarenessTooLarge);
      await sleep(20);
      expect(server.collab.registry.loaded(articleId)?.awareness.getStates().has(4242) ?? false).toBe(false);
      // a normal presence state still works
      const ok = rawSocket(server, articleId, viewer.cookie);
      await ok.opened;
      ok.ws.send(awarenessMessage(4343, { user: { colour: "#123456" }, selection: { start: 1, end: 4 } }));
      await waitFor(() => server.collab.registry.loaded(articleId)?.awareness.getStates().has(4343) ?? false, "small state kept");
      ok.ws.close();
    });
  });
}
