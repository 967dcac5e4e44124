import { z } from "zod";
import type { Db } from "../db/client";
import { AppError } from "../../lib/errors";
import { canManageUsers, ROLES, type Actor } from "../../lib/policies";
import { recordAudit } from "../audit/record-audit";
import { parseInput } from "../../lib/validation";

export const ZSetUserRoleInput = z.object({ role: z.enum(ROLES) }).strict();
export type TSetUserRoleInput = z.infer<typeof ZSetUserRoleInput>;

/**
 * Change a user's role (admins only). An admin cannot demote themselves, so a team never
 * locks itself out of user management by accident. Audited.
 */
export async function setUserRole(options: { db: Db; actor: Actor; userId: string; input: unknown }) {
  const { db, actor, userId } = options;
  if (!canManageUsers(actor)) throw new AppError("FORBIDDEN", "Only admins can change roles.");
  const { role } = parseInput(ZSetUserRoleInput, options.input);
  if (userId === actor.id && role !== "admin") throw new AppError("CONFLICT", "You cannot remove your own admin role; ask another admin.");
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, role: true } });
    if (!user) throw new AppError("NOT_FOUND", "No such user.");
    if (user.role === role) return user;
    const updated = await tx.user.update({ where: { id: userId }, data: { role }, select: { id: true, role: true } });
    await recordAudit(tx, { articleId: null, actorId: actor.id, action: "user.role_changed", before: { userId, role: user.role }, after: { userId, role } });
    return updated;
  });
}
