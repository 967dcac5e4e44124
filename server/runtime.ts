import { AppError } from "../lib/errors";
import type { Db } from "./db/client";
import type { LiveDeps } from "./claims/live-claim";
import type { CollabServer } from "./collab/server";
import type { DocAccess } from "./persistence/doc-access";

/**
 * Process-wide services that route handlers need (the live rooms). server/main.ts (tsx) and
 * Next's bundled route handlers are separate module graphs in one process, so the link is
 * globalThis, set once at boot.
 */
export interface Runtime {
  db: Db;
  collab: CollabServer;
  /** The only way code outside server/collab reads or changes a shared document. */
  docs: DocAccess;
}

const holder = globalThis as unknown as { __sanadRuntime?: Runtime };

export function setRuntime(runtime: Runtime | undefined): void {
  holder.__sanadRuntime = runtime;
}

export function getRuntime(): Runtime | undefined {
  return holder.__sanadRuntime;
}

/**
 * Document access for route handlers: the running server's (live rooms), or a store-only
 * fallback when no server runtime is present (scripts).
 */
export async function docAccess(): Promise<DocAccess> {
  const runtime = getRuntime();
  if (runtime) return runtime.docs;
  const [{ createDocAccess }, { getDb }] = await Promise.all([import("./persistence/doc-access"), import("./db/client")]);
  return createDocAccess(getDb(), null);
}

/**
 * The database and live collab server for route handlers that record decisions. Decisions must
 * be checked against the live rooms, so without the custom server (e.g. `next dev` alone) they
 * are refused rather than checked against a possibly stale store.
 */
export function liveDeps(): Required<LiveDeps> {
  const runtime = getRuntime();
  if (!runtime) throw new AppError("INTERNAL", "The collaboration server is not running in this process; start Sanad with `npm start` or `npm run dev`.");
  return { db: runtime.db, collab: runtime.collab, docs: runtime.docs };
}
