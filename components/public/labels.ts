/** Public-page strings in the article's language (Arabic or English; other languages get English). */
const EN = {
  factCheck: "Fact check",
  claimsChecked: (n: number) => (n === 1 ? "1 claim checked" : `${n} claims checked`),
  originalArticle: "Original article",
  publishedIn: "Published in",
  originalPublished: "Original published",
  reviewedBy: "Reviewed by",
  on: "on",
  sources: "Sources",
  archived: "archived copy",
  sanadCopy: "archived copy (Sanad)",
  rationale: "Our assessment",
  claim: "Claim",
  inContext: "In context",
  verdict: "Verdict",
  readMore: "Read this claim on its own page",
  backToArticle: "All claims in this fact-check",
  corrections: "Corrections and versions",
  version: "Version",
  firstPublished: "First published",
  correction: "Correction",
  retracted: "This fact-check has been retracted",
  retractedOn: "Retracted on",
  retractionNote: "Why it was retracted",
  oldVersion: (v: number, latest: number) => `You are reading version ${v}. The current version is ${latest}.`,
  readCurrent: "Read the current version",
  lastUpdated: "Last updated",
  publishedBy: "Published by",
  speaker: "Said by",
  noRationale: "No written assessment.",
  summary: "Summary",
  feed: "ClaimReview feed (JSON-LD)",
};
type Labels = typeof EN;

const AR: Labels = {
  factCheck: "تحقق من الادعاءات",
  claimsChecked: (n: number) => (n === 1 ? "ادعاء واحد تم التحقق منه" : n === 2 ? "ادعاءان تم التحقق منهما" : `${n} ادعاءات تم التحقق منها`),
  originalArticle: "المقال الأصلي",
  publishedIn: "نُشر في",
  originalPublished: "تاريخ نشر المقال الأصلي",
  reviewedBy: "راجعه",
  on: "في",
  sources: "المصادر",
  archived: "نسخة مؤرشفة",
  sanadCopy: "نسخة مؤرشفة (سند)",
  rationale: "تقييمنا",
  claim: "الادعاء",
  inContext: "في سياقه",
  verdict: "الحكم",
  readMore: "اقرأ هذا الادعاء في صفحة مستقلة",
  backToArticle: "كل الادعاءات في هذا التحقق",
  corrections: "التصحيحات والإصدارات",
  version: "الإصدار",
  firstPublished: "النشر الأول",
  correction: "تصحيح",
  retracted: "تم سحب هذا التحقق",
  retractedOn: "تاريخ السحب",
  retractionNote: "سبب السحب",
  oldVersion: (v: number, latest: number) => `أنت تقرأ الإصدار ${v}. الإصدار الحالي هو ${latest}.`,
  readCurrent: "اقرأ الإصدار الحالي",
  lastUpdated: "آخر تحديث",
  publishedBy: "نشره",
  speaker: "القائل",
  noRationale: "لا يوجد تقييم مكتوب.",
  summary: "ملخص",
  feed: "موجز ClaimReview (JSON-LD)",
};

export function labelsFor(language: string): Labels {
  return language.toLowerCase().startsWith("ar") ? AR : EN;
}

/** A calendar date in the page's language, in UTC (stable between server renders). */
export function formatDate(iso: string | null, language: string): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  return new Intl.DateTimeFormat(language.toLowerCase().startsWith("ar") ? "ar" : "en-GB", { dateStyle: "long", timeZone: "UTC" }).format(date);
}

/** The display face for headings: Naskh for Arabic (Latin serifs have no Arabic glyphs), a serif otherwise. */
export function serifClass(language: string): string {
  return language.toLowerCase().startsWith("ar") ? "font-[family-name:var(--font-arabic)]" : "font-serif";
}
