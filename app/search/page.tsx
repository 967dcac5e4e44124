import { AppHeader } from "@/components/AppHeader";
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

const labels = {
  title: "Search",
  intro: "Articles, claims, sources and published verdicts. Arabic and English.",
  query: "Search for",
  search: "Search",
  anyType: "Everything", anyStatus: "Any status", anyVerdict: "Any verdict", anyArticle: "Any article", anyone: "Anyone", me: "Assigned to me", unassigned: "Unassigned",
  from: "From", to: "To",
  kinds: { article: "Articles", claim: "Claims", source: "Sources", verdict: "Published verdicts" } as Record<string, string>,
  count: (n: number) => `${n} result${n === 1 ? "" : "s"}`,
};

/** /search: the header box lands here; a plain GET form, so it works before any script loads. */
export default async function SearchPage({ searchParams }: Props) {
  const actor = await requireActor("/search");
  const sp = await searchParams;
  const input = Object.fromEntries(FILTERS.map((k) => [k, one(sp[k])]).filter(([, v]) => v !== ""));
  const db = getDb();
  let results: SearchResult[] = [];
  let error: string | null = null;
  if (input.q) {
    try {
      results = (await searchAll({ db, actor, input: input as never })).results;
    } catch (e) {
      if (!isAppError(e)) throw e;
      error = e.message;
    }
  }
  const { articles, team } = await searchFilterOptions({ db, actor });
  const sel = "rounded border border-slate-300 px-2 py-1 text-sm";
  return (
    <>
      <AppHeader actor={actor} />
      <main className="mx-auto max-w-5xl px-4 py-8">
        <h1 className="text-2xl font-semibold">{labels.title}</h1>
        <p className="mt-1 text-sm text-slate-600">{labels.intro}</p>
        <form action="/search" method="get" role="search" className="mt-4 space-y-2" data-testid="search-form">
          <div className="flex gap-2">
            <input name="q" type="search" defaultValue={input.q ?? ""} aria-label={labels.query} dir="auto" maxLength={200}
              className="min-w-0 flex-1 rounded border border-slate-300 px-3 py-2" data-testid="search-query" />
            <button type="submit" className="rounded bg-blue-700 px-4 py-2 font-medium text-white">{labels.search}</button>
          </div>
          <div className="flex flex-wrap items-center gap-2">
            <select name="type" defaultValue={input.type ?? ""} aria-label="Type" className={sel}>
              <option value="">{labels.anyType}</option>
              {SEARCH_KINDS.map((k) => <option key={k} value={k}>{labels.kinds[k]}</option>)}
            </select>
            <select name="status" defaultValue={input.status ?? ""} aria-label="Status" className={sel}>
              <option value="">{labels.anyStatus}</option>
              {CLAIM_STATUSES.map((s) => <option key={s} value={s}>{s.replace(/_/g, " ")}</option>)}
            </select>
            <select name="verdict" defaultValue={input.verdict ?? ""} aria-label="Verdict" className={sel}>
              <option value="">{labels.anyVerdict}</option>
              {VERDICTS.map((v) => <option key={v.key} value={v.key}>{v.en} · {v.ar}</option>)}
            </select>
            <select name="article" defaultValue={input.article ?? ""} aria-label="Article" className={`${sel} max-w-56`}>
              <option value="">{labels.anyArticle}</option>
              {articles.map((a) => <option key={a.id} value={a.id}>{a.title.slice(0, 80)}</option>)}
            </select>
            <select name="assignee" defaultValue={input.assignee ?? ""} aria-label="Assignee" className={sel}>
              <option value="">{labels.anyone}</option>
              <option value="me">{labels.me}</option>
              <option value="none">{labels.unassigned}</option>
              {team.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
            </select>
            <label className="text-sm text-slate-600">{labels.from} <input type="date" name="from" defaultValue={input.from ?? ""} className={sel} /></label>
            <label className="text-sm text-slate-600">{labels.to} <input type="date" name="to" defaultValue={input.to ?? ""} className={sel} /></label>
          </div>
        </form>
        {error && <p className="mt-3 rounded bg-red-50 p-3 text-sm text-red-800" role="alert">{error}</p>}
        {input.q && !error && (
          <>
            <p className="mt-4 text-sm text-slate-500" data-testid="search-count">{labels.count(results.length)}</p>
            <SearchResultList results={results} />
          </>
        )}
      </main>
    </>
  );
}
