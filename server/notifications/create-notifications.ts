import type { Db } from "../db/client";
import { canViewArticle, parseRole } from "../../lib/policies";
import type { NotificationKind } from "../../lib/notifications";
import { deliverNotification } from "./delivery";
import { notificationViews } from "./views";
import { queueNotificationMail } from "./notification-mail";
import { pruneNotificationsNow } from "./retention";

/** One fact the server vouches for, about to become a notification. */
export interface NotificationFact {
  /** Who is told. */
  userId: string;
  kind: NotificationKind;
  /** Who did it: always a server-vouched user (session, or a client id bound to a user), never a document key. */
  actorId: string;
  articleId: string;
  claimId: string;
  excerpt: string;
  /**
   * The same fact always has the same key, so it notifies once whichever process (or rerun)
   * sees it: e.g. `decision:<signOffId>:<userId>`, `mention:<article>:<claim>:comment:<commentId>:<userId>`.
   */
  dedupeKey: string;
  /** Already told under another key (a comment copied by a type change): record the key, notify no one. */
  silent?: true;
}

export const EXCERPT_CHARS = 300;

/**
 * Store and deliver notifications. A person is never told of their own action, only people
 * who may see the article are told (an unknown id or a role without access is dropped), and
 * a fact already notified (same dedupe key, kept in NotificationKey after the notification is
 * pruned) is skipped. Each new one is pushed live to the
 * person's open sockets (every process) and queued as e-mail when they want it. Never throws:
 * callers (the projection, a sign-off that already committed) must not fail because of it.
 * Returns the ids created.
 */
export async function createNotifications(db: Db, facts: NotificationFact[], log: (msg: string, extra?: Record<string, unknown>) => void = () => {}): Promise<string[]> {
  try {
    const seen = new Set<string>();
    const wanted = facts.filter((f) => f.userId !== f.actorId && !seen.has(f.dedupeKey) && seen.add(f.dedupeKey));
    for (const f of wanted.filter((f) => f.silent)) {
      try {
        await db.notificationKey.create({ data: { key: f.dedupeKey, articleId: f.articleId, claimId: f.claimId } });
      } catch (e) {
        if ((e as { code?: unknown }).code !== "P2002") throw e;
      }
    }
    const told = wanted.filter((f) => !f.silent);
    if (!told.length) return [];
    const people = await db.user.findMany({ where: { id: { in: [...new Set(told.flatMap((f) => [f.userId, f.actorId]))] } }, select: { id: true, role: true, deactivatedAt: true } });
    const mayView = new Set(people.filter((p) => mayBeNotified(p)).map((p) => p.id));
    const known = new Set(people.map((p) => p.id));
    const rows = [];
    for (const f of told) {
      if (!mayView.has(f.userId) || !known.has(f.actorId)) continue;
      try {
        // The key outlives the notification (retention.ts): a fact notified once, then pruned, stays notified.
        rows.push(await db.$transaction(async (tx) => {
          await tx.notificationKey.create({ data: { key: f.dedupeKey, articleId: f.articleId, claimId: f.claimId } });
          return tx.notification.create({
            data: { userId: f.userId, kind: f.kind, actorId: f.actorId, articleId: f.articleId, claimId: f.claimId, excerpt: f.excerpt.slice(0, EXCERPT_CHARS), dedupeKey: f.dedupeKey },
          });
        }));
      } catch (e) {
        if ((e as { code?: unknown }).code !== "P2002") throw e; // already notified
      }
    }
    if (!rows.length) return [];
    const views = new Map((await notificationViews(db, rows)).map((v) => [v.id, v]));
    const created = rows.flatMap((r) => { const view = views.get(r.id); return view ? [{ userId: r.userId, view }] : []; });
    for (const { userId, view } of created) deliverNotification(userId, view);
    await queueNotificationMail(db, created, log);
    await pruneNotificationsNow(db, log);
    return rows.map((r) => r.id);
  } catch (e) {
    log("notifications not created", { error: String(e), count: facts.length });
    return [];
  }
}

/** Who may be notified about an article: whoever may view articles. */
/** Someone who may read the article and whose account is active (a deactivated person is told nothing). */
function mayBeNotified(user: { id: string; role: string; deactivatedAt: Date | null }): boolean {
  if (user.deactivatedAt) return false;
  const role = parseRole(user.role);
  return !!role && canViewArticle({ id: user.id, name: "", role });
}
