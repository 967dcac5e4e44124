import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { headers } from "next/headers";
import { currentActor, signedInWithoutRole } from "@/server/auth/session";
import { SignInForm } from "@/components/SignInForm";
import { authOptions } from "@/server/auth/options";
import { LocaleSwitcher } from "@/components/LocaleSwitcher";
import { requestLocale } from "@/server/i18n/request-locale";
import { safeReturnPath } from "@/lib/safe-return";
import { publicOrigin } from "@/server/http/public-origin";

const DEMO_ACCOUNTS = ["editor@sanad.local", "editor2@sanad.local", "reviewer@sanad.local", "admin@sanad.local", "viewer@sanad.local"];
const DEMO_PASSWORD = "sanad-demo";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signin"))("title") };
}
export const dynamic = "force-dynamic";

/** Only paths on this app's origin are accepted as a return address (no open redirect). */
function safeReturn(value: string | string[] | undefined): string {
  return safeReturnPath(value, publicOrigin());
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeReturn(params.callbackUrl);
  if (await currentActor()) redirect(callbackUrl);
  const waiting = await signedInWithoutRole((await headers()).get("cookie"));
  const demo = !process.env.DATABASE_URL?.startsWith("postgres") && process.env.SANAD_DEMO !== "0";
  const t = await getTranslations("signin");
  const oauth = authOptions().providers.filter((p) => p.type === "oauth").map((p) => ({ id: p.id, name: p.name }));
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-6">
      <div className="flex justify-end"><LocaleSwitcher current={await requestLocale()} /></div>
      <h1 className="text-3xl font-semibold">{t("brand")} <span lang="ar" className="font-[family-name:var(--font-arabic)]">{t("brandArabic")}</span></h1>
      <p className="mt-2 text-slate-700">{t("tagline")}</p>
      {waiting && <p role="status" data-testid="signin-no-role" className="mt-6 rounded-md bg-sky-50 p-3 text-sm text-sky-900">{t("noRoleYet")}</p>}
      <SignInForm callbackUrl={callbackUrl} error={typeof params.error === "string" ? params.error : undefined} oauth={oauth} />
      {demo && (
        <p className="mt-6 rounded-md bg-amber-50 p-3 text-sm text-amber-900">
          {t("demoAccounts")}{" "}
          {DEMO_ACCOUNTS.map((a, i) => <span key={a}>{i > 0 && t("listSeparator")}<code dir="ltr">{a}</code></span>)}
          {" — "}{t("demoPassword")} <code dir="ltr">{DEMO_PASSWORD}</code>
        </p>
      )}
    </main>
  );
}
