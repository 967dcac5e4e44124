import type { DetectContext, RawDetection } from "./util";
import { WE, mk } from "./util";

/**
 * Named agreements and conferences: "اتفاق الصخيرات", "مؤتمر برلين", "اتفاقية أوسلو 1",
 * "the Skhirat agreement", "the Berlin conference", "Nairobi Port Accord", "Treaty of Lisbon".
 * Arabic has no capitals, so a name is the trigger in construct state (no ال) followed by a
 * word that is not an adjective or a function word; English needs capitalised name words.
 */

const AR_TRIGGER = "اتفاق|اتفاقيه|معاهده|مؤتمر|موتمر|قمه|اعلان|ميثاق|بروتوكول|مذكره\\s+تفاهم|مبادره|مسار|تفاهمات|منتدي|ملتقى";
const AR_RE = new RegExp(`(?<![\\u0621-\\u064A])(?:[وف]?[بلك]?)(${AR_TRIGGER})\\s+([\\u0621-\\u064A]{2,20})(?:\\s+(\\d{1,2}|الثاني|الثالث|الاول|الاولي|الثانيه))?(?:\\s+(?:عام\\s+)?\\(?(\\d{4})\\)?)?${WE}`, "g");

/** Words after a trigger that show it is not a name ("مؤتمر صحفي", "اتفاق على", "اتفاق بين"). */
const AR_NOT_NAME = new Set([
  "علي", "بين", "مع", "في", "من", "حول", "الي", "عن", "ان", "لا", "ذلك", "هذا", "هذه", "تم", "يقضي", "ينص", "جديد", "سابق", "نهائي", "مبدئي",
  "صحفي", "صحافي", "دولي", "اقليمي", "وطني", "عربي", "ثنائي", "رسمي", "شعبي", "تاريخي", "عالمي", "اسلامي", "سري", "مشترك", "شامل", "دائم", "مؤقت", "كامل",
  "التعاون", "الشراكه", "التفاهم", "السلام", "التجاره", "الاطار", "مبادئ", "تعاون", "شراكه", "اطار", "لوقف", "وقف", "الدول", "الامم", "المانحين", "القمه",
]);

const EN_TRIGGER = "Agreement|Accords?|Treaty|Conference|Summit|Declaration|Protocol|Convention|Pact|Charter|Memorandum\\s+of\\s+Understanding|agreement|accords?|treaty|conference|summit|declaration|protocol|convention|pact";
const EN_RE = new RegExp(
  `(?<![A-Za-z])((?:[A-Z][A-Za-z'’.-]+\\s+){1,4})(${EN_TRIGGER})(?![A-Za-z])(?:\\s+of\\s+(\\d{4}))?|(?<![A-Za-z])(Treaty|Convention|Conference|Declaration|Agreement|Accords?|Protocol)\\s+of\\s+([A-Z][A-Za-z-]+)`,
  "g",
);
const EN_NOT_NAME = new Set(["The", "A", "An", "This", "That", "These", "Under", "In", "On", "At", "By", "For", "With", "And", "But", "Its", "Their", "His", "Her", "Our", "New", "Any", "Security", "Council", "UN", "Officials", "Analysts"]);

/** Detect named agreements and conferences. */
export function detectAgreements(ctx: DetectContext): RawDetection[] {
  const { norm } = ctx.nz;
  const out: RawDetection[] = [];
  for (const m of norm.matchAll(AR_RE)) {
    const name = m[2];
    if (AR_NOT_NAME.has(name) || name.startsWith("لل")) continue;
    // Adjectives (nisba) and plurals are not names: "الاتفاق الاقتصادي", "مؤتمرات".
    if (name.startsWith("ال") && /(?:ي|يه)$/.test(name)) continue;
    if (!name.startsWith("ال") && /يه$/.test(name)) continue;
    const s = m.index! + m[0].indexOf(m[1]);
    const e = m.index! + m[0].length;
    // A year right after the name ("اتفاق أوسلو 1993") is the agreement's date.
    const year = m[4] ?? null;
    const nameText = ctx.nz.orig.slice(ctx.nz.map[s], ctx.nz.map[e]).replace(/\s*\(?\d{4}\)?$/, "").trim();
    out.push(mk(ctx, "agreement", s, e, { name: nameText, date: year }, 0.75));
  }
  for (const m of norm.matchAll(EN_RE)) {
    let s = m.index!;
    let e = s + m[0].length;
    if (m[4]) {
      out.push(mk(ctx, "agreement", s, e, { name: m[0], date: null }, 0.8));
      continue;
    }
    const words = m[1].trim().split(/\s+/);
    // Drop leading function words ("Under the Nairobi..." never reaches here; "This agreement" does).
    let k = 0;
    while (k < words.length && EN_NOT_NAME.has(words[k])) k++;
    if (k === words.length) continue;
    s += m[1].indexOf(words[k], 0) === -1 ? 0 : m[1].split(/\s+/).slice(0, k).join(" ").length + (k ? 1 : 0);
    // A lowercase trigger ("the Berlin conference") is only a name with a capitalised word before it.
    const year = m[3] ?? null;
    if (!year) e = m.index! + m[1].length + m[2].length;
    const text = ctx.nz.orig.slice(ctx.nz.map[s], ctx.nz.map[e]);
    out.push(mk(ctx, "agreement", s, e, { name: text.replace(/\s+of\s+\d{4}$/, ""), date: year }, /^[A-Z]/.test(m[2]) ? 0.85 : 0.7));
  }
  return out;
}
