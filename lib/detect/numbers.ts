import type { DetectContext, RawDetection } from "./util";
import { mk } from "./util";

/**
 * Numbers and statistics: digits in every script (folded to ASCII by normalisation), Arabic
 * and English number words (compounds such as "ستة وثلاثين مليون وأربعمائة ألف"), percentages,
 * money and the counted noun as unit. Identifiers (رقم 435، المادة 12، No. 5, list markers)
 * are not statistics and are skipped; years and numbers inside dates/resolutions are removed
 * later by the overlap pass in index.ts.
 */

const AR_WORDS: Record<string, number> = {
  "واحد": 1, "واحده": 1, "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2,
  "ثلاث": 3, "ثلاثه": 3, "اربع": 4, "اربعه": 4, "خمس": 5, "خمسه": 5, "ست": 6, "سته": 6,
  "سبع": 7, "سبعه": 7, "ثمان": 8, "ثماني": 8, "ثمانيه": 8, "تسع": 9, "تسعه": 9, "عشر": 10, "عشره": 10,
  "عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "اربعون": 40, "اربعين": 40, "خمسون": 50, "خمسين": 50,
  "ستون": 60, "ستين": 60, "سبعون": 70, "سبعين": 70, "ثمانون": 80, "ثمانين": 80, "تسعون": 90, "تسعين": 90,
  "مئه": 100, "مائه": 100, "مئتان": 200, "مئتين": 200, "مائتان": 200, "مائتين": 200,
  "ثلاثمئه": 300, "ثلاثمائه": 300, "اربعمئه": 400, "اربعمائه": 400, "خمسمئه": 500, "خمسمائه": 500,
  "ستمئه": 600, "ستمائه": 600, "سبعمئه": 700, "سبعمائه": 700, "ثمانمئه": 800, "ثمانمائه": 800, "تسعمئه": 900, "تسعمائه": 900,
  "الف": 1000, "الاف": 1000, "الفين": 2000, "الفان": 2000, "مليون": 1e6, "مليونا": 1e6, "ملايين": 1e6, "مليوني": 2e6, "مليونين": 2e6,
  "مليار": 1e9, "مليارات": 1e9, "ملياري": 2e9, "مليارين": 2e9, "ترليون": 1e12, "تريليون": 1e12,
  "عشرات": NaN, "مئات": NaN, "مات": NaN,
};
const EN_WORDS: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, thousand: 1000,
  million: 1e6, billion: 1e9, trillion: 1e12, dozen: 12, dozens: NaN, hundreds: NaN, thousands: NaN, millions: NaN, billions: NaN,
};
/** Words that multiply what precedes them. */
const SCALE = new Set(["الف", "الاف", "مليون", "مليونا", "ملايين", "مليار", "مليارات", "ترليون", "تريليون", "hundred", "thousand", "million", "billion", "trillion"]);
/** "مئات" alone is vague, but "مئة" is not; keep "مات" out (it is "died"). */
delete AR_WORDS["مات"];

const alt = (o: Record<string, number>) => Object.keys(o).sort((a, b) => b.length - a.length).join("|");
const L = "A-Za-z\\u0621-\\u064A";
const DIG = "\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?";
const ATOM = `(?:${DIG}|(?:${alt(AR_WORDS)}|${alt(EN_WORDS)})(?![${L}]))`;
/** An optional currency sign, proclitics (و ب ل ك ال), then up to 8 atoms joined by spaces,
 * "و", "and" or "-". */
const NUM_RE = new RegExp(
  `(?<![${L}\\d.,])(?:(US\\$|\\$|€|£)\\s?)?(?:[وفبلك]|ال|وال|بال|لل)?(${ATOM}(?:(?:\\s{1,2}و|\\s{1,2}and\\s{1,2}|\\s{1,2}|-)${ATOM}){0,8})`,
  "gi",
);
const PERCENT_RE = /^\s{0,2}(%|في\s?الم[ئا]ئه|في\s?المئه|بالم[ئا]ئه|بالمئه|بالمائه|percent|per\s?cent)/i;
const CURRENCY_RE = /^\s{1,2}(دولار(?:ا|ات)?(?:\s+امريكي)?|يورو|جنيه(?:ا|ات)?|ريال(?:ا|ات)?|درهم(?:ا)?|دينار(?:ا)?(?:\s+ليبي)?|ليره|شيقل|شيكل|dollars?|euros?|pounds?|USD|EUR)(?![A-Za-z\u0621-\u064A])/i;
const UNIT_RE = /^\s{1,2}([A-Za-z\u0621-\u064A][A-Za-z\u0621-\u064A-]{1,24})/;
const CURRENCY_CODE: Record<string, string> = { "$": "USD", "US$": "USD", "€": "EUR", "£": "GBP" };

