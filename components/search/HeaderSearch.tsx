const labels = { placeholder: "Search… / بحث…", label: "Search articles, claims, sources and verdicts" };

/** The header's search box: a plain GET form to /search (works without JavaScript). */
export function HeaderSearch() {
  return (
    <form action="/search" method="get" role="search" className="min-w-0 flex-1 max-w-xs">
      <input name="q" type="search" dir="auto" maxLength={200} placeholder={labels.placeholder} aria-label={labels.label} data-testid="header-search"
        className="w-full rounded border border-slate-300 px-2 py-1 text-sm" />
    </form>
  );
}
