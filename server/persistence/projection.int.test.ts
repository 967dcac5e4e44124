import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db/client";
import * as Y from "yjs";
import { addClaim, addSource, deleteClaim, inspectClaims, readClaims, removeSource, setStatus, setVerdict, updateClaimFields, CLAIMS_KEY } from "../../lib/article-doc";
import { parseArticleText } from "../../lib/article-text";
import { buildWebAnnotations, validateWebAnnotationExport } from "../../lib/export/web-annotation";
import { CLAIM_STATUSES } from "../../lib/claim-model";
import { VERDICT_KEYS } from "../../lib/verdicts";
import { mulberry32 } from "../test-support/article-doc";
import type { RunningServer } from "../main";
import { startProjection } from "./projection";
import { connectClient, createArticle, createTestDatabase, createUser, databaseKinds, roomHas, sleep, startTestServer, waitFor, type TestDatabase } from "../test-support/harness";

/** The same client, counting every query made through it (model operations, raw queries, those inside transactions). */
function counting(db: Db) {
  const ops: string[] = [];
  const counted = db.$extends({
    query: {
      async $allOperations({ model, operation, args, query }) {
        ops.push(`${model ?? ""}.${operation}`);
        return query(args);
      },
    },
  });
  return { db: counted as unknown as Db, ops };
}

const seed = parseArticleText(readFileSync(new URL("../../seeds/000_ar_qatar_turkey_libya.txt", import.meta.url), "utf8"), { header: true });

