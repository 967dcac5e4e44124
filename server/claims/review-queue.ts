import { z } from "zod";
import { REVIEW_QUEUE_REASONS, type ReviewQueueItem, type ReviewQueueReason } from "../../lib/review/review-queue-item";
export { REVIEW_QUEUE_REASONS, type ReviewQueueItem, type ReviewQueueReason };
import { ZClaimType, type ClaimType } from "../../lib/claim-types";
import { AppError } from "../../lib/errors";
import { canViewArticle, type Actor } from "../../lib/policies";
import type { Db } from "../db/client";
import { excerpt, latestByClaim } from "../../lib/review/decision-state";
import { parseInput } from "../../lib/validation";


/** Filters of the review queue (all optional; from the page's query string). */
export const ZReviewQueueFilter = z.object({
  articleId: z.string().trim().max(64).optional().transform((v) => v || undefined),
  type: z.union([ZClaimType, z.literal("")]).optional().transform((v) => v || undefined),
  reason: z.union([z.enum(REVIEW_QUEUE_REASONS), z.literal("")]).optional().transform((v) => v || undefined),
  q: z.string().trim().max(200).optional().transform((v) => v || undefined),
});
export type TReviewQueueFilter = z.input<typeof ZReviewQueueFilter>;


/**
 * The review queue across articles, from the projection (Claim rows carry the live content
 * hash) and the sign-offs: claims whose status is "needs review" and which no holding
 * decision covers, and approved claims whose content changed since approval. Newest activity
 * first. Everyone signed in may look; only reviewers can act (in the workspace).
 */
export async function listReviewQueue(options: { db: Db; actor: Actor; filter?: TReviewQueueFilter | Record<string, string> }) {
  const { db, actor } = options;
  if (!canViewArticle(actor)) throw new AppError("FORBIDDEN", "No access to the review queue.");
  const filter = parseInput(ZReviewQueueFilter, options.filter ?? {});

  const signOffs = await db.signOff.findMany({
    where: filter.articleId ? { articleId: filter.articleId } : undefined,
    select: { id: true, articleId: true, claimId: true, decision: true, contentHash: true, note: true, reviewerId: true, createdAt: true },
  });
  // Claim ids are only unique within an article: every lookup is keyed by (article, claim).
  const latest = latestByClaim(signOffs.map((s) => ({ ...s, claimId: claimKey(s.articleId, s.claimId) })));
  const approved = [...latest.values()].filter((s) => s.decision === "approved");
  const claims = await db.claim.findMany({
    where: {
      ...(filter.articleId ? { articleId: filter.articleId } : {}),
      ...(filter.type ? { type: filter.type } : {}),
      OR: [{ status: "needs_review" }, ...approved.map((s) => ({ articleId: s.articleId, id: s.claimId.slice(s.articleId.length + 1) }))],
    },
    select: { id: true, articleId: true, type: true, status: true, verdict: true, exact: true, createdById: true, contentHash: true, updatedAt: true },
  });

  const picked: Array<{ claim: (typeof claims)[number]; reason: ReviewQueueReason }> = [];
  for (const claim of claims) {
    const decision = latest.get(claimKey(claim.articleId, claim.id));
    const sameContent = decision?.contentHash === claim.contentHash;
    let reason: ReviewQueueReason | null = null;
    if (decision?.decision === "approved" && !sameContent) reason = "changed_since_approval";
    else if (claim.status === "needs_review" && !(sameContent && (decision?.decision === "approved" || decision?.decision === "excluded"))) reason = "needs_review";
    if (!reason || (filter.reason && filter.reason !== reason)) continue;
    if (filter.q && !claim.exact.toLocaleLowerCase().includes(filter.q.toLocaleLowerCase())) continue;
    picked.push({ claim, reason });
  }

  const pickedArticles = [...new Set(picked.map((p) => p.claim.articleId))];
  const [articles, users, sentEvents] = await Promise.all([
    db.article.findMany({ where: { id: { in: [...new Set(picked.map((p) => p.claim.articleId))] } }, select: { id: true, title: true, language: true, direction: true } }),
    db.user.findMany({
      where: { id: { in: [...new Set([...picked.map((p) => p.claim.createdById), ...[...latest.values()].map((s) => s.reviewerId)])] } },
      select: { id: true, name: true },
    }),
    picked.length
      ? db.auditEvent.findMany({ where: { articleId: { in: pickedArticles }, claimId: { in: picked.map((p) => p.claim.id) }, action: "claim.status_changed" }, select: { articleId: true, claimId: true, after: true, createdAt: true } })
      : Promise.resolve([]),
  ]);
  const articleById = new Map(articles.map((a) => [a.id, a]));
  // null when there is no name on record: the page words it in the reader's language.
  const nameOf = (id: string) => (id && users.find((u) => u.id === id)?.name) || null;
  const sentAt = new Map<string, Date>();
  for (const e of sentEvents) {
    if ((e.after as { status?: string } | null)?.status !== "needs_review" || !e.claimId || !e.articleId) continue;
    const key = claimKey(e.articleId, e.claimId);
    const cur = sentAt.get(key);
    if (!cur || e.createdAt > cur) sentAt.set(key, e.createdAt);
  }

  const items: ReviewQueueItem[] = picked.map(({ claim, reason }) => {
    const article = articleById.get(claim.articleId);
    const decision = latest.get(claimKey(claim.articleId, claim.id));
    const waiting = reason === "needs_review" ? sentAt.get(claimKey(claim.articleId, claim.id)) ?? claim.updatedAt : claim.updatedAt;
    const activity = decision && decision.createdAt > claim.updatedAt ? decision.createdAt : claim.updatedAt;
    return {
      claimId: claim.id,
      articleId: claim.articleId,
      articleTitle: article?.title ?? null,
      articleLanguage: article?.language ?? "en",
      articleDirection: article?.direction ?? "ltr",
      excerpt: excerpt(claim.exact, 160),
      type: claim.type as ClaimType,
      verdict: claim.verdict,
      status: claim.status,
      authorName: nameOf(claim.createdById),
      reason,
      waitingSince: waiting.toISOString(),
      lastActivity: activity.toISOString(),
      lastDecision: decision ? { decision: decision.decision, reviewerName: nameOf(decision.reviewerId), at: decision.createdAt.toISOString(), note: decision.note } : null,
    };
  });
  items.sort((a, b) => (a.lastActivity < b.lastActivity ? 1 : a.lastActivity > b.lastActivity ? -1 : 0));

  const articleOptions = await db.article.findMany({ select: { id: true, title: true }, orderBy: { createdAt: "desc" }, take: 200 });
  return { items, filter, articles: articleOptions, generatedAt: Date.now() };
}

/** (article, claim) as one map key; article ids contain no ":" (cuid / [A-Za-z0-9_-]). */
function claimKey(articleId: string, claimId: string): string {
  return `${articleId}:${claimId}`;
}
