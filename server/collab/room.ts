import { performance } from "node:perf_hooks";
import * as decoding from "lib0/decoding";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import type { WebSocket } from "ws";
import { CloseCode } from "../../lib/close-codes";
import { MessageType } from "../../lib/collab-messages";
import type { Actor } from "../../lib/policies";
import type { CollabMetrics } from "../observability/metrics";
import type { DocStore } from "../persistence/doc-store";
import { concatRuns, mergeUpdatesBounded, typingRun, type StructRun } from "../../lib/merge-updates";
import { MIN_FRAME_INTERVAL_MS, processFrameInterval } from "./frame-interval";
import { encodeTransactionUpdate, transactionChanged } from "../../lib/transaction-update";
import type { Relay } from "../relay/relay";
import { RELAY_ORIGIN, RoomRelay } from "../relay/room-relay";
import { TokenBucket, type CollabLimits } from "./limits";
import type { UpdateGuard } from "./update-guard";
import { RoomDoc } from "./room-doc";
import { roomTurns, type FairTurns, type SliceTask } from "./turns";
import {
  decodeAwarenessUpdate, encodeAwareness, encodeAwarenessEntries, encodeDecisions, encodeSyncStep1, encodeSyncStep2, encodeSyncUpdate,
} from "./protocol";

/** Origin of updates applied from the store: they are neither persisted again nor broadcast. */
export const STORE_ORIGIN = Symbol("store");
/** Origin of changes the server itself makes (e.g. a reviewer's "changes requested" status). */
export const SERVER_ORIGIN = Symbol("server");
export { RELAY_ORIGIN };
/** Updates fanned out per slice at most (see flushOutgoing); a slice also ends at its time budget. */
export const MAX_UPDATES_PER_FLUSH = 1024;
/**
 * A busy room sends its next update frame no sooner than an interval after the last one
 * (frame-interval.ts: MIN_FRAME_INTERVAL_MS while the event loop has time to spare, up to
 * MAX_FRAME_INTERVAL_MS as it fills): updates that arrive meanwhile go out merged in that frame.
 * A busy room sends one frame per interval to each socket instead of one per event-loop turn,
 * where socket writes were the largest cost (a frame per edit per socket at mid rates, before
 * turns grow long enough to merge). 4 ms rather than 2 at the minimum: over 20 busy rooms 5 %
 * less CPU per edit and one ramp step more in two A/B pairs, for ~1 ms more median lag there.
 * Measured in docs/bench-collab.md.
 */
export { MIN_FRAME_INTERVAL_MS };
/**
 * Busy: about BUSY_UPDATES updates queued within the last BUSY_WINDOW_MS (a decayed count),
 * i.e. ~400 updates/s and more. A room below that waits for nothing: at 100 edits/s per room
 * two edits still come within 2 ms of each other now and then, and waiting for the interval
 * there put 5 % of all edits 2 ms late (p95 0.7 → 2.5 ms at 2,000 edits/s over 20 rooms).
 */
export const BUSY_WINDOW_MS = 10;
export const BUSY_UPDATES = 5;
/** Updates merged per Y.mergeUpdates call within a slice (lib/merge-updates.ts). */
const MERGE_CHUNK = 64;

export class ProtocolError extends Error {}

export interface Connection {
  ws: WebSocket;
  actor: Actor;
  readOnly: boolean;
  /** Awareness client ids this connection speaks for. */
  clientIds: Set<number>;
  bucket: TokenBucket;
  queue: Promise<void>;
  droppedUpdates: number;
  /** Send-buffer limit of this socket (CollabLimits.maxBufferedBytes). */
  maxBufferedBytes: number;
  /** Called once when the socket is closed as a slow consumer (logs, metrics). */
  onSlow?: () => void;
}

export interface RoomHooks {
  /** Current authoritative decisions for the article, sent on connect. */
  loadDecisions?: (articleId: string) => Promise<unknown>;
  log?: (msg: string, extra?: Record<string, unknown>) => void;
  /** Counters and histograms for /metrics (server/observability/metrics.ts). */
  metrics?: CollabMetrics;
  /** Authorship, mass-deletion, size and awareness checks (update-guard.ts); loaded with the room. */
  guard?: UpdateGuard;
  /** The fair scheduler of fan-out slices (turns.ts); default: the process-wide one. */
  turns?: FairTurns;
  /** A busy room's interval between frames, ms; default: from the process's event-loop load (frame-interval.ts). */
  frameIntervalMs?: () => number;
}

