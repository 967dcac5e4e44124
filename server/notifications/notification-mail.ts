import type { Db } from "../db/client";
import { notificationHref, type NotificationView } from "../../lib/notifications";
import { mailConfigured } from "../mail/config";
import { sendMail } from "../mail/send-mail";
import { mailLanguage } from "../mail/mail-translator";
import { publicOrigin } from "../http/public-origin";

/** Subject and text of a notification e-mail in the recipient's language (`User.locale`; English when unset). */
export function notificationMail(view: NotificationView, localeTag: string | null, baseUrl: string): { subject: string; text: string } {
  const t = mailLanguage(localeTag).translator("notifications");
  const values = { actor: view.actor.name || t("someone"), article: view.articleTitle };
  const lines = [t(`line.${view.kind}`, values), "", `«${view.claimText}»`];
  if (view.excerpt) lines.push("", view.excerpt);
  lines.push("", t("mail.open", { url: new URL(notificationHref(view), baseUrl).toString() }), "", t("mail.footer"));
  return { subject: t("mail.subject", { what: t(`line.${view.kind}`, values) }).slice(0, 200).replace(/[\r\n]+/g, " "), text: lines.join("\n") };
}

/**
 * Queue e-mail for new notifications: only when this server sends mail, the person has an
 * address, and they have not switched e-mail off. Queuing is a database insert; the mail
 * worker sends later (server/mail/worker.ts).
 */
export async function queueNotificationMail(db: Db, items: Array<{ userId: string; view: NotificationView }>, log: (msg: string, extra?: Record<string, unknown>) => void): Promise<void> {
  if (!items.length || !mailConfigured()) return;
  const ids = [...new Set(items.map((i) => i.userId))];
  const [users, settings] = await Promise.all([
    db.user.findMany({ where: { id: { in: ids } }, select: { id: true, email: true, locale: true } }),
    db.notificationSetting.findMany({ where: { userId: { in: ids } }, select: { userId: true, email: true } }),
  ]);
  const off = new Set(settings.filter((s) => !s.email).map((s) => s.userId));
  const byId = new Map(users.map((u) => [u.id, u]));
  const baseUrl = publicOrigin();
  for (const { userId, view } of items) {
    const user = byId.get(userId);
    if (!user?.email || off.has(userId)) continue;
    try {
      await sendMail({ db, to: user.email, ...notificationMail(view, user.locale, baseUrl) });
    } catch (e) {
      log("notification e-mail not queued", { userId, error: String(e) });
    }
  }
}
