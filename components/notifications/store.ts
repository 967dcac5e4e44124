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
  /** Older notifications exist beyond the loaded ones. */
  hasMore: boolean;
  /** "Show older" failed (kept apart from the first load's failure). */
  olderFailed: boolean;
}

let state: NotificationState = { items: [], unread: 0, email: { available: false, enabled: true }, loaded: false, failed: false, hasMore: false, olderFailed: false };
const listeners = new Set<() => void>();

function set(next: NotificationState) {
  state = next;
  for (const l of listeners) l();
}

export function useNotifications(): NotificationState {
  return useSyncExternalStore((l) => { listeners.add(l); return () => listeners.delete(l); }, () => state, () => state);
}

interface Page { items: NotificationView[]; hasMore: boolean; unread: number; email: NotificationState["email"] }

async function fetchPage(before?: string): Promise<Page> {
  const res = await fetch(`/api/notifications${before ? `?before=${encodeURIComponent(before)}` : ""}`, { cache: "no-store" });
  if (!res.ok) throw new Error(String(res.status));
  const body = (await res.json()) as { items: unknown[]; hasMore?: boolean; unread: number; email: NotificationState["email"] };
  return { items: body.items.map(parseNotificationView).filter((v): v is NotificationView => v !== null), hasMore: body.hasMore === true, unread: body.unread, email: body.email };
}

/**
 * Fetch the newest page from the server (the truth; live pushes only add to it). Older pages
 * the person already opened stay below it.
 */
export async function refreshNotifications(): Promise<void> {
  try {
    const page = await fetchPage();
    const fresh = new Set(page.items.map((n) => n.id));
    const last = page.items.at(-1);
    const older = last ? state.items.filter((n) => !fresh.has(n.id) && n.createdAt < last.createdAt) : [];
    set({ ...state, items: [...page.items, ...older], hasMore: older.length ? state.hasMore : page.hasMore, unread: page.unread, email: page.email, loaded: true, failed: false });
  } catch {
    set({ ...state, failed: true });
  }
}

/** The page of notifications older than the last one shown. */
export async function loadOlderNotifications(): Promise<void> {
  const last = state.items.at(-1);
  if (!last) return;
  try {
    const page = await fetchPage(last.id);
    const have = new Set(state.items.map((n) => n.id));
    set({ ...state, items: [...state.items, ...page.items.filter((n) => !have.has(n.id))], hasMore: page.hasMore, unread: page.unread, olderFailed: false });
  } catch {
    set({ ...state, olderFailed: true });
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
