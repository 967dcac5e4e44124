import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
  });
}
