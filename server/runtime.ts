import type { Db } from "./db/client";
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
