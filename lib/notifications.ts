/**
 * Notifications as the browser sees them (the bell, the live collab message) and as the
 * server builds them. Created only by the server (server/notifications/), from facts it
 * vouches for; nothing here is read from a client.
 */
export const NOTIFICATION_KINDS = ["mention", "assigned", "changes_requested", "approved"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface NotificationView {
  id: string;
  kind: NotificationKind;
  /** Who did it (server-vouched), with their current name. */
  actor: { id: string; name: string };
  articleId: string;
  articleTitle: string;
  claimId: string;
  /** The claim's fragment of the article, shortened. */
  claimText: string;
  /** Mention: the comment or rationale around it; changes requested: the reviewer's note. Plain text. */
  excerpt: string;
  read: boolean;
  createdAt: string;
}

/** The workspace, opened at the claim. */
export function notificationHref(n: Pick<NotificationView, "articleId" | "claimId">): string {
  return `/articles/${encodeURIComponent(n.articleId)}?claim=${encodeURIComponent(n.claimId)}`;
}

export function isNotificationKind(value: unknown): value is NotificationKind {
  return typeof value === "string" && (NOTIFICATION_KINDS as readonly string[]).includes(value);
}

/** A notification pushed over the collab socket, checked for shape (the browser trusts its server, not a payload's form). */
export function parseNotificationView(value: unknown): NotificationView | null {
  if (!value || typeof value !== "object") return null;
  const v = value as Record<string, unknown>;
  const actor = v.actor as Record<string, unknown> | undefined;
  const strings = ["id", "articleId", "articleTitle", "claimId", "claimText", "excerpt", "createdAt"] as const;
  if (!strings.every((k) => typeof v[k] === "string") || !isNotificationKind(v.kind) || typeof v.read !== "boolean") return null;
  if (!actor || typeof actor.id !== "string" || typeof actor.name !== "string") return null;
  return v as unknown as NotificationView;
}
