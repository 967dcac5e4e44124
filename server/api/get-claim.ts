import type { Db } from "../db/client";
import type { DocAccess } from "../persistence/doc-access";
import { AppError } from "../../lib/errors";
import { canViewArticle, type Actor } from "../../lib/policies";
import { loadDecisions } from "../review/decisions";
import { toApiClaim, type ApiClaim } from "./api-claim";

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * One claim of an article, from the current document (claim ids are only unique within their
 * article, so the article is always named; a claim made a second ago is found too).
 */
export async function getClaim(options: { db: Db; docs: DocAccess; actor: Actor; articleId: string; claimId: string }): Promise<ApiClaim> {
  const { db, docs, actor, articleId, claimId } = options;
  if (!canViewArticle(actor)) throw new AppError("FORBIDDEN", "No access to claims.");
  if (!ID.test(articleId) || !ID.test(claimId)) throw new AppError("NOT_FOUND", "No such claim.");
  const article = await db.article.findUnique({ where: { id: articleId }, select: { id: true } });
  if (!article) throw new AppError("NOT_FOUND", "No such article.");
  const claim = await docs.read(articleId, (doc, api) => api.readClaim(doc, claimId));
  if (!claim) throw new AppError("NOT_FOUND", "No such claim.");
  const decisions = await loadDecisions(db, articleId);
  return toApiClaim(articleId, claim, decisions.claims[claimId]);
}
