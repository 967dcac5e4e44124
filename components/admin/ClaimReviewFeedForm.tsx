"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useErrorMessage } from "../useErrorMessage";


/** Import a ClaimReview feed by URL or by file; the file is read here and sent as JSON. */
export function ClaimReviewFeedForm() {
  const router = useRouter();
  const t = useTranslations("feeds");
  const errorMessage = useErrorMessage();
  const [url, setUrl] = useState("");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function send(body: unknown) {
    setBusy(true);
    setMessage(null);
    try {
      const res = await fetch("/api/admin/claim-review-feeds", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      const result = await res.json().catch(() => ({}));
      setMessage(res.ok ? { ok: true, text: t("done", { imported: result.imported ?? 0, updated: result.updated ?? 0, skipped: result.skipped ?? 0 }) } : { ok: false, text: errorMessage(result, res.status) });
      if (res.ok) router.refresh();
    } finally {
      setBusy(false);
    }
  }

  async function onFile(file: File | undefined) {
    if (!file) return;
    if (file.size > 5_000_000) return setMessage({ ok: false, text: t("tooLarge") });
    await send({ fileName: file.name, content: await file.text() });
  }

  return (
    <div className="mt-4 space-y-3 rounded-lg bg-white p-4 shadow-sm">
      <form className="flex gap-2" onSubmit={(e) => { e.preventDefault(); void send({ url }); }}>
        <input type="url" required value={url} onChange={(e) => setUrl(e.target.value)} aria-label={t("url")} placeholder={t("url")}
          className="min-w-0 flex-1 rounded border border-slate-300 px-2 py-1 text-sm" dir="ltr" />
        <button type="submit" disabled={busy} className="rounded bg-blue-700 px-3 py-1 text-sm text-white disabled:opacity-50">{t("importUrl")}</button>
      </form>
      <label className="block text-sm text-slate-600">
        {t("file")}
        <input type="file" accept=".json,.jsonld,application/json,application/ld+json" disabled={busy} data-testid="feed-file"
          onChange={(e) => void onFile(e.target.files?.[0])} className="mt-1 block text-sm" />
      </label>
      {busy && <p className="text-sm text-slate-500">{t("busy")}</p>}
      {message && <p role={message.ok ? "status" : "alert"} data-testid="feed-result" className={`text-sm ${message.ok ? "text-emerald-800" : "text-red-800"}`}>{message.text}</p>}
    </div>
  );
}
