import { describeResolution, type UnBody } from "../unsc";
import type { DetectContext, RawDetection } from "./util";
import { WB, WE, PFX, mk, Occupancy, sentenceStart } from "./util";

/**
 * UN resolutions: "قرار مجلس الأمن رقم 2254", "قرارات مجلس الأمن ذات الصلة لا سيما 2259"
 * (the number away from the word resolution), "القرار 2231", "resolution 1701",
 * "S/RES/2259 (2015)", General Assembly resolutions, and unnumbered references to Security
 * Council resolutions (number null). Year and symbol come from describeResolution().
 */

const SC_AR = "مجلس\\s+الامن(?:\\s+الدولي)?";
const GA_AR = "الجمعيه\\s+العامه(?:\\s+للامم\\s+المتحده)?";
/** Cue words that introduce a number a few words after "resolutions of the Security Council". */
const LIST_CUE = "(?:لا\\s?سيما|ولا\\s?سيما|خاصه|خصوصا|وخاصه|بخاصه|وبخاصه|ومنها|منها|بما\\s+فيها|بما\\s+في\\s+ذلك|رقم|رقمي|ذي\\s+الرقم|ذو\\s+الرقم|وهي|especially|including|notably|particularly)";
/** The adoption year after a number: "2334 (2016)", «1559 لعام 2004», "1559 of 2004" (part of the resolution, not a date). */
const YEAR_OF = "(?:\\s{0,2}\\(\\s{0,2}\\d{4}\\s{0,2}\\)|\\s{1,2}(?:ل|ال|لل)?(?:عام|سنه)\\s{1,2}\\d{4}(?!\\d)|\\s{1,2}of\\s{1,2}\\d{4}(?!\\d))";
const NUMS = `(\\d{2,4}${YEAR_OF}?(?:\\s{0,2}(?:،|,|و|and|&)\\s{0,2}(?:القرار\\s+)?\\d{2,4}${YEAR_OF}?){0,6})`;
/** «القرار»، «بالقرار»، «للقرار» (لـ merged with the article), «وقرار». */
const QARAR = `(?:${PFX}(?:ال)?|[وف]?لل)قرار`;
/** Number words before the number: «رقم»، «برقم»، «المرقم». */
const RAQM = "(?:ب?رقم|المرقم)";

const PATTERNS: Array<{ re: RegExp; body: UnBody | "ctx"; numbered: boolean; numberFirst?: boolean }> = [
  // S/RES/2259 (2015), A/RES/377
  { re: /(?<![A-Za-z])([SA])\/RES\/(?:[A-Z]+-\d+\/)?(\d{1,4})(?:\s?\((\d{4})\))?/g, body: "ctx", numbered: true },
  // قرار(ات) مجلس الأمن [الدولي] [رقم] 2254 / ... ذات الصلة لا سيما 2259
  { re: new RegExp(`${WB}${QARAR}(?:ات|ي|ان|ين)?\\s+(?:${SC_AR}|(${GA_AR}))(?:\\s+(?:الدولي|التابع\\s+للامم\\s+المتحده|ذي|ذات|${RAQM}))*(?:[^.\\n؛]{0,60}?${LIST_CUE})?\\s{0,2}(?:القرار\\s+)?\\(?${NUMS}${WE}`, "g"), body: "Security Council", numbered: true },
  // Security Council resolution 1701 / resolutions 242 and 338 / UNSC Resolution No. 2254
  { re: new RegExp(`(?:(?:(?:UN|U\\.N\\.|United\\s+Nations)\\s+)?(?:Security\\s+Council|UNSC|(General\\s+Assembly))\\s+)?(?:\\([Rr]esolutions?\\)|[Rr]esolutions?|UNSCRs?)\\s+(?:No\\.?\\s*|number\\s+|#\\s?)?["“]?${NUMS}["”]?(?![\\d])`, "g"), body: "Security Council", numbered: true },
  // The number before the word: "the 1559 resolution", "the 1701 UN resolution", "the 2334 Security Council resolution"
  { re: /(?<![\d.,/-])["“]?(\d{3,4})["”]?\s+(?:(?:UN|U\.N\.|United\s+Nations)\s+)?(?:Security\s+Council\s+|UNSC\s+)?[Rr]esolution(?![A-Za-z])/g, body: "ctx", numbered: true, numberFirst: true },
  // القرار 2231 / القرار رقم 2254 / بالقرار الأممي 2216 (needs UN context or a 4-digit number)
  // (the number may be quoted: القرار «1701»; "قراره رقم 2249" has a possessive)
  { re: new RegExp(`${WB}${QARAR}(?:ان|ين|ات)?(?:(?:ه|ها|هم)?\\s+${RAQM}|\\s+(?:الاممي|الدولي)(?:ان|ين)?(?:\\s+${RAQM})?)?\\s{0,2}["“«]?\\s{0,2}\\(?${NUMS}["”»]?${WE}`, "g"), body: "ctx", numbered: true },
  // Unnumbered: قرارات مجلس الأمن، القرارات الأممية، القرارات الدولية، قرارات الشرعية الدولية.
  // (One regex per script: a mixed alternation defeats the regex engine's first-character scan.)
  { re: new RegExp(`${WB}${PFX}(?:ال|ل)?قرار(?:ات\\s+(?:(?:الشرعيه\\s+)?(?:ال)?دوليه|(?:ال)?امميه|${SC_AR})|\\s+${SC_AR})${WE}`, "g"), body: "Security Council", numbered: false },
  // Security Council resolutions, "international resolutions", "UN resolutions" (plural: a singular one with no number is usually a draft)
  { re: /Security\s+Council\s+resolutions?(?!\s+(?:No\.?\s*)?\d)|(?<![A-Za-z])(?:[Ii]nternational|UN|U\.N\.|United\s+Nations)\s+resolutions(?!\s+(?:No\.?\s*)?\d)(?![A-Za-z])/g, body: "Security Council", numbered: false },
];

