/**
 * The rating scale, as data. `value` is the ClaimReview ratingValue (higher = truer);
 * keys are stored in the document and in sign-off snapshots, so never rename one.
 */
export interface Verdict {
  key: string;
  en: string;
  ar: string;
  /** ClaimReview ratingValue; null for ratings outside the true/false axis. */
  value: number | null;
  tone: "good" | "mixed" | "bad" | "neutral";
}

export const VERDICTS: readonly Verdict[] = [
  { key: "true", en: "True", ar: "صحيح", value: 6, tone: "good" },
  { key: "mostly_true", en: "Mostly true", ar: "صحيح في معظمه", value: 5, tone: "good" },
  { key: "missing_context", en: "Missing context", ar: "ينقصه السياق", value: 4, tone: "mixed" },
  { key: "misleading", en: "Misleading", ar: "مضلل", value: 3, tone: "mixed" },
  { key: "mostly_false", en: "Mostly false", ar: "خاطئ في معظمه", value: 2, tone: "bad" },
  { key: "false", en: "False", ar: "خاطئ", value: 1, tone: "bad" },
  { key: "unverifiable", en: "Unverifiable", ar: "لا يمكن التحقق منه", value: null, tone: "neutral" },
  { key: "satire", en: "Satire", ar: "ساخر", value: null, tone: "neutral" },
];

export const VERDICT_KEYS = VERDICTS.map((v) => v.key) as [string, ...string[]];
export const BEST_RATING = 6;
export const WORST_RATING = 1;

export function verdictByKey(key: string | null | undefined): Verdict | undefined {
  return key ? VERDICTS.find((v) => v.key === key) : undefined;
}

export function verdictLabel(key: string | null | undefined, language: string): string {
  const v = verdictByKey(key);
  if (!v) return language === "ar" ? "بلا حكم" : "No verdict";
  return language === "ar" ? v.ar : v.en;
}
