import type { DetectContext } from "./util";
import { WB, WE, sentenceStart } from "./util";

/**
 * Speaker resolution for reporting verbs, in document order. Arabic news is mostly VSO
 * ("قال الوزير ..."), with participles that continue the subject of an earlier verb in the
 * same sentence ("قائلاً"، "مؤكداً"، "قولها") and subject-less verbs that continue the previous
 * speaker ("وتابعت:"، "وأضاف،"). A bare title ("الوزير") is resolved to the most recent
 * "وزير …، NAME،" apposition. English is SVO ("She added", '"…," said X').
 */

/** A reporting verb occurrence; `speaker` is filled by findSpeaker (null = unknown). */
export interface VerbHit { s: number; e: number; word: string; speaker: string | null | undefined }

const AR_VERBS = "قال|قالت|قالوا|يقول|تقول|اكد|اكدت|يؤكد|تؤكد|اضاف|اضافت|يضيف|تضيف|تابع|تابعت|اشار|اشارت|يشير|تشير|صرح|صرحت|اعلن|اعلنت|يعلن|تعلن|ذكر|ذكرت|اوضح|اوضحت|يوضح|توضح|شدد|شددت|لفت|لفتت|دعا|دعت|يدعو|تدعو|طالب|طالبت|وصف|وصفت|اعتبر|اعتبرت|يعتبر|تعتبر|كتب|كتبت|غرد|غردت|نقل|نقلت|نقلا|اردف|اردفت|استطرد|ختم|ختمت";
const AR_CONTINUE = "قائلا|قائله|مؤكدا|مؤكده|مضيفا|مضيفه|مشيرا|مشيره|موضحا|موضحه|مشددا|مشدده|معتبرا|معتبره|لافتا|لافته|قوله|قولها|قولهم";
const AR_ACCORDING = "بحسب|حسب|وفقا";
const EN_VERBS = "said|says|told|tells|added|adds|stated|states|explained|noted|warned|declared|insisted|argued|wrote|tweeted|continued|saying|adding|[Aa]ccording\\s+to";
/** Reporting verbs (group 1 is the verb). */
export const REPORT_RE = new RegExp(`${WB}(?:[وف])?(${AR_VERBS}|${AR_CONTINUE}|${AR_ACCORDING}|${EN_VERBS})${WE}`, "g");

const CONTINUE_RE = new RegExp(`^(?:${AR_CONTINUE}|saying|adding)$`);
const ACCORDING_RE = new RegExp(`^(?:${AR_ACCORDING}|[Aa]ccording\\s+to)$`);
/** Words that end an Arabic subject phrase. */
const AR_STOP = /(?:^|\s)(?:ان|انه|انها|بان|الي|في|خلال|عقب|بعد|قبل|امام|لدي|من|عن|مع|اليوم|امس|يوم|قائلا|قائله|مؤكدا|مؤكده|مضيفا|مشيرا|قوله|قولها|لكن|حيث|فان|ب?انها|حول|اثناء|ضمن|عبر|بشان)(?=\s|$)/;
const ROLE = /^(?:ال)?(?:استاذ|وزير|رئيس|مساعد|مساعده|مندوب|المندوب|متحدث|ناطق|سفير|مدير|مستشار|عضو|نائب|امين|قائد|مسؤول|خبير|محلل|باحث|وزيره|رئيسه|مبعوث|زعيم|الناطق|المتحدث)(?:\s|$)/;
const BARE_TITLE = /^ال(وزير|رئيس|مندوب|سفير|متحدث|مبعوث|امير|ملك|مسؤول|وكاله|وزيره|رئيسه)(?:\s+\S+)?$/;
const PRONOUN = /^(?:he|she|they|it|we|i|the\s+(?:minister|president|spokesman|spokeswoman|official))$/i;

