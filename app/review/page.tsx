import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { AppHeader } from "@/components/AppHeader";
import { ReviewQueueTable } from "@/components/review/ReviewQueueTable";
import { CLAIM_TYPES, CLAIM_TYPE_META } from "@/lib/claim-types";
import { isAppError } from "@/lib/errors";
import { errorBodyOf, wordError, type ErrorTranslator } from "@/lib/i18n/errors";
import { languageOf } from "@/lib/i18n/locale";
import { canReview } from "@/lib/policies";
import { requireActor } from "@/server/auth/guard";
import { listReviewQueue } from "@/server/claims/review-queue";
import { getDb } from "@/server/db/client";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

/** /review: claims waiting for a reviewer across articles, filterable, newest activity first. */
export default async function ReviewQueuePage({ searchParams }: Props) {
  const actor = await requireActor("/review");
  const sp = await searchParams;
  const t = await getTranslations("review");
  const te = await getTranslations("errors");
  const language = languageOf(await getLocale());
  const raw = { articleId: one(sp.article), type: one(sp.type), reason: one(sp.reason), q: one(sp.q) };
  let result;
  let error: string | null = null;
  try {
    result = await listReviewQueue({ db: getDb(), actor, filter: raw });
  } catch (e) {
    if (!isAppError(e)) throw e;
    error = wordError(te as unknown as ErrorTranslator, await getLocale(), errorBodyOf(e));
    result = e.code === "INVALID_INPUT" ? await listReviewQueue({ db: getDb(), actor, filter: {} }) : null;
  }
  return (
    <>
      <AppHeader actor={actor} />
      <main className="mx-auto max-w-7xl px-4 py-8">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-700">
          {t("intro")}
          {!canReview(actor) && <> {t("followOnly")}</>}
        </p>
        {error && <p className="mt-3 rounded bg-red-50 p-3 text-sm text-red-800" role="alert">{error}</p>}
        {result && (
          <>
            <form method="get" className="mt-6 flex flex-wrap items-end gap-3 text-sm" data-testid="review-filters">
              <label className="flex min-w-0 max-w-full flex-col gap-1">
                <span className="text-slate-700">{t("filterArticle")}</span>
                <select name="article" defaultValue={result.filter.articleId ?? ""} className="w-full max-w-xs rounded border border-slate-300 bg-white px-2 py-1.5">
                  <option value="">{t("allArticles")}</option>
                  {result.articles.map((a) => <option key={a.id} value={a.id} dir="auto">{a.title}</option>)}
                </select>
              </label>
              <label className="flex min-w-0 max-w-full flex-col gap-1">
                <span className="text-slate-700">{t("filterType")}</span>
                <select name="type" defaultValue={result.filter.type ?? ""} className="w-full max-w-xs rounded border border-slate-300 bg-white px-2 py-1.5">
                  <option value="">{t("allTypes")}</option>
                  {CLAIM_TYPES.map((type) => <option key={type} value={type}>{CLAIM_TYPE_META[type][language]}</option>)}
                </select>
              </label>
              <label className="flex min-w-0 max-w-full flex-col gap-1">
                <span className="text-slate-700">{t("filterReason")}</span>
                <select name="reason" defaultValue={result.filter.reason ?? ""} className="w-full max-w-xs rounded border border-slate-300 bg-white px-2 py-1.5">
                  <option value="">{t("allReasons")}</option>
                  <option value="needs_review">{t("reasonNeedsReview")}</option>
                  <option value="changed_since_approval">{t("reasonChanged")}</option>
                </select>
              </label>
              <label className="flex min-w-0 max-w-full flex-col gap-1">
                <span className="text-slate-700">{t("filterText")}</span>
                <input name="q" defaultValue={result.filter.q ?? ""} placeholder={t("searchPlaceholder")} dir="auto" className="w-full max-w-xs rounded border border-slate-300 bg-white px-2 py-1.5" />
              </label>
              <button type="submit" className="rounded-md bg-slate-900 px-3 py-1.5 font-medium text-white">{t("filter")}</button>
              <Link href="/review" className="px-2 py-1.5 text-slate-700 underline">{t("reset")}</Link>
            </form>
            {/* An empty queue is said once, by the table's empty state. */}
            {result.items.length > 0 && <p className="mt-4 text-sm text-slate-700" data-testid="review-count">{t("waiting", { count: result.items.length })}</p>}
            <ReviewQueueTable rows={result.items} now={result.generatedAt} />
          </>
        )}
      </main>
    </>
  );
}
