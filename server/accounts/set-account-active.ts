import { z } from "zod";
import type { Db } from "../db/client";
import { AppError } from "../../lib/errors";
import { canManageUsers, type Actor } from "../../lib/policies";
import { parseInput } from "../../lib/validation";
import { recordAudit } from "../audit/record-audit";
import { runtimeSessionSink, type SessionChangeSink } from "../auth/session-changes";
import { assertAnotherActiveAdmin } from "./admin-guard";

export const ZSetAccountActiveInput = z.object({ active: z.boolean() }).strict();
export type TSetAccountActiveInput = z.infer<typeof ZSetAccountActiveInput>;

/**
 * Deactivate or reactivate an account (admins only; never one's own; never the last active
 * admin). Deactivating sets `deactivatedAt`, bumps the session version (every session cookie
 * stops working at once, on every process), withdraws the person's pending reset links, and —
 * after the commit — closes their open sockets here and, through the relay, elsewhere. Sign-in
 * and API tokens check `deactivatedAt` on every attempt. The row stays, so everything the person
 * did keeps its author. Reactivating clears the mark; old sessions stay ended. Audited.
 */
export async function setAccountActive(options: { db: Db; actor: Actor; userId: string; input: unknown; sink?: SessionChangeSink; now?: Date }) {
  const { db, actor, userId } = options;
  if (!canManageUsers(actor)) throw new AppError("FORBIDDEN", "Only admins can deactivate accounts.");
  const { active } = parseInput(ZSetAccountActiveInput, options.input);
  if (userId === actor.id) throw new AppError("CONFLICT", "You cannot deactivate your own account; ask another admin.").withReason("ownAccount");
  const now = options.now ?? new Date();
  const result = await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, role: true, deactivatedAt: true } });
    if (!user) throw new AppError("NOT_FOUND", "No such user.");
    const wasActive = user.deactivatedAt === null;
    if (wasActive === active) return { changed: false };
    if (!active) {
      if (user.role === "admin") await assertAnotherActiveAdmin(tx, userId);
      await tx.user.update({ where: { id: userId }, data: { deactivatedAt: now, sessionVersion: { increment: 1 } } });
      await tx.accountToken.updateMany({ where: { kind: "password_reset", userId, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
    } else {
      await tx.user.update({ where: { id: userId }, data: { deactivatedAt: null } });
    }
    await recordAudit(tx, { articleId: null, actorId: actor.id, action: active ? "account.reactivated" : "account.deactivated", before: { userId, active: wasActive }, after: { userId, active } });
    return { changed: true };
  });
  if (result.changed && !active) (options.sink ?? runtimeSessionSink())({ userId, kind: "signed-out" });
  return { id: userId, active };
}
