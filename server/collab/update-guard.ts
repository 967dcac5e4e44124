import * as Y from "yjs";
import { CLAIMS_KEY, claimsTouchedBy, liveClaimItems } from "../../lib/article-doc";
import { CloseCode } from "../../lib/close-codes";
import type { Db } from "../db/client";
import { storeVersion } from "../versions/take-version";
import { ClientBindings, freshClientId } from "../persistence/client-bindings";
import { encodeRelayBinding } from "../relay/messages";
import type { ClaimActivity } from "../persistence/projection";
import { ClientReservations } from "./client-reservations";
import { commentsTouchedBy } from "./comment-guard";
import { SERVER_ORIGIN, type Connection, type Room } from "./room";

/**
 * What a connection may write, checked before an update touches the room (the room calls
 * `check` from handleMessage, `checkAwareness` for presence, `asUser` around server edits):
 * - authorship: new content only under client ids bound or reserved to this user (client-bindings.ts,
 *   client-reservations.ts), and presence only under ids not bound or reserved to another user;
 * - mass deletion: at most `maxClaimDeletes` claims per update, never every claim (≥ 2);
 * - comments: only their author changes or removes them (comment-guard.ts);
 * - the article's stored size stays under `maxDocBytes`;
 * - one awareness state is at most `maxAwarenessStateBytes`.
 * It also records, per claim, who last changed it and who deleted it (server time), which the
 * projection turns into `Claim.updatedById/updatedAt` and audit actors.
 */
export interface GuardLimits {
  /** More claims than this deleted by one update is refused (4422). */
  maxClaimDeletes: number;
  /** Stored bytes of one article's document (encoded state) beyond which updates are refused (4414). */
  maxDocBytes: number;
  /** Bytes of one awareness state (JSON) beyond which the connection is closed (4431). */
  maxAwarenessStateBytes: number;
  /** How long a client id stays reserved for its user after its presence state is gone (client-reservations.ts). */
  clientIdGraceMs: number;
}

export const DEFAULT_GUARD_LIMITS: GuardLimits = {
  maxClaimDeletes: 5,
  maxDocBytes: Number(process.env.SANAD_MAX_DOC_BYTES) || 16 * 1024 * 1024,
  maxAwarenessStateBytes: 16 * 1024,
  clientIdGraceMs: 10 * 60_000,
};

/** An update or awareness message the connection may not send; closes it with `code`. */
export class UpdateRefused extends Error {
  constructor(readonly code: number, message: string) {
    super(message);
  }
}

interface RoomState {
  /** Upper bound of the stored size; recomputed exactly when it crosses the cap. */
  bytes: number | null;
  lastChange: Map<string, ClaimActivity>;
  deletedBy: Map<string, ClaimActivity>;
  /** The user a server-side edit is made for (set by `asUser`). */
  acting: string | null;
  /** Client id the server writes with, per acting user. */
  serverClients: Map<string, number>;
  /** Client ids announced by live presence, reserved for their users before they write. */
  reserved: ClientReservations;
  /** The live claims' items, rebuilt after the claims map changed (null: stale). */
  claims: ClaimIndex | null;
}

/** The claims map's live items: claim id by the item's client and clock. */
interface ClaimIndex {
  byClient: Map<number, Map<number, string>>;
  ids: Set<string>;
}

function indexClaims(doc: Y.Doc): ClaimIndex {
  const byClient = new Map<number, Map<number, string>>();
  const ids = new Set<string>();
  for (const c of liveClaimItems(doc)) {
    let clocks = byClient.get(c.client);
    if (!clocks) byClient.set(c.client, (clocks = new Map()));
    clocks.set(c.clock, c.claimId);
    ids.add(c.claimId);
  }
  return { byClient, ids };
}

type Decoded = ReturnType<typeof Y.decodeUpdate>;

export class UpdateGuard {
  readonly bindings: ClientBindings;
  private readonly rooms = new Map<string, RoomState>();

