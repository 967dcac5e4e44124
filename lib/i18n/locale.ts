/**
 * Interface locales. A person's choice is one BCP 47 tag (stored in `User.locale` and the
 * `sanad-locale` cookie): the interface language, and for Arabic which digits numbers and
 * dates use ("ar" = Western digits, the default in Arab newsrooms' copy; "ar-u-nu-arab" =
 * Arabic-Indic). The tag is handed to Intl as-is, with the numbering system made explicit so
 * "ar" never depends on a browser's or ICU's default.
 */
export const LANGUAGES = ["en", "ar"] as const;
export type Language = (typeof LANGUAGES)[number];
export const NUMERALS = ["latn", "arab"] as const;
export type Numerals = (typeof NUMERALS)[number];

export const DEFAULT_LANGUAGE: Language = "en";
/** The cookie that carries the choice for signed-out pages and first visits. */
export const LOCALE_COOKIE = "sanad-locale";

export interface LocaleChoice {
  language: Language;
  numerals: Numerals;
}

/** Parse a stored tag ("en", "ar", "ar-u-nu-arab"); anything else is null (never trusted blindly). */
export function parseLocaleTag(tag: unknown): LocaleChoice | null {
  if (typeof tag !== "string" || tag.length > 32) return null;
  const m = /^(en|ar)(?:-u-nu-(latn|arab))?$/i.exec(tag.trim());
  if (!m) return null;
  const language = m[1].toLowerCase() as Language;
  const numerals = (m[2]?.toLowerCase() as Numerals | undefined) ?? "latn";
  return { language, numerals: language === "ar" ? numerals : "latn" };
}

/** The canonical tag for a choice: what is stored and what the cookie holds. */
export function localeTag(choice: LocaleChoice): string {
  return choice.language === "ar" && choice.numerals === "arab" ? "ar-u-nu-arab" : choice.language;
}

/** The tag Intl formats with: the numbering system is always explicit. */
export function intlLocale(tagOrChoice: string | LocaleChoice): string {
  const choice = typeof tagOrChoice === "string" ? parseLocaleTag(tagOrChoice) ?? { language: DEFAULT_LANGUAGE, numerals: "latn" as const } : tagOrChoice;
  // British English day-month order, like the Arabic ("29 November 2026" / "29 نوفمبر 2026").
  return `${choice.language === "en" ? "en-GB" : choice.language}-u-nu-${choice.numerals}`;
}

/** Interface language of an Intl/next-intl locale tag ("ar-u-nu-latn" -> "ar"). */
export function languageOf(tag: string | null | undefined): Language {
  return tag?.toLowerCase().startsWith("ar") ? "ar" : "en";
}

export function directionOf(language: string | null | undefined): "rtl" | "ltr" {
  return languageOf(language) === "ar" ? "rtl" : "ltr";
}

/**
 * First supported language in an Accept-Language header, honouring q-values
 * ("fr;q=1, ar;q=0.8, en;q=0.5" -> ar). Unsupported or empty -> null.
 */
export function negotiateLanguage(header: string | null | undefined): Language | null {
  if (!header) return null;
  const ranked = header.slice(0, 1000).split(",").map((part, i) => {
    const [range, ...params] = part.trim().split(";");
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)).find(Boolean);
    return { lang: range.trim().toLowerCase().split("-")[0], q: q ? Number(q[1]) : 1, i };
  }).filter((r) => r.lang && r.q > 0 && !Number.isNaN(r.q));
  ranked.sort((a, b) => b.q - a.q || a.i - b.i);
  const hit = ranked.find((r) => (LANGUAGES as readonly string[]).includes(r.lang));
  return hit ? (hit.lang as Language) : null;
}

const DIGIT_BLOCKS = [0x0660, 0x06f0, 0x0966]; // Arabic-Indic, Eastern Arabic-Indic (Persian/Urdu), Devanagari

/** Replace Arabic-Indic (and Persian) digits with ASCII digits; other text unchanged. */
export function toWesternDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9\u0966-\u096f]/g, (d) => {
    const code = d.charCodeAt(0);
    const base = DIGIT_BLOCKS.find((b) => code >= b && code <= b + 9)!;
    return String(code - base);
  });
}

/**
 * A date typed the way people write it, to ISO: "2020-07-22", "2020-07", "2020",
 * "22/07/2020", "22-7-2020", "22.07.2020", "07/2020", and the same with Arabic-Indic digits
 * ("٢٢/٠٧/٢٠٢٠"). Day-first, as in Arabic and British usage; an impossible date is null.
 */
