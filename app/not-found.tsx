import Link from "next/link";
import { createTranslator } from "next-intl";
import ar from "@/messages/ar.json";
import en from "@/messages/en.json";

/**
 * 404 for any address without a page of its own. Next renders the root not-found with every
 * page's payload, including the static public pages, so it must not read cookies: it speaks
 * both languages instead of asking which one.
 */
export default function NotFound() {
  return (
    <html lang="en" dir="ltr">
      <body className="min-h-screen font-sans">
        <title>{createTranslator({ locale: "en", messages: en, namespace: "errors" })("notFoundTitle")}</title>
        <main className="mx-auto max-w-md px-6 py-24 text-center">
          <p className="text-5xl font-bold text-slate-600" aria-hidden="true">404</p>
          {(["en", "ar"] as const).map((language) => {
            const t = createTranslator({ locale: language, messages: language === "ar" ? ar : en, namespace: "errors" });
            return (
              <section key={language} lang={language} dir={language === "ar" ? "rtl" : "ltr"} className="mt-6">
                {language === "en" ? <h1 className="text-2xl font-semibold">{t("notFoundTitle")}</h1> : <h2 className="text-2xl font-semibold">{t("notFoundTitle")}</h2>}
                <p className="mt-2 text-slate-700">{t("notFoundBody")}</p>
                <p className="mt-3"><Link href="/" className="text-blue-800 underline">{t("backHome")}</Link></p>
              </section>
            );
          })}
        </main>
      </body>
    </html>
  );
}
