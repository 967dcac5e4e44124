import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createDb, type Db } from "../db/client";
import { migrate } from "../db/migrate";
import { DocStore } from "../persistence/doc-store";
import type { RunningServer } from "../main";
import { mulberry32 } from "../test-support/article-doc";
import { connectClient, createArticle, createTestDatabase, createUser, TEST_SECRET, waitFor, type TestDatabase, type TestUser } from "../test-support/harness";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SEED = Number(process.env.CRASH_SEED ?? 20261129);
const ROUNDS = 3;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

/** Start the server as its own process and wait for READY (no fixed sleep). */
async function startChild(databaseUrl: string, port: number): Promise<ChildProcess> {
  // node itself (not the tsx wrapper, which runs the script in a grandchild a SIGKILL would not reach).
  const child = spawn(process.execPath, ["--import", "tsx", "server/test-support/server-process.ts"], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? TEST_SECRET, REDIS_URL: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 60_000);
    child.stdout!.on("data", (d: Buffer) => {
      output += d.toString();
      if (output.includes("READY")) { clearTimeout(timer); resolve(); }
    });
    child.stderr!.on("data", (d: Buffer) => { output += d.toString(); });
    child.on("exit", (code) => { clearTimeout(timer); reject(new Error(`server exited (${code}): ${output}`)); });
  });
  child.removeAllListeners("exit");
  return child;
}

function kill(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill(signal);
  });
}

/** Every client's state vector is covered by `doc`'s. */
function covers(doc: Y.Doc, others: Y.Doc[]): boolean {
  const have = Y.decodeStateVector(Y.encodeStateVector(doc));
  return others.every((o) => [...Y.decodeStateVector(Y.encodeStateVector(o))].every(([client, clock]) => (have.get(client) ?? 0) >= clock));
}

/**
 * Crash safety (issue 9): the server process is SIGKILLed at a random moment while three editors
 * type; it restarts on the same port and the clients reconnect by themselves. No edit that a
 * client still holds may be missing from the server afterwards — the store keeps what it wrote,
 * and each client hands back what the 50 ms write batch lost. Seeded (CRASH_SEED), bounded.
 * Edits of a client that went away before the restart are at risk (nobody may hand them back
 * for them: that would be writing under another person's client id); that is reported, not hidden.
 */
describe("a crash while people type loses no edit a client still holds (sqlite)", () => {
  let database: TestDatabase;
  let db: Db;
  let editors: TestUser[];
  let articleId: string;

  beforeAll(async () => {
    database = await createTestDatabase("sqlite");
    db = createDb(database.url);
    await migrate(db, "sqlite");
    editors = [await createUser(db, "editor"), await createUser(db, "editor"), await createUser(db, "editor")];
    articleId = (await createArticle(db)).id;
    await db.$disconnect(); // the server process owns the database from here
  });
  afterAll(async () => {
    await database.drop();
  });

  it(`${ROUNDS} rounds of SIGKILL at a random moment (seed ${SEED})`, async () => {
    const rand = mulberry32(SEED);
    const port = await freePort();
    let child = await startChild(database.url, port);
    const server = { port } as RunningServer;
    const clients = editors.map((e) => connectClient(server, articleId, e.cookie));
    try {
      await Promise.all(clients.map((c) => c.synced()));
      let typed = 0; // inserts only, so the stored text's length = the stored edits
      const atRisk: number[] = [];
      let committedBeforeCrashes = 0;
      const readStore = async (): Promise<Y.Doc> => {
        const probe = createDb(database.url);
        try { return await new DocStore(probe).loadDoc(articleId); } finally { await probe.$disconnect(); }
      };
      for (let round = 0; round < ROUNDS; round++) {
        // Type for a random while, kill the server mid-typing, keep typing while it is down.
        const killAfter = 100 + Math.floor(rand() * 400);
        const typeFor = killAfter + 200 + Math.floor(rand() * 300);
        const started = Date.now();
        let killed: Promise<void> | null = null;
        let committed: Y.Doc | null = null;
        let typedAtKill = 0;
        while (Date.now() - started < typeFor) {
          const c = clients[Math.floor(rand() * clients.length)];
          const text = c.doc.getText("rationale");
          text.insert(Math.floor(rand() * (text.length + 1)), String.fromCharCode(0x0627 + Math.floor(rand() * 20)));
          typed++;
          if (!killed && Date.now() - started >= killAfter) {
            // What another reader of the database sees committed just before the crash (WAL: a
            // second connection reads what the server's writes committed). Event-based, not timed:
            // an earlier form asserted "typed 500 ms before" and failed on a starved machine.
            committed = await readStore();
            typedAtKill = typed;
            killed = kill(child, "SIGKILL");
          }
          await new Promise((r) => setTimeout(r, 2 + Math.floor(rand() * 6)));
        }
        await killed;
        // Everything that was committed before the SIGKILL is still there after it; the edits the
        // store had not written yet are "at risk" until a client hands them back.
        const stored = await readStore();
        expect(committed, `round ${round}: the store was read before the crash`).not.toBeNull();
        expect(covers(stored, [committed!]), `round ${round}: what the store had committed before the crash survives it`).toBe(true);
        atRisk.push(Math.max(0, typedAtKill - stored.getText("rationale").length));
        committedBeforeCrashes += committed!.getText("rationale").length;
        committed!.destroy();
        stored.destroy();
        child = await startChild(database.url, port);
        // The clients reconnect by themselves (y-websocket back-off) and hand back what they hold.
        const observer = connectClient(server, articleId, editors[0].cookie);
        await observer.synced();
        await waitFor(() => covers(observer.doc, clients.map((c) => c.doc)), `round ${round}: the restarted server holds every client's edits`, 30_000);
        observer.destroy();
      }
      // The store writes while people type (not only on a clean stop): some edits were on disk at a crash.
      expect(committedBeforeCrashes, "edits committed before the crashes").toBeGreaterThan(0);
      // And what the server holds is on disk: kill it once more without warning and read the store.
      const final = clients[0].doc.getText("rationale").toString();
      await waitFor(() => clients.every((c) => c.doc.getText("rationale").toString() === final), "clients converge", 10_000);
      for (const c of clients) c.destroy();
      await kill(child, "SIGTERM"); // a clean stop flushes; the crash rounds above proved the unclean path
      child = await startChild(database.url, port);
      const reader = connectClient(server, articleId, editors[1].cookie);
      await reader.synced();
      await waitFor(() => reader.doc.getText("rationale").toString() === final, "stored document equals what the clients held", 10_000);
      expect(reader.doc.getText("rationale").length).toBe(typed);
      reader.destroy();
      console.log(`[crash] seed ${SEED}: ${typed} edits, ${ROUNDS} SIGKILLs; edits not yet stored at each crash (handed back by their clients): ${atRisk.join(", ")}`);
    } finally {
      for (const c of clients) c.destroy();
      await kill(child, "SIGKILL");
    }
  }, 180_000);
});
