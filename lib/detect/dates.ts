import type { DetectContext, RawDetection } from "./util";
import { WB, WE, WCH, PFX, mk, isoDay, isoMonth, Occupancy, sentenceStart } from "./util";
import { hijriToIso, resolveMonthDay, resolveRelative, resolveYearless, type DateValue } from "./date-resolve";

/**
 * Date detector. Covers Egyptian/Gulf and Levantine/Iraqi month names, Maghrebi French-derived
 * names, English month names, numeric dates, years (with عام/سنة/in), Hijri years and relative
 * expressions. Relative forms and year-less dates are resolved against `publishedAt`; without
 * it they get `value: null` (we never guess a year).
 */

/** Normalised month spellings (after alef / taa marbuta folding) -> month number. */
const AR_MONTHS: Array<[string, number]> = [
  ["يناير", 1], ["جانفي", 1], ["كانون الثاني", 1], ["كانون ثاني", 1],
  ["فبراير", 2], ["فيفري", 2], ["شباط", 2],
  ["مارس", 3], ["اذار", 3],
  ["ابريل", 4], ["افريل", 4], ["نيسان", 4],
  ["مايو", 5], ["ماي", 5], ["ايار", 5],
  ["يونيو", 6], ["يونيه", 6], ["جوان", 6], ["حزيران", 6],
  ["يوليو", 7], ["يوليه", 7], ["جويليه", 7], ["تموز", 7],
  ["اغسطس", 8], ["اوت", 8], ["اب", 8],
  ["سبتمبر", 9], ["ايلول", 9],
  ["اكتوبر", 10], ["تشرين الاول", 10], ["تشرين اول", 10], ["تشرن الاول", 10],
  ["نوفمبر", 11], ["تشرين الثاني", 11], ["تشرين ثاني", 11], ["تشرن الثاني", 11],
  ["ديسمبر", 12], ["كانون الاول", 12], ["كانون اول", 12],
  // Moroccan spellings of the French-derived names.
  ["يوليوز", 7], ["غشت", 8], ["شتنبر", 9], ["نونبر", 11], ["دجنبر", 12],
];
const EN_MONTHS: Array<[string, number]> = [
  ["january", 1], ["jan", 1], ["february", 2], ["feb", 2], ["march", 3], ["mar", 3], ["april", 4], ["apr", 4],
  ["may", 5], ["june", 6], ["jun", 6], ["july", 7], ["jul", 7], ["august", 8], ["aug", 8],
  ["september", 9], ["sept", 9], ["sep", 9], ["october", 10], ["oct", 10], ["november", 11], ["nov", 11],
  ["december", 12], ["dec", 12],
];
/** Month words that are also ordinary words (verb "practised", "father", "may"...): only
 * accepted next to a day number or a year. */
const AMBIGUOUS = new Set(["مارس", "ماي", "اب", "اوت", "may", "march", "mar", "jan", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "feb", "apr", "sept"]);

const MONTH_NUM = new Map<string, number>();
for (const [k, v] of [...AR_MONTHS, ...EN_MONTHS]) MONTH_NUM.set(k, v);
// Longest first so "كانون الثاني" wins over a shorter alternative.
const monthAlt = [...MONTH_NUM.keys()].sort((a, b) => b.length - a.length).map((k) => k.replace(/ /g, "\\s+")).join("|");
const MONTH = `(${monthAlt})\\.?`;
const YEAR = "(\\d{4})";
const SUFFIX_AR = "(?:\\s+(الجاري|الماضي|المنصرم|الفائت|المقبل|القادم|الحالي))";
/** The Gregorian era word after a year ("2016م", "2011 ميلادية"): part of the date. */
const ERA_AD = `(?:\\s{0,2}(?:م|ميلادي|ميلاديه)(?![${WCH}]))?`;

/** The first day of a range before the month: «3 و4 مايو»، «من 3 إلى 5 مايو», "3 to 5 May" (the
 * gold gives a range the value of its first day). */
