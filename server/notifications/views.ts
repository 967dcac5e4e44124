import type { Db } from "../db/client";
import { isNotificationKind, type NotificationView } from "../../lib/notifications";

type Row = { id: string; userId: string; kind: string; actorId: string; articleId: string; claimId: string; excerpt: string; readAt: Date | null; createdAt: Date };

const CLAIM_TEXT_CHARS = 140;

/** Rows to what the bell shows: current names of the actors, article titles, the claims' fragments. */
export async function notificationViews(db: Db, rows: Row[]): Promise<NotificationView[]> {
  if (!rows.length) return [];
  const actorIds = [...new Set(rows.map((r) => r.actorId))];
  const articleIds = [...new Set(rows.map((r) => r.articleId))];
  const [actors, articles, claims] = await Promise.all([
    db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } }),
    db.article.findMany({ where: { id: { in: articleIds } }, select: { id: true, title: true } }),
    db.claim.findMany({ where: { OR: rows.map((r) => ({ articleId: r.articleId, id: r.claimId })) }, select: { articleId: true, id: true, exact: true } }),
  ]);
  const names = new Map(actors.map((a) => [a.id, a.name ?? ""]));
  const titles = new Map(articles.map((a) => [a.id, a.title]));
  const texts = new Map(claims.map((c) => [`${c.articleId}\u0000${c.id}`, c.exact]));
  return rows.filter((r) => isNotificationKind(r.kind)).map((r) => {
    const text = texts.get(`${r.articleId}\u0000${r.claimId}`) ?? "";
    return {
      id: r.id, kind: r.kind as NotificationView["kind"],
      actor: { id: r.actorId, name: names.get(r.actorId) ?? "" },
      articleId: r.articleId, articleTitle: titles.get(r.articleId) ?? "",
      claimId: r.claimId, claimText: text.length > CLAIM_TEXT_CHARS ? `${text.slice(0, CLAIM_TEXT_CHARS - 1)}…` : text,
      excerpt: r.excerpt, read: r.readAt !== null, createdAt: r.createdAt.toISOString(),
    };
  });
}
