import type { Db } from "../db/client";
import { AppError } from "../../lib/errors";
import { canManageUsers, type Actor } from "../../lib/policies";

/** Invitations still usable (not used, withdrawn or expired), newest first, for the People page. */
export async function listPendingInvitations(options: { db: Db; actor: Actor; now?: Date }) {
  const { db, actor } = options;
  if (!canManageUsers(actor)) throw new AppError("FORBIDDEN", "Only admins can manage people.");
  const rows = await db.accountToken.findMany({
    where: { kind: "invitation", usedAt: null, revokedAt: null, expiresAt: { gt: options.now ?? new Date() } },
    orderBy: { createdAt: "desc" },
    select: { id: true, email: true, role: true, createdById: true, createdAt: true, expiresAt: true },
  });
  const inviters = await db.user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.createdById))] } }, select: { id: true, name: true, email: true } });
  const nameOf = new Map(inviters.map((u) => [u.id, u.name ?? u.email ?? null]));
  return rows.map((r) => ({ id: r.id, email: r.email, role: r.role ?? "viewer", invitedBy: nameOf.get(r.createdById) ?? null, createdAt: r.createdAt.toISOString(), expiresAt: r.expiresAt.toISOString() }));
}
export type PendingInvitation = Awaited<ReturnType<typeof listPendingInvitations>>[number];
