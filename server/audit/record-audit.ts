import type { Db } from "../db/client";

/**
 * The audit trail: every change of a sign-off, a publication, a claim's status or verdict is
 * one AuditEvent {who, what, when, before, after}. Actions are named `<subject>.<change>`.
 */
export const AUDIT_ACTIONS = [
  "claim.created",
  "claim.deleted",
  "claim.status_changed",
  "claim.verdict_changed",
  "claims.restored",
  "version.taken",
  "sign_off.approved",
  "sign_off.changes_requested",
  "sign_off.excluded",
  "publication.published",
  "publication.corrected",
  "publication.retracted",
  "user.role_changed",
  "account.invited",
  "account.invitation_revoked",
  "account.invitation_accepted",
  "account.deactivated",
  "account.reactivated",
  "account.password_reset_issued",
  "account.password_reset_revoked",
  "account.password_reset_used",
  "account.password_changed",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What writes audit events: the client or an interactive transaction of it. */
export type AuditWriter = Pick<Db, "auditEvent">;

export interface AuditEntry {
  articleId: string | null;
  claimId?: string | null;
  /** The user who made the change; null when unknown (e.g. a claim deleted by someone). */
  actorId: string | null;
  action: AuditAction;
  /** JSON-serialisable state before and after; omitted (SQL NULL) when there is none. */
  before?: object | null;
  after?: object | null;
  at?: Date;
}

function row(e: AuditEntry) {
  return {
    articleId: e.articleId,
    claimId: e.claimId ?? null,
    actorId: e.actorId,
    action: e.action,
    ...(e.before ? { before: e.before } : {}),
    ...(e.after ? { after: e.after } : {}),
    ...(e.at ? { createdAt: e.at } : {}),
  };
}

/** Append audit events (call inside the transaction that makes the change). */
export async function recordAudit(tx: AuditWriter, ...entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  if (entries.length === 1) {
    await tx.auditEvent.create({ data: row(entries[0]) });
    return;
  }
  await tx.auditEvent.createMany({ data: entries.map(row) });
}
