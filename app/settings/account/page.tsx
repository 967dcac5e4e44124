import { getTranslations } from "next-intl/server";
import { requireActor } from "@/server/auth/guard";
import { getDb } from "@/server/db/client";
import { ownAccount } from "@/server/accounts/own-account";
import { requestLocale } from "@/server/i18n/request-locale";
import { AppHeader } from "@/components/AppHeader";
import { ChangePasswordForm } from "@/components/ChangePasswordForm";
import { LocaleSwitcher } from "@/components/LocaleSwitcher";

export const dynamic = "force-dynamic";

/** The signed-in person's own account: password and interface language. */
export default async function AccountPage() {
  const actor = await requireActor("/settings/account");
  const t = await getTranslations("account");
  const account = await ownAccount({ db: getDb(), actor });
  return (
    <>
      <AppHeader actor={actor} />
      <main className="mx-auto max-w-4xl px-4 py-8">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-700">{t("intro")}</p>
        <section className="mt-8 rounded-lg bg-white p-4 shadow-sm" aria-labelledby="password-heading">
          <h2 id="password-heading" className="text-lg font-semibold">{t("passwordHeading")}</h2>
          {account.hasPassword ? (
            <>
              <p className="mt-1 text-sm text-slate-700">{t("passwordIntro")}</p>
              <ChangePasswordForm />
            </>
          ) : <p className="mt-1 text-sm text-slate-700">{t("noPassword")}</p>}
        </section>
        <section className="mt-6 rounded-lg bg-white p-4 shadow-sm" aria-labelledby="language-heading">
          <h2 id="language-heading" className="text-lg font-semibold">{t("languageHeading")}</h2>
          <p className="mt-1 text-sm text-slate-700">{t("languageIntro")}</p>
          <div className="mt-3"><LocaleSwitcher current={await requestLocale()} /></div>
        </section>
      </main>
    </>
  );
}