const UN_CONTEXT = /مجلس\s+الامن|الامم\s+المتحده|الاممي|security\s+council|united\s+nations|\bUN\b|UNSC/i;

/** Detect UN resolution references. */
export function detectResolutions(ctx: DetectContext): RawDetection[] {
  const { norm } = ctx.nz;
  const out: RawDetection[] = [];
  const occ = new Occupancy(norm.length);
  const overlaps = (s: number, e: number) => !occ.free(s, e);
  for (const { re, body, numbered, numberFirst } of PATTERNS) {
    for (const m of norm.matchAll(re)) {
      let s = m.index!;
      const e = s + m[0].length;
      if (overlaps(s, e)) continue;
      // Leave proclitics out of the span ("وقرارات" -> "قرارات"), except the keyword itself.
      // ("(Resolution) 2254" keeps its parenthesis.)
      const kw = norm[s] === "(" ? 0 : norm.slice(s, e).search(/قرار|[A-Za-z]/);
      if (kw >= 2 && norm.slice(s + kw - 2, s + kw) === "لل") s += kw - 2;
      else if (kw > 0 && kw <= 3 && !/^ال/.test(norm.slice(s + kw - 2, s + kw))) s += kw;
      else if (kw > 2 && norm.slice(s + kw - 2, s + kw) === "ال") s += kw - 2;
      if (!numbered) {
        out.push(mk(ctx, "un_resolution", s, e, { body: "Security Council", number: null, year: null, symbol: null }, 0.6));
        occ.take(s, e);
        continue;
      }
      let b: UnBody;
      if (body === "ctx") {
        if (m[1] === "A") b = "General Assembly";
        else if (m[1] === "S") b = "Security Council";
        else b = /الجمعيه\s+العامه|general\s+assembly/i.test(norm.slice(Math.max(0, s - 120), e + 60)) ? "General Assembly" : "Security Council";
      } else b = m[1] ? "General Assembly" : "Security Council";
      const numsText = m[1] === "S" || m[1] === "A" ? `${m[2]}${m[3] ? ` (${m[3]})` : ""}` : m[m.length - 1] ?? "";
      const nums = [...numsText.matchAll(/(\d{2,4})(?:\s{0,2}\(\s{0,2}(\d{4})\s{0,2}\)|\s{1,2}(?:ل|ال|لل)?(?:عام|سنه)\s{1,2}(\d{4})(?!\d)|\s{1,2}of\s{1,2}(\d{4})(?!\d))?/g)];
      if (!nums.length) continue;
      // Bare "القرار 12" is any decision: require UN context nearby, or a 4-digit number.
      if (body === "ctx" && m[1] !== "S" && m[1] !== "A") {
        const n0 = +nums[0][1];
        if (n0 < 100 || (!UN_CONTEXT.test(norm.slice(Math.max(0, s - 200), e + 100)) && n0 < 1000)) continue;
        // "the 2006 resolution" names a resolution by its year, not by its number.
        if (numberFirst && n0 >= YEARS_FROM && n0 <= YEARS_TO) continue;
      }
      const conf = body === "ctx" && !m[1] ? 0.7 : 0.95;
      nums.forEach((nm, i) => {
        const n = +nm[1];
        const yr = nm[2] ?? nm[3] ?? nm[4];
        const info = describeResolution(n, b, yr ? +yr : null);
        const fields = { body: info.body, number: info.number, year: info.year, symbol: info.symbol };
        // The first number carries the whole phrase; further numbers in a list get their own span.
        if (i === 0) out.push(mk(ctx, "un_resolution", s, nums.length > 1 ? e - numsText.length + nm.index! + nm[0].length : e, fields, conf));
        else {
          const ns = e - numsText.length + nm.index!;
          out.push(mk(ctx, "un_resolution", ns, ns + nm[0].length, fields, conf));
        }
      });
      occ.take(s, e);
    }
  }
  describedResolutions(ctx, out, occ);
  backReferences(ctx, out, occ);
  return out;
}

