import { createHash } from "node:crypto";
import * as decoding from "lib0/decoding";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { MessageType } from "../../lib/collab-messages";
import { mergeUpdatesBounded } from "../../lib/merge-updates";
import { encodeAwareness } from "../collab/protocol";
import type { CollabMetrics } from "../observability/metrics";
import type { DocStore } from "../persistence/doc-store";
import { encodeRelaySyncReply, encodeRelaySyncRequest } from "./messages";
import type { Relay } from "./relay";

/**
 * Origin of updates and awareness received from other processes through the relay: they are
 * broadcast to this process's sockets but neither persisted (the originating process does
 * that) nor published again.
 */
export const RELAY_ORIGIN = Symbol("relay");
/** Relay messages held while the room loads; beyond this the load's heal request covers them. */
const MAX_RELAY_BACKLOG = 10_000;
const EMPTY = new Uint8Array(0);

/** What a room shows its relay link: its document, awareness and local connections. */
export interface RelayedRoom {
  readonly articleId: string;
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  /** Awareness client ids of this process's own connections that have a state. */
  localAwarenessIds(): number[];
  setDecisions(decisions: unknown): void;
  /** Re-read the authoritative decisions (one published during the load may be newer). */
  reloadDecisions(): void;
  /** A peer bound a client id to a user (relay message RelayBinding). */
  learnBinding(clientId: number, userId: string): void;
}

/**
 * One room's link to the same room in other processes (scale-out): publishes what this
 * process originated, applies what peers publish, and heals what pub/sub lost by exchanging
 * state vectors (after the load, after a relay reconnect, and periodically). See
 * docs/scale-out.md. The room itself knows only `publish` and `RELAY_ORIGIN`.
 */
export class RoomRelay {
  /** Relay messages that arrive while the room loads; null once live. */
  private backlog: Array<{ message: Uint8Array; from: string }> | null = [];
  private unsubscribe: (() => void) | null = null;
  private closed = false;

  constructor(
    private readonly room: RelayedRoom, private readonly relay: Relay, private readonly store: DocStore,
    private readonly log: (msg: string, extra?: Record<string, unknown>) => void = () => {},
    private readonly metrics?: Pick<CollabMetrics, "relayMessage">,
  ) {}

  get processId(): string {
    return this.relay.processId;
  }

  /**
   * Subscribe before the room reads the store, so an update another process publishes while
   * it reads is not lost: it waits in the backlog until `start`.
   */
  async subscribe(): Promise<void> {
    this.unsubscribe = await this.relay.subscribe(this.room.articleId, (message, from) => this.onMessage(message, from));
    if (this.closed) this.unsubscribe();
  }

  /** The room is loaded: apply the backlog, then ask peers for what the store did not have yet. */
  start(): void {
    const backlog = this.backlog ?? [];
    this.backlog = null;
    let sawDecisions = false;
    for (const { message, from } of backlog) sawDecisions = this.handle(message, from) === MessageType.Decisions || sawDecisions;
    if (sawDecisions) this.room.reloadDecisions();
    this.requestFromPeers(true);
  }

  /** Fire and forget to every other process holding the room. */
  publish(message: Uint8Array): void {
    if (this.closed) return;
    this.relay.publish(this.room.articleId, message);
    this.metrics?.relayMessage("out");
  }

  /**
   * Scale-out heal: publish this room's state vector (and a digest of its delete set); every
   * other process holding the room answers with exactly what this one lacks.
   */
  requestFromPeers(wantAwareness = false): void {
    if (this.closed || this.backlog) return;
    this.publish(encodeRelaySyncRequest(Y.encodeStateVector(this.room.doc), this.deleteSetDigest(), wantAwareness));
  }

  /**
   * Before unload: write to the store whatever this room holds that the store lacks. Relayed
   * updates are persisted by the process that received them from a client; if that process
   * died before its batch was written, this is where the content is saved.
   */
  async persistMissing(): Promise<boolean> {
    const stored = await this.store.load(this.room.articleId);
    const probe = new Y.Doc({ gc: true });
    const missing: Uint8Array[] = [];
    try {
      if (stored) Y.applyUpdate(probe, stored);
      probe.on("update", (u: Uint8Array) => missing.push(u));
      Y.applyUpdate(probe, Y.encodeStateAsUpdate(this.room.doc, Y.encodeStateVector(probe)));
    } finally {
      probe.destroy();
    }
    if (missing.length === 0) return false;
    this.store.append(this.room.articleId, mergeUpdatesBounded(missing));
    await this.store.flush(this.room.articleId);
    return true;
  }

