import type { Db } from "../db/client";
import { AppError } from "../../lib/errors";
import { canViewArticle, type Actor } from "../../lib/policies";
import type { NotificationView } from "../../lib/notifications";
import { mailConfigured } from "../mail/config";
import { notificationViews } from "./views";

export const NOTIFICATION_PAGE = 30;

export interface NotificationList {
  items: NotificationView[];
  /** Older notifications exist beyond these (ask again with `before` = the last item's id). */
  hasMore: boolean;
  unread: number;
  /** Whether this server sends e-mail, and whether this person wants it. */
  email: { available: boolean; enabled: boolean };
}

/**
 * The actor's own notifications, newest first, a page at a time, with their unread count.
 * `before` (a notification id of theirs) asks for the page after it; someone else's id or an
 * unknown one is NOT_FOUND, so ids of other people's notifications cannot be probed.
 */
export async function listNotifications(options: { db: Db; actor: Actor; before?: string }): Promise<NotificationList> {
  const { db, actor } = options;
  if (!canViewArticle(actor)) throw new AppError("FORBIDDEN", "No access to notifications.");
  let older = {};
  if (options.before !== undefined) {
    const cursor = await db.notification.findFirst({ where: { id: options.before, userId: actor.id }, select: { id: true, createdAt: true } });
    if (!cursor) throw new AppError("NOT_FOUND", "No such notification.");
    older = { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] };
  }
  const [rows, unread, setting] = await Promise.all([
    db.notification.findMany({ where: { userId: actor.id, ...older }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: NOTIFICATION_PAGE + 1 }),
    db.notification.count({ where: { userId: actor.id, readAt: null } }),
    db.notificationSetting.findUnique({ where: { userId: actor.id }, select: { email: true } }),
  ]);
  const page = rows.slice(0, NOTIFICATION_PAGE);
  return { items: await notificationViews(db, page), hasMore: rows.length > NOTIFICATION_PAGE, unread, email: { available: mailConfigured(), enabled: setting?.email ?? true } };
}
