import { z } from "zod";
import type { Db } from "../db/client";
import { getDb } from "../db/client";
import { parseInput } from "../../lib/validation";
import { mailConfigured } from "./config";

/**
 * The worker's "there is mail" signal. The worker lives in server/main.ts's module graph and
 * senders may run in Next's bundle, so the link is globalThis (like the webhook worker's).
 */
const holder = globalThis as unknown as { __sanadMailKick?: () => void };

export function setMailKick(kick: (() => void) | undefined): void {
  holder.__sanadMailKick = kick;
}

/** One plain-text e-mail. Header fields may not carry line breaks (no header injection). */
export const ZMail = z.object({
  to: z.email().max(320),
  subject: z.string().trim().min(1).max(200).regex(/^[^\r\n]*$/, "the subject is one line"),
  text: z.string().min(1).max(100_000),
}).strict();
export type TMail = z.input<typeof ZMail>;

/**
 * Queue an e-mail for sending. It is written to the `MailMessage` table and sent by the mail
 * worker (server/mail/worker.ts) off the request and collab paths, retried with back-off;
 * the caller never waits for SMTP. Returns the queued message's id, or null when this server
 * sends no mail (`SANAD_SMTP_URL` unset). Throws on invalid input.
 */
export async function sendMail(options: TMail & { db?: Db }): Promise<string | null> {
  const { db = getDb(), ...mail } = options;
  const message = parseInput(ZMail, mail, "e-mail");
  if (!mailConfigured()) return null;
  const row = await db.mailMessage.create({ data: message, select: { id: true } });
  holder.__sanadMailKick?.();
  return row.id;
}