const DAY_RANGE_FIRST = "(?:\\d{1,2}(?:st|nd|rd|th)?\\s{0,2}(?:-|–|و|الي|to|and|&)\\s{0,2}(?=\\d))";
const DAY_RANGE_FIRST_RE = /^(\d{1,2})(?:st|nd|rd|th)?\s{0,2}(?:-|–|و|الي|to|and|&)\s{0,2}\d/;

/**
 * One regex for all month-name dates:
 *   [day] Month[/AltMonth] [day][,] [(year)] [suffix]
 * Each part is bounded (\s{0,3}, fixed alternatives), so no catastrophic backtracking.
 */
const MONTH_DATE_RE = new RegExp(
  `(?:${WB}|(?<=[\\u0621-\\u064A])(?=\\d))(?:${DAY_RANGE_FIRST}?(\\d{1,2})(?:st|nd|rd|th)?\\s{0,3}(?:of\\s+|[/-]\\s{0,2}|من\\s+(?:شهر\\s+)?)?)?${PFX}${MONTH}(?:\\s{0,3}\\/\\s{0,3}${PFX}(?:${monthAlt})|\\s{0,3}\\(\\s{0,2}(?:${monthAlt})\\s{0,2}\\))?` +
    `(?:\\s{1,3}(\\d{1,2})(?:st|nd|rd|th)?(?:\\s{0,2}[-–]\\s{0,2}\\d{1,2}(?:st|nd|rd|th)?)?(?![\\d/]))?(?:\\s{0,3}[,/-]?\\s{0,3}\\(?\\s{0,3}${YEAR}(?:\\s{0,3}\\))?(?!\\d)${ERA_AD})?${SUFFIX_AR}?${WE}`,
  "gi",
);

/** Arabic ordinal day numbers 1–31 (normalised), a closed class: "الأول من يونيو", "الحادي والعشرين من مارس". */
const AR_ORD_UNITS = ["الاول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع"];
const AR_ORDINAL_DAY = new Map<string, number>();
AR_ORD_UNITS.forEach((w, k) => AR_ORDINAL_DAY.set(w, k + 1));
AR_ORDINAL_DAY.set("العاشر", 10);
AR_ORD_UNITS.forEach((w, k) => AR_ORDINAL_DAY.set(`${k === 0 ? "الحادي" : w} عشر`, 11 + k));
AR_ORDINAL_DAY.set("العشرين", 20);
AR_ORD_UNITS.forEach((w, k) => AR_ORDINAL_DAY.set(`${k === 0 ? "الحادي" : w} والعشرين`, 21 + k));
AR_ORDINAL_DAY.set("الثلاثين", 30);
AR_ORDINAL_DAY.set("الحادي والثلاثين", 31);
const ordAlt = [...AR_ORDINAL_DAY.keys()].sort((a, b) => b.length - a.length).map((k) => k.replace(/ /g, "\\s+")).join("|");
const ORDINAL_DATE_RE = new RegExp(`${WB}${PFX}(${ordAlt})\\s+من\\s+(?:شهر\\s+)?${PFX}${MONTH}(?:\\s{0,3}\\/\\s{0,3}${PFX}(?:${monthAlt}))?(?:\\s{0,3},?\\s{0,3}(?:(?:عام|سنه)\\s+)?\\(?\\s{0,3}${YEAR}(?:\\s{0,3}\\))?(?!\\d)${ERA_AD})?${SUFFIX_AR}?${WE}`, "g");

/** A day of the current / last / next month: «الثاني من الشهر الجاري», «24 من الشهر الحالي», «9 من هذا الشهر». */
const REL_MONTH_RE = /\sمن\s+(?:(?:هذا|هذه)\s+الشهر|الشهر\s+(الجاري|الحالي|الماضي|المنصرم|الفائت|المقبل|القادم))(?![\u0621-\u064A])/g;
/** The day before «من الشهر …» (checked on the few characters before it). */
const REL_MONTH_DAY_BEFORE = new RegExp(`${WB}${PFX}(?:(${ordAlt})|(\\d{1,2}))$`);