for (const kind of databaseKinds()) {
  describe(`projection on ${kind}`, () => {
    let database: TestDatabase;
    let server: RunningServer;

    beforeAll(async () => {
      database = await createTestDatabase(kind);
      server = await startTestServer(database.url);
    });
    afterAll(async () => {
      await server?.close();
      await database?.drop();
    });

    it("equals the document after random edits by two people, and the export validates", async () => {
      const s = Number(process.env.SEED ?? Date.now() % 100_000);
      const rand = mulberry32(s);
      const article = await createArticle(server.db, seed.body);
      const users = [await createUser(server.db, "editor"), await createUser(server.db, "editor")];
      const clients = users.map((u) => connectClient(server, article.id, u.cookie));
      await Promise.all(clients.map((c) => c.synced()));
      const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
      for (let step = 0; step < 120; step++) {
        const i = Math.floor(rand() * 2);
        const doc = clients[i].doc;
        const actor = { id: users[i].id, name: users[i].name };
        const existing = readClaims(doc);
        const r = rand();
        try {
          if (r < 0.35 || existing.length === 0) {
            const start = Math.floor(rand() * (seed.body.length - 40));
            addClaim(doc, seed.body, { type: pick(["date", "number", "quote", "entity", "other"] as const), start, end: start + 1 + Math.floor(rand() * 30) }, actor);
          } else {
            const c = pick(existing);
            if (r < 0.45) deleteClaim(doc, c.id, actor);
            else if (r < 0.6) setVerdict(doc, c.id, pick(VERDICT_KEYS), actor);
            else if (r < 0.7) setStatus(doc, c.id, pick(CLAIM_STATUSES), actor);
            else if (r < 0.85) addSource(doc, c.id, { url: `https://example.org/${step}`, title: `source ${step}` }, actor);
            else if (r < 0.92 && c.sources.length) removeSource(doc, c.id, pick(c.sources).id, actor);
            else if (c.type === "entity") updateClaimFields(doc, c.id, { name: `name ${step}` }, actor);
          }
        } catch {
          // a concurrent delete can make an op refuse: that is the document layer doing its job
        }
        if (rand() < 0.2) await sleep(5);
      }
      // A hostile client writes garbage straight into the document: it must be skipped, not break the rest.
      clients[0].doc.getMap(CLAIMS_KEY).set("garbage", new Y.Map([["type", "not-a-type"], ["anchor", { start: -5 }]]) as never);
      await waitFor(() => Y.encodeStateVector(clients[0].doc).toString() === Y.encodeStateVector(clients[1].doc).toString(), "clients converge");
      for (const c of clients) await roomHas(server, article.id, c.doc);
      await server.collab.store.flush();
      await server.projection.drain();
      const room = server.collab.registry.loaded(article.id)!;
      const { claims, problems } = inspectClaims(room.doc, seed.body);
      expect(problems.map((p) => p.claimId), `seed ${s}`).toContain("garbage");
      const rows = await server.db.claim.findMany({ where: { articleId: article.id }, include: { sources: { orderBy: { position: "asc" } } }, orderBy: [{ start: "asc" }, { end: "asc" }] });
      expect(rows.map((r) => r.id).sort(), `seed ${s}`).toEqual(claims.map((c) => c.id).sort());
      for (const c of claims) {
        const row = rows.find((r) => r.id === c.id)!;
        expect({ type: row.type, status: row.status, verdict: row.verdict, start: row.start, end: row.end, exact: row.exact, sources: row.sources.map((x) => x.url) }, `seed ${s}`)
          .toEqual({ type: c.type, status: c.status, verdict: c.verdict, start: c.anchor.start, end: c.anchor.end, exact: c.anchor.exact, sources: c.sources.map((x) => x.url) });
      }
      const collection = buildWebAnnotations({ article: { id: article.id, title: article.title, body: seed.body, sourceUrl: "https://example.org/a", language: "ar" }, claims, baseUrl: "http://localhost" });
      expect(validateWebAnnotationExport(collection, seed.body), `seed ${s}`).toEqual([]);
      for (const c of clients) c.destroy();
    });

    it("projects a claim whose rationale and source hold a NUL character (PostgreSQL refuses U+0000; it becomes U+FFFD)", async () => {
      const article = await createArticle(server.db, seed.body);
      const user = await createUser(server.db, "editor");
      const client = connectClient(server, article.id, user.cookie);
      await client.synced();
      const actor = { id: user.id, name: user.name };
      const id = addClaim(client.doc, seed.body, { type: "other", start: 10, end: 30 }, actor);
      addSource(client.doc, id, { url: "https://example.org/nul", title: "a\u0000b" }, actor);
      ((client.doc.getMap(CLAIMS_KEY).get(id) as Y.Map<unknown>).get("rationale") as Y.Text).insert(0, "before\u0000after");
      await roomHas(server, article.id, client.doc);
      await server.collab.store.flush();
      await server.projection.drain();
      const row = await server.db.claim.findUnique({ where: { articleId_id: { articleId: article.id, id } }, include: { sources: true } });
      expect(row?.rationale).toBe("before\uFFFDafter");
      expect(row?.sources[0].title).toBe("a\uFFFDb");
      client.destroy();
    });

    it("keeps projecting while people keep typing: a flush every 50 ms does not postpone it past the max wait", async () => {
      const article = await createArticle(server.db, seed.body);
      const projection = startProjection(server.db, () => {}, 250, 500);
      let runs = 0;
      projection.onProjected((id) => { if (id === article.id) runs++; });
      try {
        const until = Date.now() + 1_600;
        while (Date.now() < until) {
          projection.schedule(article.id); // what every store flush does
          await sleep(50);
        }
        // A plain 250 ms debounce re-armed every 50 ms would not have run once by now.
        expect(runs).toBeGreaterThanOrEqual(2);
      } finally {
        await projection.stop();
      }
    });

    it("a full run over unchanged claims writes nothing: it only reads", async () => {
      const article = await createArticle(server.db, seed.body);
      const user = await createUser(server.db, "editor");
      const client = connectClient(server, article.id, user.cookie);
      await client.synced();
      const actor = { id: user.id, name: user.name };
      for (const [start, type] of [[10, "entity"], [60, "other"], [120, "date"]] as const) {
        const id = addClaim(client.doc, seed.body, { type, start, end: start + 20 }, actor);
        addSource(client.doc, id, { url: `https://example.org/${start}`, title: `source ${start}` }, actor);
      }
      await roomHas(server, article.id, client.doc);
      await server.collab.store.flush();
      await server.projection.drain();
      const counted = counting(server.db);
      // maxSkipAgeMs 0: every run is a full one.
      const projection = startProjection(counted.db, () => {}, 10, 10, { maxSkipAgeMs: 0 });
      projection.attach(server.collab);
      try {
        for (let i = 0; i < 2; i++) {
          projection.schedule(article.id);
          await projection.drain();
        }
        const before = counted.ops.length;
        projection.schedule(article.id);
        await projection.drain();
        expect(counted.ops.slice(before)).toEqual(["DocClient.findMany", "Claim.findMany"]);
      } finally {
        await projection.stop();
        client.destroy();
      }
    });

    describe("skips runs whose inputs did not change", () => {
      /** A live room with one entity claim (with a source) by `user`, projected by the server, and a projection instance of our own on a counting client. */
      async function liveRoom(maxSkipAgeMs?: number) {
        const article = await createArticle(server.db, seed.body);
        const user = await createUser(server.db, "editor");
        const client = connectClient(server, article.id, user.cookie);
        await client.synced();
        const actor = { id: user.id, name: user.name };
        const claimId = addClaim(client.doc, seed.body, { type: "entity", start: 10, end: 30 }, actor);
        addSource(client.doc, claimId, { url: "https://example.org/first", title: "first" }, actor);
        const counted = counting(server.db);
        const projection = startProjection(counted.db, () => {}, 10, 10, { maxSkipAgeMs });
        projection.attach(server.collab);
        const projected: string[] = [];
        projection.onProjected((id) => projected.push(id));
        /** Let the room and the server's own projection catch up with the client, so nothing else writes the rows later. */
        const settle = async () => {
          await roomHas(server, article.id, client.doc);
          await server.collab.store.flush();
          await server.projection.drain();
        };
        /** One run of our projection; the queries it made. */
        const runOnce = async () => {
          const before = counted.ops.length;
          projection.schedule(article.id);
          await projection.drain();
          return counted.ops.slice(before);
        };
        const row = () => server.db.claim.findUnique({ where: { articleId_id: { articleId: article.id, id: claimId } }, include: { sources: { orderBy: { position: "asc" } } } });
        await settle();
        return { article, client, actor, claimId, projection, projected, settle, runOnce, row, ops: counted.ops };
      }

      it("a second run with unchanged inputs makes no query, and listeners are still called", async () => {
        const r = await liveRoom();
        try {
          expect((await r.runOnce()).length).toBeGreaterThan(0);
          // Typing in the document outside the claims changes none of the projection's inputs.
          r.client.doc.getText("t").insert(0, "typing");
          await r.settle();
          expect(await r.runOnce()).toEqual([]);
          expect(await r.runOnce()).toEqual([]);
          expect(r.projected).toEqual([r.article.id, r.article.id, r.article.id]);
        } finally {
          await r.projection.stop();
          r.client.destroy();
        }
      });

      it("projects a change to a claim made after a skipped run (status, field, source)", async () => {
        const r = await liveRoom();
        try {
          await r.runOnce();
          expect(await r.runOnce()).toEqual([]);
          const changes: Array<[string, () => void, (row: NonNullable<Awaited<ReturnType<typeof r.row>>>) => unknown, unknown]> = [
            ["status", () => setStatus(r.client.doc, r.claimId, "researching", r.actor), (row) => row.status, "researching"],
            ["field", () => updateClaimFields(r.client.doc, r.claimId, { name: "a new name" }, r.actor), (row) => (row.fields as { name?: string }).name, "a new name"],
            ["source", () => addSource(r.client.doc, r.claimId, { url: "https://example.org/second", title: "second" }, r.actor), (row) => row.sources.map((s) => s.url), ["https://example.org/first", "https://example.org/second"]],
          ];
          for (const [what, change, read, expected] of changes) {
            change();
            await r.settle();
            // The server's own projection wrote the row already: undo that behind our instance's back,
            // so only a run of ours that did not skip can make it right again.
            await server.db.claim.update({ where: { articleId_id: { articleId: r.article.id, id: r.claimId } }, data: { status: "draft", fields: { name: "stale" } } });
            await server.db.source.deleteMany({ where: { articleId: r.article.id, claimId: r.claimId, url: "https://example.org/second" } });
            expect((await r.runOnce()).length, what).toBeGreaterThan(0);
            expect(read((await r.row())!), what).toEqual(expected);
            expect(await r.runOnce(), `${what}: unchanged again`).toEqual([]);
          }
        } finally {
          await r.projection.stop();
          r.client.destroy();
        }
      });

      it("repairs a row changed behind its back within maxSkipAgeMs, with or without more flushes", async () => {
        const maxSkipAgeMs = 400;
        const r = await liveRoom(maxSkipAgeMs);
        const tamper = () => server.db.claim.update({ where: { articleId_id: { articleId: r.article.id, id: r.claimId } }, data: { status: "changes_requested" } });
        const status = async () => (await r.row())!.status;
        try {
          await r.runOnce();
          await tamper();
          // Another writer (another process, db:reproject) changed the row: within the age bound it is not read.
          expect(await r.runOnce()).toEqual([]);
          expect(await status()).toBe("changes_requested");
          // No flush, no schedule: the check a skipped run armed runs in full at the age bound.
          let before = r.ops.length;
          await waitFor(async () => (await status()) === "draft", "the row repaired without a flush", maxSkipAgeMs + 2_000);
          expect(r.ops.length).toBeGreaterThan(before);
          // While people keep typing (a flush every 50 ms), too.
          await r.runOnce();
          await tamper();
          before = r.ops.length;
          const started = Date.now();
          while ((await status()) !== "draft") {
            expect(Date.now() - started, "repaired within the age bound").toBeLessThan(maxSkipAgeMs + 1_000);
            await r.runOnce();
            await sleep(50);
          }
          expect(r.ops.length).toBeGreaterThan(before);
        } finally {
          await r.projection.stop();
          r.client.destroy();
        }
      });
    });

    it("runs one projection at a time, each in its own macrotask: the event loop turns between runs", async () => {
      const articles = await Promise.all(Array.from({ length: 5 }, () => createArticle(server.db, seed.body)));
      const events: string[] = [];
      // PostgreSQL runs up to 4 at once by default; SQLite one.
      const projection = startProjection(server.db, () => {}, 20, 20, kind === "postgres" ? { concurrency: 1 } : {});
      // A run starts by asking for the live room and ends by calling the listeners.
      projection.attach({
        registry: { loaded: (id) => { events.push(`start ${id}`); return server.collab.registry.loaded(id); } },
        guard: server.collab.guard,
      });
      projection.onProjected((id) => {
        events.push(`end ${id}`);
        // Queued after this run, before the next one starts: it must get its turn in between.
        setImmediate(() => events.push("turn"));
      });
      try {
        // The timers of all five expire in one timers phase, as the rooms' max waits do while people type.
        for (const a of articles) projection.schedule(a.id);
        await waitFor(() => events.filter((e) => e.startsWith("end")).length === articles.length, "all projected");
        const runs = events.filter((e) => e !== "turn");
        expect(runs).toEqual(runs.filter((e) => e.startsWith("start")).flatMap((e) => [e, `end ${e.slice(6)}`]));
        for (let i = 1; i < articles.length; i++) {
          const end = events.indexOf(runs[2 * i - 1]);
          const next = events.indexOf(runs[2 * i]);
          expect(events.slice(end, next), `between run ${i} and ${i + 1}`).toContain("turn");
        }
      } finally {
        await projection.stop();
      }
    });
  });
}
