import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { CloseCode } from "../../lib/close-codes";
import { DocStore } from "../persistence/doc-store";
import type { RunningServer } from "../main";
import { setUserRole } from "../users/set-user-role";
import { revokeSessions } from "./session-changes";
import { createArticle, createTestDatabase, createUser, rawSocket, sleep, startTestServer, type TestDatabase, type TestUser } from "../test-support/harness";

/**
 * Sessions across processes: two servers (each with its own Redis connections, process id and
 * upgrade cache) on one PostgreSQL database. A sign-out or role change made through one must
 * reach the other's open sockets and cache at once. Needs TEST_DATABASE_URL and REDIS_URL.
 */
const REDIS_URL = process.env.REDIS_URL ?? "";
const skipReason = !process.env.TEST_DATABASE_URL || !REDIS_URL ? "TEST_DATABASE_URL and REDIS_URL not both set" : null;
if (skipReason && process.env.CI === "true") throw new Error(`CI=true but ${skipReason}: the cross-process session tests must run in CI`);
if (skipReason) console.warn(`[tests] ${skipReason}: cross-process session tests skipped`);

function updateFrame(key: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap("claims").set(key, "forged");
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(doc));
  return encoding.toUint8Array(e);
}

describe.skipIf(!!skipReason)("sessions across two processes (Redis relay)", () => {
  let database: TestDatabase;
  let s1: RunningServer, s2: RunningServer;
  let admin: TestUser;
  let articleId: string;
  // What a route handler on process 1 does: apply here and publish to the others.
  const sinkOn = (s: RunningServer) => (change: Parameters<RunningServer["collab"]["applySessionChange"]>[0]) => s.collab.applySessionChange(change, { publish: true });

  beforeAll(async () => {
    database = await createTestDatabase("postgres");
    s1 = await startTestServer(database.url, { redisUrl: REDIS_URL });
    s2 = await startTestServer(database.url, { redisUrl: REDIS_URL });
    admin = await createUser(s1.db, "admin");
    articleId = (await createArticle(s1.db)).id;
    await sleep(200); // both processes subscribed to the session channel
  });
  afterAll(async () => {
    await s1?.close();
    await s2?.close();
    await database?.drop();
  });

  it("an editor demoted on process 1 stops writing at once on process 2", async () => {
    const editor = await createUser(s1.db, "editor");
    const raw = rawSocket(s2, articleId, editor.cookie);
    await raw.opened;
    await setUserRole({ db: s1.db, actor: { id: admin.id, name: admin.name, role: "admin" }, userId: editor.id, input: { role: "viewer" }, sink: sinkOn(s1) });
    expect((await raw.closed).code).toBe(CloseCode.RoleChanged);
    // Its reconnect on process 2 is read-only (the cached editor actor was dropped).
    const again = rawSocket(s2, articleId, editor.cookie);
    await again.opened;
    again.ws.send(updateFrame("written-after-demotion"));
    await sleep(300);
    await s2.collab.store.flush();
    const doc = new Y.Doc();
    const state = await new DocStore(s2.db).load(articleId);
    if (state) Y.applyUpdate(doc, state);
    expect(doc.getMap("claims").has("written-after-demotion")).toBe(false);
    again.ws.close();
  });

  it("a sign-out on process 1 closes process 2's sockets and refuses the copied cookie there, though process 2 had it cached", async () => {
    const editor = await createUser(s1.db, "editor");
    // Warm process 2's upgrade cache.
    const warm = rawSocket(s2, articleId, editor.cookie);
    await warm.opened;
    await revokeSessions({ db: s1.db, userId: editor.id, sink: sinkOn(s1) });
    expect((await warm.closed).code).toBe(CloseCode.Unauthenticated);
    expect((await rawSocket(s2, articleId, editor.cookie).closed).code).toBe(CloseCode.Unauthenticated);
  });
});
