import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { CloseCode } from "../../lib/close-codes";
import { DocStore } from "../persistence/doc-store";
import type { RunningServer } from "../main";
import { setUserRole } from "../users/set-user-role";
import { authOptions } from "./options";
import { revokeSessions } from "./session-changes";
import { GET as listArticles } from "../../app/api/articles/route";
import { asActor, connectClient, createArticle, createTestDatabase, createUser, databaseKinds, rawSocket, sleep, startTestServer, waitFor, type TestDatabase, type TestUser } from "../test-support/harness";

/** A y-protocols update frame that sets claims.<key> = value, from a fresh client id. */
function updateFrame(key: string, value: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap("claims").set(key, value);
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(doc));
  return encoding.toUint8Array(e);
}

async function storedClaims(server: RunningServer, articleId: string) {
  await server.collab.store.flush();
  const doc = new Y.Doc();
  const state = await new DocStore(server.db).load(articleId);
  if (state) Y.applyUpdate(doc, state);
  return doc.getMap("claims");
}

const get = (cookie: string) => listArticles(new Request("http://localhost/api/articles", { headers: { cookie } }), undefined as never);

for (const kind of databaseKinds()) {
  describe(`sessions and roles take effect at once (${kind})`, () => {
    let database: TestDatabase;
    let server: RunningServer;
    let admin: TestUser;
    let articleId: string;
    const sink = () => (change: Parameters<RunningServer["collab"]["applySessionChange"]>[0]) => server.collab.applySessionChange(change, { publish: true });

    beforeAll(async () => {
      database = await createTestDatabase(kind);
      server = await startTestServer(database.url);
      admin = await createUser(server.db, "admin");
      articleId = (await createArticle(server.db)).id;
    });
    afterAll(async () => {
      await server?.close();
      await database?.drop();
    });

    it("a demoted editor's open socket stops writing at once: nothing sent after the demotion is stored", async () => {
      const editor = await createUser(server.db, "editor");
      const client = connectClient(server, articleId, editor.cookie);
      await client.synced();
      client.doc.getMap("claims").set("before", "kept");
      await waitFor(async () => (await storedClaims(server, articleId)).get("before") === "kept", "edit before demotion stored", 15_000);

      // A raw socket of the same user, writing in the same turn as the demotion.
      const raw = rawSocket(server, articleId, editor.cookie);
      await raw.opened;
      await sleep(50);
      await setUserRole({ db: server.db, actor: asActor(admin), userId: editor.id, input: { role: "viewer" }, sink: sink() });
      raw.ws.send(updateFrame("after-demotion", "forged"));
      client.doc.getMap("claims").set("after-demotion-2", "forged");

      expect((await raw.closed).code).toBe(CloseCode.RoleChanged);
      await waitFor(() => client.closes.includes(CloseCode.RoleChanged), "the browser client is told its role changed", 10_000);
      await sleep(150);
      const stored = await storedClaims(server, articleId);
      expect(stored.get("before")).toBe("kept");
      expect(stored.has("after-demotion")).toBe(false);
      expect(stored.has("after-demotion-2")).toBe(false);
      // Reconnecting gives a read-only socket now.
      const again = rawSocket(server, articleId, editor.cookie);
      await again.opened;
      again.ws.send(updateFrame("as-viewer", "forged"));
      await sleep(200);
      expect((await storedClaims(server, articleId)).has("as-viewer")).toBe(false);
      again.ws.close();
      client.destroy();
    });

    it("signing out revokes a copied cookie on HTTP and on the socket, and closes open sockets", async () => {
      const editor = await createUser(server.db, "editor");
      const copied = editor.cookie;
      expect((await get(copied)).status).toBe(200);
      const open = rawSocket(server, articleId, copied);
      await open.opened;

      // What next-auth does on POST /api/auth/signout with the JWT strategy.
      const token = { sub: editor.id, name: editor.name, email: editor.email, sv: 0 };
      const options = authOptions();
      await options.events!.signOut!({ token } as never);
      server.collab.applySessionChange({ userId: editor.id, kind: "signed-out" }); // the runtime sink of a Next process
      expect((await open.closed).code).toBe(CloseCode.Unauthenticated);

      expect((await get(copied)).status).toBe(401);
      expect((await rawSocket(server, articleId, copied).closed).code).toBe(CloseCode.Unauthenticated);

      // Signing in again issues a token with the new version, which works.
      const fresh = await encode({ token: { ...token, sv: 1 }, secret: process.env.NEXTAUTH_SECRET! });
      expect((await get(`next-auth.session-token=${fresh}`)).status).toBe(200);
      // A revoked copy cannot sign its owner out again.
      await options.events!.signOut!({ token } as never);
      expect((await server.db.user.findUniqueOrThrow({ where: { id: editor.id } })).sessionVersion).toBe(1);
      // next-auth's own session endpoint refuses the revoked token too (jwt callback throws).
      await expect(options.callbacks!.jwt!({ token } as never)).rejects.toThrow(/revoked/);
    });

    it("the upgrade cache never outlives a revocation in this process", async () => {
      const editor = await createUser(server.db, "editor");
      for (let i = 0; i < 3; i++) {
        const s = rawSocket(server, articleId, editor.cookie);
        await s.opened;
        s.ws.close();
      }
      await revokeSessions({ db: server.db, userId: editor.id, sink: sink() });
      expect((await rawSocket(server, articleId, editor.cookie).closed).code).toBe(CloseCode.Unauthenticated);
    });
  });
}
