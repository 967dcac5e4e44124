"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { readError, useErrorMessage } from "./useErrorMessage";
import { WEBHOOK_EVENTS } from "@/lib/webhook-events";


export interface WebhookRow {
  id: string; url: string; events: string[]; createdAt: string;
  deliveries: Array<{ id: string; event: string; status: string; attempts: number; createdAt: string; nextAttemptAt: string | null; lastStatusCode: number | null; lastResponse: string | null; lastError: string | null }>;
}

/** Register and remove webhooks; each webhook's latest deliveries with the receiver's answer. */
export function WebhookAdmin({ webhooks }: { webhooks: WebhookRow[] }) {
  const router = useRouter();
  const t = useTranslations("webhooks");
  const errorMessage = useErrorMessage();
  const errorOf = async (res: Response) => errorMessage(await readError(res), res.status);
  const [url, setUrl] = useState("");
  const [events, setEvents] = useState<string[]>([...WEBHOOK_EVENTS]);
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function add(e: React.FormEvent) {
    e.preventDefault();
    setError(null); setSecret(null);
    const res = await fetch("/api/webhooks", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ url, events }) });
    if (!res.ok) return setError(await errorOf(res));
    setSecret(((await res.json()) as { secret: string }).secret);
    setUrl("");
    router.refresh();
  }

  async function remove(id: string) {
    if (!window.confirm(t("confirmRemove"))) return;
    const res = await fetch(`/api/webhooks/${encodeURIComponent(id)}`, { method: "DELETE" });
    if (!res.ok) return setError(await errorOf(res));
    router.refresh();
  }

  const toggle = (ev: string) => setEvents((cur) => (cur.includes(ev) ? cur.filter((x) => x !== ev) : [...cur, ev]));

  return (
    <div className="mt-6 space-y-6">
      <form onSubmit={add} className="space-y-3 rounded-lg bg-white p-4 shadow-sm">
        <label className="flex flex-col text-sm">{t("url")}
          <input required type="url" value={url} onChange={(e) => setUrl(e.target.value)} dir="ltr" placeholder={t("urlPlaceholder")} className="mt-1 rounded border border-slate-300 px-2 py-1" data-testid="webhook-url" />
        </label>
        <fieldset className="text-sm"><legend>{t("events")}</legend>
          <div className="mt-1 flex flex-wrap gap-4">
            {WEBHOOK_EVENTS.map((ev) => (
              <label key={ev} className="flex items-center gap-1 font-mono text-xs"><input type="checkbox" checked={events.includes(ev)} onChange={() => toggle(ev)} />{ev}</label>
            ))}
          </div>
        </fieldset>
        <button className="rounded bg-slate-900 px-3 py-1.5 text-sm text-white">{t("add")}</button>
      </form>
      {secret && (
        <div role="status" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm">
          <p>{t("secretOnce")}</p>
          <code className="mt-2 block select-all break-all rounded bg-white p-2 font-mono" dir="ltr" data-testid="webhook-secret">{secret}</code>
        </div>
      )}
      {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
      {webhooks.length === 0 && <p className="text-sm text-slate-600">{t("noWebhooks")}</p>}
      {webhooks.map((h) => (
        <section key={h.id} className="rounded-lg bg-white p-4 shadow-sm" data-testid="webhook">
          <div className="flex items-start gap-3">
            <div className="min-w-0 flex-1">
              <p className="break-all font-mono text-sm" dir="ltr">{h.url}</p>
              <p className="mt-1 font-mono text-xs text-slate-500">{h.events.join(" · ")}</p>
            </div>
            <button onClick={() => void remove(h.id)} className="text-sm text-red-700 underline">{t("remove")}</button>
          </div>
          <h2 className="mt-3 text-sm font-medium">{t("deliveries")}</h2>
          {h.deliveries.length === 0 ? <p className="text-xs text-slate-500">{t("none")}</p> : (
            <ul className="mt-1 space-y-1 text-xs">
              {h.deliveries.map((d) => (
                <li key={d.id} className="flex flex-wrap gap-x-3">
                  <span className="font-mono">{d.createdAt.slice(0, 19).replace("T", " ")}</span>
                  <span className="font-mono">{d.event}</span>
                  <span className={d.status === "delivered" ? "text-green-700" : d.status === "failed" ? "text-red-700" : "text-amber-700"}>{t.has(`status.${d.status}` as "status.delivered") ? t(`status.${d.status}` as "status.delivered") : d.status}</span>
                  <span>{t("attempts", { count: d.attempts })}</span>
                  {d.lastStatusCode !== null && <span dir="ltr">{t("httpStatus", { code: d.lastStatusCode })}</span>}
                  {d.nextAttemptAt && <span>{t("nextTry", { time: d.nextAttemptAt.slice(11, 19) })}</span>}
                  {(d.lastError || d.lastResponse) && <span className="max-w-full truncate text-slate-500" dir="auto" title={d.lastError ?? d.lastResponse ?? ""}>{d.lastError ?? d.lastResponse}</span>}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}
