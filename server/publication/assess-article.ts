import { AppError } from "../../lib/errors";
import { latestByClaim } from "../../lib/review/decision-state";
import { readLiveClaims, type LiveDeps } from "../claims/live-claim";
import { assessPublishability, type Publishability, type SignOffForPublication } from "./publishability";

/** The article row fields publication needs. */
export const ARTICLE_FOR_PUBLICATION = {
  id: true, slug: true, title: true, body: true, language: true, direction: true, outlet: true, sourceUrl: true, publishedAt: true,
} as const;

/**
 * Load an article's live claims and latest sign-offs and decide whether it can be published.
 * Throws AppError NOT_FOUND for an unknown article. No access check: callers do it.
 */
export async function assessArticle(deps: LiveDeps, articleId: string) {
  const article = await deps.db.article.findUnique({ where: { id: articleId }, select: ARTICLE_FOR_PUBLICATION });
  if (!article) throw new AppError("NOT_FOUND", "No such article.");
  const [{ claims, problems }, signOffs] = await Promise.all([
    readLiveClaims(deps, articleId, article.body),
    deps.db.signOff.findMany({ where: { articleId } }),
  ]);
  const latest = latestByClaim(signOffs) as Map<string, SignOffForPublication>;
  const result: Publishability = assessPublishability(claims, latest);
  return { article, ...result, problems };
}
