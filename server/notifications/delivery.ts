import type { NotificationView } from "../../lib/notifications";

/**
 * How a new notification reaches its person's open sockets: set by server/main.ts to the collab
 * server's `pushNotification` (this process's sockets, and every other process through the
 * relay). Notifications are created in both module graphs (the projection in main's, sign-offs
 * in Next's route handlers), so the link is globalThis, like server/runtime.ts.
 */
type Deliver = (userId: string, view: NotificationView) => void;
const holder = globalThis as unknown as { __sanadNotificationDelivery?: Deliver };

export function setNotificationDelivery(deliver: Deliver): void {
  holder.__sanadNotificationDelivery = deliver;
}

/** Unset `deliver` if it is still the one in place (a second server in a test process may have replaced it). */
export function clearNotificationDelivery(deliver: Deliver): void {
  if (holder.__sanadNotificationDelivery === deliver) holder.__sanadNotificationDelivery = undefined;
}

export function deliverNotification(userId: string, view: NotificationView): void {
  holder.__sanadNotificationDelivery?.(userId, view);
}
