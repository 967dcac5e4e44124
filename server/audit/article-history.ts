import { AppError } from "../../lib/errors";
import { canViewArticle, type Actor } from "../../lib/policies";
import { excerpt } from "../../lib/review/decision-state";
import type { Db } from "../db/client";
import { auditEventNote, auditEventParams, describeAuditEvent, type AuditEventParams } from "./describe-audit-event";

export interface HistoryEntry {
  id: string;
  at: string;
  /** null: no name on record. */
  actorName: string | null;
  /** false: no person did it (the system, or an account since removed). */
  byPerson: boolean;
  action: string;
  description: string;
  /** The values behind `description`, for pages that word it in the reader's language. */
  params: AuditEventParams;
  note: string | null;
  claimId: string | null;
  /** The claim's text (from the projection, or the event itself for a deleted claim). */
  claimExcerpt: string | null;
}

/**
 * An article's history for signed-in users: every audit event (claim status and verdict
 * changes, sign-offs, publications), newest first, with names (never emails).
 */
export async function listArticleHistory(options: { db: Db; actor: Actor; articleId: string; limit?: number }) {
  const { db, actor, articleId } = options;
  if (!canViewArticle(actor)) throw new AppError("FORBIDDEN", "No access to this article.");
  const article = await db.article.findUnique({ where: { id: articleId }, select: { id: true, title: true, slug: true, language: true, direction: true } });
  if (!article) throw new AppError("NOT_FOUND", "No such article.");
  const [events, claims, publications] = await Promise.all([
    db.auditEvent.findMany({ where: { articleId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: Math.min(options.limit ?? 500, 2000) }),
    db.claim.findMany({ where: { articleId }, select: { id: true, exact: true } }),
    db.publication.findMany({ where: { articleId }, orderBy: { version: "desc" }, select: { version: true, kind: true, publishedAt: true, correctionNote: true, slug: true } }),
  ]);
  const actorIds = [...new Set(events.map((e) => e.actorId).filter((id): id is string => !!id))];
  const users = actorIds.length ? await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } }) : [];
  const names = new Map(users.map((u) => [u.id, u.name]));
  const texts = new Map(claims.map((c) => [c.id, c.exact]));
  const entries: HistoryEntry[] = events.map((e) => {
    const fromEvent = (e.before as { exact?: unknown } | null)?.exact ?? (e.after as { exact?: unknown } | null)?.exact;
    const text = (e.claimId && texts.get(e.claimId)) || (typeof fromEvent === "string" ? fromEvent : null);
    return {
      id: e.id,
      at: e.createdAt.toISOString(),
      // null: no name on record; `byPerson` false: the system (or a deleted account) did it. The page words both.
      actorName: e.actorId ? names.get(e.actorId) ?? null : null,
      byPerson: !!e.actorId,
      action: e.action,
      description: describeAuditEvent(e.action, e.before, e.after),
      params: auditEventParams(e.action, e.before, e.after),
      note: auditEventNote(e.action, e.after),
      claimId: e.claimId,
      claimExcerpt: text ? excerpt(text, 120) : null,
    };
  });
  return {
    article,
    entries,
    publications: publications.map((p) => ({ version: p.version, kind: p.kind, publishedAt: p.publishedAt.toISOString(), note: p.correctionNote, slug: p.slug })),
  };
}
