import type { Db } from "../db/client";
import { backoffMs, startQueueLoop } from "../queue/queue-loop";
import { deliverWebhook, RESPONSE_LOG_BYTES } from "./deliver";
import { setWebhookKick } from "./emit-event";
import { SIGNATURE_HEADER, signatureHeader } from "./signature";

export interface WebhookWorkerOptions {
  db: Db;
  log?: (msg: string, extra?: Record<string, unknown>) => void;
  /** How often due retries are looked for when nothing kicks the worker. */
  pollMs?: number;
  /** Attempts per delivery before it is marked failed. */
  maxAttempts?: number;
  /** Delay before the 2nd attempt; doubles each time up to maxDelayMs. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** A claimed delivery is invisible to other processes this long (a crash mid-send retries after it). */
  leaseMs?: number;
  timeoutMs?: number;
}

export const WEBHOOK_DEFAULTS = { pollMs: 5_000, maxAttempts: 8, baseDelayMs: 30_000, maxDelayMs: 6 * 3600_000, leaseMs: 60_000 } as const;


/**
 * The in-process delivery worker: the queue is the WebhookDelivery table, so pending
 * deliveries survive restarts, and several processes (PostgreSQL) can share it — each
 * delivery is claimed with a conditional update before it is sent. One batch at a time.
 */
export function startWebhookWorker(options: WebhookWorkerOptions) {
  const { db } = options;
  const o = { ...WEBHOOK_DEFAULTS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) } as Required<WebhookWorkerOptions>;
  async function attempt(id: string): Promise<void> {
    const now = new Date();
    const row = await db.webhookDelivery.findUnique({ where: { id }, include: { webhook: true } });
    if (!row || row.status !== "pending" || row.nextAttemptAt > now) return;
    // Claim it: only one process wins the conditional update.
    const claimed = await db.webhookDelivery.updateMany({ where: { id, status: "pending", nextAttemptAt: row.nextAttemptAt }, data: { nextAttemptAt: new Date(now.getTime() + o.leaseMs) } });
    if (claimed.count !== 1) return;
    if (!row.webhook.active) {
      await db.webhookDelivery.update({ where: { id }, data: { status: "failed", lastError: "the webhook was disabled" } });
      return;
    }
    const timestamp = Math.floor(Date.now() / 1000);
    const result = await deliverWebhook({
      url: row.webhook.url, body: row.payload, timeoutMs: o.timeoutMs,
      headers: {
        "content-type": "application/json", "user-agent": "Sanad-Webhooks/1",
        [SIGNATURE_HEADER]: signatureHeader(row.webhook.secret, timestamp, row.payload),
        "Sanad-Event": row.event, "Sanad-Delivery": row.id,
      },
    });
    const attempts = row.attempts + 1;
    const ok = result.status !== null && result.status >= 200 && result.status < 300;
    const final = ok || result.permanent || attempts >= o.maxAttempts;
    await db.webhookDelivery.update({
      where: { id },
      data: {
        attempts, lastStatusCode: result.status, lastResponse: result.body.slice(0, RESPONSE_LOG_BYTES), lastError: result.error,
        status: ok ? "delivered" : final ? "failed" : "pending",
        deliveredAt: ok ? new Date() : null,
        nextAttemptAt: final ? new Date() : new Date(Date.now() + backoffMs(attempts, o.baseDelayMs, o.maxDelayMs)),
      },
    });
    if (!ok) options.log?.("webhook delivery failed", { delivery: id, attempt: attempts, status: result.status, error: result.error, final });
  }

  return startQueueLoop({
    due: async (limit) => (await db.webhookDelivery.findMany({ where: { status: "pending", nextAttemptAt: { lte: new Date() } }, orderBy: { nextAttemptAt: "asc" }, take: limit, select: { id: true } })).map((d) => d.id),
    attempt,
    pollMs: o.pollMs,
    setKick: setWebhookKick,
    onError: (e) => options.log?.("webhook worker error", { error: String(e) }),
  });
}
