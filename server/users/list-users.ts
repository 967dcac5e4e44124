import type { Db } from "../db/client";
import { AppError } from "../../lib/errors";
import { canManageUsers, canViewArticle, type Actor } from "../../lib/policies";

/** Everyone with an account, oldest first, for the People page (admins only). */
export async function listUsers(options: { db: Db; actor: Actor }) {
  if (!canManageUsers(options.actor)) throw new AppError("FORBIDDEN", "Only admins can manage people.");
  return options.db.user.findMany({ select: { id: true, name: true, email: true, role: true, createdAt: true, deactivatedAt: true }, orderBy: { createdAt: "asc" } });
}

/**
 * The people a claim can be assigned to (editors, reviewers, admins), by name. Names and ids
 * only: a workspace never needs colleagues' e-mail addresses. A person without a name has
 * `name: null`; the page words it in the reader's language.
 */
export async function listTeam(options: { db: Db; actor: Actor }): Promise<Array<{ id: string; name: string | null; active: boolean }>> {
  if (!canViewArticle(options.actor)) throw new AppError("FORBIDDEN", "No access to the team.");
  const team = await options.db.user.findMany({ where: { role: { in: ["editor", "reviewer", "admin"] } }, select: { id: true, name: true, deactivatedAt: true }, orderBy: { name: "asc" } });
  // Deactivated people still name their past work; they are not offered for new assignments or mentions.
  return team.map((u) => ({ id: u.id, name: u.name, active: u.deactivatedAt === null }));
}