/**
 * One article's live document: loaded once from the store before any sync message is
 * answered, fanned out to every connection with coalesced frames (updates arriving between
 * two of its fan-out slices are merged and encoded once; slices are time-bounded and shared
 * fairly between rooms, turns.ts), persisted through the store's batched log.
 */
export class Room implements SliceTask {
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  readonly conns = new Set<Connection>();
  /** Non-socket holders (server-side edits) keep the room loaded too. */
  holders = 0;
  readonly ready: Promise<void>;
  unloading: Promise<void> | null = null;
  private decisions: unknown = null;
  private outgoingUpdates: Uint8Array[] = [];
  /** Who each pending update came from: a lone sender does not get its own edits back. */
  private outgoingOrigins: unknown[] = [];
  /** Each pending update's struct run when it is typing as received (lib/merge-updates.ts), else null. */
  private outgoingRuns: Array<StructRun | null> = [];
  private outgoingAwareness = new Set<number>();
  /**
   * Every awareness state as one frame, for joiners and awareness queries; dropped on any
   * awareness change. A join storm (1,000 sockets) encoded every state once per joiner.
   */
  private allAwareness: Uint8Array | null = null;
  /** Which connection speaks for each awareness client id (O(1) ownership checks on join storms). */
  private readonly clientOwners = new Map<number, Connection>();
  /** Scale-out: awareness changes this process originated and must publish to its peers. */
  private relayAwareness = new Set<number>();
  /** Scale-out: this room's link to the same room in other processes (server/relay). */
  readonly peers: RoomRelay | null;
  private destroyed = false;
  /** When the last update frame went out (performance.now()), and the timer that waits for the next. */
  private lastFrameAt = -Infinity;
  private frameTimer: NodeJS.Timeout | null = null;
  /** Updates queued lately, each decayed by exp(-age / BUSY_WINDOW_MS) (see BUSY_UPDATES), and when the last one was. */
  private recentUpdates = 0;
  private lastUpdateAt = -Infinity;
  /** The connection update being applied by applyAsReceived, and the transaction it made. */
  private applying: { origin: unknown; tr: Y.Transaction | null } | null = null;

  constructor(
    readonly articleId: string, private readonly store: DocStore, private readonly limits: CollabLimits,
    private readonly hooks: RoomHooks = {}, relay: Relay | null = null,
  ) {
    this.peers = relay ? new RoomRelay(this, relay, store, hooks.log, hooks.metrics) : null;
    this.doc = new RoomDoc({ guid: articleId, gc: true });
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    this.awareness.setLocalState(null);
    this.ready = this.load();
  }

