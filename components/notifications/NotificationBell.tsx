"use client";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { notificationHref, type NotificationView } from "@/lib/notifications";
import { BidiText } from "../BidiText";
import { loadOlderNotifications, markRead, refreshNotifications, setEmailEnabled, useNotifications } from "./store";

/** How often the bell asks when no socket pushes to it (a page without a workspace). */
const POLL_MS = 60_000;
/** Unicode isolates keep a name or title in its own direction inside a translated sentence. */
const isolate = (s: string) => `\u2068${s}\u2069`;

/** The header's bell: unread count, the list (newest first), mark read, e-mail switch. */
export function NotificationBell() {
  const t = useTranslations("notifications");
  const format = useFormatter();
  const state = useNotifications();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement | null>(null);
  const button = useRef<HTMLButtonElement | null>(null);

  useEffect(() => {
    void refreshNotifications();
    const timer = setInterval(() => { if (document.visibilityState === "visible") void refreshNotifications(); }, POLL_MS);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => { if (!root.current?.contains(e.target as Node)) setOpen(false); };
    const onKey = (e: KeyboardEvent) => { if (e.key === "Escape") { setOpen(false); button.current?.focus(); } };
    document.addEventListener("pointerdown", onDown);
    document.addEventListener("keydown", onKey);
    return () => { document.removeEventListener("pointerdown", onDown); document.removeEventListener("keydown", onKey); };
  }, [open]);

  const line = (n: NotificationView) => t(`line.${n.kind}`, { actor: isolate(n.actor.name || t("someone")), article: isolate(n.articleTitle) });
  return (
    <div ref={root} className="relative">
      <button ref={button} type="button" data-testid="notification-bell" aria-expanded={open} aria-controls={panelId} aria-label={t("bell", { count: state.unread })}
        onClick={() => { setOpen(!open); if (!open) void refreshNotifications(); }}
        className="relative rounded p-1 text-slate-700 hover:bg-slate-100">
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2"><path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" /><path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" /></svg>
        {state.unread > 0 && <span data-testid="notification-count" aria-hidden="true" className="absolute -end-1 -top-1 min-w-4 rounded-full bg-red-700 px-1 text-center text-[10px] font-semibold leading-4 text-white">{format.number(Math.min(state.unread, 99))}{state.unread > 99 ? "+" : ""}</span>}
      </button>
      {/* On a phone the bell may sit at either edge: the panel spans the screen instead of hanging off it. */}
      {open && (
        <div id={panelId} role="region" aria-label={t("heading")} data-testid="notification-panel"
          className="fixed inset-x-3 top-14 z-30 rounded border border-slate-200 bg-white text-sm shadow-lg sm:absolute sm:inset-x-auto sm:end-0 sm:top-auto sm:mt-2 sm:w-96">
          <div className="flex items-center justify-between gap-2 border-b border-slate-200 px-3 py-2">
            <h2 className="font-semibold">{t("heading")}</h2>
            {state.unread > 0 && <button type="button" className="text-xs text-blue-800 underline" onClick={() => void markRead("all")}>{t("markAllRead")}</button>}
          </div>
          {state.failed && !state.loaded && <p role="alert" className="px-3 py-2 text-red-700">{t("loadFailed")}</p>}
          {state.loaded && state.items.length === 0 && <p className="px-3 py-3 text-slate-600">{t("empty")}</p>}
          <ul className="max-h-[60vh] overflow-y-auto">
            {state.items.map((n) => (
              <li key={n.id} data-testid="notification" data-read={n.read} className={`border-b border-slate-100 px-3 py-2 last:border-b-0 ${n.read ? "" : "bg-blue-50"}`}>
                <a href={notificationHref(n)} className="block text-slate-900 hover:underline" onClick={() => { if (!n.read) void markRead([n.id]); }}>
                  {!n.read && <span className="sr-only">{t("unread")}: </span>}
                  <span>{line(n)}</span>
                  {n.claimText && <bdi dir="auto" className="mt-0.5 block truncate text-xs text-slate-600">«{n.claimText}»</bdi>}
                  {n.excerpt && <bdi dir="auto" className="mt-0.5 line-clamp-2 block text-xs text-slate-700"><BidiText text={n.excerpt} /></bdi>}
                </a>
                <div className="mt-1 flex items-center justify-between gap-2 text-xs text-slate-600">
                  <time dateTime={n.createdAt}>{format.dateTime(new Date(n.createdAt), { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })}</time>
                  {!n.read && <button type="button" className="text-blue-800 underline" onClick={() => void markRead([n.id])}>{t("markRead")}</button>}
                </div>
              </li>
            ))}
          </ul>
          {state.hasMore && (
            <div className="border-t border-slate-200 px-3 py-2">
              <button type="button" data-testid="notifications-older" className="text-xs text-blue-800 underline" onClick={() => void loadOlderNotifications()}>{t("older")}</button>
              {state.olderFailed && <span role="alert" className="ms-2 text-xs text-red-700">{t("loadFailed")}</span>}
            </div>
          )}
          {state.email.available && (
            <label className="flex items-center gap-2 border-t border-slate-200 px-3 py-2 text-xs text-slate-700">
              <input type="checkbox" checked={state.email.enabled} onChange={(e) => void setEmailEnabled(e.currentTarget.checked)} />
              {t("emailToggle")}
            </label>
          )}
        </div>
      )}
    </div>
  );
}
