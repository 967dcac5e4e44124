import type { Db } from "../db/client";
import { AppError } from "../../lib/errors";
import { canViewArticle, type Actor } from "../../lib/policies";

const ARTICLE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * One article (with its immutable body) for a person who may view articles; NOT_FOUND for an
 * unknown or malformed id, FORBIDDEN without the view permission.
 */
export async function getArticle(options: { db: Db; actor: Actor; articleId: string }) {
  const { db, actor, articleId } = options;
  if (!canViewArticle(actor)) throw new AppError("FORBIDDEN", "No access to this article.");
  const article = ARTICLE_ID.test(articleId) ? await db.article.findUnique({ where: { id: articleId } }) : null;
  if (!article) throw new AppError("NOT_FOUND", "No such article.");
  return article;
}

/**
 * The title of an article, for page metadata; null when unknown or when `actor` may not view
 * articles. Metadata is resolved beside the page, not after its sign-in redirect, so it checks
 * the session itself: an unpublished title is not for someone without one.
 */
export async function articleTitle(db: Db, actor: Actor | null, articleId: string): Promise<string | null> {
  if (!canViewArticle(actor) || !ARTICLE_ID.test(articleId)) return null;
  const row = await db.article.findUnique({ where: { id: articleId }, select: { title: true } });
  return row?.title ?? null;
}
