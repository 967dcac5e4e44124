/**
 * Outgoing mail settings, from the environment:
 * - `SANAD_SMTP_URL`: an SMTP URL as nodemailer reads it (`smtp://user:pass@host:587`,
 *   `smtps://…:465`); unset = Sanad sends no e-mail at all.
 * - `SANAD_MAIL_FROM`: the From header (default `Sanad <sanad@localhost>`).
 */
export interface MailConfig {
  smtpUrl: string;
  from: string;
}

export function mailConfig(env: NodeJS.ProcessEnv = process.env): MailConfig | null {
  const smtpUrl = env.SANAD_SMTP_URL?.trim();
  if (!smtpUrl) return null;
  return { smtpUrl, from: env.SANAD_MAIL_FROM?.trim() || "Sanad <sanad@localhost>" };
}

/** Whether this server can send e-mail (the interface offers the e-mail switch only then). */
export function mailConfigured(): boolean {
  return mailConfig() !== null;
}
