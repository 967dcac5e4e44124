import { AppError } from "../../lib/errors";
import { getDb } from "../db/client";
import { getRuntime } from "../runtime";
import type { LiveDeps } from "../claims/live-claim";

/**
 * The database and live collab server for route handlers. Decisions must be checked against
 * the live rooms, so without the custom server (e.g. `next dev` alone) they are refused
 * rather than checked against a possibly stale store.
 */
export function liveDeps(): Required<LiveDeps> {
  const runtime = getRuntime();
  if (!runtime) throw new AppError("INTERNAL", "The collaboration server is not running in this process; start Sanad with `npm start` or `npm run dev`.");
  return { db: runtime.db ?? getDb(), collab: runtime.collab, docs: runtime.docs };
}
