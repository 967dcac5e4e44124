import * as Y from "yjs";
import { readClaims } from "../../lib/article-doc";
import type { ClaimView } from "../../lib/claim-model";
import { AppError } from "../../lib/errors";
import { canReview, canViewArticle, type Actor } from "../../lib/policies";
import { recordAudit } from "../audit/record-audit";
import { changeLiveDoc, liveClientUsers, withLiveDoc, type LiveDeps } from "../claims/live-claim";
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
 *
 * Each part is written by the person who wrote it in the version — the claim by its creator,
 * its verdict by whoever set it, each comment by its author (server-vouched authorship, the
 * users bound to the version's Yjs client ids) — so four eyes holds across a restore: the
 * restorer does not become the claim's author, and its real author or verdict setter still
 * cannot approve it. A part whose writer is not on record (content from before bindings) is
 * vouched for by the restorer.
 */
export async function restoreClaimsFromVersion(options: LiveDeps & { actor: Actor; articleId: string; versionId: string }) {
  const { db, actor, articleId, versionId } = options;
  if (!canReview(actor)) throw new AppError("FORBIDDEN", "Only reviewers and admins can restore claims.");
  const row = await loadVersion(db, articleId, versionId);
  const before = await takeVersion({ ...options, actor, reason: "before_restore" });
  const data = new Uint8Array(row.data);
  const old = await withLiveDoc(options, articleId, (_doc, api) => {
    const version = new api.Y.Doc();
    try {
      api.Y.applyUpdate(version, data);
      return { claims: api.readClaims(version), clients: api.allClaimItemClients(version) };
    } finally {
      version.destroy();
    }
  });
  const bindings = await liveClientUsers(options, articleId);
  const writer = (client: number | null | undefined): string => (client === null || client === undefined ? undefined : bindings.get(client)) ?? actor.id;
  const plan = old.claims.map((claim) => {
    const clients = old.clients.get(claim.id);
    return {
      claim,
      creator: writer(clients?.creator),
      verdictBy: claim.verdict === null ? null : writer(clients?.verdict),
      commentAuthors: claim.comments.map((c) => writer(clients?.comments[c.id])),
    };
  });
  const people = await actorsById(db, [actor, ...plan.flatMap((p) => [p.creator, p.verdictBy, ...p.commentAuthors])]);
  const as = (userId: string) => people.get(userId)!;

  // 1. the claims, by their creators; 2. verdicts, by their setters; 3. comments, by their authors (in order)
  const restored = new Set<string>();
  for (const [creator, parts] of groupBy(plan, (p) => p.creator)) {
    const ids = await changeLiveDoc(options, articleId, creator, (doc, api) => api.restoreClaims(doc, parts.map((p) => p.claim), as(creator)));
    for (const id of ids) restored.add(id);
  }
  const back = plan.filter((p) => restored.has(p.claim.id));
  for (const [setter, parts] of groupBy(back.filter((p) => p.verdictBy !== null), (p) => p.verdictBy!)) {
    await changeLiveDoc(options, articleId, setter, (doc, api) => { for (const p of parts) api.restoreVerdict(doc, p.claim.id, p.claim.verdict!, as(setter)); });
  }
  for (const p of back) {
    for (let i = 0; i < p.claim.comments.length;) {
      const author = p.commentAuthors[i];
      let end = i;
      while (end < p.claim.comments.length && p.commentAuthors[end] === author) end++;
      const run = p.claim.comments.slice(i, end);
      await changeLiveDoc(options, articleId, author, (doc, api) => api.restoreComments(doc, p.claim.id, run));
      i = end;
    }
  }
  const ids = plan.map((p) => p.claim.id).filter((id) => restored.has(id));
  await recordAudit(db, { articleId, actorId: actor.id, action: "claims.restored", after: { versionId, count: ids.length, claimIds: ids.slice(0, 200), backupVersionId: before.id } });
  return { restored: ids, backupVersionId: before.id };
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return groups;
}

/** The people a restore writes as, with the names the document's display hints carry. */
async function actorsById(db: Db, ids: Array<string | Actor | null>): Promise<Map<string, Actor>> {
  const out = new Map<string, Actor>();
  const wanted = new Set<string>();
  for (const id of ids) {
    if (id === null) continue;
    if (typeof id === "string") wanted.add(id);
    else out.set(id.id, { id: id.id, name: id.name, role: id.role });
  }
  const missing = [...wanted].filter((id) => !out.has(id));
  const rows = missing.length ? await db.user.findMany({ where: { id: { in: missing } }, select: { id: true, name: true, email: true, role: true } }) : [];
  for (const r of rows) out.set(r.id, { id: r.id, name: r.name || r.email || "Unknown", role: (r.role ?? "viewer") as Actor["role"] });
  // A binding to a person whose row is gone still names them by id.
  for (const id of missing) if (!out.has(id)) out.set(id, { id, name: "Unknown", role: "viewer" });
  return out;
}
