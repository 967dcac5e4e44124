import type { Db } from "../db/client";

export interface ClaimDecision {
  decision: "approved" | "changes_requested" | "excluded";
  contentHash: string;
  note: string;
  reviewerId: string;
  reviewerName: string;
  at: string;
}

export interface ArticleDecisions {
  /** The latest sign-off per claim. */
  claims: Record<string, ClaimDecision>;
  publication: { version: number; slug: string; kind: string; publishedAt: string } | null;
}

/**
 * The authoritative decisions for an article, as sent to live clients on connect and after
 * every change (Sanad's own collab message type). Read from SignOff and Publication rows,
 * never from the shared document.
 */
export async function loadDecisions(db: Db, articleId: string): Promise<ArticleDecisions> {
  const [signOffs, publication] = await Promise.all([
    db.signOff.findMany({ where: { articleId }, orderBy: { createdAt: "asc" } }),
    db.publication.findFirst({ where: { articleId }, orderBy: { version: "desc" } }),
  ]);
  const reviewerIds = [...new Set(signOffs.map((s) => s.reviewerId))];
  const reviewers = reviewerIds.length
    ? await db.user.findMany({ where: { id: { in: reviewerIds } }, select: { id: true, name: true } })
    : [];
  const names = new Map(reviewers.map((r) => [r.id, r.name ?? "Reviewer"]));
  const claims: Record<string, ClaimDecision> = {};
  for (const s of signOffs) {
    claims[s.claimId] = {
      decision: s.decision as ClaimDecision["decision"],
      contentHash: s.contentHash,
      note: s.note,
      reviewerId: s.reviewerId,
      reviewerName: names.get(s.reviewerId) ?? "Reviewer",
      at: s.createdAt.toISOString(),
    };
  }
  return {
    claims,
    publication: publication
      ? { version: publication.version, slug: publication.slug, kind: publication.kind, publishedAt: publication.publishedAt.toISOString() }
      : null,
  };
}
