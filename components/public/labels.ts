import { createTranslator } from "next-intl";
import { formatIsoDate, languageOf } from "@/lib/i18n/locale";
import ar from "@/messages/ar.json";
import en from "@/messages/en.json";

/**
 * Public-page strings in the ARTICLE's language (Arabic or English; others get English),
 * from the same catalogues as the app (namespace `public`). Synchronous and cookie-free so
 * the public pages stay static.
 */
export function labelsFor(language: string) {
  const lang = languageOf(language);
  const t = createTranslator({ locale: lang, messages: lang === "ar" ? ar : en, namespace: "public" });
  return {
    factCheck: t("factCheck"),
    claimsChecked: (n: number) => t("claimsChecked", { count: n }),
    originalArticle: t("originalArticle"),
    publishedIn: t("publishedIn"),
    originalPublished: t("originalPublished"),
    reviewedBy: t("reviewedBy"),
    on: t("on"),
    sources: t("sources"),
    archived: t("archived"),
    sanadCopy: t("sanadCopy"),
    rationale: t("rationale"),
    claim: t("claim"),
    inContext: t("inContext"),
    verdict: t("verdict"),
    readMore: t("readMore"),
    backToArticle: t("backToArticle"),
    backToFactCheck: t("backToFactCheck"),
    corrections: t("corrections"),
    version: t("version"),
    firstPublished: t("firstPublished"),
    correction: t("correction"),
    retracted: t("retracted"),
    retractedOn: t("retractedOn"),
    retractionNote: t("retractionNote"),
    oldVersion: (v: number, latest: number) => t("oldVersion", { v, latest }),
    readCurrent: t("readCurrent"),
    lastUpdated: t("lastUpdated"),
    publishedBy: t("publishedBy"),
    speaker: t("speaker"),
    noRationale: t("noRationale"),
    summary: t("summary"),
    feed: t("feed"),
    mastheadTag: t("mastheadTag"),
    footer: t("footer"),
    notFound: t("notFound"),
    quoteOpen: t("quoteOpen"),
    quoteClose: t("quoteClose"),
    comma: t("comma"),
    notFoundBody: t("notFoundBody"),
  };
}

/** A calendar date in the page's language, in UTC (stable between server renders), Western digits. */
export function formatDate(iso: string | null, language: string): string {
  if (!iso) return "";
  return formatIsoDate(iso, languageOf(language));
}

/** The display face for headings: Naskh for Arabic (Latin serifs have no Arabic glyphs), a serif otherwise. */
export function serifClass(language: string): string {
  return language.toLowerCase().startsWith("ar") ? "font-[family-name:var(--font-arabic)]" : "font-serif";
}
