import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { directionOf, languageOf } from "@/lib/i18n/locale";

/** Title template and description of the app pages, in the interface language. */
export async function appMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  return { title: { default: t("title"), template: t("titleTemplate") }, description: t("description") };
}

/**
 * `<html>` of every signed-in page and of sign-in: language and direction of the person's
 * interface choice; the catalogue reaches client components through NextIntlClientProvider.
 */
export async function AppDocument({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  const language = languageOf(locale);
  return (
    <html lang={language} dir={directionOf(language)}>
      <body className="min-h-screen font-sans">
        <NextIntlClientProvider>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
