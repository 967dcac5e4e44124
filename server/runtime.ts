import type { Db } from "./db/client";
import type { CollabServer } from "./collab/server";

/**
 * Process-wide services that route handlers need (the live rooms). server/main.ts (tsx) and
 * Next's bundled route handlers are separate module graphs in one process, so the link is
 * globalThis, set once at boot.
 */
export interface Runtime {
  db: Db;
  collab: CollabServer;
}

const holder = globalThis as unknown as { __sanadRuntime?: Runtime };

export function setRuntime(runtime: Runtime | undefined): void {
  holder.__sanadRuntime = runtime;
}

export function getRuntime(): Runtime | undefined {
  return holder.__sanadRuntime;
}
