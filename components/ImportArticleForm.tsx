"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { parseLocalizedDate } from "@/lib/i18n/locale";
import { readError, useErrorMessage } from "./useErrorMessage";

export function ImportArticleForm() {
  const t = useTranslations("import");
  const td = useTranslations("dateEntry");
  const errorMessage = useErrorMessage();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    // The date is typed the reader's way (22/07/2020, ٢٢/٠٧/٢٠٢٠) and sent as an ISO day.
    const typed = String(f.get("publishedAt") ?? "").trim();
    const publishedAt = typed ? parseLocalizedDate(typed) : "";
    if (publishedAt === null || (publishedAt && publishedAt.length !== 10)) return setError(td("badDay"));
    setBusy(true);
    setError(null);
    const res = await fetch("/api/articles", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        title: String(f.get("title") ?? ""),
        outlet: String(f.get("outlet") ?? ""),
        sourceUrl: String(f.get("sourceUrl") ?? ""),
        publishedAt,
        text: String(f.get("text") ?? ""),
      }),
    }).catch(() => null);
    setBusy(false);
    if (!res) return setError(errorMessage({ code: "network" }));
    if (!res.ok) {
      setError(errorMessage(await readError(res), res.status));
      return;
    }
    const data = (await res.json()) as { id: string };
    router.push(`/articles/${data.id}`);
  }

  const input = "mt-1 w-full rounded-md border border-slate-300 px-3 py-2";
  return (
    <form onSubmit={onSubmit} className="mt-6 space-y-4">
      <label className="block"><span className="text-sm font-medium">{t("headline")}</span><input name="title" required dir="auto" className={input} /></label>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <label className="block"><span className="text-sm font-medium">{t("outlet")}</span><input name="outlet" dir="auto" className={input} /></label>
        <label className="block"><span className="text-sm font-medium">{t("publishedOn")}</span><input name="publishedAt" inputMode="numeric" autoComplete="off" placeholder={td("placeholder")} title={td("hint")} className={input} data-date-field /></label>
      </div>
      <label className="block"><span className="text-sm font-medium">{t("sourceUrl")}</span><input name="sourceUrl" type="url" dir="ltr" className={input} /></label>
      <label className="block">
        <span className="text-sm font-medium">{t("text")}</span>
        <span className="block text-xs text-slate-600">{t("textHint")}</span>
        <textarea name="text" required rows={14} dir="auto" className={input} />
      </label>
      {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
      <button type="submit" disabled={busy} className="rounded-md bg-slate-900 px-4 py-2 font-medium text-white disabled:opacity-60">{busy ? t("importing") : t("submit")}</button>
    </form>
  );
}
