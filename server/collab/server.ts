import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import { CloseCode } from "../../lib/close-codes";
import { canEditArticle, canViewArticle, type Actor } from "../../lib/policies";
import type { Db } from "../db/client";
import { compactionPool } from "../persistence/compaction-pool";
import { DocStore, type DocStoreOptions } from "../persistence/doc-store";
import type { CollabMetrics } from "../observability/metrics";
import type { Relay } from "../relay/relay";
import type { SessionChange } from "../auth/session-changes";
import { clientAddress, trustedProxy } from "../http/client-address";
import { DEFAULT_LIMITS, WindowCounter, type CollabLimits } from "./limits";
import { RoomRegistry } from "./registry";
import { encodeDecisions, encodeNotification } from "./protocol";
import { ProtocolError, type RoomHooks } from "./room";
import { DEFAULT_GUARD_LIMITS, UpdateGuard, UpdateRefused, type GuardLimits } from "./update-guard";
import { SessionSockets, decodeSessionChange, encodeSessionChange } from "./session-sockets";
import { inboundBudget, type InboundBudget, type InboundSource } from "./turns";
import { configuredOrigin } from "../http/public-origin";

export const COLLAB_PATH = "/collab/";
/**
 * Relay channel for session changes (sign-out, role change) — not an article id: ':' cannot
 * occur in one (ARTICLE_ID below), so no room ever shares it.
 */
export const SESSION_CHANNEL = ":sessions";
/** Relay channel for new notifications, so they reach the person's sockets on every process. */
const NOTIFICATION_CHANNEL = ":notifications";

export interface CollabServerOptions {
  db: Db;
  authenticate: (req: IncomingMessage) => Promise<Actor | null>;
  limits?: Partial<CollabLimits>;
  store?: DocStoreOptions;
  hooks?: RoomHooks;
  log?: (msg: string, extra?: Record<string, unknown>) => void;
  /**
   * Scale-out: relay rooms to the other processes (server/relay). The collab server owns it
   * and closes it on close(). Absent: in-process only.
   */
  relay?: Relay | null;
  /** With a relay: how often a loaded room asks its peers for what it lacks (0 = never). */
  antiEntropyMs?: number;
  /** Authorship, mass-deletion, size and awareness limits (update-guard.ts). */
  guardLimits?: Partial<GuardLimits>;
  /**
   * Called for every session change this process learns of (its own and its peers'), before
   * sockets are closed: the upgrade authenticator drops its cached actor here.
   */
  onSessionChange?: (change: SessionChange) => void;
  /** The client's address for per-address limits (default: socket peer, trusted proxies honoured). */
  clientAddress?: (req: IncomingMessage) => string;
  /** Counters for /metrics (server/observability/metrics.ts); absent: not counted. */
  metrics?: CollabMetrics;
  /** The per-turn inbound budget (turns.ts); default: the process's one. */
  inbound?: InboundBudget;
}

const ARTICLE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Article id from `/collab/<articleId>` (y-websocket appends the room name to the URL); null if malformed. */
export function articleIdFromUrl(url: string | undefined): string | null {
  if (!url?.startsWith(COLLAB_PATH)) return null;
  let id: string;
  try {
    id = decodeURIComponent(url.slice(COLLAB_PATH.length).split("?")[0]);
  } catch {
    return null; // "%ZZ" and friends
  }
  return ARTICLE_ID.test(id) ? id : null;
}

/** Answer a refused upgrade with a plain HTTP status and drop the socket (never leave it hanging). */
export function answerUpgrade(socket: Duplex, status: 400 | 401 | 403 | 404 | 429 | 500 | 503, text: string): void {
  if (socket.destroyed) return;
  try {
    socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  } catch {
    /* the peer is gone */
  }
  // end() flushes the answer; destroy soon after in case the peer never closes its side.
  setTimeout(() => socket.destroy(), 1_000).unref();
}

/**
 * The collaboration server: authenticates the upgrade request's session before anything
 * else, opens the article's room, and serves y-protocols sync + awareness plus Sanad's
 * decisions message. Refusals complete the upgrade and close with a code from
 * lib/close-codes.ts, because browsers cannot read the HTTP status of a refused upgrade.
 */
