import type { ClaimView } from "../../lib/claim-model";
import { claimContentHash } from "../../lib/review/content-hash";
import type { ClaimDecision } from "../review/decisions";

/** A claim as the API shows it: the document's data, its content hash (send it back to sign off) and its latest decision. */
export type ApiClaim = ClaimView & { articleId: string; contentHash: string; decision: ClaimDecision | null };

export function toApiClaim(articleId: string, claim: ClaimView, decision: ClaimDecision | undefined): ApiClaim {
  return { ...claim, articleId, contentHash: claimContentHash(claim), decision: decision ?? null };
}