function clean(s: string): string {
  return s.replace(/["“”«»]/g, "").replace(/[\s،,:.]+$/, "").replace(/^[\s،,]+/, "").replace(/\s+/g, " ").trim();
}
function origOf(ctx: DetectContext, a: number, b: number): string {
  return clean(ctx.nz.orig.slice(ctx.nz.map[a], ctx.nz.map[b]));
}

/** Arabic subject after a verb at norm index `from`: comma segments up to a stop word. */
function arSubjectAfter(ctx: DetectContext, from: number, limit = 160): [number, number] | null {
  const norm = ctx.nz.norm;
  let end = Math.min(norm.length, from + limit);
  for (let i = from; i < end; i++) if ('.\n؛:"“«'.includes(norm[i])) { end = i; break; }
  const text = norm.slice(from, end);
  if (/^\s*[،,]/.test(text)) return null;
  // Split into comma segments; stop at the first segment that starts with (or is cut by) a stop word.
  const segs: Array<[number, number]> = [];
  let pos = 0;
  while (pos < text.length && segs.length < 3) {
    const c = text.slice(pos).search(/[،,]/);
    let segEnd = c < 0 ? text.length : pos + c;
    const seg = text.slice(pos, segEnd);
    let stop: { index: number } | null = AR_STOP.exec(seg);
    // "على" (preposition) and "علي" (the name Ali) fold to the same string: the original
    // spelling with alef maqsura decides.
    for (const a of seg.matchAll(/(?:^|\s)علي(?=\s|$)/g)) {
      const last = from + pos + a.index! + a[0].length - 1;
      if (ctx.nz.orig[ctx.nz.map[last]] === "ى" && (!stop || a.index! < stop.index)) { stop = { index: a.index! }; break; }
    }
    if (stop) segEnd = pos + stop.index;
    if (text.slice(pos, segEnd).trim()) segs.push([from + pos, from + segEnd]);
    if (stop || c < 0) break;
    pos = segEnd + 1;
  }
  if (!segs.length) return null;
  const first = norm.slice(segs[0][0], segs[0][1]).trim();
  const pick = ROLE.test(first) && segs.length > 1 ? segs[1] : segs[0];
  // Keep at most seven words.
  const words = [...norm.slice(pick[0], pick[1]).matchAll(/\S+/g)];
  if (!words.length) return null;
  const last = words[Math.min(words.length, 7) - 1];
  return [pick[0] + words[0].index!, pick[0] + last.index! + last[0].length];
}

/** Resolve "الوزير" to the latest "وزير …، NAME،" apposition before `pos`. */
function corefTitle(ctx: DetectContext, title: string, pos: number): string | null {
  const norm = ctx.nz.norm;
  const stem = title.replace(/^ال/, "").split(/\s+/)[0];
  const lo = Math.max(0, pos - 3000);
  // Search a bounded window only: lastIndexOf on the whole text would make this O(n) per quote.
  const win = norm.slice(lo, Math.max(lo, pos - title.length));
  let at = win.lastIndexOf(stem);
  while (at >= 0) {
    const abs = lo + at;
    const m = /^[^،.\n]{0,60}،\s*([^،.\n]{3,60})،/.exec(norm.slice(abs + stem.length, abs + stem.length + 140));
    if (m && !AR_STOP.test(` ${m[1].split(/\s+/)[0]} `)) {
      const a = abs + stem.length + m[0].length - 1 - m[1].length;
      return origOf(ctx, a, a + m[1].length);
    }
    if (at === 0) break;
    at = win.lastIndexOf(stem, at - 1);
  }
  return null;
}

/** Fill verbs[i].speaker and update state.last (the running speaker). */
export function findSpeaker(ctx: DetectContext, verbs: VerbHit[], i: number, state: { last: string | null }): void {
  const v = verbs[i];
  const norm = ctx.nz.norm;
  if (v.speaker !== undefined) { if (v.speaker) state.last = v.speaker; return; }
  const ss = sentenceStart(norm, v.s);
  const word = v.word;
  let speaker: string | null = null;
  if (CONTINUE_RE.test(word)) {
    // Participle: the subject of the previous reporting verb in this sentence.
    const prev = i > 0 && verbs[i - 1].s >= ss ? verbs[i - 1] : null;
    v.speaker = prev?.speaker ?? state.last;
    return;
  }
  if (ACCORDING_RE.test(word)) {
    const m = /^\s*(?:ل|لـ)?\s*((?:[^،,.\n](?!\s(?:فان|ان|فقد)\s)){2,60}[^،,.\n]?)/.exec(norm.slice(v.e, v.e + 80));
    if (m) {
      const a = v.e + m[0].length - m[1].length;
      const fromIdx = m[1].search(/\s(?:from|من)\s/);
      speaker = fromIdx >= 0 ? origOf(ctx, a + fromIdx + 5, a + m[1].length) : origOf(ctx, a, a + m[1].length);
    }
  } else if (/^[\u0621-\u064A]/.test(word)) {
    if (/^نقل/.test(word)) {
      // "نقلت قناة الجزيرة عن لولوة الخاطر" - the speaker is the source after "عن".
      const an = norm.slice(v.e, v.e + 80).search(/\sعن\s/);
      if (an >= 0) { const r = arSubjectAfter(ctx, v.e + an + 4); if (r) speaker = origOf(ctx, r[0], r[1]); }
    }
    if (!speaker) {
      const r = arSubjectAfter(ctx, v.e);
      if (r) speaker = origOf(ctx, r[0], r[1]);
    }
    if (!speaker) {
      // Subject before the verb: "... أن أكار أكد ..."
      const pre = norm.slice(Math.max(ss, v.s - 40), v.s);
      const m = /(?:^|\s)(?:ان|بان|لان)\s+([\u0621-\u064A]+(?:\s+[\u0621-\u064A]+)?)\s+[وف]?$/.exec(pre);
      if (m && !AR_STOP.test(` ${m[1]} `)) {
        const a = v.s - (pre.length - m.index! - m[0].indexOf(m[1]));
        speaker = origOf(ctx, a, a + m[1].length);
      }
    }
    if (speaker && BARE_TITLE.test(normOf(speaker))) speaker = corefTitle(ctx, normOf(speaker), v.s) ?? speaker;
  } else {
    // English: subject before the verb in this clause, else after it ('"…," said X').
    let cs = ss;
    const q = Math.max(norm.lastIndexOf("\u201D", v.s), norm.lastIndexOf('"', v.s));
    if (q >= cs) cs = q + 1;
    const before = clean(norm.slice(cs, v.s));
    if (before && before.split(/\s+/).length <= 8) {
      const segs = before.split(/\s*,\s*/).filter(Boolean);
      const name = segs.find((sg) => /^(?:[A-Z][\w'’.-]*\s?){2,4}$/.test(sg)) ?? segs[0];
      speaker = PRONOUN.test(name) ? null : name;
    } else if (!before) {
      const after = norm.slice(v.e, Math.min(norm.length, v.e + 120)).split(/[.\n]/)[0];
      const segs = after.split(/\s*,\s*/).map((x) => x.trim()).filter(Boolean).slice(0, 3);
      const name = segs.find((sg) => /^(?:[A-Z][\w'’.-]*\s?){2,4}$/.test(sg)) ?? segs[0] ?? null;
      speaker = name && !PRONOUN.test(name) ? name.split(/\s+/).slice(0, 6).join(" ") : null;
    }
  }
  if (speaker) { v.speaker = speaker; state.last = speaker; }
  else v.speaker = state.last;
}

function normOf(s: string): string {
  return s.replace(/[\u064B-\u065F\u0670\u0640]/g, "").replace(/[أإآٱ]/g, "ا").replace(/ة/g, "ه").replace(/ى/g, "ي");
}
