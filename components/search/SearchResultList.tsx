import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { formatIsoDate, languageOf } from "@/lib/i18n/locale";
import { verdictLabel } from "@/lib/verdicts";
import { Highlighted } from "./Highlighted";
import type { SearchResult } from "@/lib/search/views";

/** What the search page shows per result (the JSON API's result shape). */

/** Results with highlighted matches; each opens the workspace at its claim (or the article). */
export async function SearchResultList({ results }: { results: SearchResult[] }) {
  const t = await getTranslations("search");
  const ts = await getTranslations("status");
  const locale = await getLocale();
  const language = languageOf(locale);
  if (results.length === 0) return <p className="mt-6 text-sm text-slate-600" data-testid="search-empty">{t("none")}</p>;
  return (
    <ol className="mt-4 space-y-3" data-testid="search-results">
      {results.map((r) => (
        <li key={`${r.kind}:${r.articleId}:${r.claimId ?? ""}:${r.title}`} className="rounded-lg border border-slate-200 bg-white p-3" data-testid="search-result" data-kind={r.kind}>
          <div className="flex flex-wrap items-center gap-2 text-xs text-slate-500">
            <span className="rounded bg-slate-100 px-1.5 py-0.5 font-semibold text-slate-700">{t(`kind.${r.kind}`)}</span>
            {r.verdict && <span className="rounded bg-emerald-50 px-1.5 py-0.5 text-emerald-800">{verdictLabel(r.verdict, language)}</span>}
            {r.status && <span>{ts.has(r.status as "draft") ? ts(r.status as "draft") : r.status}</span>}
            <span>{t.rich("inArticle", { title: r.articleTitle, b: (chunks) => <bdi>{chunks}</bdi> })}</span>
            <bdi className="ms-auto"><time dateTime={r.date}>{formatIsoDate(r.date.slice(0, 10), locale)}</time></bdi>
          </div>
          <Link href={r.href} className="mt-1 block font-medium text-blue-800 hover:underline" dir="auto">{r.title}</Link>
          <p className="mt-1 text-sm leading-relaxed text-slate-700" dir="auto" data-testid="search-snippet"><Highlighted snippet={r.snippet} /></p>
        </li>
      ))}
    </ol>
  );
}
