"use client";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { formatIsoDate, parseLocalizedDate } from "@/lib/i18n/locale";
import type { SourceView } from "@/lib/claim-model";
import { BidiText } from "../BidiText";
import { SourceArchive } from "./SourceArchive";

/** Sources of a claim. Links are shown as text with rel=noopener; only http(s) is ever stored. */
export function SourcesEditor({ claimId, sources, readOnly, onAdd, onRemove }: {
  claimId: string;
  sources: SourceView[];
  readOnly: boolean;
  onAdd: (input: { url: string; title: string; publisher: string; date: string; archivedUrl: string; note: string }) => string | null;
  onRemove: (sourceId: string) => void;
}) {
  const t = useTranslations("sources");
  const locale = useLocale();
  const td = useTranslations("dateEntry");
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <div data-testid="sources">
      <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-600">{t("heading", { count: sources.length })}</h4>
      <ul className="mt-1 space-y-1">
        {sources.map((s) => (
          <li key={s.id} className="rounded border border-slate-200 p-1.5 text-xs" data-testid="source">
            <a href={s.url} target="_blank" rel="noopener noreferrer nofollow" className="break-all font-medium text-blue-800 hover:underline" dir="auto">{s.title || s.url}</a>
            <div className="text-slate-600"><bdi>{s.publisher}</bdi>{s.publisher && s.date && " · "}{s.date && <time dateTime={s.date} data-testid="source-date">{formatIsoDate(s.date, locale)}</time>}</div>
            {s.archivedUrl && <a href={s.archivedUrl} target="_blank" rel="noopener noreferrer nofollow" className="text-blue-800 hover:underline">{t("archived")}</a>}
            <SourceArchive claimId={claimId} sourceId={s.id} readOnly={readOnly} />
            {s.note && <p className="mt-0.5 whitespace-pre-wrap" dir="auto"><BidiText text={s.note} /></p>}
            {!readOnly && <button type="button" className="mt-0.5 text-red-700 hover:underline" onClick={() => onRemove(s.id)}>{t("remove")}</button>}
          </li>
        ))}
      </ul>
      {!readOnly && !open && <button type="button" className="mt-1 text-xs font-medium text-blue-800 hover:underline" onClick={() => setOpen(true)}>{t("add")}</button>}
      {!readOnly && open && (
        <form
          className="mt-1 space-y-1 rounded bg-slate-50 p-2"
          aria-label={t("formLabel")}
          onSubmit={(e) => {
            e.preventDefault();
            const f = new FormData(e.currentTarget);
            const get = (k: string) => String(f.get(k) ?? "").trim();
            // Dates are typed the reader's way (22/07/2020, ٢٢/٠٧/٢٠٢٠) and stored as ISO.
            const date = get("date") ? parseLocalizedDate(get("date")) : "";
            if (date === null) return setError(td("bad"));
            const err = onAdd({ url: get("url"), title: get("title"), publisher: get("publisher"), date, archivedUrl: get("archivedUrl"), note: get("note") });
            setError(err);
            if (!err) { e.currentTarget.reset(); setOpen(false); }
          }}
        >
          <input name="url" required dir="ltr" placeholder={t("urlPlaceholder")} aria-label={t("url")} className="w-full rounded border border-slate-300 px-1.5 py-1 text-xs" />
          <div className="grid grid-cols-1 gap-1 sm:grid-cols-2">
            <input name="title" placeholder={t("title")} aria-label={t("titleLabel")} dir="auto" className="rounded border border-slate-300 px-1.5 py-1 text-xs" />
            <input name="publisher" placeholder={t("publisher")} aria-label={t("publisher")} dir="auto" className="rounded border border-slate-300 px-1.5 py-1 text-xs" />
            <input name="date" data-date-field inputMode="numeric" placeholder={t("date")} title={td("hint")} aria-label={t("dateLabel")} className="rounded border border-slate-300 px-1.5 py-1 text-xs" />
            <input name="archivedUrl" dir="ltr" placeholder={t("archivedUrl")} aria-label={t("archivedUrl")} className="rounded border border-slate-300 px-1.5 py-1 text-xs" />
          </div>
          <textarea name="note" placeholder={t("note")} aria-label={t("noteLabel")} rows={2} dir="auto" className="w-full rounded border border-slate-300 px-1.5 py-1 text-xs" />
          {error && <p role="alert" className="text-xs text-red-700">{error}</p>}
          <div className="flex gap-2">
            <button type="submit" className="rounded bg-slate-900 px-2 py-1 text-xs text-white">{t("submit")}</button>
            <button type="button" className="text-xs" onClick={() => { setOpen(false); setError(null); }}>{t("cancel")}</button>
          </div>
        </form>
      )}
    </div>
  );
}
