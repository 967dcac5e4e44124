import { createHash } from "node:crypto";
import * as decoding from "lib0/decoding";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import type { WebSocket } from "ws";
import { CloseCode } from "../../lib/close-codes";
import type { Actor } from "../../lib/policies";
import type { DocStore } from "../persistence/doc-store";
import type { Relay } from "../relay/relay";
import { TokenBucket, type CollabLimits } from "./limits";
import type { UpdateGuard } from "./update-guard";
import {
  MessageType, decodeAwarenessUpdate, encodeAwareness, encodeAwarenessEntries, encodeDecisions, encodeRelaySyncReply, encodeRelaySyncRequest,
  encodeSyncStep1, encodeSyncStep2, encodeSyncUpdate,
} from "./protocol";

/** Origin of updates applied from the store: they are neither persisted again nor broadcast. */
export const STORE_ORIGIN = Symbol("store");
/** Origin of changes the server itself makes (e.g. a reviewer's "changes requested" status). */
export const SERVER_ORIGIN = Symbol("server");
/**
 * Origin of updates and awareness received from other processes through the relay: they are
 * broadcast to this process's sockets but neither persisted (the originating process does
 * that) nor published again.
 */
export const RELAY_ORIGIN = Symbol("relay");
/** Relay messages held while the room loads; beyond this the load's heal request covers them. */
const MAX_RELAY_BACKLOG = 10_000;
const EMPTY = new Uint8Array(0);

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
}

export interface RoomHooks {
  /** Current authoritative decisions for the article, sent on connect. */
  loadDecisions?: (articleId: string) => Promise<unknown>;
  log?: (msg: string, extra?: Record<string, unknown>) => void;
  /** Authorship, mass-deletion, size and awareness checks (update-guard.ts); loaded with the room. */
  guard?: UpdateGuard;
}

/**
 * One article's live document: loaded once from the store before any sync message is
 * answered, fanned out to every connection with coalesced frames (updates arriving in one
 * event-loop turn are merged and encoded once), persisted through the store's batched log.
 */
export class Room {
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  readonly conns = new Set<Connection>();
  /** Non-socket holders (server-side edits) keep the room loaded too. */
  holders = 0;
  readonly ready: Promise<void>;
  unloading: Promise<void> | null = null;
  private decisions: unknown = null;
  private outgoingUpdates: Uint8Array[] = [];
  /** Who the pending updates came from: a lone sender does not get its own edits back. */
  private outgoingOrigins = new Set<unknown>();
  private outgoingAwareness = new Set<number>();
  /** Which connection speaks for each awareness client id (O(1) ownership checks on join storms). */
  private readonly clientOwners = new Map<number, Connection>();
  private flushScheduled = false;
  /** Scale-out: what this process originated and must publish to its peers. */
  private relayUpdates: Uint8Array[] = [];
  private relayAwareness = new Set<number>();
  /** Relay messages that arrive while the room loads; null once loaded. */
  private relayBacklog: Array<{ message: Uint8Array; from: string }> | null = [];
  private unsubscribe: (() => void) | null = null;
  private destroyed = false;

  constructor(
    readonly articleId: string, private readonly store: DocStore, private readonly limits: CollabLimits,
    private readonly hooks: RoomHooks = {}, private readonly relay: Relay | null = null,
  ) {
    this.doc = new Y.Doc({ guid: articleId, gc: true });
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    this.awareness.setLocalState(null);
    this.ready = this.load();
  }

