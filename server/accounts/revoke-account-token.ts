import type { Db } from "../db/client";
import { AppError } from "../../lib/errors";
import { canManageUsers, type Actor } from "../../lib/policies";
import { recordAudit } from "../audit/record-audit";

/**
 * Withdraw a pending invitation or password-reset link (admins only). A link already used or
 * withdrawn is a conflict; an expired one may still be withdrawn (it changes nothing). Audited.
 */
export async function revokeAccountToken(options: { db: Db; actor: Actor; id: string; now?: Date }) {
  const { db, actor, id } = options;
  if (!canManageUsers(actor)) throw new AppError("FORBIDDEN", "Only admins can withdraw links.");
  const now = options.now ?? new Date();
  return db.$transaction(async (tx) => {
    const row = await tx.accountToken.findUnique({ where: { id }, select: { id: true, kind: true, email: true, userId: true } });
    if (!row) throw new AppError("NOT_FOUND", "No such link.");
    // Conditional, so a link being accepted at this moment is either used or withdrawn, never both.
    const done = await tx.accountToken.updateMany({ where: { id, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
    if (done.count === 0) throw new AppError("CONFLICT", "This link was already used or withdrawn.");
    await recordAudit(tx, {
      articleId: null, actorId: actor.id,
      action: row.kind === "invitation" ? "account.invitation_revoked" : "account.password_reset_revoked",
      before: { tokenId: row.id, email: row.email, ...(row.userId ? { userId: row.userId } : {}) },
    });
    return { id: row.id, revoked: true };
  });
}
