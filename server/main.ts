import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { parse as parseUrl } from "node:url";
import { ensureAuthSecret, ConfigError } from "./auth/secret";
import { createUpgradeAuthenticator } from "./auth/session";
import { CLIENT_ADDRESS_HEADER, clientAddress, trustedProxy } from "./http/client-address";
import { authBodyRefusal, NUL_TARGET_BODY, targetHasNul } from "./http/request-target";
import { createDb, databaseUrl, providerOf, setProcessDb, sqlitePath, tuneSqlite, type Db } from "./db/client";
import { startSqliteCheckpointer, type Checkpointer } from "./db/sqlite-checkpointer";
import { migrate, PROJECT_ROOT } from "./db/migrate";
import { lockSqliteFile } from "./db/sqlite-lock";
import { createCollabServer, COLLAB_PATH, type CollabServerOptions } from "./collab/server";
import { createLogger } from "./observability/logger";
import { createMetrics, serveMetrics } from "./observability/metrics";
import { setRuntime } from "./runtime";
import { createDocAccess, type DocAccess } from "./persistence/doc-access";
import { createPeriodicVersions } from "./versions/take-version";
import { loadDecisions } from "./review/decisions";
import { startProjection } from "./persistence/projection";
import type { Relay } from "./relay/relay";
import { createRedisRelay, redactRedisUrl } from "./relay/redis-relay";
import { startFeedRefresh } from "./similar/refresh-feeds";
import { startWebhookWorker, type WebhookWorkerOptions } from "./webhooks/worker";
import { startMailWorker, type MailWorkerOptions } from "./mail/worker";
import { clearNotificationDelivery, setNotificationDelivery } from "./notifications/delivery";

export interface StartOptions {
  port?: number;
  host?: string;
  databaseUrl?: string;
  /** Serve the Next.js app (pages, API). Integration tests of the collab server turn it off. */
  next?: boolean;
  dev?: boolean;
  /** Seed demo users and sample articles (embedded demo mode). */
  seedDemo?: boolean;
  collab?: Partial<Pick<CollabServerOptions, "limits" | "store" | "guardLimits">>;
  quiet?: boolean;
  /**
   * Scale-out: Redis for the room relay (default: REDIS_URL). Used with PostgreSQL only;
   * null turns it off even when REDIS_URL is set.
   */
  redisUrl?: string | null;
  /** A ready relay to use instead of connecting to `redisUrl` (tests); the server closes it. */
  relay?: Relay;
  /** With a relay: ms between a loaded room's anti-entropy requests (default 15 s). */
  antiEntropyMs?: number;
  /** Webhook delivery worker settings (tests shorten the back-off); false turns it off. */
  webhooks?: Omit<WebhookWorkerOptions, "db" | "log"> | false;
  /** Mail worker settings (default: SMTP from SANAD_SMTP_URL; none = no mail); false turns it off. */
  mail?: Omit<MailWorkerOptions, "db" | "log"> | false;
}

export interface RunningServer {
  url: string;
  port: number;
  db: Db;
  collab: ReturnType<typeof createCollabServer>;
  projection: ReturnType<typeof startProjection>;
  docs: DocAccess;
  webhooks: ReturnType<typeof startWebhookWorker> | null;
  mail: ReturnType<typeof startMailWorker>;
  /** SQLite's WAL checkpoints, in a thread of their own (server/db/sqlite-checkpointer.ts). */
  checkpointer: Checkpointer;
  close(): Promise<void>;
}

