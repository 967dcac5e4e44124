import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { AccountTokenKind } from "@/lib/accounts";
import type { LocaleChoice } from "@/lib/i18n/locale";
import { LocaleSwitcher } from "./LocaleSwitcher";
import { AccountLinkForm } from "./AccountLinkForm";

export type AccountLinkPageView =
  | { state: "valid"; email: string; role: string | null }
  | { state: "unknown" | "expired" | "used" | "revoked" | "throttled" };

/** The page behind an invitation or reset link: the form, or why the link cannot be used. */
export async function AccountLinkPage({ kind, token, view, locale }: { kind: AccountTokenKind; token: string; view: AccountLinkPageView; locale: LocaleChoice }) {
  const t = await getTranslations("accountLink");
  const tr = await getTranslations("roles");
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-6 py-8">
      <div className="flex justify-end"><LocaleSwitcher current={locale} /></div>
      {view.state === "valid" ? (
        <>
          <h1 className="text-2xl font-semibold">{kind === "invitation" ? t("inviteTitle") : t("resetTitle")}</h1>
          <p className="mt-2 text-slate-700">
            {kind === "invitation" ? t("inviteIntro", { role: tr((view.role ?? "viewer") as "viewer") }) : t("resetIntro", { email: view.email })}
          </p>
          <AccountLinkForm kind={kind} token={token} email={view.email} />
        </>
      ) : (
        <div data-testid="account-link-state" data-state={view.state}>
          <h1 className="text-2xl font-semibold">{t("stateTitle")}</h1>
          <p className="mt-2 text-slate-700">{t(`state.${view.state}`)}</p>
          <Link href="/signin" className="mt-6 inline-block rounded-md bg-slate-900 px-4 py-2 font-medium text-white">{t("signIn")}</Link>
        </div>
      )}
    </main>
  );
}
