import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as encoding from "lib0/encoding";
import WebSocket from "ws";
import * as Y from "yjs";
import { addClaim, readClaims, setRationale, setVerdict } from "../../lib/article-doc";
import { mulberry32 } from "../test-support/article-doc";
import { claimContentHash } from "../../lib/review/content-hash";
import type { RunningServer } from "../main";
import { DocStore } from "../persistence/doc-store";
import { connectClient, createArticle, createTestDatabase, createUser, databaseKinds, sleep, startTestServer, waitFor, type TestDatabase, type TestUser } from "../test-support/harness";

/**
 * Issue 9: a hostile-client fuzz test. Seeded and bounded (TOTAL messages, loopback only):
 * random, truncated, oversized and well-formed-but-malicious messages from connections of
 * every role against live rooms where two honest editors work. Expected: the server never
 * crashes, every socket is answered (a message or a close), the honest documents stay
 * intact, and nothing a viewer sent is stored.
 */
const SEED = Number(process.env.FUZZ_SEED) || 20261129;
const TOTAL = Number(process.env.FUZZ_MESSAGES) || 10_000;
const MAX_MESSAGE = 64 * 1024;
const BODY = "Trade ministers met in Nairobi on 14 March 2024. Officials said the deal would create 8,000 jobs. Resolution 2722 was adopted in January 2024.";
const PHRASES = ["Trade ministers", "Nairobi", "14 March 2024", "Officials", "8,000 jobs", "Resolution 2722"];

function frame(parts: Array<(e: encoding.Encoder) => void>): Uint8Array {
  const e = encoding.createEncoder();
  for (const p of parts) p(e);
  return encoding.toUint8Array(e);
}
const u = (n: number) => (e: encoding.Encoder) => encoding.writeVarUint(e, n);
const bytes = (b: Uint8Array) => (e: encoding.Encoder) => encoding.writeVarUint8Array(e, b);
const str = (s: string) => (e: encoding.Encoder) => encoding.writeVarString(e, s);

