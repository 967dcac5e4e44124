import type { Db } from "../db/client";

/**
 * How long notifications are kept. A read notification has done its work: it goes after
 * `readDays` (SANAD_NOTIFICATION_READ_DAYS, default 90). An unread one may still matter to
 * someone back from leave: it goes after `unreadDays` (SANAD_NOTIFICATION_UNREAD_DAYS, default
 * 365, never less than `readDays`). Ages count from when the notification was created.
 *
 * Deleting a row must not let its fact notify again: every dedupe key stays in
 * `NotificationKey` (written with the notification, see createNotifications) until the claim it
 * is about is gone from the article's projection. Nothing can re-fire a key then except bringing
 * the claim back (undo of its deletion, a version restore): those already bring new Yjs items,
 * so assignments and rationale mentions notify again on them today, and only comment mentions
 * whose notification is also pruned join them. The key table therefore grows with the claims that
 * exist (a small row per fact on them), not with time.
 */
export interface NotificationRetention { readDays: number; unreadDays: number }

const DAY = 86_400_000;
/** Rows handled per step: one indexed read and at most one delete per table, never a long lock. */
export const PRUNE_BATCH = 500;
/** At most one step per process this often; a step removes up to PRUNE_BATCH rows, far more than people notify. */
const PRUNE_EVERY_MS = 60_000;

function days(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

export function notificationRetention(env: Record<string, string | undefined> = process.env): NotificationRetention {
  const readDays = days(env.SANAD_NOTIFICATION_READ_DAYS, 90);
  return { readDays, unreadDays: Math.max(readDays, days(env.SANAD_NOTIFICATION_UNREAD_DAYS, 365)) };
}

/** Where this process's walk over NotificationKey stands (keys are walked in order, a batch per step). */
let keyWalk = "";

/**
 * One bounded step: delete up to `batch` notifications past their retention, and look at the
 * next `batch` dedupe keys, deleting those whose claim is no longer projected. Returns how many
 * of each went, and whether more may be left (a full batch of either). Safe to run from several processes at once (plain deletes of rows no one writes).
 */
export async function pruneNotifications(db: Db, options: { now?: Date; retention?: NotificationRetention; batch?: number } = {}): Promise<{ notifications: number; keys: number; more: boolean }> {
  const now = options.now ?? new Date();
  const { readDays, unreadDays } = options.retention ?? notificationRetention();
  const batch = options.batch ?? PRUNE_BATCH;
  const readCutoff = new Date(now.getTime() - readDays * DAY);
  const unreadCutoff = new Date(now.getTime() - unreadDays * DAY);

  const old = await db.notification.findMany({
    where: { createdAt: { lt: readCutoff }, OR: [{ readAt: { not: null } }, { createdAt: { lt: unreadCutoff } }] },
    select: { id: true },
    take: batch,
  });
  const notifications = old.length ? (await db.notification.deleteMany({ where: { id: { in: old.map((n) => n.id) } } })).count : 0;

  const keysSeen = await db.notificationKey.findMany({ where: { key: { gt: keyWalk } }, orderBy: { key: "asc" }, select: { key: true, articleId: true, claimId: true }, take: batch });
  keyWalk = keysSeen.length < batch ? "" : keysSeen[keysSeen.length - 1].key;
  let keys = 0;
  if (keysSeen.length) {
    const byArticle = new Map<string, Set<string>>();
    for (const k of keysSeen) byArticle.set(k.articleId, (byArticle.get(k.articleId) ?? new Set()).add(k.claimId));
    // by (articleId, id), the claim table's primary key
    const claims = await db.claim.findMany({ where: { OR: [...byArticle].map(([articleId, ids]) => ({ articleId, id: { in: [...ids] } })) }, select: { articleId: true, id: true } });
    const live = new Set(claims.map((c) => `${c.articleId}\n${c.id}`));
    const gone = keysSeen.filter((k) => !live.has(`${k.articleId}\n${k.claimId}`)).map((k) => k.key);
    if (gone.length) keys = (await db.notificationKey.deleteMany({ where: { key: { in: gone } } })).count;
  }
  return { notifications, keys, more: old.length === batch || keysSeen.length === batch };
}

let lastStep = 0;

/**
 * Called after notifications were created: a new notification is the moment to let old ones go
 * (as a new version thins old versions), since only creating them grows either table. At most
 * one step per process a minute; never throws.
 */
export async function pruneNotificationsNow(db: Db, log: (msg: string, extra?: Record<string, unknown>) => void): Promise<void> {
  const now = Date.now();
  if (now - lastStep < PRUNE_EVERY_MS) return;
  lastStep = now;
  try {
    const pruned = await pruneNotifications(db);
    if (pruned.notifications || pruned.keys) log("notifications pruned", { notifications: pruned.notifications, keys: pruned.keys });
  } catch (e) {
    log("notifications not pruned", { error: String(e) });
  }
}
