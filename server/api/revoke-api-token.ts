import type { Db } from "../db/client";
import { AppError } from "../../lib/errors";
import type { Actor } from "../../lib/policies";

/**
 * Revoke one of the actor's own tokens; it stops working on the next request. Someone else's
 * token id answers NOT_FOUND, exactly like an unknown id, so ids cannot be probed.
 */
export async function revokeApiToken(options: { db: Db; actor: Actor; tokenId: string; now?: Date }): Promise<void> {
  const { db, actor, tokenId } = options;
  const token = await db.apiToken.findUnique({ where: { id: tokenId.slice(0, 64) } });
  if (!token || token.userId !== actor.id) throw new AppError("NOT_FOUND", "No such token.");
  if (token.revokedAt) return;
  await db.apiToken.update({ where: { id: token.id }, data: { revokedAt: options.now ?? new Date() } });
}