export function createCollabServer(options: CollabServerOptions) {
  const limits: CollabLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const log = options.log ?? (() => {});
  const store = new DocStore(options.db, {
    ...options.store,
    // One line when a document's writes start failing and one when they recover, not one per
    // retry tick (a dropped database used to print the same line many times a second).
    onError: (id, e, attempt) => {
      options.metrics?.storeError();
      options.store?.onError?.(id, e, attempt);
      if (attempt === 1) log("store write failed; retrying with back-off until it succeeds", { articleId: id, error: String(e) });
    },
    onCompactionError: (id, e) => {
      options.metrics?.storeError();
      options.store?.onCompactionError?.(id, e);
      log("compaction failed; the log stays whole and is compacted again after more edits", { articleId: id, error: String(e) });
    },
    onRecovered: (id, failures) => {
      options.store?.onRecovered?.(id, failures);
      log("store write recovered", { articleId: id, failedAttempts: failures });
    },
  });
  // The compaction thread starts with the server, before any socket: starting it holds the event
  // loop several ms, and its first task would be a busy room's compaction.
  compactionPool().warm();
  const relay = options.relay ?? null;
  const guard = new UpdateGuard(options.db, { ...DEFAULT_GUARD_LIMITS, ...options.guardLimits }, log);
  const registry = new RoomRegistry(store, limits, { ...options.hooks, log, metrics: options.metrics, guard }, relay, options.antiEntropyMs);
  // ws enforces a hard ceiling (closing with 1009); between our limit and it we close with 4413.
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes * 4, perMessageDeflate: false });
  // Failed authentications count per client address; signed-in connections count per user,
  // so a newsroom behind one address is not one budget.
  const perAddress = new WindowCounter(limits.connectionsPerIpPerMinute, 60_000);
  const perUser = new WindowCounter(limits.connectionsPerUserPerMinute, 60_000);
  const addressOf = options.clientAddress ?? ((req: IncomingMessage) => clientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], trustedProxy()));
  const sessions = new SessionSockets(limits.maxBufferedBytes);
  let closing = false;

  function refuse(ws: WebSocket, code: number, reason: string) {
    ws.close(code, reason);
  }

  /**
   * Every failure is answered: an HTTP status before the handshake, or a completed handshake
   * closed with a code (browsers cannot read the status of a refused upgrade). Nothing thrown
   * in here may leave the socket open or reject unhandled.
   */
  async function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    socket.on("error", () => socket.destroy());
    try {
      await upgrade(req, socket, head);
    } catch (e) {
      log("upgrade failed", { url: req.url?.slice(0, 200), error: String(e) });
      answerUpgrade(socket, 500, "Internal Server Error");
    }
  }

  async function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    if (closing) return answerUpgrade(socket, 503, "Service Unavailable");
    const address = addressOf(req);
    const articleId = articleIdFromUrl(req.url);
    if (!articleId) return answerUpgrade(socket, 400, "Bad Request");
    const seqAtAuth = sessions.current;
    let actor: Actor | null = null;
    let article: { id: string } | null = null;
    try {
      actor = await withTimeout(options.authenticate(req), limits.authTimeoutMs);
      // Failed authentications count per address; a signed-in user is never refused for
      // what others on the same address did.
      if (!actor && !perAddress.hit(address)) return answerUpgrade(socket, 429, "Too Many Requests");
      if (actor && !perUser.hit(actor.id)) return answerUpgrade(socket, 429, "Too Many Requests");
      // A loaded room's article exists: no database round trip on a connection storm.
      if (actor) article = registry.loaded(articleId) ? { id: articleId } : await options.db.article.findUnique({ where: { id: articleId }, select: { id: true } });
    } catch (e) {
      log("upgrade auth failed", { error: String(e) });
      actor = null;
    }
    if (socket.destroyed) return;
    const crossSite = !sameOrigin(req);
    wss.handleUpgrade(req, socket, head, (ws) => {
      // A page on another site must not open a socket with our user's cookie (CSWSH).
      if (crossSite) return refuse(ws, CloseCode.Forbidden, "cross-site connection refused");
      if (!actor) return refuse(ws, CloseCode.Unauthenticated, "sign in first");
      if (!canViewArticle(actor)) return refuse(ws, CloseCode.Forbidden, "no access");
      if (!articleId || !article) return refuse(ws, CloseCode.NotFound, "no such article");
      void openConnection(ws, actor, articleId, seqAtAuth);
    });
  }

  async function openConnection(ws: WebSocket, actor: Actor, articleId: string, seqAtAuth: number) {
    // Listen before the room is loaded: a client sends sync step 1 the moment the socket
    // opens, and ws drops messages that have no listener. They are queued until the load.
    const early: Uint8Array[] = [];
    const entry = sessions.track(ws, actor, seqAtAuth);
    if (!entry) return;
    let onMessage: ((bytes: Uint8Array) => void) | null = null;
    let ended = false;
    ws.on("message", (data, isBinary) => {
      const bytes = toBytes(data);
      if (bytes.byteLength > limits.maxMessageBytes) return refuse(ws, CloseCode.MessageTooLarge, "message too large");
      if (!isBinary) return refuse(ws, CloseCode.Malformed, "binary messages only");
      if (onMessage) onMessage(bytes);
      else if (early.length < limits.messageBurst) early.push(bytes);
      else refuse(ws, CloseCode.RateLimited, "too many messages before the document loaded");
    });
    ws.on("error", () => ws.terminate());
    ws.on("close", () => { ended = true; });

    let room;
    try {
      room = await registry.acquire(articleId);
    } catch (e) {
      log("room load failed", { articleId, error: String(e) });
      return refuse(ws, CloseCode.LoadFailed, "could not load the document");
    }
    if (ended || ws.readyState !== ws.OPEN) {
      registry.release(room);
      return;
    }
    const conn = room.join(ws, actor, !canEditArticle(actor));
    entry.conn = conn;
    conn.onSlow = () => {
      options.metrics?.slowConsumer();
      log("closing a slow consumer (not reading)", { articleId, user: actor.id, bufferedBytes: ws.bufferedAmount });
    };
    registry.release(room); // the connection now keeps the room alive
    const handle = (bytes: Uint8Array) => {
      if (ws.readyState !== ws.OPEN) return;
      try {
        room.handleMessage(conn, bytes);
      } catch (e) {
        if (e instanceof UpdateRefused) {
          log("update refused, closing its connection", { articleId, user: actor.id, code: e.code, error: e.message });
          return refuse(ws, e.code, e.message.slice(0, 120));
        }
        log("malformed message, closing its connection", { articleId, user: actor.id, error: e instanceof ProtocolError ? e.message : String(e) });
        refuse(ws, CloseCode.Malformed, "malformed message");
      }
    };
    // Messages wait in the connection's queue until the room has loaded and greeted the client
    // (room.join), in arrival order; once the queue has drained they are handled at once,
    // without a promise and a microtask per message.
    // Then they go through the process's inbound budget (turns.ts): handled at once while the
    // event-loop turn has budget left, else queued per connection with its socket paused.
    const inbound: InboundSource = { pause: () => ws.pause(), resume: () => ws.resume(), open: () => ws.readyState === ws.OPEN, handle };
    const budget = options.inbound ?? inboundBudget;
    let joined = false;
    let queued = 0;
    conn.queue = conn.queue.then(() => { joined = true; });
    onMessage = (bytes) => {
      if (!conn.bucket.take()) return refuse(ws, CloseCode.RateLimited, "too many messages");
      if (joined && queued === 0) return budget.offer(inbound, bytes);
      queued++;
      conn.queue = conn.queue.then(() => {
        queued--;
        budget.offer(inbound, bytes);
      });
    };
    for (const bytes of early.splice(0)) onMessage(bytes);
    ws.on("close", () => {
      room.leave(conn);
      registry.maybeIdle(room);
    });
  }

  /**
   * A sign-out or role change: this process's cached actor is dropped and the user's open
   * sockets stop writing and close (server/collab/session-sockets.ts). With `publish`, the
   * other processes are told through the relay and do the same.
   */
  function applySessionChange(change: SessionChange, opts: { publish?: boolean } = {}): void {
    options.onSessionChange?.(change);
    if (opts.publish) relay?.publish(SESSION_CHANNEL, encodeSessionChange(change));
    sessions.apply(change);
  }

  const sessionSubscription = relay?.subscribe(SESSION_CHANNEL, (message) => {
    try {
      applySessionChange(decodeSessionChange(message));
    } catch (e) {
      log("session change from relay ignored", { error: String(e) });
    }
  });
  // Notifications travel as {userId, view}; each process sends them to the user's sockets it holds.
  const notificationSubscription = relay?.subscribe(NOTIFICATION_CHANNEL, (message) => {
    try {
      const { userId, view } = JSON.parse(new TextDecoder().decode(message)) as { userId?: unknown; view?: unknown };
      if (typeof userId === "string" && view && typeof view === "object") sessions.send(userId, encodeNotification(view));
    } catch (e) {
      log("notification from relay ignored", { error: String(e) });
    }
  });
  /** Resolves once this process hears its peers' session changes and notifications (startServer waits for it). */
  const ready: Promise<void> = relay ? Promise.all([sessionSubscription, notificationSubscription]).then(() => {}) : Promise.resolve();

  return {
    ready,
    handleUpgrade,
    applySessionChange,
    registry,
    guard,
    store,
    relay,
    /** Tell every connection of an article about new decisions, on every process. */
    publishDecisions(articleId: string, decisions: unknown) {
      registry.loaded(articleId)?.setDecisions(decisions);
      relay?.publish(articleId, encodeDecisions(decisions));
    },
    /**
     * A new notification for a user: sent to their open sockets here and, through the relay,
     * on every other process. Live only: the bell fetches the list when a page loads.
     */
    pushNotification(userId: string, view: unknown) {
      sessions.send(userId, encodeNotification(view));
      relay?.publish(NOTIFICATION_CHANNEL, new TextEncoder().encode(JSON.stringify({ userId, view })));
    },
    async close() {
      closing = true;
      for (const ws of wss.clients) ws.close(CloseCode.ServerShutdown, "server shutting down");
      try {
        await registry.closeAll();
      } finally {
        wss.close();
        await relay?.close();
      }
    },
  };
}
export type CollabServer = ReturnType<typeof createCollabServer>;

function toBytes(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  return data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/**
 * Browsers always send Origin on a WebSocket handshake; it must name this host. Clients that
 * are not browsers send none and are judged by their session alone.
 */
export function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  try {
    const host = new URL(origin).host.toLowerCase();
    const allowed = new Set([req.headers.host?.toLowerCase()]);
    const configured = configuredOrigin(); // a malformed NEXTAUTH_URL allows nothing extra (it used to refuse every browser)
    if (configured) allowed.add(new URL(configured).host.toLowerCase());
    return allowed.has(host);
  } catch {
    return false;
  }
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error("timed out")), ms);
    p.then((v) => { clearTimeout(t); resolve(v); }, (e) => { clearTimeout(t); reject(e); });
  });
}
