import type { Db } from "../db/client";
import type { Actor } from "../../lib/policies";

/** What the Account page needs about the signed-in person's own account (never the hash itself). */
export async function ownAccount(options: { db: Db; actor: Actor }): Promise<{ email: string | null; hasPassword: boolean }> {
  const user = await options.db.user.findUnique({ where: { id: options.actor.id }, select: { email: true, passwordHash: true } });
  return { email: user?.email ?? null, hasPassword: !!user?.passwordHash };
}
