import type { ClaimType } from "../claim-types";

/** Why a claim is in the review queue. */
export const REVIEW_QUEUE_REASONS = ["needs_review", "changed_since_approval"] as const;
export type ReviewQueueReason = (typeof REVIEW_QUEUE_REASONS)[number];

/** One row of the review queue, as the queue operation returns it and the page shows it. */
export interface ReviewQueueItem {
  claimId: string;
  articleId: string;
  /** null: the article was deleted. */
  articleTitle: string | null;
  articleLanguage: string;
  articleDirection: string;
  excerpt: string;
  type: ClaimType;
  verdict: string | null;
  status: string;
  /** null: no name on record (the page words it). */
  authorName: string | null;
  /** Why it is in the queue. */
  reason: ReviewQueueReason;
  /** When it was sent for review (or, for a changed approval, last changed). ISO. */
  waitingSince: string;
  /** Newest activity on the claim (edit or decision), the sort key. ISO. */
  lastActivity: string;
  lastDecision: { decision: string; reviewerName: string | null; at: string; note: string } | null;
}