  /**
   * The room is closing: peers drop this process's clients now rather than after the 30 s
   * awareness timeout, and the subscription ends.
   */
  close(): void {
    if (this.closed) return;
    if (!this.backlog) {
      const local = this.room.localAwarenessIds();
      if (local.length > 0) {
        awarenessProtocol.removeAwarenessStates(this.room.awareness, local, null);
        this.publish(encodeAwareness(this.room.awareness, local));
      }
    }
    this.closed = true;
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  /** Digest of the document's delete set (canonical encoding), so equal peers stay silent. */
  private deleteSetDigest(): string {
    const deletesOnly = Y.encodeStateAsUpdate(this.room.doc, Y.encodeStateVector(this.room.doc));
    return createHash("sha1").update(deletesOnly).digest("base64");
  }

  private onMessage(message: Uint8Array, from: string): void {
    if (this.closed) return;
    this.metrics?.relayMessage("in");
    if (this.backlog) {
      if (this.backlog.length < MAX_RELAY_BACKLOG) this.backlog.push({ message, from });
      return;
    }
    this.handle(message, from);
  }

  /** Apply one message from another process. Peers are trusted; a bad message is logged. */
  private handle(message: Uint8Array, from: string): number | null {
    const { doc, awareness } = this.room;
    try {
      const decoder = decoding.createDecoder(message);
      const type = decoding.readVarUint(decoder);
      switch (type) {
        case MessageType.Sync: {
          const syncType = decoding.readVarUint(decoder);
          if (syncType !== syncProtocol.messageYjsUpdate && syncType !== syncProtocol.messageYjsSyncStep2) throw new Error(`relay: unexpected sync message ${syncType}`);
          Y.applyUpdate(doc, decoding.readVarUint8Array(decoder), RELAY_ORIGIN);
          break;
        }
        case MessageType.Awareness:
          awarenessProtocol.applyAwarenessUpdate(awareness, decoding.readVarUint8Array(decoder), RELAY_ORIGIN);
          break;
        case MessageType.Decisions:
          this.room.setDecisions(JSON.parse(decoding.readVarString(decoder)));
          break;
        case MessageType.RelayBinding: {
          const clientId = decoding.readVarUint(decoder);
          this.room.learnBinding(clientId, decoding.readVarString(decoder));
          break;
        }
        case MessageType.RelaySyncRequest: {
          const stateVector = decoding.readVarUint8Array(decoder);
          const digest = decoding.readVarString(decoder);
          const wantAwareness = decoding.readVarUint(decoder) === 1;
          this.answerPeer(from, stateVector, digest, wantAwareness);
          break;
        }
        case MessageType.RelaySyncReply: {
          if (decoding.readVarString(decoder) !== this.relay.processId) break;
          const update = decoding.readVarUint8Array(decoder);
          const awarenessUpdate = decoding.readVarUint8Array(decoder);
          if (update.byteLength > 0) Y.applyUpdate(doc, update, RELAY_ORIGIN);
          if (awarenessUpdate.byteLength > 0) awarenessProtocol.applyAwarenessUpdate(awareness, awarenessUpdate, RELAY_ORIGIN);
          break;
        }
        default:
          throw new Error(`relay: unknown message type ${type}`);
      }
      return type;
    } catch (e) {
      this.log("relay message ignored", { articleId: this.room.articleId, from, error: String(e) });
      return null;
    }
  }

  /** Answer a peer's state vector with what it lacks; stay silent when it lacks nothing. */
  private answerPeer(to: string, stateVector: Uint8Array, digest: string, wantAwareness: boolean): void {
    const { doc, awareness } = this.room;
    const theirs = Y.decodeStateVector(stateVector);
    let ahead = false;
    for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(doc))) {
      if (clock > (theirs.get(client) ?? 0)) {
        ahead = true;
        break;
      }
    }
    const update = ahead || digest !== this.deleteSetDigest() ? Y.encodeStateAsUpdate(doc, stateVector) : EMPTY;
    const local = wantAwareness ? this.room.localAwarenessIds() : [];
    const awarenessUpdate = local.length > 0 ? awarenessProtocol.encodeAwarenessUpdate(awareness, local) : EMPTY;
    if (update.byteLength === 0 && awarenessUpdate.byteLength === 0) return;
    this.publish(encodeRelaySyncReply(to, update, awarenessUpdate));
  }
}