/** An unnumbered resolution named by what it does, «قرار بتمديد مهمته», "a resolution extending
 * the mandate": only when the same sentence names the Security Council, and never a draft. */
const DESCRIBED_RES = [
  new RegExp(`${WB}${PFX}قرار(?:ا)?\\s+ب(?!ال)[\\u0621-\\u064A]{3,}(?:\\s+[\\u0621-\\u064A]+)?`, "g"),
  /(?<![A-Za-z])an?\s+(?:new\s+)?resolution\s+[a-z]+ing(?![A-Za-z])/g,
];
const PROPOSED_BEFORE = /(?:(?:مشروع|اقتراح)\s+|(?:صوت|التصويت)[^.!?؟\n]{0,30}علي\s+)$|(?:draft|vote\s+on|voted\s+on|voting\s+on|vetoed|veto|to\s+adopt|propose[ds]?|proposing|circulated|submitted|tabled)\s+(?:[A-Za-z]+\s+)?$/i;
const SC_SAME_SENTENCE = /مجلس\s+الامن|security\s+council|UNSC/i;
function describedResolutions(ctx: DetectContext, out: RawDetection[], occ: Occupancy): void {
  const { norm } = ctx.nz;
  for (const m of DESCRIBED_RES.flatMap((re) => [...norm.matchAll(re)])) {
    let s = m.index!;
    const e = s + m[0].length;
    if (!occ.free(s, e)) continue;
    // Not a draft or a resolution still to be voted on (closed class of proposal / vote words).
    if (PROPOSED_BEFORE.test(norm.slice(Math.max(0, s - 40), s))) continue;
    const sStart = sentenceStart(norm, s, 300);
    let sEnd = norm.slice(e, e + 300).search(/[.!?؟\n]/);
    sEnd = sEnd < 0 ? Math.min(norm.length, e + 300) : e + sEnd;
    if (!SC_SAME_SENTENCE.test(norm.slice(sStart, sEnd))) continue;
    const kw = norm.slice(s, e).search(/قرار|an?\s/);
    if (kw > 0) s += kw;
    out.push(mk(ctx, "un_resolution", s, e, { body: "Security Council", number: null, year: null, symbol: null }, 0.5));
    occ.take(s, e);
  }
}

/** Numbers that read as years in news; a bare one is never taken for a resolution. */
const YEARS_FROM = 1945, YEARS_TO = 2035;
/** Words that may follow a bare resolution number in English (closed class: function words and
 * auxiliaries), so "1701 people" (a count) is not read as a resolution. */
const EN_AFTER_BARE = /^(?:\s*(?:[.,;:)"”’']|$)|\s+(?:that|which|is|was|has|had|have|are|were|and|or|in|on|as|by|to|of|with|for|from|at|must|should|would|will|can|could|also|does|did|itself)(?![A-Za-z]))/;
/** Arabic: the number glued to the article or a preposition («الـ1701», «بـ2216») or followed by punctuation. */
const AR_BEFORE_BARE = /(?:^|[^\u0621-\u064A])[وف]?(?:ال|بال|لل|كال|[بل])ـ?\s?$/;
const AR_AFTER_BARE = /^\s*(?:[.,،؛:)"”»]|$)/;

/**
 * A bare number that the same text has already cited as a resolution ("the requirements of
 * 1701", «تطبيق الـ2216»): a back-reference with that number. Numbers that read as years are
 * left alone.
 */
function backReferences(ctx: DetectContext, out: RawDetection[], occ: Occupancy): void {
  const cited = new Map<number, RawDetection>();
  for (const d of out) { const n = (d.fields as { number?: number | null }).number; if (typeof n === "number" && (n < YEARS_FROM || n > YEARS_TO) && !cited.has(n)) cited.set(n, d); }
  if (!cited.size) return;
  const { norm } = ctx.nz;
  for (const m of norm.matchAll(/(?<![\d.,/-])\d{3,4}(?![\d%]|[.,/-]\d)/g)) {
    const n = +m[0], s = m.index!, e = s + m[0].length;
    const first = cited.get(n);
    if (!first || !occ.free(s, e)) continue;
    // Only after the first citation (which is in the original text at first.start).
    if (ctx.nz.map[s] < first.start) continue;
    const ok = ctx.lang === "ar" || /[\u0621-\u064A]/.test(norm.slice(Math.max(0, s - 6), s))
      ? AR_BEFORE_BARE.test(norm.slice(Math.max(0, s - 8), s)) || AR_AFTER_BARE.test(norm.slice(e, e + 3))
      : EN_AFTER_BARE.test(norm.slice(e, e + 12));
    if (!ok) continue;
    out.push(mk(ctx, "un_resolution", s, e, { ...first.fields }, 0.6));
    occ.take(s, e);
  }
}
