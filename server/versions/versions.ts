import * as Y from "yjs";
import { readClaims } from "../../lib/article-doc";
import type { ClaimView } from "../../lib/claim-model";
import { AppError } from "../../lib/errors";
import { canReview, canViewArticle, type Actor } from "../../lib/policies";
import { recordAudit } from "../audit/record-audit";
import { changeLiveDoc, type LiveDeps } from "../claims/live-claim";
import type { Db } from "../db/client";
import { takeVersion } from "./take-version";

export interface VersionSummary {
  id: string;
  at: string;
  reason: string;
  /** null with `byPerson`: the person has no name on record. */
  byName: string | null;
  byPerson: boolean;
  claimCount: number;
}

/** The article's saved versions, newest first (without their data). */
export async function listVersions(options: { db: Db; actor: Actor; articleId: string; limit?: number }): Promise<VersionSummary[]> {
  const { db, actor, articleId } = options;
  if (!canViewArticle(actor)) throw new AppError("FORBIDDEN", "No access to this article.");
  const rows = await db.docVersion.findMany({
    where: { articleId }, orderBy: { createdAt: "desc" }, take: Math.min(options.limit ?? 200, 1000),
    select: { id: true, createdAt: true, reason: true, createdById: true, claimCount: true },
  });
  const ids = [...new Set(rows.map((r) => r.createdById).filter((id): id is string => !!id))];
  const users = ids.length ? await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }) : [];
  const names = new Map(users.map((u) => [u.id, u.name]));
  return rows.map((r) => ({ id: r.id, at: r.createdAt.toISOString(), reason: r.reason, byName: r.createdById ? names.get(r.createdById) ?? null : null, byPerson: !!r.createdById, claimCount: r.claimCount }));
}

async function loadVersion(db: Db, articleId: string, versionId: string) {
  const row = await db.docVersion.findFirst({ where: { id: versionId, articleId }, select: { id: true, data: true, createdAt: true } });
  if (!row) throw new AppError("NOT_FOUND", "No such version of this article.");
  return row;
}

/** The claims as they were at a version (decoded in a scratch document; never a live room). */
export async function claimsAtVersion(options: { db: Db; actor: Actor; articleId: string; versionId: string }): Promise<{ at: string; claims: ClaimView[] }> {
  const { db, actor, articleId, versionId } = options;
  if (!canViewArticle(actor)) throw new AppError("FORBIDDEN", "No access to this article.");
  const row = await loadVersion(db, articleId, versionId);
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, new Uint8Array(row.data));
    return { at: row.createdAt.toISOString(), claims: readClaims(doc) };
  } finally {
    doc.destroy();
  }
}

/**
 * "Restore claims from this version" (reviewers and admins): claims of the version that are
 * missing now are put back into the LIVE document through the room (everyone connected sees
 * them at once); claims that exist now are left alone. A version of the current state is kept
 * first, and the restore is audited.
 */
export async function restoreClaimsFromVersion(options: LiveDeps & { actor: Actor; articleId: string; versionId: string }) {
  const { db, actor, articleId, versionId } = options;
  if (!canReview(actor)) throw new AppError("FORBIDDEN", "Only reviewers and admins can restore claims.");
  const row = await loadVersion(db, articleId, versionId);
  const before = await takeVersion({ ...options, actor, reason: "before_restore" });
  const data = new Uint8Array(row.data);
  const restored = await changeLiveDoc(options, articleId, actor.id, (doc, api) => {
    const old = new api.Y.Doc();
    try {
      api.Y.applyUpdate(old, data);
      return api.restoreClaims(doc, api.readClaims(old), { id: actor.id, name: actor.name });
    } finally {
      old.destroy();
    }
  });
  await recordAudit(db, { articleId, actorId: actor.id, action: "claims.restored", after: { versionId, count: restored.length, claimIds: restored.slice(0, 200), backupVersionId: before.id } });
  return { restored, backupVersionId: before.id };
}
