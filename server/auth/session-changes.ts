import type { Db } from "../db/client";
import { getRuntime } from "../runtime";
import type { Role } from "../../lib/policies";

/**
 * A change to a user's standing that open connections must follow at once: signed out (every
 * session of the user ends) or a new role. Carried to other processes through the relay.
 */
export type SessionChange = { userId: string; kind: "signed-out" } | { userId: string; kind: "role-changed"; role: Role };

/** Where changes go: the running collab server (this process's sockets, caches and the relay). */
export type SessionChangeSink = (change: SessionChange) => void;

/** The process's sink: the collab server when one runs here (scripts have none). */
export function runtimeSessionSink(): SessionChangeSink {
  return (change) => getRuntime()?.collab.applySessionChange(change, { publish: true });
}

/**
 * End every session of a user: bump `User.sessionVersion`, so every cookie issued before
 * stops working on every process (HTTP checks the version on each request), and close the
 * user's open sockets here and, through the relay, on the other processes.
 */
export async function revokeSessions(options: { db: Db; userId: string; ifVersion?: number; sink?: SessionChangeSink }): Promise<void> {
  const { db, userId, ifVersion } = options;
  // `ifVersion`: only a session that is still valid may end the others (a revoked copy of a
  // cookie must not be able to sign its owner out again and again).
  const updated = await db.user.updateMany({ where: { id: userId, ...(ifVersion === undefined ? {} : { sessionVersion: ifVersion }) }, data: { sessionVersion: { increment: 1 } } });
  if (updated.count > 0) (options.sink ?? runtimeSessionSink())({ userId, kind: "signed-out" });
}