  constructor(private readonly db: Db, readonly limits: GuardLimits = DEFAULT_GUARD_LIMITS, private readonly log: (msg: string, extra?: Record<string, unknown>) => void = () => {}) {
    this.bindings = new ClientBindings(db, log);
  }

  /** Before the room answers anything: load bindings, start recording claim activity. */
  async onLoad(room: Room): Promise<void> {
    await this.bindings.load(room.articleId);
    const state: RoomState = {
      bytes: null, lastChange: new Map(), deletedBy: new Map(), acting: null, serverClients: new Map(), reserved: new ClientReservations(this.limits.clientIdGraceMs), claims: null,
    };
    this.rooms.set(room.articleId, state);
    // A claim added, overwritten or removed changes the claims map's own keys: the index is stale.
    room.doc.getMap(CLAIMS_KEY).observe(() => { state.claims = null; });
    // Every presence state names its user (rewritten from the session by the process its tab is
    // connected to, checkAwareness here; peers' states arrive through the relay): its client id
    // is that user's while the state lives, and for a grace after it is gone.
    room.awareness.on("update", ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
      const states = room.awareness.getStates();
      for (const id of [...added, ...updated]) {
        const user = states.get(id)?.user as { id?: unknown } | undefined;
        if (typeof user?.id !== "string") continue;
        const other = this.bindings.userOf(room.articleId, id) ?? state.reserved.hold(id, user.id);
        if (other !== undefined && other !== user.id) this.log("presence from a peer under a client id of another user; the first owner keeps it", { articleId: room.articleId, client: id, user: user.id, owner: other });
      }
      for (const id of removed) state.reserved.letGo(id);
    });
    room.doc.on("afterTransaction", (tr: Y.Transaction) => {
      const userId = tr.origin === SERVER_ORIGIN ? state.acting : isConnection(tr.origin) ? tr.origin.actor.id : null;
      if (!userId) return;
      const { touched, removed } = claimsTouchedBy(tr);
      if (touched.size === 0 && removed.size === 0) return; // typing in the text: nothing to record
      const at = new Date();
      for (const id of touched) state.lastChange.set(id, { userId, at });
      for (const id of removed) state.deletedBy.set(id, { userId, at });
    });
  }

  /** The room was unloaded. */
  onUnload(articleId: string): void {
    this.rooms.delete(articleId);
    this.bindings.forget(articleId);
  }

  /** Who last changed / deleted each claim while the room was loaded (for the projection). */
  activity(articleId: string): { lastChange: ReadonlyMap<string, ClaimActivity>; deletedBy: ReadonlyMap<string, ClaimActivity> } | null {
    return this.rooms.get(articleId) ?? null;
  }

  /**
   * Check a decoded update from a connection before it is applied; returns what to apply.
   * `live` is a y-protocols "update" (what a client writes now): content under another
   * user's client id there is forgery and closes the connection (4410). In sync step 2 a
   * client hands over everything it holds, including other people's edits the server may
   * have lost in a crash; that content is dropped (never attributed to the sender) and the
   * rest applied, so an honest client is not cut off.
   */
  check(room: Room, conn: Connection, update: Uint8Array, decoded: Decoded, live: boolean): Uint8Array | null {
    const state = this.rooms.get(room.articleId);
    if (!state) throw new UpdateRefused(CloseCode.LoadFailed, "room not guarded");
    const userId = conn.actor.id;
    const foreign = new Set<number>();
    const mine = new Set<number>();
    for (const s of decoded.structs) {
      if (s instanceof Y.Skip) continue;
      const client = s.id.client;
      if (s.id.clock + s.length <= Y.getState(room.doc.store, client)) continue;
      const owner = this.ownerOf(room.articleId, state, client);
      if (owner === undefined || owner === userId) mine.add(client);
      else foreign.add(client);
    }
    if (foreign.size > 0 && live) throw new UpdateRefused(CloseCode.ClientIdTaken, `content under client ids of another user: ${[...foreign].join(",")}`);
    const deletes = this.checkDeletes(room, state, decoded);
    this.checkComments(room, userId, decoded, deletes.ids);
    this.checkSize(room, state, update);
    if (deletes.deleted >= 2) {
      // A larger deletion (allowed, up to the limit): keep the state before it as a version.
      void storeVersion(this.db, { articleId: room.articleId, data: Y.encodeStateAsUpdate(room.doc), reason: "before_delete", createdById: userId, claimCount: deletes.live })
        .catch((e) => this.log("version before deletion failed", { articleId: room.articleId, error: String(e) }));
    }
    for (const client of mine) {
      const bound = this.bindings.bind(room.articleId, client, userId, (owner) => {
        this.log("client id bound to another user by a peer process; closing", { articleId: room.articleId, client, userId, owner });
        conn.ws.close(CloseCode.ClientIdTaken, "client id belongs to another user");
      });
      // Peers learn the owner before the update (published later, on the same channel) shows them the id.
      if (bound) room.peers?.publish(encodeRelayBinding(client, userId));
    }
    if (foreign.size === 0) return update;
    this.log("dropped content under other users' client ids", { articleId: room.articleId, user: userId, clients: [...foreign] });
    const sv = Y.decodeStateVector(Y.encodeStateVector(room.doc));
    for (const client of foreign) sv.set(client, Number.MAX_SAFE_INTEGER);
    return Y.diffUpdate(update, Y.encodeStateVector(sv));
  }

  /**
   * Count the live claims this update would delete — through its delete set, or by writing
   * a new value over a claim's key (an item whose origin is the claim's item) — before it
   * is applied.
   */
  private checkDeletes(room: Room, state: RoomState, decoded: Decoded): { deleted: number; live: number; ids: ReadonlySet<string> } {
    // Indexed once per change of the claims map, not per update: typing in an article with 200
    // claims listed and keyed every claim item on every keystroke (33.5 µs per update).
    const index = (state.claims ??= indexClaims(room.doc));
    const live = index.ids.size;
    if (live === 0) return { deleted: 0, live: 0, ids: new Set() };
    const deleted = new Set<string>();
    for (const [client, ranges] of decoded.ds.clients) {
      const clocks = index.byClient.get(client);
      if (!clocks) continue;
      for (const [clock, claimId] of clocks) {
        if (ranges.some((r) => clock >= r.clock && clock < r.clock + r.len)) deleted.add(claimId);
      }
    }
    for (const s of decoded.structs) {
      if (!(s instanceof Y.Item)) continue;
      // Content the room already holds overwrites nothing: a client re-sends all it has when its
      // IndexedDB copy loads before the socket syncs (a reload), and the claims' own creation
      // items (parent "claims", no origin) would otherwise count as overwriting every claim.
      if (s.id.clock + s.length <= Y.getState(room.doc.store, s.id.client)) continue;
      const over = s.origin ? index.byClient.get(s.origin.client)?.get(s.origin.clock) : typeof s.parent === "string" && s.parent === "claims" && s.parentSub ? s.parentSub : undefined;
      if (over && index.ids.has(over)) deleted.add(over);
    }
    if (deleted.size > this.limits.maxClaimDeletes || (live >= 2 && deleted.size === live)) {
      throw new UpdateRefused(CloseCode.MassDeletion, `update deletes ${deleted.size} of ${live} claims`);
    }
    return { deleted: deleted.size, live, ids: deleted };
  }

  /** Only a comment's author changes or removes it (comment-guard.ts); deleting its claim is a claim deletion. */
  private checkComments(room: Room, userId: string, decoded: Decoded, deletedClaims: ReadonlySet<string>): void {
    for (const t of commentsTouchedBy(room.doc, decoded)) {
      if (deletedClaims.has(t.claimId)) continue;
      const author = this.bindings.userOf(room.articleId, t.commentItem.id.client);
      if (author !== undefined && author !== userId) {
        throw new UpdateRefused(CloseCode.ForeignComment, `update changes a comment by another user on claim ${t.claimId}`);
      }
    }
  }

  private checkSize(room: Room, state: RoomState, update: Uint8Array): void {
    const cap = this.limits.maxDocBytes;
    state.bytes ??= Y.encodeStateAsUpdate(room.doc).byteLength;
    if (state.bytes + update.byteLength > cap) {
      // The running sum over-counts (overwrites, deletions): measure before refusing.
      state.bytes = Y.encodeStateAsUpdate(room.doc).byteLength;
      if (state.bytes + update.byteLength > cap) throw new UpdateRefused(CloseCode.DocumentTooLarge, `document would exceed ${cap} bytes`);
    }
    state.bytes += update.byteLength;
  }

  /** The user a client id belongs to: bound by a write (any process, as loaded) or reserved by live presence. */
  private ownerOf(articleId: string, state: RoomState, client: number): string | undefined {
    return this.bindings.userOf(articleId, client) ?? state.reserved.userOf(client);
  }

  /**
   * Before a connection's awareness update is applied; returns the entries it may speak for.
   * States are small (a name, a colour, a selection), and none may change the presence of a
   * client id bound or reserved to another user — announce it, renew it or remove it: that is
   * how a squatter would take a tab's id before it writes, or pass their presence off as
   * someone else's tab. Either closes the connection, nothing applied. y-websocket clients
   * echo every state they receive back to the server; such an echo (a clock the room has
   * already seen) changes nothing and is dropped quietly.
   */
  checkAwareness<E extends { clientId: number; clock: number; state: Record<string, unknown> | null }>(room: Room, conn: Connection, entries: E[]): E[] {
    const state = this.rooms.get(room.articleId);
    if (!state) throw new UpdateRefused(CloseCode.LoadFailed, "room not guarded");
    const own: E[] = [];
    for (const e of entries) {
      if (e.state && JSON.stringify(e.state).length > this.limits.maxAwarenessStateBytes) {
        throw new UpdateRefused(CloseCode.AwarenessTooLarge, `awareness state over ${this.limits.maxAwarenessStateBytes} bytes`);
      }
      const owner = this.ownerOf(room.articleId, state, e.clientId);
      if (owner === undefined || owner === conn.actor.id) own.push(e);
      else if (changesPresence(room, e)) throw new UpdateRefused(CloseCode.ClientIdTaken, `presence under a client id of another user: ${e.clientId}`);
    }
    return own;
  }

  /**
   * Make the room's next server-side transaction write as `userId`: under a client id bound
   * to that user (one per user and room), so server edits carry vouched authorship too.
   * Returns the function that restores the room's own client id.
   */
  asUser(room: Room, userId: string): () => void {
    const state = this.rooms.get(room.articleId);
    if (!state) return () => {};
    let client = state.serverClients.get(userId);
    if (client === undefined) {
      client = freshClientId((id) => this.ownerOf(room.articleId, state, id) !== undefined || Y.getState(room.doc.store, id) > 0);
      state.serverClients.set(userId, client);
      if (this.bindings.bind(room.articleId, client, userId)) room.peers?.publish(encodeRelayBinding(client, userId));
    }
    const previous = room.doc.clientID;
    room.doc.clientID = client;
    state.acting = userId;
    return () => {
      room.doc.clientID = previous;
      state.acting = null;
    };
  }
}

/**
 * Whether an entry is news to the room: a clock past the last one it saw for the client id.
 * Only the id's owner makes those. Clients echo what they were sent, and remove a peer's state
 * at its last clock when it times out on their side first (a hidden tab renews late), so an
 * entry at a seen clock is an echo, never a reason to close.
 */
function changesPresence(room: Room, e: { clientId: number; clock: number }): boolean {
  return e.clock > (room.awareness.meta.get(e.clientId)?.clock ?? 0);
}

function isConnection(origin: unknown): origin is Connection {
  return typeof origin === "object" && origin !== null && "actor" in origin && "ws" in origin;
}
