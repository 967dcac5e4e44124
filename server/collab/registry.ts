import * as Y from "yjs";
import type { DocStore } from "../persistence/doc-store";
import type { Relay } from "../relay/relay";
import type { CollabLimits } from "./limits";
import { Room, SERVER_ORIGIN, type RoomHooks } from "./room";

/**
 * Rooms by article id. Concurrent openers share one load; an empty room is flushed,
 * compacted and unloaded after `roomIdleMs`, and only once every pending write succeeded.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Room>();
  private readonly idleTimers = new Map<string, NodeJS.Timeout>();
  private closed = false;
  private antiEntropy: NodeJS.Timeout | null = null;

  /**
   * With a relay (scale-out), every loaded room asks its peers for what it lacks every
   * `antiEntropyMs` (a state vector; peers that have nothing to add stay silent), so a lost
   * pub/sub message heals while the room stays loaded.
   */
  constructor(
    private readonly store: DocStore, private readonly limits: CollabLimits, private readonly hooks: RoomHooks = {},
    private readonly relay: Relay | null = null, antiEntropyMs = 15_000,
  ) {
    if (relay) {
      if (antiEntropyMs > 0) {
        this.antiEntropy = setInterval(() => this.healAll(false), antiEntropyMs);
        this.antiEntropy.unref();
      }
      relay.onResubscribed?.(() => setTimeout(() => this.healAll(true), 100).unref());
    }
  }

  /** Ask peers for what every loaded room lacks (after a relay reconnect, and periodically). */
  healAll(wantAwareness: boolean): void {
    if (this.closed) return;
    for (const room of this.rooms.values()) if (!room.unloading) room.peers?.requestFromPeers(wantAwareness);
  }

  get size(): number {
    return this.rooms.size;
  }

  /** Open sockets over every loaded room (for /metrics). */
  connectionCount(): number {
    let n = 0;
    for (const room of this.rooms.values()) n += room.conns.size;
    return n;
  }

  loaded(articleId: string): Room | undefined {
    const room = this.rooms.get(articleId);
    return room && !room.unloading ? room : undefined;
  }

  /** Get the room, loading it once. The caller must `release` it (or join a connection). */
  async acquire(articleId: string): Promise<Room> {
    this.cancelIdle(articleId);
    let room = this.rooms.get(articleId);
    while (room?.unloading) {
      await room.unloading.catch(() => {});
      room = this.rooms.get(articleId);
    }
    if (!room) {
      room = new Room(articleId, this.store, this.limits, this.hooks, this.relay);
      this.rooms.set(articleId, room);
      room.ready.catch(() => {
        if (this.rooms.get(articleId) === room) this.rooms.delete(articleId);
      });
    }
    room.holders++;
    try {
      await room.ready;
    } catch (e) {
      room.holders--;
      throw e;
    }
    return room;
  }

  /** Drop a hold; an empty room is scheduled for unload. */
  release(room: Room): void {
    room.holders = Math.max(0, room.holders - 1);
    this.maybeIdle(room);
  }

  maybeIdle(room: Room): void {
    if (this.closed || room.conns.size > 0 || room.holders > 0 || room.unloading) return;
    this.cancelIdle(room.articleId);
    this.idleTimers.set(room.articleId, setTimeout(() => void this.unload(room), this.limits.roomIdleMs));
  }

  /**
   * Apply a server-side change to an article's document through its live room, written
   * under a client id bound to `actorId` (so the change carries vouched authorship).
   */
  async withDoc<T>(articleId: string, fn: (doc: Y.Doc) => T, actorId?: string): Promise<T> {
    const room = await this.acquire(articleId);
    const restore = actorId ? this.hooks.guard?.asUser(room, actorId) : undefined;
    try {
      let result!: T;
      Y.transact(room.doc, () => {
        result = fn(room.doc);
      }, SERVER_ORIGIN);
      return result;
    } finally {
      restore?.();
      this.release(room);
    }
  }

  private cancelIdle(articleId: string): void {
    const t = this.idleTimers.get(articleId);
    if (t) clearTimeout(t);
    this.idleTimers.delete(articleId);
  }

  private async unload(room: Room): Promise<void> {
    this.idleTimers.delete(room.articleId);
    if (room.conns.size > 0 || room.holders > 0 || room.unloading) return;
    room.unloading = (async () => {
      try {
        await this.store.flush(room.articleId);
        await this.store.compact(room.articleId);
        // Scale-out: write whatever this room holds that the store lacks (content relayed from
        // a process that died before writing it, or lost to a concurrent compaction elsewhere).
        if (room.peers && (await room.peers.persistMissing())) this.hooks.log?.("unload: saved content the store lacked", { articleId: room.articleId });
      } catch (e) {
        // Writes failed: keep the room (and its unsaved state) and try again later.
        this.hooks.log?.("room unload postponed: store failed", { articleId: room.articleId, error: String(e) });
        room.unloading = null;
        this.maybeIdle(room);
        return;
      }
      this.rooms.delete(room.articleId);
      this.store.release(room.articleId);
      room.destroy();
    })();
    await room.unloading;
  }

  /** Flush everything and close all rooms (shutdown). */
  async closeAll(): Promise<void> {
    this.closed = true;
    if (this.antiEntropy) clearInterval(this.antiEntropy);
    for (const t of this.idleTimers.values()) clearTimeout(t);
    this.idleTimers.clear();
    await this.store.flush();
    this.store.close(); // an unload still compacting writes nothing now (DocStore.close)
    for (const room of this.rooms.values()) room.destroy();
    this.rooms.clear();
  }
}
