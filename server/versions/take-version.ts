import { AppError } from "../../lib/errors";
import { canEditArticle, type Actor } from "../../lib/policies";
import { recordAudit } from "../audit/record-audit";
import { withLiveDoc, type LiveDeps } from "../claims/live-claim";
import type { Db } from "../db/client";
import { thinVersions } from "./retention";

/** Why a version was kept. */
export type VersionReason = "periodic" | "manual" | "before_delete" | "before_restore";

/** Store the full state of a document as a version (compaction never touches versions). */
export async function storeVersion(db: Db, v: { articleId: string; data: Uint8Array; reason: VersionReason; createdById: string | null; claimCount: number }) {
  return db.docVersion.create({
    data: { articleId: v.articleId, data: Buffer.from(v.data), reason: v.reason, createdById: v.createdById, claimCount: v.claimCount },
    select: { id: true, createdAt: true },
  });
}

/**
 * Versions one person may cause in an hour, across articles: saved by hand, or kept before a
 * restore. Each is a full document (up to 16 MiB) and hand-saved ones are never thinned, so
 * without a bound a loop of saves by one editor filled the disk. Counted in the database, so
 * the bound holds across processes. The server's own versions (periodic, before a deletion)
 * are not counted.
 */
export const PERSON_VERSIONS_PER_HOUR = 30;

/**
 * Save the article's current document (the live room's state, unsaved edits included) as a
 * version. `actor` null is the server's periodic snapshot; a person needs edit rights.
 */
export async function takeVersion(options: LiveDeps & { actor: Actor | null; articleId: string; reason: VersionReason }) {
  const { db, actor, articleId, reason } = options;
  if (actor && !canEditArticle(actor)) throw new AppError("FORBIDDEN", "Only editors can save versions.");
  if (!(await db.article.findUnique({ where: { id: articleId }, select: { id: true } }))) throw new AppError("NOT_FOUND", "No such article.");
  if (actor) {
    const recent = await db.docVersion.count({ where: { createdById: actor.id, reason: { in: ["manual", "before_restore"] }, createdAt: { gte: new Date(Date.now() - 3_600_000) } } });
    if (recent >= PERSON_VERSIONS_PER_HOUR) {
      throw new AppError("RATE_LIMITED", `You saved ${PERSON_VERSIONS_PER_HOUR} versions in the last hour; wait a little before saving another.`).withReason("versionLimit", { max: PERSON_VERSIONS_PER_HOUR });
    }
  }
  const state = await withLiveDoc(options, articleId, (doc, api) => ({ data: api.Y.encodeStateAsUpdate(doc), claimCount: api.readClaims(doc).length }));
  const version = await storeVersion(db, { articleId, ...state, reason, createdById: actor?.id ?? null });
  if (actor && reason === "manual") await recordAudit(db, { articleId, actorId: actor.id, action: "version.taken", after: { versionId: version.id, claims: state.claimCount } });
  return { id: version.id, createdAt: version.createdAt.toISOString(), claimCount: state.claimCount };
}

/**
 * Periodic versions: after a projection (i.e. after edits were stored), keep a version when
 * the article's last one is older than `intervalMs`. So an article being worked on gets a
 * version at least every interval of activity, and an idle one gets none. Each new periodic
 * version thins the article's older ones (retention.ts).
 */
export function createPeriodicVersions(deps: LiveDeps, intervalMs: number, log: (msg: string, extra?: Record<string, unknown>) => void = () => {}) {
  const last = new Map<string, number>();
  const running = new Set<string>();
  return async function maybeTakeVersion(articleId: string): Promise<void> {
    if (running.has(articleId)) return;
    running.add(articleId);
    try {
      if (!last.has(articleId)) {
        const latest = await deps.db.docVersion.findFirst({ where: { articleId }, orderBy: { createdAt: "desc" }, select: { createdAt: true } });
        last.set(articleId, latest?.createdAt.getTime() ?? 0);
      }
      if (Date.now() - last.get(articleId)! < intervalMs) return;
      await takeVersion({ ...deps, actor: null, articleId, reason: "periodic" });
      last.set(articleId, Date.now());
      // a new version is the moment to let old ones go (retention.ts)
      await thinVersions(deps.db, articleId);
    } catch (e) {
      log("periodic version failed", { articleId, error: String(e) });
    } finally {
      running.delete(articleId);
    }
  };
}
