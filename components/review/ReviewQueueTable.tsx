import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { CLAIM_TYPE_META } from "@/lib/claim-types";
import { intlLocale, languageOf } from "@/lib/i18n/locale";
import { verdictLabel } from "@/lib/verdicts";
import type { ReviewQueueItem } from "@/lib/review/review-queue-item";

export type QueueRow = ReviewQueueItem;

/** "3 hours ago" in the interface language (Intl.RelativeTimeFormat). */
function ago(iso: string, now: number, locale: string): string {
  const s = Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000));
  const rtf = new Intl.RelativeTimeFormat(intlLocale(locale), { numeric: "auto" });
  if (s < 90) return rtf.format(0, "second");
  const m = Math.round(s / 60);
  if (m < 90) return rtf.format(-m, "minute");
  const h = Math.round(m / 60);
  if (h < 36) return rtf.format(-h, "hour");
  return rtf.format(-Math.round(h / 24), "day");
}

/** The review queue as a table; each row opens the claim in its workspace (focused, via ?claim=). */
export async function ReviewQueueTable({ rows, now }: { rows: QueueRow[]; now: number }) {
  const t = await getTranslations("review");
  const tp = await getTranslations("people");
  const locale = await getLocale();
  const language = languageOf(locale);
  return (
    <div className="mt-4 overflow-x-auto rounded-lg bg-white shadow-sm">
      <table className="stack-table w-full border-collapse text-sm" data-testid="review-queue">
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            <th className="p-3 text-start">{t("colClaim")}</th>
            <th className="p-3 text-start">{t("colArticle")}</th>
            <th className="p-3 text-start">{t("colType")}</th>
            <th className="p-3 text-start">{t("colVerdict")}</th>
            <th className="p-3 text-start">{t("colAuthor")}</th>
            <th className="p-3 text-start">{t("colWaiting")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.claimId} className="border-t border-slate-100 align-top" data-testid="review-queue-row" data-reason={r.reason}>
              <td className="max-w-md p-3">
                <Link href={`/articles/${r.articleId}?claim=${encodeURIComponent(r.claimId)}`} lang={r.articleLanguage} dir={r.articleDirection} className="font-medium text-blue-800 hover:underline">
                  {r.excerpt}
                </Link>
                <div className="mt-1 flex flex-wrap gap-2">
                  {r.reason === "changed_since_approval" ? (
                    <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900">{t("reasonChangedBadge")}</span>
                  ) : (
                    <span className="rounded bg-sky-100 px-1.5 py-0.5 text-xs font-medium text-sky-900">{t("reasonNeedsReviewBadge")}</span>
                  )}
                  {r.lastDecision && (
                    <span className="text-xs text-slate-600">
                      {t("lastDecision", { decision: r.lastDecision.decision })} <bdi>{r.lastDecision.reviewerName ?? tp("unnamed")}</bdi>
                    </span>
                  )}
                </div>
              </td>
              <td className="p-3" data-label={t("colArticle")}><span lang={r.articleLanguage} dir={r.articleDirection}>{r.articleTitle ?? tp("deletedArticle")}</span></td>
              <td className="p-3" data-label={t("colType")}>{CLAIM_TYPE_META[r.type]?.[language] ?? r.type}</td>
              <td className="p-3" data-label={t("colVerdict")}>{r.verdict ? verdictLabel(r.verdict, language) : <span className="text-slate-600">{t("noVerdict")}</span>}</td>
              <td className="p-3" data-label={t("colAuthor")}><bdi>{r.authorName ?? tp("unnamed")}</bdi></td>
              <td className="p-3 text-slate-700" data-label={t("colWaiting")}><time dateTime={r.waitingSince} title={r.waitingSince}>{ago(r.waitingSince, now, locale)}</time></td>
            </tr>
          ))}
          {rows.length === 0 && (
            <tr><td colSpan={6} className="p-6 text-center text-slate-600">{t("empty")}</td></tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