/** A weekday written just before an explicit date belongs to it: «يوم الأحد 7 مايو»،
 * «مساء الاثنين28/5/2012», "on Thursday, 3 May". Closed classes: weekdays, parts of the day. */
const WEEKDAY_BEFORE = new RegExp(
  `(?:(?<![${WCH}])[وفب]?(?:(?:اليوم|امس|غدا|يوم|مساء|صباح|ليل|ليله|فجر|ظهر|عصر)\\s+)?(?:الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|السبت)(?:\\s+الموافق)?[\\s,،(]*` +
    `|(?<![A-Za-z])(?:[Oo]n\\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\\s+(?:morning|afternoon|evening|night))?\\s*[,(]?\\s*(?:the\\s+)?)$`,
);
function weekdayStart(norm: string, s: number): number {
  const lo = Math.max(0, s - 32);
  const m = WEEKDAY_BEFORE.exec(norm.slice(lo, s));
  if (!m) return s;
  let ns = lo + m.index;
  while (/[وفب]/.test(norm[ns]) && /^(?:يوم|مساء|صباح|ليل|فجر|ظهر|عصر|ال)/.test(norm.slice(ns + 1, ns + 5))) ns++;
  return ns;
}

/** Hijri months (normalised spellings), a closed class. */
const HIJRI_MONTHS: Array<[string, number]> = [
  ["محرم", 1], ["صفر", 2], ["ربيع الاول", 3], ["ربيع الثاني", 4], ["ربيع الاخر", 4],
  ["جمادي الاولي", 5], ["جمادي الاول", 5], ["جمادي الاخره", 6], ["جمادي الثانيه", 6], ["جمادي الاخر", 6], ["جمادي الثاني", 6],
  ["رجب", 7], ["شعبان", 8], ["رمضان", 9], ["شوال", 10], ["ذو القعده", 11], ["ذي القعده", 11], ["ذو الحجه", 12], ["ذي الحجه", 12],
];
const HIJRI_NUM = new Map(HIJRI_MONTHS);
const hijriAlt = HIJRI_MONTHS.map(([k]) => k).sort((a, b) => b.length - a.length).map((k) => k.replace(/ /g, "\\s+")).join("|");
/** Hijri days: «15 رمضان 1441 هـ» (the era mark optional after a Hijri month name), «1426/9/29 هـ» and «29/9/1426 هـ». */
const HIJRI_RE = new RegExp(
  // Every form starts with a digit (not after a digit, a slash or a Latin letter): the engine scans for digits.
  `(?<![\\d/A-Za-z])(?:(\\d{1,2})\\s{0,3}(?:من\\s+)?(?:شهر\\s+)?(${hijriAlt})\\s{0,3}(\\d{3,4})(?:\\s{0,2}(?:ه|هجري|هجريه))?` +
    `|(?:(\\d{4})\\s?\\/\\s?(\\d{1,2})\\s?\\/\\s?(\\d{1,2})|(\\d{1,2})\\s?\\/\\s?(\\d{1,2})\\s?\\/\\s?(\\d{4}))\\s{0,2}(?:ه|هجري|هجريه))${WE}`,
  "g",
);

/** Numeric dates: d/m/yyyy, d-m-yyyy, d.m.yyyy (with optional spaces) and yyyy-mm-dd. */
const NUM_DATE_RE = /(?<![\d/.])(?:(\d{1,2})\s?([/.-])\s?(\d{1,2})\s?\2\s?(\d{4})|(\d{4})([/.-])(\d{1,2})\6(\d{1,2}))(?![\d/])/g;

/** Day ranges written as slash sequences ending in a year: "14 / 15 / 2 / ( 1941 )". */
const SLASH_SEQ_RE = /(?<![\d/])(\d{1,2})\s?\/\s?(?:\d{1,2}\s?\/\s?){1,2}\(?\s?(\d{4})(?:\s?\))?(?![\d/])/g;

