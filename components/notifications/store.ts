"use client";
import { useSyncExternalStore } from "react";
import { parseNotificationView, type NotificationView } from "@/lib/notifications";

/**
 * The signed-in person's notifications in this tab: filled by the bell's fetch (page load and a
 * slow poll) and by live pushes over any open collab socket (useCollab). One store per tab, so
 * the header's bell and the workspace's socket meet without props.
 */
export interface NotificationState {
  items: NotificationView[];
  unread: number;
  email: { available: boolean; enabled: boolean };
  loaded: boolean;
  failed: boolean;
}

let state: NotificationState = { items: [], unread: 0, email: { available: false, enabled: true }, loaded: false, failed: false };
const listeners = new Set<() => void>();

function set(next: NotificationState) {
  state = next;
  for (const l of listeners) l();
}

export function useNotifications(): NotificationState {
  return useSyncExternalStore((l) => { listeners.add(l); return () => listeners.delete(l); }, () => state, () => state);
}

/** Fetch the list from the server (the truth; live pushes only add to it). */
export async function refreshNotifications(): Promise<void> {
  try {
    const res = await fetch("/api/notifications", { cache: "no-store" });
    if (!res.ok) throw new Error(String(res.status));
    const body = (await res.json()) as { items: unknown[]; unread: number; email: NotificationState["email"] };
    const items = body.items.map(parseNotificationView).filter((v): v is NotificationView => v !== null);
    set({ items, unread: body.unread, email: body.email, loaded: true, failed: false });
  } catch {
    set({ ...state, failed: true });
  }
}

/** A notification pushed over the collab socket (shape checked). */
export function receiveNotification(payload: unknown): void {
  const view = parseNotificationView(payload);
  if (!view || state.items.some((n) => n.id === view.id)) return;
  set({ ...state, items: [view, ...state.items], unread: state.unread + (view.read ? 0 : 1) });
}

async function post(url: string, body: unknown, method = "POST"): Promise<Response> {
  // keepalive: a click on a notification marks it read while the page navigates away.
  return fetch(url, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body), keepalive: true });
}

/** Mark some notifications read (or all); the server answers the new unread count. */
export async function markRead(ids: string[] | "all"): Promise<void> {
  const res = await post("/api/notifications/read", ids === "all" ? { all: true } : { ids });
  if (!res.ok) return;
  const { unread } = (await res.json()) as { unread: number };
  const now = new Set(ids === "all" ? state.items.map((n) => n.id) : ids);
  set({ ...state, unread, items: state.items.map((n) => (now.has(n.id) ? { ...n, read: true } : n)) });
}

export async function setEmailEnabled(enabled: boolean): Promise<void> {
  const res = await post("/api/notifications/settings", { email: enabled }, "PUT");
  if (res.ok) set({ ...state, email: { ...state.email, enabled } });
}
