import { recordAudit, type AuditEntry, type AuditWriter } from "./record-audit";

/**
 * The parts of a projected `Claim` row the audit trail compares. Status and verdict live in
 * the shared document, so their history is derived here, at projection time, by comparing
 * the previous projected row with the new one.
 */
export interface ClaimAuditRow {
  id: string;
  articleId: string;
  type: string;
  status: string;
  verdict: string | null;
  exact: string;
  contentHash: string;
  updatedAt?: Date;
}

/**
 * Who made each kind of change, as the server vouches for it (server/collab/authorship.ts):
 * the user bound to the client of the claim's item (created), of the item holding `status`
 * or `verdict`, and the connection that deleted the claim. A plain string applies to all.
 */
export type ClaimChangeActors = string | null | { created?: string | null; status?: string | null; verdict?: string | null; deleted?: string | null };

function actorFor(actors: ClaimChangeActors, kind: "created" | "status" | "verdict" | "deleted"): string | null {
  return typeof actors === "object" && actors !== null ? actors[kind] ?? null : actors;
}

/**
 * The audit events between two projections of one claim (pure): created, deleted, status
 * changed, verdict changed, each with its server-vouched actor.
 * Edits of other fields produce nothing here; the projection runs debounced, so several
 * quick status flips between two runs show as one change.
 */
export function claimChangeEvents(before: ClaimAuditRow | null, after: ClaimAuditRow | null, actors: ClaimChangeActors): AuditEntry[] {
  if (!before && !after) return [];
  const at = after?.updatedAt && after.updatedAt.getTime() > 0 ? after.updatedAt : undefined;
  if (!before) {
    const a = after!;
    return [{ articleId: a.articleId, claimId: a.id, actorId: actorFor(actors, "created"), action: "claim.created", after: { type: a.type, status: a.status, verdict: a.verdict, exact: a.exact.slice(0, 280) }, at }];
  }
  if (!after) {
    return [{ articleId: before.articleId, claimId: before.id, actorId: actorFor(actors, "deleted"), action: "claim.deleted", before: { type: before.type, status: before.status, verdict: before.verdict, exact: before.exact.slice(0, 280) } }];
  }
  const out: AuditEntry[] = [];
  if (before.status !== after.status) {
    out.push({ articleId: after.articleId, claimId: after.id, actorId: actorFor(actors, "status"), action: "claim.status_changed", before: { status: before.status }, after: { status: after.status }, at });
  }
  if (before.verdict !== after.verdict) {
    out.push({ articleId: after.articleId, claimId: after.id, actorId: actorFor(actors, "verdict"), action: "claim.verdict_changed", before: { verdict: before.verdict }, after: { verdict: after.verdict }, at });
  }
  return out;
}

/**
 * Record the audit events of one claim's re-projection. Call it inside the projection's
 * transaction with the row read before the upsert (null for a new claim) and the row written
 * (null for a deleted claim). See docs/review-and-publication.md for the wiring.
 */
export async function auditClaimChanges(tx: AuditWriter, before: ClaimAuditRow | null, after: ClaimAuditRow | null, actors: ClaimChangeActors): Promise<void> {
  await recordAudit(tx, ...claimChangeEvents(before, after, actors));
}
