import { getLocale, getTranslations } from "next-intl/server";
import { AppHeader } from "@/components/AppHeader";
import { errorBodyOf, wordError, type ErrorTranslator } from "@/lib/i18n/errors";
import { isoDayAt, isoToTyped, languageOf, parseLocalizedDate } from "@/lib/i18n/locale";
import { SearchResultList } from "@/components/search/SearchResultList";
import { CLAIM_STATUSES } from "@/lib/claim-model";
import { isAppError } from "@/lib/errors";
import { VERDICTS } from "@/lib/verdicts";
import { requireActor } from "@/server/auth/guard";
import { getDb } from "@/server/db/client";
import { searchAll, SEARCH_KINDS, type SearchResult } from "@/server/search/search";
import { searchFilterOptions } from "@/server/search/search-filter-options";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
const FILTERS = ["q", "type", "status", "verdict", "article", "assignee", "from", "to"] as const;

/** /search: the header box lands here; a plain GET form, so it works before any script loads. */
export default async function SearchPage({ searchParams }: Props) {
  const actor = await requireActor("/search");
  const t = await getTranslations("search");
  const te = await getTranslations("errors");
  const ts = await getTranslations("status");
  const td = await getTranslations("dateEntry");
  const tp = await getTranslations("people");
  const language = languageOf(await getLocale());
  const sp = await searchParams;
  const input = Object.fromEntries(FILTERS.map((k) => [k, one(sp[k])]).filter(([, v]) => v !== ""));
  const db = getDb();
  let results: SearchResult[] = [];
  let error: string | null = null;
  // Dates are typed the reader's way (22/07/2020, 07/2020, ٢٠٢٠) and searched as whole days.
  const range = { from: input.from ? parseLocalizedDate(input.from) : undefined, to: input.to ? parseLocalizedDate(input.to) : undefined };
  if (range.from === null || range.to === null) error = td("bad");
  if (input.q && !error) {
    try {
      const query = { ...input, from: range.from ? isoDayAt(range.from, "first") : undefined, to: range.to ? isoDayAt(range.to, "last") : undefined };
      results = (await searchAll({ db, actor, input: query as never })).results;
    } catch (e) {
      if (!isAppError(e)) throw e;
      error = wordError(te as unknown as ErrorTranslator, await getLocale(), errorBodyOf(e));
    }
  }
  const { articles, team } = await searchFilterOptions({ db, actor });
  const sel = "rounded border border-slate-300 px-2 py-1 text-sm";
  return (
    <>
      <AppHeader actor={actor} />
      <main className="mx-auto max-w-5xl px-4 py-8">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
        <form action="/search" method="get" role="search" className="mt-4 space-y-2" data-testid="search-form">
          <div className="flex gap-2">
            <input name="q" type="search" defaultValue={input.q ?? ""} aria-label={t("query")} dir="auto" maxLength={200}
              className="min-w-0 flex-1 rounded border border-slate-300 px-3 py-2" data-testid="search-query" />
            <button type="submit" className="rounded bg-blue-700 px-4 py-2 font-medium text-white">{t("search")}</button>
          </div>
          <div className="flex flex-wrap items-center gap-2">
            <select name="type" defaultValue={input.type ?? ""} aria-label={t("type")} className={sel}>
              <option value="">{t("anyType")}</option>
              {SEARCH_KINDS.map((k) => <option key={k} value={k}>{t(`kinds.${k}`)}</option>)}
            </select>
            <select name="status" defaultValue={input.status ?? ""} aria-label={t("status")} className={sel}>
              <option value="">{t("anyStatus")}</option>
              {CLAIM_STATUSES.map((s) => <option key={s} value={s}>{ts.has(s as "draft") ? ts(s as "draft") : s}</option>)}
            </select>
            <select name="verdict" defaultValue={input.verdict ?? ""} aria-label={t("verdict")} className={sel}>
              <option value="">{t("anyVerdict")}</option>
              {VERDICTS.map((v) => <option key={v.key} value={v.key}>{v[language]}</option>)}
            </select>
            <select name="article" defaultValue={input.article ?? ""} aria-label={t("article")} className={`${sel} max-w-56`}>
              <option value="">{t("anyArticle")}</option>
              {articles.map((a) => <option key={a.id} value={a.id}>{a.title.slice(0, 80)}</option>)}
            </select>
            <select name="assignee" defaultValue={input.assignee ?? ""} aria-label={t("assignee")} className={sel}>
              <option value="">{t("anyone")}</option>
              <option value="me">{t("me")}</option>
              <option value="none">{t("unassigned")}</option>
              {team.map((u) => <option key={u.id} value={u.id}>{u.name ?? tp("unnamed")}</option>)}
            </select>
            {/* The date range wraps as one piece: "to" never starts a row of its own. */}
            <span className="flex items-center gap-2">
              {(["from", "to"] as const).map((k) => (
                <label key={k} className="whitespace-nowrap text-sm text-slate-600">{t(k)}{" "}
                  <input name={k} inputMode="numeric" autoComplete="off" placeholder={td("placeholder")} title={td("hint")}
                    defaultValue={range[k] ? isoToTyped(range[k]) : input[k] ?? ""} className={`${sel} w-32`} data-testid={`search-${k}`} data-date-field />
                </label>
              ))}
            </span>
          </div>
        </form>
        {error && <p className="mt-3 rounded bg-red-50 p-3 text-sm text-red-800" role="alert">{error}</p>}
        {input.q && !error && (
          <>
            <p className="mt-4 text-sm text-slate-500" data-testid="search-count">{t("count", { count: results.length })}</p>
            <SearchResultList results={results} />
          </>
        )}
      </main>
    </>
  );
}
