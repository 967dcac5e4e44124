import { AppError } from "../../lib/errors";
import { canViewArticle, type Actor } from "../../lib/policies";
import type { LiveDeps } from "../claims/live-claim";
import { loadDecisions, type ArticleDecisions } from "./decisions";
import { assessArticle } from "../publication/assess-article";
import type { BlockerReason } from "../publication/publishability";

/**
 * The decisions of an article plus whether it can be published now, and the blockers in
 * words (for the workspace's publish button and the history page).
 */
export async function articleDecisions(options: LiveDeps & { actor: Actor; articleId: string }): Promise<ArticleDecisions & { publishable: boolean; blockers: string[]; reasons: BlockerReason[] }> {
  if (!canViewArticle(options.actor)) throw new AppError("FORBIDDEN", "No access to this article.");
  const assessment = await assessArticle(options, options.articleId);
  const decisions = await loadDecisions(options.db, options.articleId);
  return { ...decisions, publishable: assessment.publishable, blockers: assessment.blockers, reasons: assessment.reasons };
}
