import type { Db } from "../db/client";
import { latestByClaim, type ArticleDecisions, type ClaimDecision } from "../../lib/review/decision-state";

export type { ArticleDecisions, ClaimDecision } from "../../lib/review/decision-state";

/**
 * The authoritative decisions for an article, as sent to live clients on connect and after
 * every change (Sanad's own collab message type). Read from SignOff and Publication rows,
 * never from the shared document. Reviewer names only: no emails.
 */
export async function loadDecisions(db: Db, articleId: string): Promise<ArticleDecisions> {
  const [signOffs, publication] = await Promise.all([
    db.signOff.findMany({
      where: { articleId },
      select: { id: true, claimId: true, decision: true, contentHash: true, note: true, reviewerId: true, createdAt: true },
    }),
    db.publication.findFirst({ where: { articleId }, orderBy: { version: "desc" }, select: { version: true, slug: true, kind: true, publishedAt: true } }),
  ]);
  const latest = latestByClaim(signOffs);
  const reviewerIds = [...new Set([...latest.values()].map((s) => s.reviewerId))];
  const reviewers = reviewerIds.length
    ? await db.user.findMany({ where: { id: { in: reviewerIds } }, select: { id: true, name: true } })
    : [];
  const names = new Map(reviewers.map((r) => [r.id, r.name ?? "Reviewer"]));
  const claims: Record<string, ClaimDecision> = {};
  for (const s of latest.values()) {
    claims[s.claimId] = {
      decision: s.decision as ClaimDecision["decision"],
      contentHash: s.contentHash,
      note: s.note,
      reviewerId: s.reviewerId,
      reviewerName: names.get(s.reviewerId) ?? null,
      at: s.createdAt.toISOString(),
    };
  }
  return {
    claims,
    publication: publication
      ? {
        version: publication.version, slug: publication.slug, kind: publication.kind,
        publishedAt: publication.publishedAt.toISOString(), url: `/v/${encodeURIComponent(publication.slug)}`,
      }
      : null,
  };
}
