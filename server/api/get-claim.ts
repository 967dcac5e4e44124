import type { Db } from "../db/client";
import type { DocAccess } from "../persistence/doc-access";
import { AppError } from "../../lib/errors";
import { canViewArticle, type Actor } from "../../lib/policies";
import { loadDecisions } from "../review/decisions";
import { toApiClaim, type ApiClaim } from "./api-claim";

const CLAIM_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * One claim by id, from the current document. The claim's article is found through the
 * projection (a claim made a second ago may not be there yet: NOT_FOUND, like an unknown id).
 */
export async function getClaim(options: { db: Db; docs: DocAccess; actor: Actor; claimId: string }): Promise<ApiClaim> {
  const { db, docs, actor, claimId } = options;
  if (!canViewArticle(actor)) throw new AppError("FORBIDDEN", "No access to claims.");
  const row = CLAIM_ID.test(claimId) ? await db.claim.findUnique({ where: { id: claimId }, select: { articleId: true } }) : null;
  if (!row) throw new AppError("NOT_FOUND", "No such claim.");
  const claim = await docs.read(row.articleId, (doc, api) => api.readClaim(doc, claimId));
  if (!claim) throw new AppError("NOT_FOUND", "No such claim.");
  const decisions = await loadDecisions(db, row.articleId);
  return toApiClaim(row.articleId, claim, decisions.claims[claimId]);
}
