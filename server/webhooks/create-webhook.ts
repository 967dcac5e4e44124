import { z } from "zod";
import type { Db } from "../db/client";
import { AppError } from "../../lib/errors";
import { canManageUsers, type Actor } from "../../lib/policies";
import { parseInput } from "../../lib/validation";
import { WEBHOOK_EVENTS } from "../../lib/webhook-events";
import { addressProblem, hostAllowed, parseAllowList } from "../fetch/address-policy";
import { generateWebhookSecret } from "./signature";

export const ZCreateWebhookInput = z.object({
  url: z.string().trim().max(2000).url("give the receiver's full URL").refine((u) => /^https?:\/\//i.test(u), "only http(s) URLs"),
  events: z.array(z.enum(WEBHOOK_EVENTS)).min(1, "choose at least one event").max(WEBHOOK_EVENTS.length),
}).strict();
export type TCreateWebhookInput = z.input<typeof ZCreateWebhookInput>;

/**
 * An admin registers a receiver. The signing secret is returned once. An IP-literal URL in a
 * private range is refused here already (clear error at once); host names are checked at every
 * delivery, after DNS, because their addresses can change.
 */
export async function createWebhook(options: { db: Db; actor: Actor; input: unknown }) {
  const { db, actor } = options;
  if (!canManageUsers(actor)) throw new AppError("FORBIDDEN", "Only admins manage webhooks.");
  const input = parseInput(ZCreateWebhookInput, options.input);
  const url = new URL(input.url);
  if (url.username || url.password) throw new AppError("INVALID_INPUT", "url: credentials in the URL are not allowed").withReason("credentials");
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const allow = parseAllowList(process.env.SANAD_FETCH_ALLOW);
  const literalProblem = /^[\d.]+$|:/.test(host) && !hostAllowed(host, allow) ? addressProblem(host, allow) : null;
  if (literalProblem || (host.toLowerCase() === "localhost" && !allow.hosts.has("localhost"))) {
    throw new AppError("INVALID_INPUT", `url: ${literalProblem ?? "localhost is a local address"}; private and local receivers need SANAD_FETCH_ALLOW`).withReason("localReceiver");
  }
  const secret = generateWebhookSecret();
  const row = await db.webhook.create({ data: { url: url.toString(), events: [...new Set(input.events)].join(" "), secret, createdById: actor.id } });
  return { id: row.id, url: row.url, events: row.events.split(" "), secret };
}
