import { z } from "zod";
import type { Db } from "../db/client";
import { AppError } from "../../lib/errors";
import { canManageUsers, ROLES, type Actor } from "../../lib/policies";
import { recordAudit } from "../audit/record-audit";
import { runtimeSessionSink, type SessionChangeSink } from "../auth/session-changes";
import { parseInput } from "../../lib/validation";
import { assertAnotherActiveAdmin } from "../accounts/admin-guard";

export const ZSetUserRoleInput = z.object({ role: z.enum(ROLES) }).strict();
export type TSetUserRoleInput = z.infer<typeof ZSetUserRoleInput>;

/**
 * Change a user's role (admins only). An admin cannot demote themselves, nor the last active
 * admin, so a team never locks itself out of user management by accident. Audited. Takes effect at once: HTTP reads
 * the role on every request, and the user's open sockets (on every process) stop writing and
 * are closed so their tabs reload with the new role.
 */
export async function setUserRole(options: { db: Db; actor: Actor; userId: string; input: unknown; sink?: SessionChangeSink }) {
  const { db, actor, userId } = options;
  if (!canManageUsers(actor)) throw new AppError("FORBIDDEN", "Only admins can change roles.");
  const { role } = parseInput(ZSetUserRoleInput, options.input);
  if (userId === actor.id && role !== "admin") throw new AppError("CONFLICT", "You cannot remove your own admin role; ask another admin.").withReason("ownAdminRole");
  const result = await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, role: true } });
    if (!user) throw new AppError("NOT_FOUND", "No such user.");
    if (user.role === role) return { user, changed: false };
    if (user.role === "admin") await assertAnotherActiveAdmin(tx, userId);
    const updated = await tx.user.update({ where: { id: userId }, data: { role }, select: { id: true, role: true } });
    await recordAudit(tx, { articleId: null, actorId: actor.id, action: "user.role_changed", before: { userId, role: user.role }, after: { userId, role } });
    return { user: updated, changed: true };
  });
  // After the commit: a socket that reconnects at once must read the new role.
  if (result.changed) (options.sink ?? runtimeSessionSink())({ userId, kind: "role-changed", role });
  return result.user;
}
