import { getRequestConfig } from "next-intl/server";
import { intlLocale, languageOf, parseLocaleTag } from "@/lib/i18n/locale";
import { requestLocale } from "@/server/i18n/request-locale";
import ar from "@/messages/ar.json";
import en from "@/messages/en.json";

const CATALOGUES = { en, ar } as const;

/**
 * next-intl without i18n routing: URLs carry no locale. App pages take the person's choice
 * (server/i18n/request-locale.ts); public pages pass the ARTICLE's language explicitly
 * (`getTranslations({ locale })`), which never reads cookies, so they stay static.
 */
export default getRequestConfig(async ({ locale }) => {
  const choice = locale ? parseLocaleTag(locale) ?? { language: languageOf(locale), numerals: "latn" as const } : await requestLocale();
  return {
    locale: intlLocale(choice),
    messages: CATALOGUES[choice.language],
    timeZone: "UTC",
  };
});