  private async load(): Promise<void> {
    await this.peers?.subscribe();
    try {
      if (this.destroyed) throw new Error("room closed while loading");
      const [state, decisions] = await Promise.all([this.store.load(this.articleId), this.hooks.loadDecisions?.(this.articleId), this.hooks.guard?.onLoad(this)]);
      if (state) Y.applyUpdate(this.doc, state, STORE_ORIGIN);
      this.decisions = decisions ?? null;
    } catch (e) {
      this.peers?.close();
      throw e;
    }
    // Not doc.on("update"): with an "update" listener Yjs encodes every transaction, and a
    // client's update, applied as it came, is forwarded as its own bytes (applyAsReceived).
    this.doc.on("afterTransactionCleanup", (tr: Y.Transaction) => {
      if (tr.origin === STORE_ORIGIN) return;
      const applying = this.applying;
      if (applying && applying.tr === null && tr.origin === applying.origin) {
        applying.tr = tr; // applyAsReceived queues it
        return;
      }
      const update = encodeTransactionUpdate(tr);
      if (update) this.queueUpdate(update, tr.origin);
    });
    this.awareness.on("update", ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      // Each process expires stale states itself ("timeout"); only local changes are relayed.
      this.allAwareness = null;
      const relayed = this.peers && origin !== RELAY_ORIGIN && origin !== "timeout";
      for (const id of [...added, ...updated, ...removed]) {
        this.outgoingAwareness.add(id);
        if (relayed) this.relayAwareness.add(id);
      }
      this.scheduleFlush();
    });
    this.peers?.start();
    // A flush of this document's store entry (unload, shutdown, a route that must see its write
    // stored) first takes what is still waiting for a fan-out slice.
    this.store.setDrain(this.articleId, () => { while (this.flushOutgoing()); });
  }

  /**
   * Fan out one update of the document, and persist it unless it came from a peer process:
   * both from the next fan-out slice, which merges the pending updates once for the sockets and
   * the store alike (the store merged every update again before its write: 8 % of the CPU at
   * 32,000 edits/s). A flush of the store first drains this queue (DocStore.setDrain).
   */
  private queueUpdate(update: Uint8Array, origin: unknown, run: StructRun | null = null): void {
    const now = performance.now();
    this.recentUpdates = this.recentUpdates * Math.exp((this.lastUpdateAt - now) / BUSY_WINDOW_MS) + 1;
    this.lastUpdateAt = now;
    this.outgoingUpdates.push(update);
    this.outgoingOrigins.push(origin);
    this.outgoingRuns.push(run);
    this.scheduleFlush();
  }

  /**
   * Apply a validated update from a connection and forward (and persist) the bytes it came in,
   * instead of encoding the transaction again (lib/transaction-update.ts: ~11 % of the server's
   * CPU at 32,000 edits/s). Those bytes are a superset of what the transaction integrated: what
   * was new, what Yjs had to set aside as pending (a missing dependency — forwarded now, so
   * every client sets it aside too, and it is in the store), and what the document already had
   * (harmless to apply twice). Two cases are encoded from the transaction instead: when the
   * document already held pending content (this update may integrate it, and its bytes do not
   * carry it), and when applying threw half-way (what was applied is sent, not what was not).
   * So is an update that repeats content the document had. An update that changed nothing and
   * left nothing pending is not forwarded. `structs` are the update's (Y.decodeUpdate); `run`,
   * when the update is typing, its structs' bytes, joined without Yjs's merge (flushOutgoing).
   */
  applyAsReceived(update: Uint8Array, origin: unknown, structs: ReadonlyArray<{ id: { client: number; clock: number } }>, run: StructRun | null = null): void {
    const store = this.doc.store;
    const hadPending = store.pendingStructs !== null || store.pendingDs !== null;
    const applying: { origin: unknown; tr: Y.Transaction | null } = { origin, tr: null };
    this.applying = applying;
    let applied = false;
    try {
      Y.applyUpdate(this.doc, update, origin);
      applied = true;
    } finally {
      this.applying = null;
      const tr = applying.tr;
      if (tr) {
        const nowPending = !hadPending && (store.pendingStructs !== null || store.pendingDs !== null);
        // Bytes that repeat content the document already had (a reconnecting client's sync step
        // 2, a retransmission) are encoded instead: fan-out and the store merge what they forward,
        // and Y.mergeUpdates is only ever given disjoint updates, as Yjs's own encoder makes them.
        const repeats = structs.some((st) => st.id.clock < (tr.beforeState.get(st.id.client) ?? 0));
        if (applied && !hadPending && !repeats) {
          if (transactionChanged(tr) || nowPending) this.queueUpdate(update, origin, run);
        } else {
          const encoded = encodeTransactionUpdate(tr);
          if (encoded) this.queueUpdate(encoded, origin);
        }
      }
    }
  }

  /** A decision published by a peer during the load may be older than what the load read: re-read. */
  reloadDecisions(): void {
    if (!this.hooks.loadDecisions) return;
    void this.hooks.loadDecisions(this.articleId).then((d) => { if (!this.destroyed) this.setDecisions(d ?? null); }, () => {});
  }

  /** A peer process bound a client id (relay): this process refuses others' content under it from now on. */
  learnBinding(clientId: number, userId: string): void {
    this.hooks.guard?.bindings.learn(this.articleId, clientId, userId);
  }

  /** Awareness client ids of this process's own connections that have a state. */
  localAwarenessIds(): number[] {
    const states = this.awareness.getStates();
    const ids: number[] = [];
    for (const conn of this.conns) for (const id of conn.clientIds) if (states.has(id)) ids.push(id);
    return ids;
  }

  /** Ask the fair scheduler (turns.ts) for a fan-out slice — in a busy room, after the frame interval since the last frame. */
  private scheduleFlush(): void {
    if (this.destroyed || this.frameTimer) return;
    const wait = this.recentUpdates >= BUSY_UPDATES ? this.lastFrameAt + (this.hooks.frameIntervalMs ?? processFrameInterval)() - performance.now() : 0;
    if (wait > 0) {
      this.frameTimer = setTimeout(() => {
        this.frameTimer = null;
        if (!this.destroyed) (this.hooks.turns ?? roomTurns).wake(this);
      }, Math.ceil(wait)); // a fractional delay is rounded down by Node: 1.3 ms would fire after 1
      return;
    }
    (this.hooks.turns ?? roomTurns).wake(this);
  }

  /** One fan-out slice (turns.ts): true when updates are left for a later one. */
  runSlice(deadline: number): boolean {
    return this.flushOutgoing(deadline);
  }

  /**
   * Encode once, send the same buffer to every connection, and (scale-out) publish what this
   * process originated once to its peers: the same frame when nothing in it came from a peer.
   * One slice takes at most MAX_UPDATES_PER_FLUSH pending updates: typing is joined in one
   * copy (linear, below), anything else merged in chunks of 64 until its time budget
   * (`deadline`) is spent: one unbounded Y.mergeUpdates of an overloaded turn's
   * backlog took longer than the backlog took to build (8,000 updates 1.2 s, 16,000 13.4 s),
   * and the process stopped answering anything. The rest waits for this room's next slice,
   * after every other room with pending work had one (turns.ts), and after the event loop
   * read its sockets again. Per room, updates go out in the order they were applied.
   */
  private flushOutgoing(deadline = Infinity): boolean {
    if (this.destroyed) return false;
    if (this.outgoingUpdates.length > 0) {
      const started = performance.now();
      const limit = Math.min(this.outgoingUpdates.length, MAX_UPDATES_PER_FLUSH);
      // Typing as received (every update a run of one client's structs, each client's runs in
      // sequence) is joined in one copy, byte for byte what Y.mergeUpdates writes (it was 12 % of
      // the event loop at 44,000 edits/s over 20 rooms); anything else is merged by Yjs.
      const joined = limit > 1 ? concatRuns(this.outgoingRuns, limit) : null;
      const parts: Uint8Array[] = joined ? [joined.update] : [];
      let n = joined ? limit : 0;
      while (n < limit) {
        const end = Math.min(limit, n + MERGE_CHUNK);
        parts.push(end - n === 1 ? this.outgoingUpdates[n] : Y.mergeUpdates(this.outgoingUpdates.slice(n, end)));
        n = end;
        if (performance.now() >= deadline) break;
      }
      // The store joins these runs again for its log row (DocStore.append): typing is copied, never merged.
      const runs = joined ? joined.runs : n === 1 && this.outgoingRuns[0] ? [this.outgoingRuns[0]] : null;
      const all = n === this.outgoingUpdates.length ? this.outgoingUpdates : this.outgoingUpdates.splice(0, n);
      const origins = n === this.outgoingOrigins.length ? this.outgoingOrigins : this.outgoingOrigins.splice(0, n);
      if (all === this.outgoingUpdates) {
        this.outgoingUpdates = [];
        this.outgoingOrigins = [];
        this.outgoingRuns = [];
      } else {
        this.outgoingRuns.splice(0, n);
      }
      const lone = origins.every((o) => o === origins[0]) ? origins[0] : undefined;
      const merged = mergeUpdatesBounded(parts);
      const frame = encodeSyncUpdate(merged);
      const sockets = this.broadcast(frame, lone);
      this.lastFrameAt = performance.now();
      this.hooks.metrics?.fanout(all.length, sockets, frame.byteLength, (performance.now() - started) / 1000);
      // What this process originated (not what peers relayed) is persisted here and published to peers.
      const relayed = origins.some((o) => o === RELAY_ORIGIN);
      const own = relayed ? mergeOwn(all, origins) : merged;
      if (own) {
        this.store.append(this.articleId, own, relayed ? null : runs);
        this.peers?.publish(relayed ? encodeSyncUpdate(own) : frame);
      }
    }
    if (this.outgoingAwareness.size > 0) {
      const ids = [...this.outgoingAwareness];
      const own = [...this.relayAwareness];
      this.outgoingAwareness.clear();
      this.relayAwareness.clear();
      const frame = encodeAwareness(this.awareness, ids);
      this.broadcast(frame);
      if (this.peers && own.length > 0) this.peers.publish(own.length === ids.length ? frame : encodeAwareness(this.awareness, own));
    }
    return this.outgoingUpdates.length > 0;
  }

  /** Send one frame to every connection but `except`; returns how many it went to. */
  broadcast(message: Uint8Array, except?: unknown): number {
    // One Buffer view for every socket: ws wraps any other Uint8Array in a new Buffer per send.
    const frame = asBuffer(message);
    let n = 0;
    for (const conn of this.conns) {
      if (conn === except) continue;
      send(conn, frame);
      n++;
    }
    return n;
  }

  setDecisions(decisions: unknown): void {
    this.decisions = decisions;
    this.broadcast(encodeDecisions(decisions));
  }

  /** Every awareness state, encoded once until the next awareness change. */
  private awarenessFrame(): Uint8Array {
    return (this.allAwareness ??= asBuffer(encodeAwareness(this.awareness, [...this.awareness.getStates().keys()])));
  }

  /** Register a socket; messages are queued until the document is loaded. */
  join(ws: WebSocket, actor: Actor, readOnly: boolean): Connection {
    const conn: Connection = {
      ws, actor, readOnly, clientIds: new Set(),
      bucket: new TokenBucket(this.limits.messagesPerSecond, this.limits.messageBurst),
      queue: this.ready, droppedUpdates: 0, maxBufferedBytes: this.limits.maxBufferedBytes,
    };
    this.conns.add(conn);
    conn.queue = conn.queue.then(() => {
      send(conn, encodeSyncStep1(this.doc));
      if (this.awareness.getStates().size > 0) send(conn, this.awarenessFrame());
      send(conn, encodeDecisions(this.decisions));
    });
    return conn;
  }

  leave(conn: Connection): void {
    if (!this.conns.delete(conn)) return;
    for (const id of conn.clientIds) this.clientOwners.delete(id);
    if (conn.clientIds.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...conn.clientIds], null);
  }

  /**
   * Handle one binary message. Throws ProtocolError (or a decoding error) for anything
   * malformed; the caller closes that connection only. Nothing is applied to the document
   * unless the whole update decodes.
   */
  handleMessage(conn: Connection, data: Uint8Array): void {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MessageType.Sync: {
        const syncType = decoding.readVarUint(decoder);
        if (syncType === syncProtocol.messageYjsSyncStep1) {
          const stateVector = decoding.readVarUint8Array(decoder);
          Y.decodeStateVector(stateVector);
          send(conn, encodeSyncStep2(this.doc, stateVector));
        } else if (syncType === syncProtocol.messageYjsSyncStep2 || syncType === syncProtocol.messageYjsUpdate) {
          const update = decoding.readVarUint8Array(decoder);
          if (conn.readOnly) {
            conn.droppedUpdates++;
            return;
          }
          const decoded = Y.decodeUpdate(update); // validates the whole update before anything touches the room
          // Guard hook (update-guard.ts): authorship, mass deletion, size; may strip or refuse.
          const accepted = this.hooks.guard ? this.hooks.guard.check(this, conn, update, decoded, syncType === syncProtocol.messageYjsUpdate) : update;
          if (accepted) {
            this.applyAsReceived(accepted, conn, decoded.structs, accepted === update ? typingRun(update, decoded) : null);
            this.hooks.metrics?.editIn();
          }
        } else {
          throw new ProtocolError(`unknown sync message ${syncType}`);
        }
        return;
      }
      case MessageType.Awareness: {
        const decoded = decodeAwarenessUpdate(decoding.readVarUint8Array(decoder));
        // Guard hook: state size; other users' client ids refused, or dropped when merely echoed.
        const entries = this.hooks.guard ? this.hooks.guard.checkAwareness(this, conn, decoded) : decoded;
        const accepted = entries.filter((e) => this.claimsClientId(conn, e.clientId));
        for (const e of accepted) {
          if (e.state) {
            // Identity comes from the session, never from the client.
            const user = typeof e.state.user === "object" && e.state.user !== null ? (e.state.user as Record<string, unknown>) : {};
            const colour = typeof user.colour === "string" && /^#[0-9a-f]{6}$/i.test(user.colour) ? user.colour : "#64748b";
            e.state.user = { id: conn.actor.id, name: conn.actor.name, role: conn.actor.role, colour };
          }
        }
        if (accepted.length > 0) awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(accepted), conn);
        return;
      }
      case MessageType.QueryAwareness:
        send(conn, this.awarenessFrame());
        return;
      case MessageType.Auth:
        return;
      default:
        throw new ProtocolError(`unknown message type ${type}`);
    }
  }

  /** A connection may speak only for awareness client ids no other connection uses. */
  private claimsClientId(conn: Connection, clientId: number): boolean {
    const owner = this.clientOwners.get(clientId);
    if (owner) return owner === conn;
    if (conn.clientIds.size >= 8) return false;
    conn.clientIds.add(clientId);
    this.clientOwners.set(clientId, conn);
    return true;
  }

  destroy(): void {
    if (this.destroyed) return;
    while (this.flushOutgoing());
    (this.hooks.turns ?? roomTurns).cancel(this);
    if (this.frameTimer) clearTimeout(this.frameTimer);
    this.frameTimer = null;
    this.store.setDrain(this.articleId, null);
    this.destroyed = true;
    this.peers?.close();
    for (const conn of this.conns) conn.ws.close(CloseCode.ServerShutdown, "room closed");
    this.conns.clear();
    this.awareness.destroy();
    this.doc.destroy();
    this.hooks.guard?.onUnload(this.articleId);
  }
}