/** Function words that are never the counted noun. */
const NOT_UNIT = new Set([
  "في", "من", "علي", "الي", "عن", "مع", "او", "ثم", "حتى", "او", "ان", "لا", "ما", "هو", "هي", "قد", "كان", "التي", "الذي", "منها", "منهم", "فقط", "تقريبا",
  "the", "of", "in", "on", "at", "to", "for", "and", "or", "from", "by", "with", "is", "was", "are", "were", "that", "which", "who", "per", "a", "an", "as", "than", "percent",
]);
/** Identifier cues: what follows them is a reference number, not a statistic. */
const ID_BEFORE = /(?:(?:رقم|رقمها|الماده|ماده|المواد|صفحه|ص\s?\.|pp?\.)\s{0,2}\(?\s{0,2}\d+\s{0,2}[-–/]\s{0,2}|\[\s{0,2}|[/:]\s{0,2}|الرتبه\s+|المرتبه\s+|المركز\s+|عدد\s+|rank(?:ed)?\s+|رقم|رقمها|رقمه|الماده|ماده|المواد|الفقره|فقره|البند|بند|العدد|صفحه|ص\s?\.|مضبط|ملف|جزء|مشهد|no\.?|number|article|paragraph|page|p\.|resolution|resolutions|قرار|القرار|S\/RES\/|[A-Za-z]{2,}\s?-)\s{0,2}[("“”]{0,2}\s{0,2}$/i;

function wordValue(w: string): number | undefined {
  const k = w.toLowerCase();
  if (k in AR_WORDS) return AR_WORDS[k];
  if (k in EN_WORDS) return EN_WORDS[k];
  return undefined;
}

/** Value of a compound such as "36 مليون و400 ألف" or "two hundred and fifty". NaN = vague. */
export function numberValue(expr: string): number {
  const atoms = expr.match(new RegExp(ATOM, "gi")) ?? [];
  let total = 0, cur = 0, any = false;
  for (const a of atoms) {
    let v: number;
    let scale = false;
    if (/^\d/.test(a)) v = parseFloat(a.replace(/,/g, ""));
    else {
      const wv = wordValue(a);
      if (wv === undefined) continue;
      v = wv;
      scale = SCALE.has(a.toLowerCase());
      if (Number.isNaN(v)) return NaN;
    }
    any = true;
    if (scale && v === 100) cur = (cur || 1) * 100;
    else if (scale) { total += (cur || 1) * v; cur = 0; }
    else cur += v;
  }
  return any ? total + cur : NaN;
}

/** Detect numbers and statistics. */
export function detectNumbers(ctx: DetectContext): RawDetection[] {
  const { norm } = ctx.nz;
  const out: RawDetection[] = [];
  for (const m of norm.matchAll(NUM_RE)) {
    const s0 = m.index!;
    const expr = m[2];
    const ns = s0 + m[0].length - expr.length; // start of the number itself (after proclitics)
    let s = m[1] ? s0 : ns;
    let e = s0 + m[0].length;
    const isWordOnly = !/\d/.test(expr);
    const before = norm.slice(Math.max(0, ns - 24), ns);
    if (ID_BEFORE.test(before)) continue;
    // List markers "2 - ..." / "3. ..." at the start of a line.
    if (!isWordOnly && /(?:^|\n)\s*[(]?$/.test(norm.slice(Math.max(0, ns - 3), ns)) && /^\s*[-–.)]/.test(norm.slice(e, e + 3))) continue;
    const lower = expr.toLowerCase();
    // Next to a slash (URLs, "14 / 24" article numbers) or before "]" (footnotes) or ":" (speaker labels "رجل 1 :").
    if (/^\s{0,2}(?:\/|\]|:)/.test(norm.slice(e, e + 3))) continue;
    // Ordinal compounds: "الثامنة والعشرون", "الرابعة عشرة" are ordinals, not counts.
    if (isWordOnly && /(?:ال)?(?:حادي|ثاني|ثالث|رابع|خامس|سادس|سابع|ثامن|تاسع|عاشر)ه?\s+[و]?$/.test(norm.slice(Math.max(0, s0 - 12), ns))) continue;
    if (isWordOnly) {
      // "the two presidents", "كل واحد": determiners, not statistics.
      if (/\bthe\s+$/i.test(before) && !/million|billion|thousand/.test(lower)) continue;
      if (/(?:كل|اي|لا)\s+$/.test(before) && /^واحد/.test(expr)) continue;
      // A single short word that is also an ordinary noun ("ست" lady, "سبع" lion, "خمس" fifth)
      // only counts when a noun follows (checked below via unit).
    }
    const value = numberValue(expr);
    let unit: string | null = m[1] ? CURRENCY_CODE[m[1]] ?? m[1] : null;
    const rest = norm.slice(e, e + 40);
    const pm = PERCENT_RE.exec(rest);
    const cm = pm ? null : CURRENCY_RE.exec(rest);
    const origSlice = (a: number, b: number) => ctx.nz.orig.slice(ctx.nz.map[a], ctx.nz.map[b]);
    if (/^(?:واحد|واحده|اثنان|اثنين|اثنتان|اثنتين)$/.test(expr)) {
      // Arabic puts the counted noun first ("يوم واحد", "شخص واحد"): take it as unit and span.
      const pb = /([\u0621-\u064A]{2,})\s{1,2}$/.exec(before);
      if (/^\s+من\s/.test(rest)) { /* "اثنين من القضاة": a count without a preceding noun */ }
      else if (!pb || /^(?:[وفبلك]?ال)/.test(pb[1])) continue;
      else {
        unit = origSlice(ns - pb[0].length, ns - pb[0].length + pb[1].length);
        s = ns - pb[0].length;
      }
    } else if (pm) { unit = "percent"; e += pm[0].length; }
    else if (cm) { unit = origSlice(e + cm[0].length - cm[1].length, e + cm[0].length); e += cm[0].length; }
    else if (!unit) {
      const um = UNIT_RE.exec(rest);
      const w = um?.[1];
      if (w && !NOT_UNIT.has(w.toLowerCase()) && !w.startsWith("ال") && !(w.toLowerCase() in EN_WORDS) && !(w in AR_WORDS)) {
        unit = origSlice(e + um![0].length - w.length, e + um![0].length);
        e += um![0].length;
      }
    }
    if (isWordOnly && !unit && expr.length <= 4 && !/^(?:عشرات|مئات|الاف)$/.test(expr)) continue;
    if (isWordOnly && !unit && /^[a-z]+$/i.test(expr) && !/million|billion|thousand|hundred/i.test(expr)) continue;
    out.push(mk(ctx, "number", s, e, { value: Number.isFinite(value) ? value : null, unit }, /\d/.test(expr) ? 0.8 : 0.6));
  }
  return out;
}
