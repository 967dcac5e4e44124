import type { Db } from "../db/client";
import { AppError } from "../../lib/errors";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * Refuse a change that would leave no active admin: `userId` is about to stop being one
 * (deactivated or demoted). First takes a write lock on every admin row (a no-op UPDATE: row
 * locks on PostgreSQL, the database write lock on SQLite), so two admins removing each other
 * at the same moment are serialised and the second sees the first's change.
 */
export async function assertAnotherActiveAdmin(tx: Tx, userId: string): Promise<void> {
  await tx.$executeRawUnsafe(`UPDATE "User" SET "role" = "role" WHERE "role" = 'admin'`);
  const others = await tx.user.count({ where: { role: "admin", deactivatedAt: null, id: { not: userId } } });
  if (others === 0) throw new AppError("CONFLICT", "This is the last active admin; make someone else an admin first.").withReason("lastAdmin");
}
