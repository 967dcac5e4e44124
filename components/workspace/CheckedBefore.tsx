"use client";
import type { SimilarCheck } from "@/lib/search/views";
import { useLocale, useTranslations } from "next-intl";
import { formatIsoDate } from "@/lib/i18n/locale";
import { useCallback, useEffect, useState } from "react";
import { readError, useErrorMessage } from "../useErrorMessage";

interface ClaimLink { id: string; targetKind: string; targetId: string; url: string; claimReviewed: string; verdictLabel: string; publisher: string }


/**
 * "Similar claims already checked": our published verdicts and imported ClaimReview feeds,
 * best first. One click links the claim to a past verdict (stored on the server; published
 * as isBasedOn). Fetched when the card opens and after each link change.
 */
export function CheckedBefore({ articleId, claimId, claimText, readOnly }: { articleId: string; claimId: string; claimText: string; readOnly: boolean }) {
  const t = useTranslations("checkedBefore");
  const locale = useLocale();
  const errorMessage = useErrorMessage();
  const [data, setData] = useState<{ similar: SimilarCheck[]; links: ClaimLink[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const base = `/api/articles/${encodeURIComponent(articleId)}/claims/${encodeURIComponent(claimId)}`;

  const load = useCallback(async () => {
    try {
      const res = await fetch(`${base}/similar`, { cache: "no-store" });
      if (!res.ok) { setError(`${t("failed")} ${errorMessage(await readError(res), res.status)}`); return; }
      setData(await res.json());
      setError(null);
    } catch {
      setError(`${t("failed")} ${errorMessage({ code: "network" })}`);
    }
  }, [base, t, errorMessage]);
  // Claim text changes (a retyped quote) change what is similar.
  useEffect(() => { const timer = setTimeout(load, 300); return () => clearTimeout(timer); }, [load, claimText]);

  async function change(method: "POST" | "DELETE", path: string, body?: unknown) {
    const res = await fetch(`${base}/links${path}`, { method, headers: body ? { "content-type": "application/json" } : undefined, body: body ? JSON.stringify(body) : undefined });
    if (!res.ok) setError(errorMessage(await readError(res), res.status));
    await load();
  }

  return (
    <section className="rounded border border-slate-200 bg-slate-50 p-2 text-xs" data-testid="checked-before" aria-label={t("title")}>
      <h3 className="font-semibold text-slate-700">{t("title")}</h3>
      {error && <p className="text-red-700" role="alert">{error}</p>}
      {!data && !error && <p className="text-slate-500">{t("loading")}</p>}
      {data && data.links.length > 0 && (
        <ul className="mt-1 space-y-1" data-testid="claim-links">
          {data.links.map((l) => (
            <li key={l.id} className="flex items-start gap-2 rounded bg-emerald-50 p-1.5" data-testid="claim-link">
              <span className="font-medium text-emerald-800">{t("linked")}</span>
              <a href={l.url} target="_blank" rel="noreferrer noopener" className="flex-1 text-blue-800 hover:underline" dir="auto">{l.claimReviewed}</a>
              <bdi className="text-slate-600">{l.verdictLabel}</bdi>
              {!readOnly && <button type="button" className="text-red-700 hover:underline" onClick={() => change("DELETE", `/${encodeURIComponent(l.id)}`)}>{t("unlink")}</button>}
            </li>
          ))}
        </ul>
      )}
      {data && data.similar.filter((s) => !s.linked).length === 0 && data.links.length === 0 && <p className="mt-1 text-slate-500">{t("none")}</p>}
      {data && (
        <ol className="mt-1 space-y-1">
          {data.similar.filter((s) => !s.linked).map((s) => (
            <li key={`${s.targetKind}:${s.targetId}`} className="flex items-start gap-2" data-testid="similar-check">
              <div className="flex-1">
                <a href={s.url} target="_blank" rel="noreferrer noopener" className="text-blue-800 hover:underline" dir="auto">{s.claimReviewed}</a>
                <div className="text-slate-500"><bdi>{s.verdictLabel}</bdi> · <bdi>{s.targetKind === "verdict" ? t("ours") : s.publisher}</bdi>{s.date && <> · <time dateTime={s.date}>{formatIsoDate(s.date, locale)}</time></>} · {t("score", { score: s.score })}</div>
              </div>
              {!readOnly && <button type="button" className="rounded border border-slate-300 bg-white px-1.5 py-0.5" data-testid="link-similar" onClick={() => change("POST", "", { targetKind: s.targetKind, targetId: s.targetId })}>{t("link")}</button>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