/** Boot one Sanad process: config, migrations, (seed), Next, collab, HTTP server. */
export async function startServer(opts: StartOptions = {}): Promise<RunningServer> {
  // Structured JSON lines (pino); collab lines carry the room (articleId), requests a reqId.
  const say = createLogger(!!opts.quiet).log;
  ensureAuthSecret();
  const proxy = trustedProxy(); // a malformed SANAD_TRUSTED_PROXY stops the start here, not later
  const url = opts.databaseUrl ?? databaseUrl();
  process.env.DATABASE_URL = url;
  const provider = providerOf(url);
  const unlock = provider === "sqlite" ? lockSqliteFile(sqlitePath(url)) : () => {};
  const db = createDb(url);
  setProcessDb(url, db);
  let relay: Relay | null = opts.relay ?? null;
  try {
    await tuneSqlite(db, url);
    await migrate(db, provider, say);
    if (opts.seedDemo) {
      const { seedDemo } = await import("./seed-demo");
      await seedDemo(db, say);
    }
    // Scale-out (docs/scale-out.md): PostgreSQL + Redis. SQLite is one process by design.
    const redisUrl = opts.redisUrl === undefined ? process.env.REDIS_URL || null : opts.redisUrl;
    if (!relay && redisUrl) {
      if (provider === "sqlite") {
        say("REDIS_URL ignored: SQLite runs as one process (scale-out needs PostgreSQL)");
      } else {
        try {
          relay = await createRedisRelay(redisUrl, { log: say });
        } catch (e) {
          throw new ConfigError((e as Error).message);
        }
        say("scale-out: rooms relay through Redis", { redis: redactRedisUrl(redisUrl), process: relay.processId });
      }
    }
  } catch (e) {
    await opts.relay?.close();
    unlock();
    await db.$disconnect();
    throw e;
  }

  // SQLite: WAL checkpoints in a thread of their own, not inside a commit on the event loop.
  const checkpointer = await startSqliteCheckpointer(db, url, { log: say });
  const projection = startProjection(db, say);
  // Per server (not per process): two servers in one test process must not share a cache.
  const upgradeAuth = createUpgradeAuthenticator({ db: () => db });
  // Gauges are read at scrape time, after `collab` exists.
  const metrics = createMetrics({ connections: () => collab.registry.connectionCount(), rooms: () => collab.registry.size });
  const collab = createCollabServer({
    metrics: metrics.collab,
    db,
    authenticate: upgradeAuth.authenticate,
    onSessionChange: (change) => upgradeAuth.forget(change.userId),
    log: say,
    ...opts.collab,
    store: { ...opts.collab?.store, onFlushed: (id) => projection.schedule(id) },
    hooks: { loadDecisions: (id) => loadDecisions(db, id) },
    relay,
    antiEntropyMs: opts.antiEntropyMs,
  });
  projection.attach(collab);
  try {
    await collab.ready;
  } catch (e) {
    await collab.close().catch(() => {});
    await projection.stop();
    await checkpointer.stop();
    unlock();
    await db.$disconnect();
    throw new ConfigError(`the relay could not subscribe to session changes: ${(e as Error).message}`);
  }
  const docs = createDocAccess(db, collab.registry, collab.guard.bindings);
  setRuntime({ db, collab, docs });
  // Version history: a version at least every interval of activity (after stored edits).
  const periodicVersion = createPeriodicVersions({ db, collab, docs }, Number(process.env.SANAD_VERSION_INTERVAL_MS) || 10 * 60_000, say);
  projection.onProjected((id) => void periodicVersion(id));
  const webhooks = opts.webhooks === false ? null : startWebhookWorker({ db, log: say, ...opts.webhooks });
  // ClaimReview feeds subscribed by URL are fetched again daily (server/similar/refresh-feeds.ts).
  const feedRefresh = startFeedRefresh({ db, log: say });
  const mail = opts.mail === false ? null : startMailWorker({ db, log: say, ...opts.mail });
  // New notifications reach their person's open sockets on every process (server/notifications).
  const deliverNotification = (userId: string, view: unknown) => collab.pushNotification(userId, view);
  setNotificationDelivery(deliverNotification);

  let nextHandler: ((req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>) | null = null;
  let nextUpgrade: ((req: http.IncomingMessage, socket: import("node:stream").Duplex, head: Buffer) => Promise<void>) | null = null;
  if (opts.next !== false) {
    const { default: next } = await import("next");
    const app = next({ dev: !!opts.dev, dir: PROJECT_ROOT, hostname: opts.host ?? "localhost", port: opts.port ?? 3000 });
    await app.prepare();
    const handle = app.getRequestHandler();
    nextHandler = (req, res) => handle(req, res, parseUrl(req.url ?? "/", true));
    nextUpgrade = app.getUpgradeHandler?.() ?? null;
  }

  const server = http.createServer((req, res) => {
    if (targetHasNul(req.url)) {
      res.writeHead(400, { "content-type": "application/json" }).end(NUL_TARGET_BODY);
      return;
    }
    const bodyRefused = authBodyRefusal(req.method, req.url, req.headers);
    if (bodyRefused) {
      res.writeHead(bodyRefused, { "content-type": "application/json", connection: "close" }).end(JSON.stringify({ error: bodyRefused === 413 ? "The request body is too large." : "Send the body with a Content-Length.", code: "PAYLOAD_TOO_LARGE" }));
      return;
    }
    if (req.url === "/metrics") {
      void serveMetrics(metrics, req, res).catch(() => { if (!res.headersSent) res.writeHead(500).end(); });
      return;
    }
    // The sign-in throttle needs the client's address; Next's handlers cannot see the socket.
    // Whatever a client sent under this name is replaced.
    req.headers[CLIENT_ADDRESS_HEADER] = clientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], proxy);
    if (req.url === "/healthz") {
      db.$queryRawUnsafe("SELECT 1")
        .then(() => { res.writeHead(200, { "content-type": "application/json" }).end('{"status":"ok"}'); })
        .catch(() => { res.writeHead(503, { "content-type": "application/json" }).end('{"status":"database unavailable"}'); });
      return;
    }
    if (!nextHandler) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    nextHandler(req, res).catch((e) => {
      say("request failed", { reqId: randomUUID(), url: req.url, error: String(e) });
      if (!res.headersSent) res.writeHead(500).end("internal error");
    });
  });
  server.on("upgrade", (req, socket, head) => {
    if (targetHasNul(req.url)) {
      socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
      return;
    }
    if (req.url?.startsWith(COLLAB_PATH)) {
      void collab.handleUpgrade(req, socket, head);
    } else if (nextUpgrade) {
      nextUpgrade(req, socket, head).catch((e) => {
        say("upgrade failed", { url: req.url?.slice(0, 200), error: String(e) });
        socket.destroy();
      });
    } else {
      socket.destroy();
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 3000, opts.host ?? "0.0.0.0", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const base = `http://localhost:${port}`;
  if (!process.env.NEXTAUTH_URL) process.env.NEXTAUTH_URL = base;

  let closed = false;
  return {
    url: base,
    port,
    db,
    collab,
    projection,
    docs,
    webhooks,
    mail,
    checkpointer,
    async close() {
      if (closed) return;
      closed = true;
      clearNotificationDelivery(deliverNotification);
      await webhooks?.stop();
      await feedRefresh.stop();
      await mail?.stop();
      await collab.close();
      await projection.stop();
      server.closeAllConnections?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      setRuntime(undefined);
      await checkpointer.stop();
      await db.$disconnect();
      unlock();
    },
  };
}

/** `tsx server/main.ts [--dev]`: run until SIGINT/SIGTERM. */
async function cli() {
  const dev = process.argv.includes("--dev");
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number, got "${process.env.PORT}"`);
  const demo = process.env.SANAD_DEMO ? process.env.SANAD_DEMO !== "0" : !process.env.DATABASE_URL && process.env.NODE_ENV !== "production";
  const started = Date.now();
  const running = await startServer({ port, dev, seedDemo: demo, host: process.env.HOST });
  const { printWelcome } = await import("./welcome");
  await printWelcome(running, { demo, ms: Date.now() - started });
  const stop = async (signal: string) => {
    console.log(`[sanad] ${signal}: flushing documents and stopping`);
    await running.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));
}

if (process.argv[1]?.endsWith("server/main.ts") || process.argv[1]?.endsWith("server/start.ts")) {
  cli().catch((e) => {
    console.error(e instanceof ConfigError ? `[sanad] cannot start: ${e.message}` : e);
    process.exit(1);
  });
}
