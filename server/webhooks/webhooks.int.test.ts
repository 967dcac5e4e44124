import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../main";
import { importArticle } from "../articles/import-article";
import { signOffClaim } from "../claims/sign-off-claim";
import { publishArticle } from "../publication/publish-article";
import { retractArticle } from "../publication/retract-article";
import { claimContentHash } from "../../lib/review/content-hash";
import { asActor, createArticle, createTestDatabase, createUser, databaseKinds, startTestServer, waitFor, type TestDatabase, type TestUser } from "../test-support/harness";
import { createWebhook } from "./create-webhook";
import { emitEvent } from "./emit-event";
import { verifySignature } from "./signature";


interface Received { at: number; headers: http.IncomingHttpHeaders; body: string }

/** A local receiver on 127.0.0.1 answering each request with the next status of `script` (the last one repeats). */
async function receiver(script: number[]) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ at: Date.now(), headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      const status = script[Math.min(received.length - 1, script.length - 1)];
      res.writeHead(status, { "content-type": "text/plain" }).end(status === 200 ? "thanks" : `failure number ${received.length} ${"x".repeat(5000)}`);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { received, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const BASE_DELAY = 60;

for (const kind of databaseKinds()) {
  describe(`webhooks on ${kind}`, () => {
    let database: TestDatabase;
    let server: RunningServer;
    let admin: TestUser, editor: TestUser, reviewer: TestUser;
    const previousAllow = process.env.SANAD_FETCH_ALLOW;

    beforeAll(async () => {
      database = await createTestDatabase(kind);
      server = await startTestServer(database.url, { webhooks: { pollMs: 20, baseDelayMs: BASE_DELAY, maxAttempts: 4, maxDelayMs: 10_000 } });
      admin = await createUser(server.db, "admin");
      editor = await createUser(server.db, "editor");
      reviewer = await createUser(server.db, "reviewer");
    });
    afterEach(async () => {
      process.env.SANAD_FETCH_ALLOW = previousAllow;
      await server.db.webhook.deleteMany({});
    });
    afterAll(async () => {
      await server?.close();
      await database?.drop();
    });

    it("an imported article is delivered signed, retried with growing delays after 500s, and logged", async () => {
      process.env.SANAD_FETCH_ALLOW = "127.0.0.1";
      const rx = await receiver([500, 503, 200]);
      try {
        const hook = await createWebhook({ db: server.db, actor: asActor(admin), input: { url: rx.url, events: ["article.imported"] } });
        const article = await importArticle({ db: server.db, actor: asActor(editor), input: { title: "Jobs figure questioned", text: "The minister said 8,000 jobs were created." } });
        await waitFor(async () => (await server.db.webhookDelivery.findFirst({ where: { webhookId: hook.id } }))?.status === "delivered", "delivery", 10_000);

        expect(rx.received).toHaveLength(3);
        const bodies = new Set(rx.received.map((r) => r.body));
        expect(bodies.size).toBe(1); // every retry sends the same body
        const payload = JSON.parse(rx.received[0].body);
        expect(payload).toMatchObject({ event: "article.imported", data: { article: { id: article.id, title: "Jobs figure questioned" }, actor: { id: editor.id } } });
        for (const r of rx.received) {
          expect(r.headers["sanad-event"]).toBe("article.imported");
          expect(verifySignature(hook.secret, String(r.headers["sanad-signature"]), r.body)).toBe(true);
          expect(verifySignature("whsec_wrong", String(r.headers["sanad-signature"]), r.body)).toBe(false);
        }
        // exponential back-off: the second wait is at least twice the base delay
        const gap1 = rx.received[1].at - rx.received[0].at;
        const gap2 = rx.received[2].at - rx.received[1].at;
        expect(gap1).toBeGreaterThanOrEqual(BASE_DELAY - 5);
        expect(gap2).toBeGreaterThanOrEqual(2 * BASE_DELAY - 5);

        const delivery = await server.db.webhookDelivery.findFirstOrThrow({ where: { webhookId: hook.id } });
        expect(delivery).toMatchObject({ status: "delivered", attempts: 3, lastStatusCode: 200, lastResponse: "thanks", lastError: null });
        expect(delivery.deliveredAt).not.toBeNull();
      } finally {
        await rx.close();
      }
    });

    it("gives up after the bounded number of attempts and keeps a truncated response", async () => {
      process.env.SANAD_FETCH_ALLOW = "127.0.0.1";
      const rx = await receiver([500]);
      try {
        const hook = await createWebhook({ db: server.db, actor: asActor(admin), input: { url: rx.url, events: ["claim.approved"] } });
        expect(await emitEvent(server.db, "article.imported", { x: 1 })).toBe(0); // not subscribed
        expect(await emitEvent(server.db, "claim.approved", { claimId: "c1" })).toBe(1);
        await waitFor(async () => (await server.db.webhookDelivery.findFirst({ where: { webhookId: hook.id } }))?.status === "failed", "failed delivery", 10_000);
        expect(rx.received).toHaveLength(4);
        const delivery = await server.db.webhookDelivery.findFirstOrThrow({ where: { webhookId: hook.id } });
        expect(delivery).toMatchObject({ attempts: 4, lastStatusCode: 500 });
        expect(delivery.lastResponse!.length).toBeLessThanOrEqual(2048);
        expect(delivery.lastResponse).toMatch(/^failure number 4/);
      } finally {
        await rx.close();
      }
    });

    it("approval, publication, correction and retraction each emit their event once, after they are recorded", async () => {
      process.env.SANAD_FETCH_ALLOW = "127.0.0.1";
      const rx = await receiver([200]);
      try {
        const hook = await createWebhook({ db: server.db, actor: asActor(admin), input: { url: rx.url, events: ["claim.approved", "article.published", "article.corrected", "article.retracted"] } });
        const body = "Officials said the deal would create 8,000 jobs.";
        const article = await createArticle(server.db, body);
        const who = { id: editor.id, name: editor.name };
        const start = body.indexOf("8,000 jobs");
        const claim = await server.docs.write(article.id, (doc, api) => {
          const id = api.addClaim(doc, body, { type: "number", start, end: start + 10 }, who);
          api.setVerdict(doc, id, "mostly_true", who);
          api.setRationale(doc, id, "The ministry's figure.", who);
          api.setStatement(doc, id, "Officials said the deal would create 8,000 jobs.", who);
          api.setStatus(doc, id, "needs_review", who);
          return api.readClaim(doc, id)!;
        }, editor.id);
        const deps = { db: server.db, collab: server.collab, docs: server.docs };
        const input = { decision: "approved", contentHash: claimContentHash(claim) };
        await signOffClaim({ ...deps, actor: asActor(reviewer), articleId: article.id, claimId: claim.id, input });
        await signOffClaim({ ...deps, actor: asActor(reviewer), articleId: article.id, claimId: claim.id, input }); // a repeat records nothing new
        await publishArticle({ ...deps, actor: asActor(reviewer), articleId: article.id });
        await publishArticle({ ...deps, actor: asActor(reviewer), articleId: article.id, input: { correctionNote: "Typo fixed." } });
        await retractArticle({ ...deps, actor: asActor(reviewer), articleId: article.id, input: { note: "Withdrawn." } });
        await waitFor(async () => (await server.db.webhookDelivery.count({ where: { webhookId: hook.id, status: "delivered" } })) === 4, "four deliveries", 10_000);
        const events = rx.received.map((r) => JSON.parse(r.body) as { event: string; data: Record<string, unknown> });
        expect(events.map((e) => e.event).sort()).toEqual(["article.corrected", "article.published", "article.retracted", "claim.approved"]);
        expect(events.find((e) => e.event === "claim.approved")!.data).toMatchObject({ claimId: claim.id, articleId: article.id, reviewer: { id: reviewer.id } });
        expect(events.find((e) => e.event === "article.corrected")!.data).toMatchObject({ version: 2, correctionNote: "Typo fixed.", url: expect.stringMatching(/^https?:\/\/.+\/v\//) });
        expect(events.find((e) => e.event === "article.retracted")!.data).toMatchObject({ version: 3, retractedVersion: 2, note: "Withdrawn." });
      } finally {
        await rx.close();
      }
    });

    it("refuses loopback receivers unless SANAD_FETCH_ALLOW lists them, at registration and at delivery", async () => {
      const rx = await receiver([200]);
      try {
        process.env.SANAD_FETCH_ALLOW = "";
        await expect(createWebhook({ db: server.db, actor: asActor(admin), input: { url: rx.url, events: ["article.imported"] } })).rejects.toMatchObject({ code: "INVALID_INPUT" });
        await expect(createWebhook({ db: server.db, actor: asActor(admin), input: { url: "http://[::1]:9/x", events: ["article.imported"] } })).rejects.toMatchObject({ code: "INVALID_INPUT" });
        await expect(createWebhook({ db: server.db, actor: asActor(editor), input: { url: "https://example.org/x", events: ["article.imported"] } })).rejects.toMatchObject({ code: "FORBIDDEN" });

        // a host name that resolves to loopback (stored directly, as if DNS changed after registration) is refused after DNS, for good
        const hook = await server.db.webhook.create({ data: { url: rx.url.replace("127.0.0.1", "localhost"), events: "article.imported", secret: "whsec_x", createdById: admin.id } });
        await emitEvent(server.db, "article.imported", { x: 1 });
        await waitFor(async () => (await server.db.webhookDelivery.findFirst({ where: { webhookId: hook.id } }))?.status === "failed", "refused delivery", 10_000);
        const delivery = await server.db.webhookDelivery.findFirstOrThrow({ where: { webhookId: hook.id } });
        expect(delivery.attempts).toBe(1);
        expect(delivery.lastError).toMatch(/refused: .*(127\.0\.0\.1|::1)/);
        expect(rx.received).toHaveLength(0);
      } finally {
        await rx.close();
      }
    });
  });
}
