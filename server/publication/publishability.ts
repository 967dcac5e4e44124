import type { ReviewableContent } from "../../lib/claim-model";
import { contentHash } from "../../lib/review/content-hash";
import { decisionState, excerpt, type SignOffDecision } from "../../lib/review/decision-state";
import type { LiveClaim } from "../claims/live-claim";

/** The latest sign-off of a claim, as publication needs it. */
export interface SignOffForPublication {
  id: string;
  claimId: string;
  decision: SignOffDecision;
  contentHash: string;
  note: string;
  reviewerId: string;
  snapshot: unknown;
  createdAt: Date;
}

/** Why an article cannot be published, as data the interface words in the reader's language. */
export interface BlockerReason {
  code: "inconsistent" | "changed" | "changes_requested" | "undecided" | "no_claims" | "all_excluded" | "no_statement" | "approved_no_statement";
  excerpt?: string;
}

export interface Publishability {
  publishable: boolean;
  /** Human-readable reasons the article cannot be published (empty when publishable). */
  blockers: string[];
  /** The same reasons, one per blocker, as codes plus the claim's excerpt. */
  reasons: BlockerReason[];
  approved: Array<{ live: LiveClaim; signOff: SignOffForPublication; content: ReviewableContent }>;
  excluded: Array<{ id: string; reason: string }>;
}

/**
 * Decide whether an article can be published (pure): every live claim must be approved with
 * the approval still holding (live hash = approved hash, and the stored snapshot hashes to it
 * too) or explicitly excluded by a reviewer; at least one claim must be approved.
 */
export function assessPublishability(claims: LiveClaim[], latest: Map<string, SignOffForPublication>): Publishability {
  const blockers: string[] = [];
  const reasons: BlockerReason[] = [];
  const approved: Publishability["approved"] = [];
  const excluded: Publishability["excluded"] = [];
  for (const live of claims) {
    const short = excerpt(live.claim.anchor.exact, 60);
    const label = `“${short}”`;
    const signOff = latest.get(live.claim.id);
    const state = decisionState(signOff, live.contentHash);
    switch (state) {
      case "approved": {
        const content = signOff!.snapshot as ReviewableContent;
        let snapshotHash: string | null = null;
        try {
          snapshotHash = contentHash(content);
        } catch {
          snapshotHash = null;
        }
        if (snapshotHash !== signOff!.contentHash) {
          blockers.push(`${label}: the stored approval is inconsistent; approve it again.`);
          reasons.push({ code: "inconsistent", excerpt: short });
        } else if (!content.statement?.trim()) {
          blockers.push(`${label} has no checkable statement: write one in the claim card and have it approved again.`);
          reasons.push({ code: "approved_no_statement", excerpt: short });
        }
        else approved.push({ live, signOff: signOff!, content });
        break;
      }
      case "excluded":
        excluded.push({ id: live.claim.id, reason: signOff!.note });
        break;
      case "changed_since_approval":
        blockers.push(`${label} changed since it was approved; it needs a new approval.`);
        reasons.push({ code: "changed", excerpt: short });
        break;
      case "changes_requested":
        blockers.push(`${label}: a reviewer requested changes.`);
        reasons.push({ code: "changes_requested", excerpt: short });
        break;
      case "undecided":
        blockers.push(`${label} is not approved or excluded yet.`);
        reasons.push({ code: "undecided", excerpt: short });
        break;
    }
    if (state !== "approved" && state !== "excluded" && !live.claim.statement?.trim()) {
      blockers.push(`${label} has no checkable statement: write one in the claim card.`);
      reasons.push({ code: "no_statement", excerpt: short });
    }
  }
  if (claims.length === 0) {
    blockers.push("The article has no claims to publish.");
    reasons.push({ code: "no_claims" });
  } else if (approved.length === 0 && blockers.length === 0) {
    blockers.push("Every claim is excluded; there is nothing to publish.");
    reasons.push({ code: "all_excluded" });
  }
  return { publishable: blockers.length === 0, blockers, reasons, approved, excluded };
}
