import { describeResolution, type UnBody } from "../unsc";
import type { DetectContext, RawDetection } from "./util";
import { WB, WE, PFX, mk, Occupancy } from "./util";

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
const NUMS = "(\\d{2,4}(?:\\s{0,2}\\(\\s{0,2}\\d{4}\\s{0,2}\\))?(?:\\s{0,2}(?:،|,|و|and|&)\\s{0,2}(?:القرار\\s+)?\\d{2,4}(?:\\s{0,2}\\(\\s{0,2}\\d{4}\\s{0,2}\\))?){0,6})";

const PATTERNS: Array<{ re: RegExp; body: UnBody | "ctx"; numbered: boolean }> = [
  // S/RES/2259 (2015), A/RES/377
  { re: /(?<![A-Za-z])([SA])\/RES\/(?:[A-Z]+-\d+\/)?(\d{1,4})(?:\s?\((\d{4})\))?/g, body: "ctx", numbered: true },
  // قرار(ات) مجلس الأمن [الدولي] [رقم] 2254 / ... ذات الصلة لا سيما 2259
  { re: new RegExp(`${WB}${PFX}(?:ال)?قرار(?:ات|ي|ان|ين)?\\s+(?:${SC_AR}|(${GA_AR}))(?:\\s+(?:الدولي|التابع\\s+للامم\\s+المتحده|ذي|ذات|رقم))*(?:[^.\\n؛]{0,60}?${LIST_CUE})?\\s{0,2}(?:القرار\\s+)?\\(?${NUMS}${WE}`, "g"), body: "Security Council", numbered: true },
  // Security Council resolution 1701 / resolutions 242 and 338 / UNSC Resolution No. 2254
  { re: new RegExp(`(?:(?:(?:UN|U\\.N\\.|United\\s+Nations)\\s+)?(?:Security\\s+Council|UNSC|(General\\s+Assembly))\\s+)?[Rr]esolutions?\\s+(?:No\\.?\\s*|number\\s+)?${NUMS}(?![\\d])`, "g"), body: "Security Council", numbered: true },
  // القرار 2231 / القرار رقم 2254 / بالقرار الأممي 2216 (needs UN context or a 4-digit number)
  // (the number may be quoted: القرار «1701»; "قراره رقم 2249" has a possessive)
  { re: new RegExp(`${WB}${PFX}(?:ال)?قرار(?:ان|ين)?(?:(?:ه|ها|هم)?\\s+رقم|\\s+(?:الاممي|الدولي)(?:ان|ين)?(?:\\s+رقم)?)?\\s{0,2}["“«]?\\s{0,2}\\(?${NUMS}["”»]?${WE}`, "g"), body: "ctx", numbered: true },
  // Unnumbered: قرارات مجلس الأمن / Security Council resolutions
  { re: new RegExp(`${WB}${PFX}(?:ال)?قرار(?:ات)?\\s+${SC_AR}${WE}|${WB}${PFX}(?:ال|ل)?قرارات\\s+(?:ال)?امميه${WE}|Security\\s+Council\\s+resolutions?(?!\\s+(?:No\\.?\\s*)?\\d)`, "g"), body: "Security Council", numbered: false },
];

const UN_CONTEXT = /مجلس\s+الامن|الامم\s+المتحده|الاممي|security\s+council|united\s+nations|\bUN\b|UNSC/i;

/** Detect UN resolution references. */
export function detectResolutions(ctx: DetectContext): RawDetection[] {
  const { norm } = ctx.nz;
  const out: RawDetection[] = [];
  const occ = new Occupancy(norm.length);
  const overlaps = (s: number, e: number) => !occ.free(s, e);
  for (const { re, body, numbered } of PATTERNS) {
    for (const m of norm.matchAll(re)) {
      let s = m.index!;
      const e = s + m[0].length;
      if (overlaps(s, e)) continue;
      // Leave proclitics out of the span ("وقرارات" -> "قرارات"), except the keyword itself.
      const kw = norm.slice(s, e).search(/قرار|[A-Za-z]/);
      if (kw > 0 && kw <= 3 && !/^ال/.test(norm.slice(s + kw - 2, s + kw))) s += kw;
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
      const nums = [...numsText.matchAll(/(\d{2,4})(?:\s{0,2}\(\s{0,2}(\d{4})\s{0,2}\))?/g)];
      if (!nums.length) continue;
      // Bare "القرار 12" is any decision: require UN context nearby, or a 4-digit number.
      if (body === "ctx" && m[1] !== "S" && m[1] !== "A") {
        const n0 = +nums[0][1];
        if (n0 < 100 || (!UN_CONTEXT.test(norm.slice(Math.max(0, s - 200), e + 100)) && n0 < 1000)) continue;
      }
      const conf = body === "ctx" && !m[1] ? 0.7 : 0.95;
      nums.forEach((nm, i) => {
        const n = +nm[1];
        const info = describeResolution(n, b, nm[2] ? +nm[2] : null);
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
  return out;
}
