import { randomUUID } from "node:crypto";
import type { Db } from "../db/client";
import type { WebhookEvent } from "../../lib/webhook-events";

/**
 * The worker's "there is work" signal. The worker lives in server/main.ts's module graph and
 * emitters may run in Next's bundle, so the link is globalThis (like server/runtime.ts).
 */
const holder = globalThis as unknown as { __sanadWebhookKick?: () => void };

export function setWebhookKick(kick: (() => void) | undefined): void {
  holder.__sanadWebhookKick = kick;
}

/** The JSON body every delivery carries; stored as sent so retries repeat it byte for byte. */
export interface WebhookEnvelope<T = unknown> {
  id: string;
  event: WebhookEvent;
  createdAt: string;
  data: T;
}

/**
 * Queue `event` for every active webhook subscribed to it. Called by domain operations AFTER
 * their transaction committed, so a receiver never hears of something that did not happen.
 * It never throws: the operation has succeeded, and a queueing failure is logged instead
 * (the delivery is then lost — documented in the README).
 */
export async function emitEvent<T>(db: Db, event: WebhookEvent, data: T, now = new Date()): Promise<number> {
  try {
    const hooks = await db.webhook.findMany({ where: { active: true }, select: { id: true, events: true } });
    const targets = hooks.filter((h) => h.events.split(/\s+/).includes(event));
    if (!targets.length) return 0;
    const envelope: WebhookEnvelope<T> = { id: randomUUID(), event, createdAt: now.toISOString(), data };
    const payload = JSON.stringify(envelope);
    await db.webhookDelivery.createMany({ data: targets.map((h) => ({ webhookId: h.id, event, payload, nextAttemptAt: now })) });
    holder.__sanadWebhookKick?.();
    return targets.length;
  } catch (e) {
    console.error(`[sanad] could not queue webhook event ${event}`, e);
    return 0;
  }
}