for (const kind of databaseKinds()) {
  describe(`hostile clients on ${kind}`, () => {
    let database: TestDatabase;
    let server: RunningServer;
    let editor: TestUser, editor2: TestUser, hostileEditor: TestUser, reviewer: TestUser, viewer: TestUser, admin: TestUser;

    beforeAll(async () => {
      database = await createTestDatabase(kind);
      server = await startTestServer(database.url, {
        collab: { limits: { maxMessageBytes: MAX_MESSAGE, messagesPerSecond: 100_000, messageBurst: 100_000, connectionsPerIpPerMinute: 100_000, roomIdleMs: 200 } },
      });
      [editor, editor2, hostileEditor, reviewer, viewer, admin] = await Promise.all([
        createUser(server.db, "editor"), createUser(server.db, "editor"), createUser(server.db, "editor"), createUser(server.db, "reviewer"), createUser(server.db, "viewer"), createUser(server.db, "admin"),
      ]);
    });
    afterAll(async () => {
      await server?.close();
      await database?.drop();
    });

    it(`survives ${TOTAL} hostile messages (seed ${SEED}) with every honest edit intact and nothing from viewers stored`, async () => {
      const rnd = mulberry32(SEED);
      const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
      const randomBytes = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(rnd() * 256));
      const articles = [(await createArticle(server.db, BODY)).id, (await createArticle(server.db, BODY)).id];

      // Honest editors at work in both rooms.
      const honest = articles.flatMap((articleId) => [connectClient(server, articleId, editor.cookie), connectClient(server, articleId, editor2.cookie)].map((c) => ({ articleId, c })));
      await Promise.all(honest.map(({ c }) => c.synced()));
      const who = [{ id: editor.id, name: editor.name }, { id: editor2.id, name: editor2.name }];
      honest.forEach(({ c }, i) => {
        const p = PHRASES[i % PHRASES.length];
        const id = addClaim(c.doc, BODY, { type: "other", start: BODY.indexOf(p), end: BODY.indexOf(p) + p.length }, who[i % 2]);
        setVerdict(c.doc, id, "true", who[i % 2]);
      });

      // Material for well-formed attacks: a real update, honest client ids.
      const sample = new Y.Doc();
      sample.getMap("claims").set("viewer-claim", "from a viewer");
      const validUpdate = Y.encodeStateAsUpdate(sample);
      const malicious: Array<(articleId: string) => Uint8Array> = [
        // forged authorship: new content under an honest editor's client id
        (articleId) => {
          const victim = pick(honest.filter((h) => h.articleId === articleId)).c.doc;
          const d = new Y.Doc();
          Y.applyUpdate(d, Y.encodeStateAsUpdate(victim));
          d.clientID = victim.clientID;
          const sv = Y.encodeStateVector(d);
          d.getMap("claims").set(`forged-${Math.floor(rnd() * 1e9)}`, "forged");
          return frame([u(0), u(2), bytes(Y.encodeStateAsUpdate(d, sv))]);
        },
        // delete everything: a delete set over every client's clocks, no structs
        (articleId) => {
          const sv = Y.decodeStateVector(Y.encodeStateVector(honest.find((h) => h.articleId === articleId)!.c.doc));
          return frame([u(0), u(2), bytes(frame([u(0), u(sv.size), ...[...sv].flatMap(([c, k]) => [u(c), u(1), u(0), u(k)])]))]);
        },
        () => frame([u(0), u(2), bytes(validUpdate)]), // a valid edit (dropped for viewers)
        () => frame([u(0), u(0), bytes(randomBytes(Math.floor(rnd() * 40)))]), // step 1 with a garbage state vector
        () => frame([u(0), u(1), bytes(randomBytes(Math.floor(rnd() * 200)))]), // step 2 with garbage
        () => frame([u(1), bytes(frame([u(1), u(Math.floor(rnd() * 2 ** 32)), u(1), str(JSON.stringify({ user: { id: admin.id, name: "Admin" } }))]))]), // identity spoof
        () => frame([u(1), bytes(frame([u(1), u(7), u(1), str(JSON.stringify({ junk: "x".repeat(40_000) }))]))]), // oversized presence
        () => frame([u(1), bytes(frame([u(3), u(1), u(1), str("{"), u(2)]))]), // awareness with broken JSON
        () => frame([u(100), str(JSON.stringify({ claims: { x: { decision: "approved" } } }))]), // a client sending "decisions"
        () => frame([u(110), bytes(new Uint8Array([0])), str("x"), u(1)]), // relay-only types from a client
        () => frame([u(111), str("someone"), bytes(validUpdate), bytes(new Uint8Array())]),
        () => frame([u(3)]), // query awareness
        () => frame([u(2), str("auth")]),
        () => frame([u(Math.floor(rnd() * 1000) + 4)]), // unknown type
      ];
      const generators: Array<(articleId: string) => Uint8Array | string> = [
        () => randomBytes(Math.floor(rnd() * 300)),
        () => { const m = frame([u(0), u(2), bytes(validUpdate)]); return m.slice(0, Math.floor(rnd() * m.length)); }, // truncated
        () => randomBytes(MAX_MESSAGE + 1 + Math.floor(rnd() * 1024)), // oversized
        () => "a text frame",
        ...malicious, ...malicious,
      ];

      // Hostile users of every role (none of them the honest editors); null: no session.
      const roles = [hostileEditor, reviewer, viewer, admin, null] as const;
      const sockets: Array<{ answered: boolean; closed: number | null }> = [];
      let sent = 0;
      while (sent < TOTAL) {
        const articleId = pick(articles);
        const role = pick(roles);
        const ws = new WebSocket(`ws://127.0.0.1:${server.port}/collab/${articleId}`, role ? { headers: { cookie: role.cookie } } : {});
        const state = { answered: false, closed: null as number | null };
        sockets.push(state);
        ws.on("message", () => { state.answered = true; });
        ws.on("close", (code) => { state.closed = code; });
        ws.on("error", () => {});
        await new Promise<void>((resolve) => { ws.once("open", () => resolve()); ws.once("close", () => resolve()); });
        const burst = 1 + Math.floor(rnd() * 60);
        for (let i = 0; i < burst && sent < TOTAL && ws.readyState === ws.OPEN; i++) {
          const m = pick(generators)(articleId);
          if (typeof m === "string") ws.send(m);
          else ws.send(m, { binary: true });
          sent++;
        }
        if (sockets.length % 20 === 0) await sleep(5);
        // Leave some sockets open to the end; close the others.
        if (rnd() < 0.7) setTimeout(() => ws.close(), 50);
      }

      // Honest editors keep working after the storm.
      honest.forEach(({ c }, i) => setRationale(c.doc, readClaims(c.doc)[0]?.id ?? "", `after the storm ${i}`, who[i % 2]));
      for (const articleId of articles) {
        const docs = honest.filter((h) => h.articleId === articleId).map((h) => h.c.doc);
        await waitFor(() => {
          const room = server.collab.registry.loaded(articleId)?.doc;
          if (!room) return false;
          const hashes = (d: Y.Doc) => readClaims(d).map((c) => `${c.id}:${claimContentHash(c)}`).sort().join();
          return docs.every((d) => hashes(d) === hashes(room)) && readClaims(room).length === 2;
        }, "honest documents intact and converged", 20_000);
      }
      // Every socket was answered: a message (sync step 1 on join) or a close.
      await waitFor(() => sockets.every((s) => s.answered || s.closed !== null), "every socket answered", 10_000);
      // The server is alive and answers HTTP.
      expect((await fetch(`http://127.0.0.1:${server.port}/healthz`)).status).toBe(200);
      // Nothing from viewers or forgeries was stored.
      await server.collab.store.flush();
      for (const articleId of articles) {
        const stored = new Y.Doc();
        Y.applyUpdate(stored, (await new DocStore(server.db).load(articleId))!);
        expect([...stored.getMap("claims").keys()].filter((k) => k.startsWith("forged-"))).toEqual([]);
        expect(readClaims(stored)).toHaveLength(2);
        // every stored Yjs client is bound to a user who may write, never to the viewer
        const owners = new Map((await server.db.docClient.findMany({ where: { articleId } })).map((b) => [Number(b.clientId), b.userId]));
        for (const client of Y.decodeStateVector(Y.encodeStateVector(stored)).keys()) {
          expect(owners.get(client)).toBeDefined();
          expect(owners.get(client)).not.toBe(viewer.id);
        }
      }
      expect(await server.db.docClient.count({ where: { userId: viewer.id } })).toBe(0);
      console.log(`[fuzz] seed ${SEED}: ${sent} messages on ${sockets.length} sockets; closes: ${JSON.stringify(countBy(sockets.map((s) => s.closed)))}`);
      honest.forEach(({ c }) => c.destroy());
    }, 240_000);
  });
}

function countBy(xs: Array<number | null>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of xs) out[String(x)] = (out[String(x)] ?? 0) + 1;
  return out;
}