  private async load(): Promise<void> {
    // Scale-out: subscribe before reading the store, so an update another process publishes
    // while we read is not lost; it waits in the backlog until the document is loaded.
    if (this.relay) {
      this.unsubscribe = await this.relay.subscribe(this.articleId, (message, from) => this.onRelayMessage(message, from));
      if (this.destroyed) this.unsubscribe();
    }
    try {
      if (this.destroyed) throw new Error("room closed while loading");
      const [state, decisions] = await Promise.all([this.store.load(this.articleId), this.hooks.loadDecisions?.(this.articleId), this.hooks.guard?.onLoad(this)]);
      if (state) Y.applyUpdate(this.doc, state, STORE_ORIGIN);
      this.decisions = decisions ?? null;
    } catch (e) {
      this.unsubscribe?.();
      this.unsubscribe = null;
      throw e;
    }
    this.doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin === STORE_ORIGIN) return;
      if (origin !== RELAY_ORIGIN) {
        this.store.append(this.articleId, update);
        if (this.relay) this.relayUpdates.push(update);
      }
      this.outgoingUpdates.push(update);
      this.outgoingOrigins.add(origin);
      this.scheduleFlush();
    });
    this.awareness.on("update", ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      // Each process expires stale states itself ("timeout"); only local changes are relayed.
      const relayed = this.relay && origin !== RELAY_ORIGIN && origin !== "timeout";
      for (const id of [...added, ...updated, ...removed]) {
        this.outgoingAwareness.add(id);
        if (relayed) this.relayAwareness.add(id);
      }
      this.scheduleFlush();
    });
    if (this.relay) {
      const backlog = this.relayBacklog ?? [];
      this.relayBacklog = null;
      let sawDecisions = false;
      for (const { message, from } of backlog) sawDecisions = this.handleRelayMessage(message, from) === MessageType.Decisions || sawDecisions;
      // A decision published during the load may be older than what the load read: re-read.
      if (sawDecisions && this.hooks.loadDecisions) {
        void this.hooks.loadDecisions(this.articleId).then((d) => { if (!this.destroyed) this.setDecisions(d ?? null); }, () => {});
      }
      // The heal: peers holding this room send whatever the store did not have yet.
      this.requestFromPeers(true);
    }
  }

  /**
   * Scale-out heal: publish this room's state vector (and a digest of its delete set); every
   * other process holding the room answers with exactly what this one lacks. Sent after the
   * load, after the relay reconnects, and periodically (anti-entropy) while the room is loaded.
   */
  requestFromPeers(wantAwareness = false): void {
    if (!this.relay || this.destroyed || this.relayBacklog) return;
    this.relay.publish(this.articleId, encodeRelaySyncRequest(Y.encodeStateVector(this.doc), this.deleteSetDigest(), wantAwareness));
  }

  /** Digest of the document's delete set (canonical encoding), so equal peers stay silent. */
  private deleteSetDigest(): string {
    const deletesOnly = Y.encodeStateAsUpdate(this.doc, Y.encodeStateVector(this.doc));
    return createHash("sha1").update(deletesOnly).digest("base64");
  }

  private onRelayMessage(message: Uint8Array, from: string): void {
    if (this.destroyed) return;
    if (this.relayBacklog) {
      if (this.relayBacklog.length < MAX_RELAY_BACKLOG) this.relayBacklog.push({ message, from });
      return;
    }
    this.handleRelayMessage(message, from);
  }

  /** Apply one message from another process. Peers are trusted; a bad message is logged. */
  private handleRelayMessage(message: Uint8Array, from: string): number | null {
    try {
      const decoder = decoding.createDecoder(message);
      const type = decoding.readVarUint(decoder);
      switch (type) {
        case MessageType.Sync: {
          const syncType = decoding.readVarUint(decoder);
          if (syncType !== syncProtocol.messageYjsUpdate && syncType !== syncProtocol.messageYjsSyncStep2) throw new ProtocolError(`relay: unexpected sync message ${syncType}`);
          Y.applyUpdate(this.doc, decoding.readVarUint8Array(decoder), RELAY_ORIGIN);
          break;
        }
        case MessageType.Awareness:
          awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), RELAY_ORIGIN);
          break;
        case MessageType.Decisions:
          this.setDecisions(JSON.parse(decoding.readVarString(decoder)));
          break;
        case MessageType.RelaySyncRequest: {
          const stateVector = decoding.readVarUint8Array(decoder);
          const digest = decoding.readVarString(decoder);
          const wantAwareness = decoding.readVarUint(decoder) === 1;
          this.answerPeer(from, stateVector, digest, wantAwareness);
          break;
        }
        case MessageType.RelaySyncReply: {
          if (decoding.readVarString(decoder) !== this.relay?.processId) break;
          const update = decoding.readVarUint8Array(decoder);
          const awarenessUpdate = decoding.readVarUint8Array(decoder);
          if (update.byteLength > 0) Y.applyUpdate(this.doc, update, RELAY_ORIGIN);
          if (awarenessUpdate.byteLength > 0) awarenessProtocol.applyAwarenessUpdate(this.awareness, awarenessUpdate, RELAY_ORIGIN);
          break;
        }
        default:
          throw new ProtocolError(`relay: unknown message type ${type}`);
      }
      return type;
    } catch (e) {
      this.hooks.log?.("relay message ignored", { articleId: this.articleId, from, error: String(e) });
      return null;
    }
  }

  /** Answer a peer's state vector with what it lacks; stay silent when it lacks nothing. */
  private answerPeer(to: string, stateVector: Uint8Array, digest: string, wantAwareness: boolean): void {
    const theirs = Y.decodeStateVector(stateVector);
    let ahead = false;
    for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(this.doc))) {
      if (clock > (theirs.get(client) ?? 0)) {
        ahead = true;
        break;
      }
    }
    const update = ahead || digest !== this.deleteSetDigest() ? Y.encodeStateAsUpdate(this.doc, stateVector) : EMPTY;
    const local = wantAwareness ? this.localAwarenessIds() : [];
    const awarenessUpdate = local.length > 0 ? awarenessProtocol.encodeAwarenessUpdate(this.awareness, local) : EMPTY;
    if (update.byteLength === 0 && awarenessUpdate.byteLength === 0) return;
    this.relay!.publish(this.articleId, encodeRelaySyncReply(to, update, awarenessUpdate));
  }

  /** Awareness client ids of this process's own connections that have a state. */
  private localAwarenessIds(): number[] {
    const states = this.awareness.getStates();
    const ids: number[] = [];
    for (const conn of this.conns) for (const id of conn.clientIds) if (states.has(id)) ids.push(id);
    return ids;
  }

  /**
   * Scale-out, before unload: write to the store whatever this room holds that the store
   * lacks. Relayed updates are persisted by the process that received them from a client; if
   * that process died before its batch was written, this is where the content is saved.
   */
  async persistMissing(): Promise<boolean> {
    const stored = await this.store.load(this.articleId);
    const probe = new Y.Doc({ gc: true });
    const missing: Uint8Array[] = [];
    try {
      if (stored) Y.applyUpdate(probe, stored);
      probe.on("update", (u: Uint8Array) => missing.push(u));
      Y.applyUpdate(probe, Y.encodeStateAsUpdate(this.doc, Y.encodeStateVector(probe)));
    } finally {
      probe.destroy();
    }
    if (missing.length === 0) return false;
    this.store.append(this.articleId, missing.length === 1 ? missing[0] : Y.mergeUpdates(missing));
    await this.store.flush(this.articleId);
    return true;
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => this.flushOutgoing());
  }

  /**
   * Encode once, send the same buffer to every connection, and (scale-out) publish what this
   * process originated once to its peers: the same frame when nothing in it came from a peer.
   */
  private flushOutgoing(): void {
    this.flushScheduled = false;
    if (this.destroyed) return;
    if (this.outgoingUpdates.length > 0) {
      const all = this.outgoingUpdates;
      const own = this.relayUpdates;
      this.outgoingUpdates = [];
      this.relayUpdates = [];
      const origins = [...this.outgoingOrigins];
      this.outgoingOrigins.clear();
      const frame = encodeSyncUpdate(all.length === 1 ? all[0] : Y.mergeUpdates(all));
      this.broadcast(frame, origins.length === 1 ? origins[0] : undefined);
      if (this.relay && own.length > 0) {
        this.relay.publish(this.articleId, own.length === all.length ? frame : encodeSyncUpdate(own.length === 1 ? own[0] : Y.mergeUpdates(own)));
      }
    }
    if (this.outgoingAwareness.size > 0) {
      const ids = [...this.outgoingAwareness];
      const own = [...this.relayAwareness];
      this.outgoingAwareness.clear();
      this.relayAwareness.clear();
      const frame = encodeAwareness(this.awareness, ids);
      this.broadcast(frame);
      if (this.relay && own.length > 0) this.relay.publish(this.articleId, own.length === ids.length ? frame : encodeAwareness(this.awareness, own));
    }
  }

  broadcast(message: Uint8Array, except?: unknown): void {
    for (const conn of this.conns) if (conn !== except) send(conn, message);
  }

  setDecisions(decisions: unknown): void {
    this.decisions = decisions;
    this.broadcast(encodeDecisions(decisions));
  }

  /** Register a socket; messages are queued until the document is loaded. */
  join(ws: WebSocket, actor: Actor, readOnly: boolean): Connection {
    const conn: Connection = {
      ws, actor, readOnly, clientIds: new Set(),
      bucket: new TokenBucket(this.limits.messagesPerSecond, this.limits.messageBurst),
      queue: this.ready, droppedUpdates: 0,
    };
    this.conns.add(conn);
    conn.queue = conn.queue.then(() => {
      send(conn, encodeSyncStep1(this.doc));
      const states = [...this.awareness.getStates().keys()];
      if (states.length > 0) send(conn, encodeAwareness(this.awareness, states));
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
          if (accepted) Y.applyUpdate(this.doc, accepted, conn);
        } else {
          throw new ProtocolError(`unknown sync message ${syncType}`);
        }
        return;
      }
      case MessageType.Awareness: {
        const entries = decodeAwarenessUpdate(decoding.readVarUint8Array(decoder));
        this.hooks.guard?.checkAwareness(entries); // guard hook: state size cap
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
        send(conn, encodeAwareness(this.awareness, [...this.awareness.getStates().keys()]));
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
    this.flushOutgoing();
    this.destroyed = true;
    if (this.relay && !this.relayBacklog) {
      // Peers drop this process's clients now rather than after the 30 s awareness timeout.
      const local = this.localAwarenessIds();
      if (local.length > 0) {
        awarenessProtocol.removeAwarenessStates(this.awareness, local, null);
        this.relay.publish(this.articleId, encodeAwareness(this.awareness, local));
      }
    }
    this.unsubscribe?.();
    this.unsubscribe = null;
    for (const conn of this.conns) conn.ws.close(CloseCode.ServerShutdown, "room closed");
    this.conns.clear();
    this.awareness.destroy();
    this.doc.destroy();
    this.hooks.guard?.onUnload(this.articleId);
  }
}

export function send(conn: Connection, message: Uint8Array): void {
  if (conn.ws.readyState !== conn.ws.OPEN) return;
  conn.ws.send(message, { binary: true }, (err) => {
    if (err) conn.ws.terminate();
  });
}
