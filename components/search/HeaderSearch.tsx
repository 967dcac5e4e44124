import { getTranslations } from "next-intl/server";

/** The header's search box: a plain GET form to /search (works without JavaScript). */
export async function HeaderSearch() {
  const t = await getTranslations("search");
  return (
    <form action="/search" method="get" role="search" className="min-w-0 max-w-xs flex-1">
      <input name="q" type="search" dir="auto" maxLength={200} placeholder={t("placeholder")} aria-label={t("boxLabel")} data-testid="header-search"
        className="w-full rounded border border-slate-300 px-2 py-1 text-sm" />
    </form>
  );
}
