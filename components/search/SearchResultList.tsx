import Link from "next/link";
import { verdictLabel } from "@/lib/verdicts";
import { Highlighted } from "./Highlighted";
import type { Snippet } from "@/lib/search/highlight";

/** What the search page shows per result (the JSON API's result shape). */
export interface SearchResultView {
  kind: "article" | "claim" | "source" | "verdict";
  articleId: string;
  articleTitle: string;
  claimId: string | null;
  title: string;
  snippet: Snippet;
  status: string | null;
  verdict: string | null;
  date: string;
  href: string;
}

const labels = {
  kind: { article: "Article", claim: "Claim", source: "Source", verdict: "Published verdict" } as Record<string, string>,
  in: "in",
  none: "Nothing found. Arabic words match without diacritics, with or without ال/و/ب/ل, and in their plural forms.",
};

/** Results with highlighted matches; each opens the workspace at its claim (or the article). */
export function SearchResultList({ results }: { results: SearchResultView[] }) {
  if (results.length === 0) return <p className="mt-6 text-sm text-slate-600" data-testid="search-empty">{labels.none}</p>;
  return (
    <ol className="mt-4 space-y-3" data-testid="search-results">
      {results.map((r) => (
        <li key={`${r.kind}:${r.articleId}:${r.claimId ?? ""}:${r.title}`} className="rounded-lg border border-slate-200 bg-white p-3" data-testid="search-result" data-kind={r.kind}>
          <div className="flex flex-wrap items-center gap-2 text-xs text-slate-500">
            <span className="rounded bg-slate-100 px-1.5 py-0.5 font-semibold text-slate-700">{labels.kind[r.kind]}</span>
            {r.verdict && <span className="rounded bg-emerald-50 px-1.5 py-0.5 text-emerald-800">{verdictLabel(r.verdict, "en")}</span>}
            {r.status && <span>{r.status.replace(/_/g, " ")}</span>}
            <span>{labels.in} <bdi>{r.articleTitle}</bdi></span>
            <time className="ms-auto" dateTime={r.date}>{r.date.slice(0, 10)}</time>
          </div>
          <Link href={r.href} className="mt-1 block font-medium text-blue-800 hover:underline" dir="auto">{r.title}</Link>
          <p className="mt-1 text-sm leading-relaxed text-slate-700" dir="auto" data-testid="search-snippet"><Highlighted snippet={r.snippet} /></p>
        </li>
      ))}
    </ol>
  );
}