/** Years with a cue word (عام، سنة، in, since...) or bare plausible years. */
const YEAR_RE = new RegExp(
  `(?<cue>${WB}(?:${PFX}(?:ال)?(?:عام|سنه|عامي)|in|since|by|during|of|until)\\s{1,3}\\(?\\s{0,3})?(?<![\\d,.])(?<y>1\\d{3}|20\\d\\d)(?![\\d%]|[.,]\\d|s(?![A-Za-z]))` +
    `(?:\\s{0,3}\\)?\\s{0,3}(?<era>م|ميلادي|ميلاديه|هـ|ه|هجري|هجريه|AD|BC)${WE})?`,
  "gi",
);

const WEEKDAYS_AR = "الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|السبت";
const COUNT_WORDS = "(?:ثلاث|ثلاثه|اربع|اربعه|خمس|خمسه|ست|سته|سبع|سبعه|ثماني|ثمانيه|تسع|تسعه|عشر|عشره|عشرين|عشرون|ثلاثين|بضع|بضعه|عده)";
/** Relative expressions; resolution in date-resolve.ts. */
const REL_RE = new RegExp(
  `${WB}(?:` +
    [
      `${PFX}يوم\\s+غد(?:\\s+(?:الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|السبت))?`,
      `${PFX}(?:اول\\s+(?:من\\s+)?امس|امس\\s+الاول|بعد\\s+غد(?:ا|اه)?|اليوم|امس|البارحه|غدا|بكره|بكرا)(?:\\s{1,2}\\(?\\s?(?:${WEEKDAYS_AR})\\s?\\)?)?`,
      `${PFX}(?:هذا|هذه|هاي)\\s+(?:الاسبوع|الشهر|العام|السنه)`,
      `(?:${PFX}ال|[وف]?لل)(?:اسبوع|شهر|عام|سنه)\\s+(?:الماضي|الماضيه|الجاري|الجاريه|الحالي|الحاليه|المقبل|المقبله|القادم|القادمه|الفائت|المنصرم|المنصرمه)`,
      `${PFX}(?:منذ|قبل)\\s+(?:(?:نحو|حوالي|قرابه|اكثر من)\\s+)?(?:(?:\\d{1,3}|${COUNT_WORDS})\\s+)?(?:يوم|ايام|يومين|اسبوع|اسابيع|اسبوعين|شهر|اشهر|شهور|شهرين|عام|عاما|اعوام|عامين|سنه|سنوات|سنتين)`,
      `${PFX}(?:يوم\\s+)?(?:الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|السبت)(?:\\s+(?:الماضي|المقبل|القادم)ه?)?`,
      `the\\s+day\\s+(?:before\\s+yesterday|after\\s+tomorrow)|today|yesterday|tomorrow|tonight|this\\s+(?:morning|afternoon|evening)|last\\s+night`,
      `(?:last|this|next|past)\\s+(?:week|month|year)`,
      `(?:\\w+|\\d{1,3})\\s+(?:days?|weeks?|months?|years?)\\s+ago`,
      `(?:on\\s+|last\\s+|next\\s+|this\\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)`,
    ].join("|") +
    `)${WE}`,
  "gi",
);

