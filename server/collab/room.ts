import * as decoding from "lib0/decoding";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import type { WebSocket } from "ws";
import { CloseCode } from "../../lib/close-codes";
import type { Actor } from "../../lib/policies";
import type { DocStore } from "../persistence/doc-store";
import { TokenBucket, type CollabLimits } from "./limits";
import { MessageType, decodeAwarenessUpdate, encodeAwareness, encodeAwarenessEntries, encodeDecisions, encodeSyncStep1, encodeSyncStep2, encodeSyncUpdate } from "./protocol";

/** Origin of updates applied from the store: they are neither persisted again nor broadcast. */
export const STORE_ORIGIN = Symbol("store");
/** Origin of changes the server itself makes (e.g. a reviewer's "changes requested" status). */
export const SERVER_ORIGIN = Symbol("server");

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
  private outgoingAwareness = new Set<number>();
  private flushScheduled = false;

  constructor(readonly articleId: string, private readonly store: DocStore, private readonly limits: CollabLimits, private readonly hooks: RoomHooks = {}) {
    this.doc = new Y.Doc({ guid: articleId, gc: true });
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    this.awareness.setLocalState(null);
    this.ready = this.load();
  }

  private async load(): Promise<void> {
    const [state, decisions] = await Promise.all([this.store.load(this.articleId), this.hooks.loadDecisions?.(this.articleId)]);
    if (state) Y.applyUpdate(this.doc, state, STORE_ORIGIN);
    this.decisions = decisions ?? null;
    this.doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin === STORE_ORIGIN) return;
      this.store.append(this.articleId, update);
      this.outgoingUpdates.push(update);
      this.scheduleFlush();
    });
    this.awareness.on("update", ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
      for (const id of [...added, ...updated, ...removed]) this.outgoingAwareness.add(id);
      this.scheduleFlush();
    });
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => this.flushOutgoing());
  }

  /** Encode once, send the same buffer to every connection. */
  private flushOutgoing(): void {
    this.flushScheduled = false;
    if (this.outgoingUpdates.length > 0) {
      const merged = this.outgoingUpdates.length === 1 ? this.outgoingUpdates[0] : Y.mergeUpdates(this.outgoingUpdates);
      this.outgoingUpdates = [];
      this.broadcast(encodeSyncUpdate(merged));
    }
    if (this.outgoingAwareness.size > 0) {
      const ids = [...this.outgoingAwareness];
      this.outgoingAwareness.clear();
      this.broadcast(encodeAwareness(this.awareness, ids));
    }
  }

  broadcast(message: Uint8Array): void {
    for (const conn of this.conns) send(conn, message);
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
          Y.decodeUpdate(update); // validates the whole update before anything touches the room
          Y.applyUpdate(this.doc, update, conn);
        } else {
          throw new ProtocolError(`unknown sync message ${syncType}`);
        }
        return;
      }
      case MessageType.Awareness: {
        const entries = decodeAwarenessUpdate(decoding.readVarUint8Array(decoder));
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
    if (conn.clientIds.has(clientId)) return true;
    for (const other of this.conns) if (other !== conn && other.clientIds.has(clientId)) return false;
    if (conn.clientIds.size >= 8) return false;
    conn.clientIds.add(clientId);
    return true;
  }

  destroy(): void {
    for (const conn of this.conns) conn.ws.close(CloseCode.ServerShutdown, "room closed");
    this.conns.clear();
    this.awareness.destroy();
    this.doc.destroy();
  }
}

export function send(conn: Connection, message: Uint8Array): void {
  if (conn.ws.readyState !== conn.ws.OPEN) return;
  conn.ws.send(message, { binary: true }, (err) => {
    if (err) conn.ws.terminate();
  });
}
