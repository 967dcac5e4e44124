/** Events a webhook can subscribe to; emitted by the domain operations after they commit. */
export const WEBHOOK_EVENTS = ["article.imported", "claim.approved", "article.published", "article.corrected", "article.retracted"] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export function isWebhookEvent(value: unknown): value is WebhookEvent {
  return typeof value === "string" && (WEBHOOK_EVENTS as readonly string[]).includes(value);
}
