import { afterAll, beforeAll } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { encode } from "next-auth/jwt";
import WebSocket from "ws";
import * as Y from "yjs";
import { WebsocketProvider } from "y-websocket";
import { createDb, type Db } from "../db/client";
import { migrate } from "../db/migrate";
import { startServer, type RunningServer, type StartOptions } from "../main";
import { hashPassword } from "../auth/passwords";
import type { Actor, Role } from "../../lib/policies";
import { onDecisionsMessage, onNotificationMessage } from "../../lib/collab-messages";

export const TEST_SECRET = "integration-test-secret-0123456789";
process.env.NEXTAUTH_SECRET ||= TEST_SECRET;

export interface TestDatabase {
  name: "sqlite" | "postgres";
  url: string;
  drop(): Promise<void>;
}

/**
 * The databases integration tests run on: SQLite always; PostgreSQL when TEST_DATABASE_URL
 * is set (a fresh database is created per call). Under CI=true PostgreSQL is required.
 */
export function databaseKinds(): Array<"sqlite" | "postgres"> {
  if (process.env.TEST_DATABASE_URL) return ["sqlite", "postgres"];
  if (process.env.CI === "true") throw new Error("CI=true but TEST_DATABASE_URL is not set: PostgreSQL tests must run in CI");
  console.warn("[tests] TEST_DATABASE_URL not set: PostgreSQL integration tests skipped");
  return ["sqlite"];
}

export async function createTestDatabase(kind: "sqlite" | "postgres"): Promise<TestDatabase> {
  if (kind === "sqlite") {
    const dir = mkdtempSync(path.join(tmpdir(), "sanad-test-"));
    return { name: "sqlite", url: `file:${path.join(dir, "test.db")}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const admin = new URL(process.env.TEST_DATABASE_URL!);
  const dbName = `sanad_t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`CREATE DATABASE "${dbName}"`);
  await client.end();
  const url = new URL(admin.toString());
  url.pathname = `/${dbName}`;
  return {
    name: "postgres",
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: admin.toString() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
      await c.end();
    },
  };
}

export function startTestServer(databaseUrl: string, opts: Partial<StartOptions> = {}): Promise<RunningServer> {
  return startServer({
    port: 0, host: "127.0.0.1", databaseUrl, next: false, quiet: !process.env.TEST_VERBOSE,
    ...opts,
    collab: { ...opts.collab, limits: { roomIdleMs: 30, ...opts.collab?.limits }, store: { flushMs: 20, ...opts.collab?.store } },
  });
}

export interface TestUser { id: string; name: string; email: string; role: Role; cookie: string }

/** A test user as the session-derived Actor that server operations take. */
export const asActor = (u: Pick<TestUser, "id" | "name" | "role">): Actor => ({ id: u.id, name: u.name, role: u.role });

/** Create a user and a next-auth session cookie for it, exactly as next-auth would issue. */
export async function createUser(db: Db, role: Role, name = `${role}-${Math.random().toString(36).slice(2, 7)}`): Promise<TestUser> {
  const email = `${name}@test.local`;
  const user = await db.user.create({ data: { email, name, role, passwordHash: await hashPassword("pw") } });
  const jwt = await encode({ token: { sub: user.id, name, email }, secret: process.env.NEXTAUTH_SECRET! });
  return { id: user.id, name, email, role, cookie: `next-auth.session-token=${jwt}` };
}

export async function createArticle(db: Db, body = "The minister said resolution 2259 was adopted in 2015.") {
  return db.article.create({
    data: { slug: `a-${Math.random().toString(36).slice(2, 10)}`, title: "Test article", body, blocks: [{ kind: "paragraph", start: 0, end: body.length }], language: "en", direction: "ltr" },
  });
}

/** A real y-websocket client in Node, sending the session cookie on the upgrade. */
export function connectClient(server: RunningServer, articleId: string, cookie: string | null) {
  const doc = new Y.Doc();
  class CookieWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, cookie ? { headers: { cookie } } : {});
    }
  }
  const provider = new WebsocketProvider(`ws://127.0.0.1:${server.port}/collab`, articleId, doc, {
    WebSocketPolyfill: CookieWebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
  });
  const decisions: unknown[] = [];
  onDecisionsMessage(provider, (d) => decisions.push(d));
  const notifications: unknown[] = [];
  onNotificationMessage(provider, (n) => notifications.push(n));
  const closes: number[] = [];
  provider.on("connection-close", (event: CloseEvent | null) => { if (event) closes.push(event.code); });
  return {
    doc, provider, closes, decisions, notifications,
    synced: () => waitFor(() => provider.synced, "client synced"),
    destroy: () => { provider.destroy(); doc.destroy(); },
  };
}

/** A raw socket for protocol-level tests; resolves with the close code. */
export function rawSocket(server: RunningServer, articleId: string, cookie: string | null) {
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}/collab/${articleId}`, cookie ? { headers: { cookie } } : {});
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on("close", (code, reason) => resolve({ code, reason: reason.toString() })));
  const opened = new Promise<void>((resolve, reject) => { ws.on("open", () => resolve()); ws.on("error", reject); });
  return { ws, opened, closed };
}

export async function waitFor(cond: () => boolean | Promise<boolean>, what: string, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!(await cond())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 15));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Wait until the server's live room for `articleId` holds everything `doc` holds (its state
 * vector covers the client's): the event a test means when it would otherwise sleep "until
 * the edit has arrived".
 */
export async function roomHas(server: RunningServer, articleId: string, doc: Y.Doc, timeoutMs = 5000): Promise<void> {
  const wanted = Y.decodeStateVector(Y.encodeStateVector(doc));
  await waitFor(() => {
    const room = server.collab.registry.loaded(articleId);
    if (!room) return false;
    const have = Y.decodeStateVector(Y.encodeStateVector(room.doc));
    for (const [client, clock] of wanted) if ((have.get(client) ?? 0) < clock) return false;
    return true;
  }, `room ${articleId} to receive the client's edits`, timeoutMs);
}

/**
 * A migrated database of `kind` (and a client on it) for the tests of one describe block, dropped
 * after them: the set-up the store and database suites each wrote out.
 */
export function dbPerSuite(kind: "sqlite" | "postgres") {
  const suite = { database: null as unknown as TestDatabase, db: null as unknown as Db };
  beforeAll(async () => {
    suite.database = await createTestDatabase(kind);
    suite.db = createDb(suite.database.url);
    await migrate(suite.db, kind);
  });
  afterAll(async () => {
    await suite.db?.$disconnect();
    await suite.database?.drop();
  });
  return suite;
}

/**
 * One server on a fresh database of `kind` for the enclosing describe block, with one user per
 * role asked for: started before its tests, closed and dropped after. Read `suite.server` and
 * `suite.users` inside tests (they are set once the block's beforeAll has run).
 */
export function serverPerSuite<R extends Role>(kind: "sqlite" | "postgres", roles: readonly R[], opts: Partial<StartOptions> = {}) {
  const suite = { database: null as unknown as TestDatabase, server: null as unknown as RunningServer, users: {} as Record<R, TestUser> };
  beforeAll(async () => {
    suite.database = await createTestDatabase(kind);
    suite.server = await startTestServer(suite.database.url, opts);
    for (const role of roles) suite.users[role] = await createUser(suite.server.db, role);
  });
  afterAll(async () => {
    await suite.server?.close();
    await suite.database?.drop();
  });
  return suite;
}
