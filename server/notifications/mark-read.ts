import { z } from "zod";
import type { Db } from "../db/client";
import { parseInput } from "../../lib/validation";
import type { Actor } from "../../lib/policies";

/** Mark some of one's own notifications read (`ids`), or all of them (`all: true`). */
export const ZMarkReadInput = z.union([
  z.object({ ids: z.array(z.string().min(1).max(64)).min(1).max(100) }).strict(),
  z.object({ all: z.literal(true) }).strict(),
]);
export type TMarkReadInput = z.infer<typeof ZMarkReadInput>;

/**
 * Mark notifications read. Only the actor's own: ids of other people's notifications change
 * nothing (and say nothing about whether they exist). Returns the new unread count.
 */
export async function markNotificationsRead(options: { db: Db; actor: Actor; input: unknown }): Promise<{ unread: number }> {
  const { db, actor } = options;
  const input = parseInput(ZMarkReadInput, options.input);
  const where = "all" in input ? { userId: actor.id, readAt: null } : { userId: actor.id, readAt: null, id: { in: input.ids } };
  await db.notification.updateMany({ where, data: { readAt: new Date() } });
  return { unread: await db.notification.count({ where: { userId: actor.id, readAt: null } }) };
}
