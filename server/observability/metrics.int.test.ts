import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { IncomingMessage } from "node:http";
import type { RunningServer } from "../main";
import { connectClient, createArticle, createTestDatabase, createUser, startTestServer, waitFor, type TestDatabase } from "../test-support/harness";
import { mayReadMetrics } from "./metrics";

const metricValue = (text: string, name: string) => Number(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, "m").exec(text)?.[1] ?? NaN);

describe("/metrics", () => {
  let database: TestDatabase;
  let server: RunningServer;

  beforeAll(async () => {
    database = await createTestDatabase("sqlite");
    server = await startTestServer(database.url);
  });
  afterAll(async () => {
    delete process.env.SANAD_METRICS_TOKEN;
    await server?.close();
    await database?.drop();
  });

  it("reports connections, rooms, edits and fan-out in Prometheus text format to a loopback scraper", async () => {
    const editor = await createUser(server.db, "editor");
    const articleId = (await createArticle(server.db)).id;
    const a = connectClient(server, articleId, editor.cookie);
    const b = connectClient(server, articleId, editor.cookie);
    await Promise.all([a.synced(), b.synced()]);
    a.doc.getText("t").insert(0, "hello");
    await waitFor(() => b.doc.getText("t").toString() === "hello", "edit delivered");
    const res = await fetch(`${server.url.replace("localhost", "127.0.0.1")}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain");
    const text = await res.text();
    expect(metricValue(text, "sanad_collab_connections")).toBe(2);
    expect(metricValue(text, "sanad_collab_rooms")).toBe(1);
    expect(metricValue(text, "sanad_collab_edits_in_total")).toBeGreaterThanOrEqual(1);
    expect(metricValue(text, "sanad_collab_fanout_frames_total")).toBeGreaterThanOrEqual(1);
    expect(text).toContain("sanad_collab_flush_seconds_bucket");
    expect(text).toContain("sanad_nodejs_eventloop_lag_seconds");
    a.destroy(); b.destroy();
  });

  it("with SANAD_METRICS_TOKEN set, answers only a request bearing it", async () => {
    process.env.SANAD_METRICS_TOKEN = "s3cret-token";
    const base = server.url.replace("localhost", "127.0.0.1");
    expect((await fetch(`${base}/metrics`)).status).toBe(403);
    expect((await fetch(`${base}/metrics`, { headers: { authorization: "Bearer wrong" } })).status).toBe(403);
    expect((await fetch(`${base}/metrics`, { headers: { authorization: "Bearer s3cret-token" } })).status).toBe(200);
    delete process.env.SANAD_METRICS_TOKEN;
  });

  it("without a token, refuses a client that is not on loopback", () => {
    const req = (ip: string) => ({ headers: {}, socket: { remoteAddress: ip } }) as unknown as IncomingMessage;
    expect(mayReadMetrics(req("203.0.113.9"), "")).toBe(false);
    expect(mayReadMetrics(req("127.0.0.1"), "")).toBe(true);
    // Through a reverse proxy on the same host the peer is loopback, but the client is not.
    const proxied = { headers: { "x-forwarded-for": "203.0.113.9" }, socket: { remoteAddress: "127.0.0.1" } } as unknown as IncomingMessage;
    expect(mayReadMetrics(proxied, "")).toBe(false);
  });
});
