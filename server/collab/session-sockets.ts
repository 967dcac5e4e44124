import type { WebSocket } from "ws";
import { CloseCode } from "../../lib/close-codes";
import { canViewArticle, parseRole, type Actor } from "../../lib/policies";
import type { SessionChange } from "../auth/session-changes";
import { DEFAULT_LIMITS } from "./limits";
import { send, type Connection } from "./room";

interface Tracked {
  ws: WebSocket;
  /** Null while the room loads. */
  conn: Connection | null;
  actor: Actor;
}

/**
 * This process's open sockets by user, so a sign-out or role change reaches them at once.
 * Also remembers the last change per user with a sequence number, so an upgrade that was
 * being authenticated while a change arrived (and so was not tracked yet) is refused too.
 */
export class SessionSockets {
  private readonly byUser = new Map<string, Set<Tracked>>();
  private readonly lastChange = new Map<string, { seq: number; change: SessionChange }>();
  private seq = 0;

  /** `maxBufferedBytes`: the slow-consumer limit (CollabLimits) for sockets whose room still loads. */
  constructor(private readonly maxBufferedBytes = DEFAULT_LIMITS.maxBufferedBytes) {}

  /** The sequence number to pass to `track` for an upgrade whose authentication starts now. */
  get current(): number {
    return this.seq;
  }

  /**
   * Track a socket opened for `actor`, authenticated when the sequence was `seqAtAuth`. Returns
   * null (and closes the socket) if the user's session changed since.
   */
  track(ws: WebSocket, actor: Actor, seqAtAuth: number): Tracked | null {
    const missed = this.lastChange.get(actor.id);
    if (missed && missed.seq > seqAtAuth) {
      ws.close(missed.change.kind === "signed-out" ? CloseCode.Unauthenticated : CloseCode.RoleChanged, "session changed");
      return null;
    }
    const entry: Tracked = { ws, conn: null, actor };
    let set = this.byUser.get(actor.id);
    if (!set) this.byUser.set(actor.id, (set = new Set()));
    set.add(entry);
    ws.once("close", () => {
      set.delete(entry);
      if (set.size === 0 && this.byUser.get(actor.id) === set) this.byUser.delete(actor.id);
    });
    return entry;
  }

  /**
   * Send a message to every open socket of a user on this process (their notifications),
   * through the room's `send`: a socket that stopped reading is closed as a slow consumer
   * (4508) like for any other frame, not buffered without bound.
   */
  send(userId: string, message: Uint8Array): number {
    let sent = 0;
    for (const entry of this.byUser.get(userId) ?? []) {
      if (send(entry.conn ?? { ws: entry.ws, maxBufferedBytes: this.maxBufferedBytes }, message)) sent++;
    }
    return sent;
  }

  /**
   * Apply a change: writes stop at once (the connection turns read-only before anything else
   * is read from it), then the socket closes — 4401 after sign-out, 4409 after a role change
   * (the client reloads with its new role), 4403 if the new role may not view.
   */
  apply(change: SessionChange): void {
    if (this.lastChange.size >= 100_000) this.lastChange.clear();
    this.lastChange.set(change.userId, { seq: ++this.seq, change });
    for (const entry of this.byUser.get(change.userId) ?? []) {
      if (entry.conn) entry.conn.readOnly = true;
      if (change.kind === "signed-out") {
        entry.ws.close(CloseCode.Unauthenticated, "signed out");
        continue;
      }
      entry.actor = { ...entry.actor, role: change.role };
      if (entry.conn) entry.conn.actor = entry.actor;
      entry.ws.close(canViewArticle(entry.actor) ? CloseCode.RoleChanged : CloseCode.Forbidden, "role changed");
    }
  }
}

/** Relay encoding of a session change. */
export function encodeSessionChange(change: SessionChange): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(change));
}

/** A session change from a peer process (trusted, but checked for shape). */
export function decodeSessionChange(message: Uint8Array): SessionChange {
  const v = JSON.parse(new TextDecoder().decode(message)) as { userId?: unknown; kind?: unknown; role?: unknown };
  if (typeof v.userId !== "string") throw new Error("session change without a user");
  if (v.kind === "signed-out") return { userId: v.userId, kind: "signed-out" };
  const role = parseRole(v.role);
  if (v.kind === "role-changed" && role) return { userId: v.userId, kind: "role-changed", role };
  throw new Error("unknown session change");
}