/** The updates not relayed from a peer process, merged; null when there are none. */
function mergeOwn(updates: Uint8Array[], origins: unknown[]): Uint8Array | null {
  const own = updates.filter((_, i) => origins[i] !== RELAY_ORIGIN);
  return own.length > 0 ? mergeUpdatesBounded(own) : null;
}

/** Grace for a slow consumer's close handshake; it does not read, so it may never answer. */
const SLOW_CLOSE_GRACE_MS = 2_000;

/** What `send` needs of a socket's owner: a room connection, or a socket whose room still loads. */
export type SendTarget = Pick<Connection, "ws" | "maxBufferedBytes" | "onSlow">;

/**
 * Send one frame to one socket — every frame the server sends a client goes through here
 * (room fan-out, greetings, answers, and session-sockets.ts's notifications). A socket that
 * stopped reading (more than `maxBufferedBytes` already queued) is closed with a temporary
 * code instead of buffering without bound: it reconnects and resyncs from the document.
 * Returns whether the frame was queued.
 */
export function send(target: SendTarget, message: Uint8Array): boolean {
  const ws = target.ws;
  if (ws.readyState !== ws.OPEN) return false;
  if (ws.bufferedAmount > target.maxBufferedBytes) {
    target.onSlow?.();
    ws.close(CloseCode.SlowConsumer, "not reading; reconnect");
    setTimeout(() => ws.terminate(), SLOW_CLOSE_GRACE_MS).unref();
    return false;
  }
  // No per-send callback (a closure per socket per frame): a failed write errors the socket,
  // and ws destroys it and closes the connection itself.
  ws.send(message, SEND_BINARY);
  return true;
}

const SEND_BINARY = { binary: true } as const;

function asBuffer(message: Uint8Array): Buffer {
  return Buffer.isBuffer(message) ? message : Buffer.from(message.buffer, message.byteOffset, message.byteLength);
}