export function parseLocalizedDate(input: string): string | null {
  const v = toWesternDigits(input).trim().replace(/[\u200e\u200f\u061c]/g, "").replace(/\s+/g, "");
  if (!v) return null;
  let y: number, m: number | null = null, d: number | null = null;
  let iso = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$/.exec(v);
  if (iso) {
    y = Number(iso[1]);
    if (iso[2]) m = Number(iso[2]);
    if (iso[3]) d = Number(iso[3]);
  } else if ((iso = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(v))) {
    d = Number(iso[1]); m = Number(iso[2]); y = Number(iso[3]);
  } else if ((iso = /^(\d{1,2})[-/.](\d{4})$/.exec(v))) {
    m = Number(iso[1]); y = Number(iso[2]);
  } else {
    return null;
  }
  if (y < 1000 || y > 2999) return null;
  const pad = (n: number) => String(n).padStart(2, "0");
  if (m === null) return String(y);
  if (m < 1 || m > 12) return null;
  if (d === null) return `${y}-${pad(m)}`;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/**
 * An ISO date (YYYY, YYYY-MM, YYYY-MM-DD or a full timestamp) shown in the locale, in UTC:
 * "22 July 2020" / "22 يوليو 2020". Partial dates keep their precision. Unparseable input is
 * returned unchanged (it is the user's own text).
 */
export function formatIsoDate(iso: string | null | undefined, locale: string, style: "long" | "medium" = "long"): string {
  if (!iso) return "";
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  const tag = intlLocale(locale);
  if (m) {
    const date = new Date(Date.UTC(Number(m[1]), m[2] ? Number(m[2]) - 1 : 0, m[3] ? Number(m[3]) : 1));
    if (Number.isNaN(date.getTime())) return iso;
    // "medium" spells the month too ("29 Nov 2026", "29 نوفمبر 2026"): Arabic's numeric medium
    // style ("29/11/2026") reads back to front inside an English sentence and vice versa.
    const day: Intl.DateTimeFormatOptions = style === "long" ? { dateStyle: "long", timeZone: "UTC" } : { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" };
    const opts: Intl.DateTimeFormatOptions = m[3] ? day : m[2] ? { year: "numeric", month: "long", timeZone: "UTC" } : { year: "numeric", timeZone: "UTC" };
    return new Intl.DateTimeFormat(tag, opts).format(date);
  }
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(tag, style === "long" ? { dateStyle: "long", timeZone: "UTC" } : { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(date);
}

/**
 * A timestamp with minutes, in UTC, in the locale ("29 Nov 2026, 14:30 UTC"; "29 نوفمبر 2026، 14:30 UTC").
 * In Arabic the time and "UTC" are one left-to-right isolate (U+2066 … U+2069): in a right-to-left line
 * the bidi algorithm otherwise set the Latin "UTC" before the digits ("…2026، UTC 14:30").
 */
export function formatDateTime(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = new Intl.DateTimeFormat(intlLocale(locale), { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC", hourCycle: "h23" }).formatToParts(date);
  const hour = parts.findIndex((p) => p.type === "hour");
  const text = (from: number, to?: number) => parts.slice(from, to).map((p) => p.value).join("");
  if (hour < 0 || directionOf(locale) === "ltr") return `${text(0)} UTC`;
  return `${text(0, hour)}\u2066${text(hour)} UTC\u2069`;
}

/**
 * An ISO date the way date fields show it back for editing, day first like the entry form
 * ("2020-07-22" -> "22/07/2020", "2020-07" -> "07/2020", "2020" -> "2020"); other text unchanged.
 */
export function isoToTyped(iso: string | null | undefined): string {
  if (!iso) return "";
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!m) return iso;
  return [m[3], m[2], m[1]].filter(Boolean).join("/");
}

/** A partial ISO date widened to one day: its first ("2020-07" -> "2020-07-01") or last ("2020-07-31") day. */
export function isoDayAt(iso: string, edge: "first" | "last"): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!m) return iso;
  if (m[3]) return iso;
  const y = Number(m[1]);
  const month = m[2] ? Number(m[2]) : edge === "first" ? 1 : 12;
  const day = edge === "first" ? 1 : new Date(Date.UTC(y, month, 0)).getUTCDate();
  return `${m[1]}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
