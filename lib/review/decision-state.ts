/**
 * Whether a claim's latest decision still holds (pure). An approval holds only while the live
 * claim hashes to the approved hash; an exclusion holds regardless of later edits, because it
 * only keeps the claim OFF the public page.
 */
export type SignOffDecision = "approved" | "changes_requested" | "excluded";
export const SIGN_OFF_DECISIONS = ["approved", "changes_requested", "excluded"] as const satisfies readonly SignOffDecision[];

export type DecisionState =
  /** No decision yet. */
  | "undecided"
  /** Approved and the live content is still what was approved. */
  | "approved"
  /** Approved, but the live content changed since: back in the review queue, not publishable. */
  | "changed_since_approval"
  | "changes_requested"
  | "excluded";

export interface LatestDecision {
  decision: SignOffDecision;
  contentHash: string;
}

export function decisionState(latest: LatestDecision | null | undefined, liveHash: string): DecisionState {
  if (!latest) return "undecided";
  if (latest.decision === "approved") return latest.contentHash === liveHash ? "approved" : "changed_since_approval";
  return latest.decision;
}

/** The latest sign-off per claim from rows in any order (later createdAt, then larger id, wins). */
export function latestByClaim<T extends { claimId: string; createdAt: Date; id: string }>(rows: T[]): Map<string, T> {
  const out = new Map<string, T>();
  for (const r of rows) {
    const cur = out.get(r.claimId);
    if (!cur || r.createdAt.getTime() > cur.createdAt.getTime() || (r.createdAt.getTime() === cur.createdAt.getTime() && r.id > cur.id)) out.set(r.claimId, r);
  }
  return out;
}

/** A short excerpt of a claim's text for lists and messages. */
export function excerpt(text: string, max = 80): string {
  const t = text.replace(/\s+/g, " ").trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

/** The latest decision on one claim, as live clients receive it (collab message 100). */
export interface ClaimDecision {
  decision: SignOffDecision;
  contentHash: string;
  note: string;
  reviewerId: string;
  /** null: no name on record (the workspace words it). */
  reviewerName: string | null;
  at: string;
}

/** The decisions payload of an article (server/review/decisions.ts loadDecisions). */
export interface ArticleDecisions {
  /** The latest sign-off per claim. */
  claims: Record<string, ClaimDecision>;
  /** The latest publication (a retraction counts); `url` is the public path, e.g. /v/<slug>. */
  publication: { version: number; slug: string; kind: string; publishedAt: string; url: string } | null;
}
