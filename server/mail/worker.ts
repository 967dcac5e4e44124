import nodemailer from "nodemailer";
import type { Db } from "../db/client";
import { mailConfig, type MailConfig } from "./config";
import { backoffMs, startQueueLoop } from "../queue/queue-loop";
import { setMailKick } from "./send-mail";

export interface MailWorkerOptions {
  db: Db;
  log?: (msg: string, extra?: Record<string, unknown>) => void;
  /** Default: from the environment (server/mail/config.ts). */
  config?: MailConfig | null;
  pollMs?: number;
  maxAttempts?: number;
  /** Delay before the 2nd attempt; doubles each time up to maxDelayMs. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** A claimed message is invisible to other processes this long (a crash mid-send retries after it). */
  leaseMs?: number;
}

export const MAIL_DEFAULTS = { pollMs: 10_000, maxAttempts: 8, baseDelayMs: 30_000, maxDelayMs: 3600_000, leaseMs: 120_000 } as const;

/**
 * Sends queued e-mail through SMTP (nodemailer). The queue is the MailMessage table, so mail
 * survives restarts and several processes share it: each message is claimed with a
 * conditional update before it is sent. One message at a time, never on the collab path.
 * A temporary failure (connection, 4xx) is retried with back-off; a permanent one (5xx) or
 * the last attempt marks it failed. Each message's failure is logged once, when it first
 * fails, and once more if it is given up.
 */
export function startMailWorker(options: MailWorkerOptions) {
  const { db } = options;
  const config = options.config === undefined ? mailConfig() : options.config;
  const o = { ...MAIL_DEFAULTS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) } as Required<Omit<MailWorkerOptions, "config">>;
  if (!config) return null;
  const transport = nodemailer.createTransport(config.smtpUrl);

  async function attempt(id: string): Promise<void> {
    const now = new Date();
    const row = await db.mailMessage.findUnique({ where: { id } });
    if (!row || row.status !== "pending" || row.nextAttemptAt > now) return;
    const claimed = await db.mailMessage.updateMany({ where: { id, status: "pending", nextAttemptAt: row.nextAttemptAt }, data: { nextAttemptAt: new Date(now.getTime() + o.leaseMs) } });
    if (claimed.count !== 1) return;
    let error: string | null = null;
    let permanent = false;
    try {
      await transport.sendMail({ from: config!.from, to: row.to, subject: row.subject, text: row.text });
    } catch (e) {
      const code = (e as { responseCode?: unknown }).responseCode;
      permanent = typeof code === "number" && code >= 500 && code < 600;
      error = String((e as Error).message ?? e).slice(0, 500);
    }
    const attempts = row.attempts + 1;
    const final = error === null || permanent || attempts >= o.maxAttempts;
    await db.mailMessage.update({
      where: { id },
      data: {
        attempts, lastError: error,
        status: error === null ? "sent" : final ? "failed" : "pending",
        sentAt: error === null ? new Date() : null,
        nextAttemptAt: final ? new Date() : new Date(Date.now() + backoffMs(attempts, o.baseDelayMs, o.maxDelayMs)),
      },
    });
    if (error !== null && (attempts === 1 || final)) options.log?.(final ? "e-mail given up" : "e-mail not sent; retrying with back-off", { mail: id, attempt: attempts, error });
  }

  const loop = startQueueLoop({
    due: async (limit) => (await db.mailMessage.findMany({ where: { status: "pending", nextAttemptAt: { lte: new Date() } }, orderBy: { nextAttemptAt: "asc" }, take: limit, select: { id: true } })).map((d) => d.id),
    attempt,
    pollMs: o.pollMs,
    setKick: setMailKick,
    onError: (e) => options.log?.("mail worker error", { error: String(e) }),
  });
  return {
    ...loop,
    async stop() {
      await loop.stop();
      transport.close();
    },
  };
}
