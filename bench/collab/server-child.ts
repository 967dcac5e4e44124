/**
 * One server under test, in its own process so CPU time and memory are per server.
 * `node --expose-gc --import tsx bench/collab/server-child.ts ours|naive|yws|hocus` (bench.ts
 * spawns it with an IPC channel, pinned to one core with taskset). Prints one JSON line on stdout:
 *   ours:  {"kind":"ours","port":…,"cookie":"next-auth.session-token=…","articleIds":[…],"serverUrl":"ws://127.0.0.1:…/collab"}
 *   naive, yws: {"kind":"naive","port":…,"articleIds":["bench-0",…],"serverUrl":"ws://127.0.0.1:…"}
 *   hocus: the same with "protocol":"hocuspocus" (document name inside every message, not in the URL)
 * yws is @y/websocket-server 0.1.1 (the last release built for yjs 13; 0.1.5 wants yjs 14) run
 * as its bin/server.js does; hocus is @hocuspocus/server 4 with no extensions (no persistence).
 * then answers IPC requests {id, cmd: "stats" | "gc" | "ping" | "close"} with process CPU, memory,
 * event-loop utilisation and the number of WebSocket frames/bytes the process has sent.
 *
 * Our server: startTestServer (SQLite, real auth, persistence and projection on) with the
 * production store defaults (flushMs 50) and room idle time; limits come from BENCH_LIMITS
 * (JSON, merged over the production DEFAULT_LIMITS).
 */
import { monitorEventLoopDelay, performance, PerformanceObserver } from "node:perf_hooks";
import WebSocket from "ws";

// Count every data frame any socket of this process sends (both servers use this `ws`).
let frames = 0;
let bytes = 0;
const originalSend = WebSocket.prototype.send;
WebSocket.prototype.send = function (this: WebSocket, data: unknown, ...rest: unknown[]) {
  frames++;
  bytes += (data as { byteLength?: number }).byteLength ?? 0;
  return (originalSend as (...a: unknown[]) => void).call(this, data, ...rest);
} as typeof WebSocket.prototype.send;

const kind = process.argv[2];
const nArticles = Number(process.env.BENCH_ARTICLES ?? 2);
let close: () => Promise<void>;

if (kind === "ours") {
  const { createTestDatabase, startTestServer, createUser, createArticle } = await import("../../server/test-support/harness");
  const { DEFAULT_LIMITS } = await import("../../server/collab/limits");
  const limits = { ...DEFAULT_LIMITS, ...(JSON.parse(process.env.BENCH_LIMITS ?? "{}") as object) };
  const db = await createTestDatabase("sqlite");
  const server = await startTestServer(db.url, { collab: { limits, store: { flushMs: 50 } } });
  const user = await createUser(server.db, "editor");
  const articleIds: string[] = [];
  for (let i = 0; i < nArticles; i++) articleIds.push((await createArticle(server.db)).id);
  close = async () => { await server.close(); await db.drop(); };
  console.log(JSON.stringify({ kind, port: server.port, cookie: user.cookie, articleIds, limits, serverUrl: `ws://127.0.0.1:${server.port}/collab` }));
} else if (kind === "naive") {
  const { startNaiveRelay } = await import("./naive-relay");
  const relay = await startNaiveRelay(0, "127.0.0.1");
  close = () => relay.close();
  const articleIds = Array.from({ length: nArticles }, (_, i) => `bench-${i}`);
  console.log(JSON.stringify({ kind, port: relay.port, cookie: null, articleIds, serverUrl: `ws://127.0.0.1:${relay.port}` }));
} else if (kind === "yws") {
  const http = await import("node:http");
  // The sockets come from the project's ws (same major as the package's own copy), so the
  // frame counter above sees them.
  const { setupWSConnection } = (await import("@y/websocket-server/utils" as string)) as { setupWSConnection: (ws: unknown, req: unknown) => void };
  const { WebSocketServer } = await import("ws");
  const wss = new WebSocketServer({ noServer: true });
  wss.on("connection", setupWSConnection);
  const server = http.createServer((_q, r) => { r.writeHead(200, { "content-type": "text/plain" }).end("okay"); });
  server.on("upgrade", (req, socket, head) => wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws, req)));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const port = (server.address() as import("node:net").AddressInfo).port;
  close = async () => { for (const ws of wss.clients) ws.terminate(); server.closeAllConnections?.(); await new Promise<void>((r) => server.close(() => r())); };
  const articleIds = Array.from({ length: nArticles }, (_, i) => `bench-${i}`);
  console.log(JSON.stringify({ kind, port, cookie: null, articleIds, serverUrl: `ws://127.0.0.1:${port}` }));
} else if (kind === "hocus") {
  const { Server } = await import("@hocuspocus/server");
  const server = new Server({ port: 0, address: "127.0.0.1", quiet: true, stopOnSignals: false });
  await server.listen();
  const port = server.address.port;
  close = () => server.destroy();
  const articleIds = Array.from({ length: nArticles }, (_, i) => `bench-${i}`);
  console.log(JSON.stringify({ kind, port, cookie: null, articleIds, protocol: "hocuspocus", serverUrl: `ws://127.0.0.1:${port}` }));
} else {
  throw new Error(`usage: server-child.ts ours|naive|yws|hocus (got ${kind})`);
}

const gc = (globalThis as { gc?: () => void }).gc;
const loopDelay = monitorEventLoopDelay({ resolution: 5 });
loopDelay.enable();
// Garbage-collection pauses of the main thread: their total, and the longest since the previous stats().
let gcMs = 0, gcMaxMs = 0;
new PerformanceObserver((list) => { for (const e of list.getEntries()) { gcMs += e.duration; gcMaxMs = Math.max(gcMaxMs, e.duration); } }).observe({ entryTypes: ["gc"] });
/** Process counters; the event-loop delay histogram covers the time since the previous call. */
function stats() {
  const delay = { p50: loopDelay.percentile(50) / 1e6, p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 };
  loopDelay.reset();
  const gcPause = { totalMs: gcMs, maxMs: gcMaxMs };
  gcMaxMs = 0;
  // Major page faults: code or data read back from disk (a machine that pages out cold memory stalls the process on them).
  return { cpu: process.cpuUsage(), mem: process.memoryUsage(), elu: performance.eventLoopUtilization(), frames, bytes, delay, gc: gcPause, majorFaults: process.resourceUsage().majorPageFault, at: Date.now() };
}

process.on("message", (m: { id: number; cmd: string }) => {
  void (async () => {
    if (m.cmd === "gc") {
      for (let i = 0; i < 3; i++) { gc?.(); await new Promise((r) => setTimeout(r, 20)); }
      process.send!({ id: m.id, ...stats() });
    } else if (m.cmd === "ping") {
      process.send!({ id: m.id });
    } else if (m.cmd === "stats") {
      process.send!({ id: m.id, ...stats() });
    } else if (m.cmd === "close") {
      await close().catch(() => {});
      process.send!({ id: m.id, closed: true }, () => process.exit(0));
    }
  })();
});
process.on("disconnect", () => { void close().finally(() => process.exit(0)); });
