import { z } from "zod";
import { reviewableContent } from "../../lib/claim-model";
import { AppError, isAppError } from "../../lib/errors";
import { canReview, mayApproveClaim, mayRequestChanges, type Actor } from "../../lib/policies";
import { recordAudit } from "../audit/record-audit";
import { loadDecisions, type ArticleDecisions } from "../review/decisions";
import { latestByClaim, SIGN_OFF_DECISIONS, type SignOffDecision } from "../../lib/review/decision-state";
import { changeLiveDoc, readVouchedClaim, type LiveDeps } from "./live-claim";
import { parseInput } from "../../lib/validation";
import { emitEvent } from "../webhooks/emit-event";
import { createNotifications } from "../notifications/create-notifications";

export const MAX_SIGN_OFF_NOTE = 2000;

/** What a reviewer sends: the decision, a note (required unless approving) and the hash they saw. */
export const ZSignOffClaimInput = z.object({
  decision: z.enum(SIGN_OFF_DECISIONS),
  note: z.string().trim().max(MAX_SIGN_OFF_NOTE, `the note is longer than ${MAX_SIGN_OFF_NOTE} characters`).default(""),
  contentHash: z.string().regex(/^[0-9a-f]{64}$/, "contentHash must be the claim's 64-character hex SHA-256"),
}).strict().superRefine((input, ctx) => {
  if (input.decision !== "approved" && input.note === "") {
    ctx.addIssue({ code: "custom", path: ["note"], message: input.decision === "excluded" ? "give the reason for excluding this claim" : "say what needs to change" });
  }
});
export type TSignOffClaimInput = z.input<typeof ZSignOffClaimInput>;

export interface SignOffClaimOptions extends LiveDeps {
  actor: Actor;
  /** Claim ids are only unique within their article: the article is always named. */
  articleId: string;
  claimId: string;
  /** Untrusted input, validated here (TSignOffClaimInput). */
  input: unknown;
}

export interface SignOffClaimResult {
  articleId: string;
  signOff: { id: string; claimId: string; decision: SignOffDecision; note: string; contentHash: string; reviewerId: string; createdAt: string };
  /** The article's decisions after this one (what live clients were sent). */
  decisions: ArticleDecisions;
}


/**
 * A reviewer approves a claim, requests changes, or excludes it from publication. The content
 * hash is computed from the LIVE document; the client's hash only detects that the claim
 * changed under the reviewer (409). Approval obeys the four-eyes rule (lib/policies) with
 * server-vouched authorship: who created the claim and who set its verdict are the users
 * bound to the Yjs client ids of those items, never the document's createdBy/verdictBy. The
 * SignOff row and its AuditEvent are written in one transaction; "changes requested" also
 * sets the claim's status in the document as the server; every connected client then gets
 * the new decisions over its collab socket.
 */
export async function signOffClaim(options: SignOffClaimOptions): Promise<SignOffClaimResult> {
  const { db, actor, claimId } = options;
  if (!canReview(actor)) throw new AppError("FORBIDDEN", "Only reviewers can sign off claims.");
  const input = parseInput(ZSignOffClaimInput, options.input);
  const articleId = options.articleId;
  if (!(await db.article.findUnique({ where: { id: articleId }, select: { id: true } }))) throw new AppError("NOT_FOUND", "No such article.");

  const live = await readVouchedClaim(options, articleId, claimId);
  if (live.contentHash !== input.contentHash) {
    throw new AppError("CONFLICT", "The claim changed while you were reviewing it. Review the current version and decide again.", { contentHash: live.contentHash }).withReason("claimChanged");
  }
  const allowed = input.decision === "approved" ? mayApproveClaim(actor, { ...live.claim, createdBy: live.authors.createdBy, verdictBy: live.claim.verdict === null ? null : live.authors.verdictBy }) : mayRequestChanges(actor);
  if (!allowed.ok) throw new AppError("FORBIDDEN", allowed.reason);

  const previous = latestByClaim(await db.signOff.findMany({ where: { articleId, claimId } })).get(claimId) ?? null;
  const repeat = previous && previous.decision === input.decision && previous.contentHash === live.contentHash && previous.note === input.note && previous.reviewerId === actor.id;

  const signOff = repeat ? previous : await db.$transaction(async (tx) => {
    const created = await tx.signOff.create({
      data: {
        claimId, articleId, reviewerId: actor.id, decision: input.decision, note: input.note,
        contentHash: live.contentHash, snapshot: reviewableContent(live.claim) as object,
      },
    });
    await recordAudit(tx, {
      articleId, claimId, actorId: actor.id, action: `sign_off.${input.decision}`,
      before: previous ? { decision: previous.decision, contentHash: previous.contentHash, note: previous.note, reviewerId: previous.reviewerId } : null,
      after: { decision: created.decision, contentHash: created.contentHash, note: created.note, reviewerId: created.reviewerId },
      at: created.createdAt,
    });
    return created;
  });

  if (input.decision === "changes_requested" && live.claim.status !== "changes_requested") {
    try {
      await changeLiveDoc(options, articleId, actor.id, (doc, api) => api.setStatus(doc, claimId, "changes_requested", { id: actor.id, name: actor.name }));
    } catch (e) {
      // Deleted in the meantime: the decision stands on record; there is no claim to mark.
      if (!(isAppError(e) && e.code === "NOT_FOUND")) throw e;
    }
  }

  const decisions = await loadDecisions(db, articleId);
  options.collab?.publishDecisions(articleId, decisions);
  if (!repeat && input.decision === "approved") {
    await emitEvent(db, "claim.approved", { articleId, claimId, signOffId: signOff.id, contentHash: signOff.contentHash, reviewer: { id: actor.id, name: actor.name }, approvedAt: signOff.createdAt.toISOString() });
  }
  if (!repeat && (input.decision === "approved" || input.decision === "changes_requested")) {
    // Told: the claim's server-vouched creator and verdict setter, and its assignee. The
    // reviewer is the session's user; createNotifications drops the reviewer themself.
    const people = new Set([live.authors.createdBy, live.authors.verdictBy, live.claim.assigneeId].filter((id): id is string => !!id));
    await createNotifications(db, [...people].map((userId) => ({
      userId, kind: input.decision as "approved" | "changes_requested", actorId: actor.id, articleId, claimId,
      excerpt: input.note, dedupeKey: `decision:${signOff.id}:${userId}`,
    })));
  }
  return {
    articleId,
    signOff: {
      id: signOff.id, claimId, decision: signOff.decision as SignOffDecision, note: signOff.note,
      contentHash: signOff.contentHash, reviewerId: signOff.reviewerId, createdAt: signOff.createdAt.toISOString(),
    },
    decisions,
  };
}
