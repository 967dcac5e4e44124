import nodemailer from "nodemailer";
import type { Db } from "../db/client";
import { mailConfig, type MailConfig } from "./config";
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
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

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
        nextAttemptAt: final ? new Date() : new Date(Date.now() + Math.min(o.maxDelayMs, o.baseDelayMs * 2 ** (attempts - 1))),
      },
    });
    if (error !== null && (attempts === 1 || final)) options.log?.(final ? "e-mail given up" : "e-mail not sent; retrying with back-off", { mail: id, attempt: attempts, error });
  }

  async function runOnce(): Promise<void> {
    for (;;) {
      const due = await db.mailMessage.findMany({ where: { status: "pending", nextAttemptAt: { lte: new Date() } }, orderBy: { nextAttemptAt: "asc" }, take: 20, select: { id: true } });
      for (const d of due) {
        if (stopped) return;
        await attempt(d.id);
      }
      if (due.length < 20 || stopped) return;
    }
  }

  function kick(): void {
    if (stopped) return;
    if (running) { again = true; return; }
    running = runOnce()
      .catch((e) => options.log?.("mail worker error", { error: String(e) }))
      .finally(() => {
        running = null;
        if (again) { again = false; kick(); }
      });
  }

  const timer = setInterval(kick, o.pollMs);
  timer.unref();
  setMailKick(kick);
  kick();
  return {
    kick,
    /** Resolves when the current batch (if any) has finished. */
    idle: async () => { while (running) await running; },
    async stop() {
      stopped = true;
      clearInterval(timer);
      setMailKick(undefined);
      while (running) await running;
      transport.close();
    },
  };
}
