import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { parseLocaleTag } from "@/lib/i18n/locale";
import { canManageUsers, type Actor } from "@/lib/policies";
import { LocaleSwitcher } from "./LocaleSwitcher";
import { SignOutButton } from "./SignOutButton";
import { HeaderSearch } from "./search/HeaderSearch";
import { NotificationBell } from "./notifications/NotificationBell";
import { HeaderMenu } from "./HeaderMenu";

export async function AppHeader({ actor }: { actor: Actor }) {
  const t = await getTranslations("header");
  const tr = await getTranslations("roles");
  const current = parseLocaleTag((await getLocale()).replace(/^en-GB/, "en")) ?? { language: "en" as const, numerals: "latn" as const };
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="text-lg font-semibold">{t("brand")} <span lang="ar">{t("brandArabic")}</span></Link>
        {/* The bell stays on the header's row on a phone; from sm up it ends the row. */}
        <div className="ms-auto sm:order-last sm:ms-0"><NotificationBell /></div>
        <HeaderMenu>
          <nav aria-label={t("navLabel")} className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700">
            <Link href="/" className="tap-target">{t("articles")}</Link>
            <Link href="/review" className="tap-target">{t("review")}</Link>
            {canManageUsers(actor) && <Link href="/admin/users" className="tap-target">{t("people")}</Link>}
            {canManageUsers(actor) && <Link href="/admin/claim-reviews" className="tap-target">{t("feeds")}</Link>}
            {canManageUsers(actor) && <Link href="/admin/webhooks" className="tap-target">{t("webhooks")}</Link>}
            <Link href="/settings/tokens" className="tap-target">{t("apiTokens")}</Link>
            <Link href="/settings/account" className="tap-target">{t("account")}</Link>
          </nav>
          <HeaderSearch />
          <div className="flex flex-wrap items-center gap-3 text-sm sm:ms-auto">
            <LocaleSwitcher current={current} />
            <bdi data-testid="current-user">{actor.name}</bdi>
            <span className="rounded bg-slate-100 px-2 py-0.5 text-xs uppercase tracking-wide text-slate-700">{tr(actor.role)}</span>
            <SignOutButton />
          </div>
        </HeaderMenu>
      </div>
    </header>
  );
}
