import type { Db } from "../db/client";
import { AppError } from "../../lib/errors";
import { canViewArticle, type Actor } from "../../lib/policies";
import type { NotificationView } from "../../lib/notifications";
import { mailConfigured } from "../mail/config";
import { notificationViews } from "./views";

export const NOTIFICATION_PAGE = 30;

export interface NotificationList {
  items: NotificationView[];
  unread: number;
  /** Whether this server sends e-mail, and whether this person wants it. */
  email: { available: boolean; enabled: boolean };
}

/** The actor's own notifications, newest first, with their unread count. */
export async function listNotifications(options: { db: Db; actor: Actor }): Promise<NotificationList> {
  const { db, actor } = options;
  if (!canViewArticle(actor)) throw new AppError("FORBIDDEN", "No access to notifications.");
  const [rows, unread, setting] = await Promise.all([
    db.notification.findMany({ where: { userId: actor.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: NOTIFICATION_PAGE }),
    db.notification.count({ where: { userId: actor.id, readAt: null } }),
    db.notificationSetting.findUnique({ where: { userId: actor.id }, select: { email: true } }),
  ]);
  return { items: await notificationViews(db, rows), unread, email: { available: mailConfigured(), enabled: setting?.email ?? true } };
}
