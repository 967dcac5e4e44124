import type { Db } from "../db/client";
import { AppError } from "../../lib/errors";
import { canManageUsers, type Actor } from "../../lib/policies";

/** Deliveries shown per webhook on the admin page. */
export const DELIVERIES_SHOWN = 20;

/** Every webhook with its latest deliveries and their logged answers (admins; never the secret). */
export async function listWebhooks(options: { db: Db; actor: Actor }) {
  const { db, actor } = options;
  if (!canManageUsers(actor)) throw new AppError("FORBIDDEN", "Only admins manage webhooks.");
  const hooks = await db.webhook.findMany({
    orderBy: { createdAt: "desc" },
    include: { deliveries: { orderBy: { createdAt: "desc" }, take: DELIVERIES_SHOWN } },
  });
  return hooks.map((h) => ({
    id: h.id, url: h.url, events: h.events.split(" "), active: h.active, createdAt: h.createdAt.toISOString(),
    deliveries: h.deliveries.map((d) => ({
      id: d.id, event: d.event, status: d.status, attempts: d.attempts, createdAt: d.createdAt.toISOString(),
      nextAttemptAt: d.status === "pending" ? d.nextAttemptAt.toISOString() : null,
      lastStatusCode: d.lastStatusCode, lastResponse: d.lastResponse, lastError: d.lastError,
    })),
  }));
}
export type WebhookListItem = Awaited<ReturnType<typeof listWebhooks>>[number];