/** Words that make a 4-digit number a quantity, not a year ("2000 شخص", "1500 jobs"). */
const QTY_AFTER = /^\s{0,2}(?:[^\s\d]{0,3}(?:شخص|اشخاص|دولار|جنيه|يورو|ريال|درهم|دينار|مقاتل|عنصر|جندي|طالب|طن|كيلو|متر|كم|مليون|مليار|الف|قتيل|جريح|لاجئ|نازح|مريض|حاله|اسره|عائله|منزل|وحده|مشروع|people|jobs|dollars|tons|troops|km|miles|containers|units)|%|\$)/i;
const QTY_BEFORE = /(?:\/|رقم|رقمها|رقمه|الماده|ماده|الفقره|صفحه|ص\s?\.|العدد|نحو|حوالي|اكثر من|اقل من|قرابه|no\.?|number|about|nearly|more than|page|p\.|resolution|قرار|القرار|\$)\s{0,3}\(?\s{0,2}$/i;

/** Words right before a lone month name that make it a month: prepositions of time and
 * period words (closed classes). English needs the capital letter as well (checked above). */
const MONTH_CUE_BEFORE = /(?:^|[^\p{L}])(?:(?:in|since|until|till|by|before|after|from|to|through|during|of|last|next|this|early|late|mid|end\s+of|beginning\s+of|middle\s+of)\s+|mid-|(?:[وفب]?(?:في|منذ|خلال|حتي|الي|قبل|بعد|من)|[وفبل]?(?:شهر|مطلع|اواخر|اوائل|منتصف|نهايه|بدايه|اواسط|اخر|اول))\s+)$/iu;

function monthOf(word: string | undefined): number | null {
  if (!word) return null;
  return MONTH_NUM.get(word.toLowerCase().replace(/\s+/g, " ")) ?? null;
}

/** Words before a date in its sentence that put it in the future ("will meet in August",
 * "من المقرر أن"): a year-less date or a bare weekday then resolves forwards. */
const FUTURE_CUE = /(?:^|[^A-Za-z])(?:will|would|shall|is\s+due|are\s+due|scheduled|expected\s+to|plans?\s+to|coming|upcoming)(?![A-Za-z])|(?:^|\s)[وف]?(?:سوف|من\s+المقرر|من\s+المنتظر|من\s+المتوقع|المرتقب)(?=\s|$)/i;
function futureBefore(norm: string, s: number, e = s): boolean {
  // A date that a past reporting verb follows closely belongs to the attribution ("…, a
  // statement on Thursday said"; "وقال يوم الخميس"), which is past whatever came before it.
  if (PAST_REPORT_AFTER.test(norm.slice(e, e + 40))) return false;
  return FUTURE_CUE.test(norm.slice(sentenceStart(norm, s, 120), s));
}
const PAST_REPORT_AFTER = /^[\s,]*(?:[A-Za-z'’-]+\s+){0,2}?(?:said|told|announced|reported|stated)(?![A-Za-z])/;

/** Detect dates in the context's text. */
export function detectDates(ctx: DetectContext): RawDetection[] {
  const { norm } = ctx.nz;
  const out: RawDetection[] = [];
  const occ = new Occupancy(norm.length);
  const free = (s: number, e: number) => occ.free(s, e);
  const push = (s: number, e: number, v: DateValue, conf: number) => {
    out.push(mk(ctx, "date", s, e, { value: v.value, precision: v.precision }, conf));
    occ.take(s, e);
  };
  /** Year-less month-name dates (no relative suffix), by index in `out`. */
  const yearless: Array<{ i: number; month: number; day: number | null }> = [];

  for (const m of norm.matchAll(HIJRI_RE)) {
    const s = m.index!, e = s + m[0].length;
    let y: number, mo: number, d: number;
    if (m[2]) { d = +m[1]; mo = HIJRI_NUM.get(m[2].replace(/\s+/g, " ")) ?? 0; y = +m[3]; }
    else if (m[4]) { y = +m[4]; mo = +m[5]; d = +m[6]; }
    else { d = +m[7]; mo = +m[8]; y = +m[9]; }
    const iso = hijriToIso(y, mo, d);
    if (!iso || y < 1000) continue;
    const ws = weekdayStart(norm, s);
    push(free(ws, s) ? ws : s, e, { value: iso, precision: "day" }, 0.85);
  }

  for (const m of norm.matchAll(NUM_DATE_RE)) {
    const s = m.index!, e = s + m[0].length;
    if (!free(s, e)) continue;
    let d: number, mo: number, y: number;
    if (m[5]) { y = +m[5]; mo = +m[7]; d = +m[8]; if (y < 1800) continue; }
    else {
      d = +m[1]; mo = +m[3]; y = +m[4];
      if (mo > 12 && d <= 12) [d, mo] = [mo, d]; // US order m/d/y
    }
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || y < 1000) continue;
    const ws = weekdayStart(norm, s);
    push(free(ws, s) ? ws : s, e, { value: isoDay(y, mo, d), precision: "day" }, 0.9);
  }

  for (const m of norm.matchAll(SLASH_SEQ_RE)) {
    const s = m.index!, e = s + m[0].length;
    if (!free(s, e)) continue;
    // The month is the last number before the year; days before it may form a range.
    const parts = m[0].match(/\d+/g)!.map(Number);
    const mo = parts[parts.length - 2], y = parts[parts.length - 1];
    if (mo < 1 || mo > 12) continue;
    push(s, e, { value: isoMonth(y, mo), precision: "month" }, 0.6);
  }

  for (const m of norm.matchAll(ORDINAL_DATE_RE)) {
    let s = m.index!;
    const e = s + m[0].length;
    const day = AR_ORDINAL_DAY.get(m[1].replace(/\s+/g, " "));
    const month = monthOf(m[2]);
    if (!day || !month || !free(s, e)) continue;
    s += m[0].indexOf(m[1]);
    const year = m[3] ? +m[3] : null;
    const v = year !== null ? { value: isoDay(year, month, day), precision: "day" as const } : resolveYearless(month, day, m[4] ?? null, ctx.publishedAt, futureBefore(norm, s, e));
    if (year === null && !m[4]) yearless.push({ i: out.length, month, day });
    const ws = weekdayStart(norm, s);
    push(free(ws, s) ? ws : s, e, v, 0.85);
  }

  for (const mm of norm.matchAll(REL_MONTH_RE)) {
    // Anchored on «من الشهر …» (rare) and read backwards: a scan for the day words everywhere is slow.
    const lo = Math.max(0, mm.index! - 24);
    const m = REL_MONTH_DAY_BEFORE.exec(norm.slice(lo, mm.index!));
    if (!m) continue;
    let s = lo + m.index;
    const e = mm.index! + mm[0].length;
    const day = m[1] ? AR_ORDINAL_DAY.get(m[1].replace(/\s+/g, " ")) : +m[2];
    if (!day || day > 31 || !free(s, e)) continue;
    s += m[0].indexOf(m[1] ?? m[2]);
    const v = resolveMonthDay(day, mm[1] ?? null, ctx.publishedAt);
    const ws = weekdayStart(norm, s);
    push(free(ws, s) ? ws : s, e, v, 0.8);
  }

  for (const m of norm.matchAll(MONTH_DATE_RE)) {
    let s = m.index!;
    const e = s + m[0].length;
    const month = monthOf(m[2]);
    if (!month) continue;
    // A range «3 و4 مايو» / "3 to 5 May" takes its first day.
    const dayStr = (m[1] !== undefined ? DAY_RANGE_FIRST_RE.exec(m[0])?.[1] : undefined) ?? m[1] ?? m[3];
    const day = dayStr ? +dayStr : null;
    const year = m[4] ? +m[4] : null;
    const word = m[2].toLowerCase();
    // English month names need a capital letter (avoids "may", "march" as verbs).
    if (/[a-z]/i.test(word) && !/^[A-Z]/.test(m[2])) continue;
    // An ambiguous month word alone is a month after a preposition or a period word ("in March",
    // «في مارس»، «شهر مايو», "since May") or with a relative suffix («مارس الماضي»); not at a
    // sentence start ("May God …") and not as a verb ("مارس الضغط").
    if (AMBIGUOUS.has(word) && day === null && year === null && !m[5] && !MONTH_CUE_BEFORE.test(norm.slice(Math.max(0, s - 24), s))) continue;
    // «آب» (August) alone must be spelt with madda: «إب» and «أب» (a city, "father") fold to the same letters.
    if (word === "اب" && day === null && year === null && ctx.nz.orig[ctx.nz.map[norm.indexOf("اب", s)]] !== "آ") continue;
    if (day !== null && (day < 1 || day > 31)) continue;
    if (!free(s, e)) continue;
    if (m[1] === undefined) {
      // Skip the proclitic (و، ب، ل) glued to the month word.
      const mw = norm.indexOf(m[2], s);
      if (mw > s && mw - s <= 2) s = mw;
    }
    // A full month name at the end of a sentence: the full stop is not part of it ("in July.").
    let e2 = e;
    if (norm[e2 - 1] === "." && (!/[a-z]/i.test(m[2]) || m[2].length > 4 || /^(?:may|june|july)$/i.test(m[2]))) e2--;
    let v: DateValue;
    if (year !== null) v = day !== null ? { value: isoDay(year, month, day), precision: "day" } : { value: isoMonth(year, month), precision: "month" };
    else v = resolveYearless(month, day, m[5] ?? null, ctx.publishedAt, futureBefore(norm, s, e));
    if (year === null && !m[5]) yearless.push({ i: out.length, month, day });
    if (day !== null) { const ws = weekdayStart(norm, s); if (free(ws, s)) s = ws; }
    push(s, e2, v, year !== null ? 0.95 : 0.8);
  }

  for (const m of norm.matchAll(YEAR_RE)) {
    const s = m.index!, e = s + m[0].length;
    if (!free(s, e)) continue;
    const y = +m.groups!.y;
    const cue = !!m.groups!.cue;
    const era = m.groups!.era ?? "";
    const hijri = /^(?:هـ|ه|هجري|هجريه)$/.test(era);
    if (!cue && !era) {
      // A bare number: only plausible modern years, and not a counted quantity.
      if (y < 1800 || y > 2100) continue;
      if (QTY_AFTER.test(norm.slice(e, e + 16)) || QTY_BEFORE.test(norm.slice(Math.max(0, s - 16), s))) continue;
    }
    if (!hijri && (y < 1000 || y > 2100)) continue;
    if (hijri && (y < 1 || y > 1500)) continue;
    push(s, e, hijri ? { value: null, precision: "year" } : { value: String(y), precision: "year" }, cue || era ? 0.85 : 0.6);
  }

  for (const m of norm.matchAll(REL_RE)) {
    let s = m.index!;
    const e = s + m[0].length;
    // Leave proclitics (و، ف، ب، ل) out of the span: "ومنذ" -> "منذ".
    for (let k = 0; k < 2 && /[وفبلك]/.test(norm[s]) && /^(?:منذ|قبل|ال|امس|غدا|بكر|يوم|هذ|اول|بعد)/.test(norm.slice(s + 1, s + 4)); k++) s++;
    if (!free(s, e)) continue;
    // "سوق الجمعة" (a market), not a weekday.
    if (/سوق\s+$/.test(norm.slice(Math.max(0, s - 6), s))) continue;
    let v = resolveRelative(m[0], ctx.publishedAt, futureBefore(norm, s, e));
    if (!v) continue;
    // "قبل نحو شهرين من موعد التجديد": counted from a named event, not from publication; left
    // unresolved rather than wrong.
    if (/^(?:[وفب]?(?:منذ|قبل))/.test(norm.slice(s, e)) && /^\s+(?:من|على)\s/.test(norm.slice(e, e + 6))) v = { value: null, precision: v.precision };
    push(s, e, v, v.value ? 0.7 : 0.5);
  }

  // Without a publication date, a year-less date ("6 May") takes the year of the nearest full
  // date before it in the text ("7 May 2016 ... on 6 May"): the article's own anchor. With a
  // publication date, resolveYearless already anchored it.
  if (!ctx.publishedAt && yearless.length) {
    const valueOf = (d: RawDetection) => (d.fields as { value?: string | null }).value ?? null;
    const full = out.filter((d) => /^\d{4}-\d{2}/.test(valueOf(d) ?? "")).sort((a, b) => a.start - b.start);
    for (const { i, month, day } of yearless) {
      const d = out[i];
      let prev: RawDetection | undefined;
      for (const f of full) { if (f.start < d.start) prev = f; else break; }
      if (!prev) continue;
      const y = +(valueOf(prev) as string).slice(0, 4);
      d.fields = { value: day !== null ? isoDay(y, month, day) : isoMonth(y, month), precision: day !== null ? "day" : "month" };
    }
  }
  return out;
}
