import type { Db } from "../db/client";
import { AppError } from "../../lib/errors";
import { canManageUsers, type Actor } from "../../lib/policies";

/** An admin removes a webhook; its pending deliveries go with it (cascade). */
export async function deleteWebhook(options: { db: Db; actor: Actor; webhookId: string }): Promise<void> {
  const { db, actor, webhookId } = options;
  if (!canManageUsers(actor)) throw new AppError("FORBIDDEN", "Only admins manage webhooks.");
  const deleted = await db.webhook.deleteMany({ where: { id: webhookId.slice(0, 64) } });
  if (deleted.count === 0) throw new AppError("NOT_FOUND", "No such webhook.");
}
