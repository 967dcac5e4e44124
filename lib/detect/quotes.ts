import type { DetectContext, RawDetection } from "./util";
import { mk } from "./util";
import { ACCORDING_RE, findSpeaker, MASDAR, REPORT_RE, type VerbHit } from "./speakers";

/**
 * Direct quotes: text in “…”, «…» or "…" attributed by a reporting verb in the same sentence
 * (before the quote, or after it: '"…," said X'). Short quoted names ("الأناضول", "تويتر",
 * "قوات شرق ليبيا") are not speech: a quote of at most three words counts only right after a
 * colon or a reporting verb. Speakers are resolved in document order (speakers.ts) so that
 * "وتابعت:" / "She added:" continue the previous speaker.
 */

interface QSpan { s: number; e: number } // e is exclusive and includes the closing mark

/** Verbs of saying: a short quote right after them is speech ("قال: «لا»"); after "considered"
 * or "called" it is a name or a label ("اعتبر «النصرة» …"). */
const SAY = /^(?:قال|قالت|قالوا|يقول|تقول|اضاف|اضافت|تابع|تابعت|اردف|اردفت|said|says|added|told)$/;

/** Pair quotation marks. Straight quotes pair left to right within a paragraph. */
export function findQuoteSpans(norm: string): QSpan[] {
  const spans: QSpan[] = [];
  const n = norm.length;
  let i = 0;
  while (i < n) {
    const c = norm[i];
    const close = c === "“" ? "”" : c === "«" ? "»" : c === '"' ? '"' : c === "„" ? "“" : null;
    if (!close) { i++; continue; }
    let j = i + 1;
    const lim = Math.min(n, i + 4000);
    // A double prime (″) is typed for the closing curly mark in some news copy.
    const alt = c === "“" ? "″" : close;
    while (j < lim && norm[j] !== close && norm[j] !== alt && norm[j] !== "\n") j++;
    if (j < lim && (norm[j] === close || norm[j] === alt) && j > i + 1) { spans.push({ s: i, e: j + 1 }); i = j + 1; continue; }
    const run = norm[j] === "\n" ? runOn(norm, i, j, close) : -1;
    if (run > 0) { spans.push({ s: i, e: run + 1 }); i = run + 1; continue; }
    i = c === '"' && norm[j] === "\n" ? j + 1 : i + 1; // an unpaired straight quote: drop the rest of the line
  }
  return spans;
}

/** The text between an attributed quote and the next one lets the speaker run on: short, or
 * the rest of the attribution sentence, in the same paragraph, the next quote opening a sentence. */
function continuesPrevious(gap: string): boolean {
  if (/[\n"“”«»]/.test(gap)) return false;
  return gap.length <= 40 || (gap.length <= 200 && /[.!?؟]\s+$/.test(gap));
}

/**
 * A quote opened at `i` whose paragraph ends at `nl` without closing it may run on into the
 * next paragraph (which may open with a quote mark of its own, by convention). It does when the
 * next paragraph's first mark has the shape of a closing mark: right after sentence punctuation
 * and followed by a space or the end ('…discussion," Kaifu said'). Returns that mark's index, or -1.
 */
function runOn(norm: string, i: number, nl: number, close: string): number {
  const opens = (i === 0 || /[\s(]/.test(norm[i - 1])) && /\S/.test(norm[i + 1] ?? "");
  if (!opens || !/[.!?؟…,،]["“”»]?\s*$/.test(norm.slice(Math.max(i, nl - 3), nl))) return -1;
  let k = nl + 1;
  for (let para = 0; para < 2 && k < norm.length; para++) {
    if (norm[k] === norm[i]) k++;
    let m = k;
    const lim = Math.min(norm.length, k + 2000);
    while (m < lim && norm[m] !== close && norm[m] !== "\n" && norm[m] !== norm[i]) m++;
    if (m < lim && norm[m] === close && /[.!?؟…,،]/.test(norm[m - 1]) && (m + 1 >= norm.length || /[\s.,،]/.test(norm[m + 1]))) return m;
    if (m >= lim || norm[m] !== "\n") return -1;
    k = m + 1;
  }
  return -1;
}

/** Verbs that name or label rather than report ("اعتبر «النصرة» …", 'called it "a farce"'). */
const LABEL_VERB = /^(?:وصف|وصفت|اعتبر|اعتبرت|يعتبر|تعتبر|كتب|كتبت|نقل|نقلت|نقلا|بحسب|حسب|وفقا|[Aa]ccording\s+to|wrote|tweeted)$/;
/** Words before a quote that make it a name or a label. */
const LABEL_BEFORE = /(?:^|\s)(?:(?:called|dubbed|termed|labell?ed|named)(?:\s+(?:it|them|him|her|this|that|the\s+\S+))?|so-called|known\s+as|as|تسمي|يسمي|تسميه|يسمى|بـ?|باسم|المسمى|المسماه|ما\s+يسمى|ما\s+يعرف\s+ب|عرف\s+ب)\s*$/;

/**
 * A quote of one to three words inside reported speech ("وتابع أن بقاءه بعدما «اختار قتل
 * شعبه» …", 'He said the plan was "simply not possible"') is speech when its shape is a clause,
 * not a name: Arabic — a negation or particle first, a pronoun suffix (-ه، -ها، -هم، -نا), or an
 * accusative -ًا; English — lower-case words. The sentence's verb must report, not label.
 */
function fragmentOfSpeech(ctx: DetectContext, q: QSpan, verb: string, before: string): boolean {
  if (LABEL_VERB.test(verb) || LABEL_BEFORE.test(before)) return false;
  // Inside an "according to <source>" phrase the quote is the source's name ("وفقا لوكالة … «…»").
  if (/(?:^|\s)(?:ل|[وف])?(?:بحسب|حسب|وفقا|according\s+to)(?:\s|$)/i.test(before)) return false;
  const { orig, map } = ctx.nz;
  const w = orig.slice(map[q.s + 1], map[q.e - 1]).trim();
  // A one-word predicate after a copula ('the offer was "unacceptable"') is a clause too.
  if (ctx.lang === "en") return /^[a-z]/.test(w) && (/\s/.test(w) || /(?:^|\s)(?:is|was|are|were|be|been|being|remains|remained)\s*$/.test(before));
  const ws = w.replace(/[\u064B-\u065F]/g, (c) => (c === "\u064B" ? c : "")).split(/\s+/);
  if (/^(?:ليس|ليست|غير|لا|لن|لم|ما|قد|لقد|إن|إنه|إنها|إننا)$/.test(ws[0])) return true;
  // After a verb of agreement or pledge, the agreed content opens with a verbal noun of a derived
  // form ("اتفقوا على «تكثيف الجهود»", "«إعادة وتعزيز الحوار»").
  if (/^[وف]?(?:اتفق|اتفقت|اتفقوا|تعهد|تعهدت|تعهدوا)$/.test(verb) && ws.length >= 2 && MASDAR.test(ws[0])) return true;
  // A purpose clause: «لـ» + a verbal noun of a derived form (تفعيل، تفاعل، إفعال، افتعال، استفعال):
  // "لتحقيق …", "لإنهاء …", "لاستعادة …". Names do not open with the preposition.
  if (ws.length >= 2 && /^ل(?:ت[\u0621-\u064A]{2}ي[\u0621-\u064A]|ت[\u0621-\u064A]ا[\u0621-\u064A]{2}|[اإأ][\u0621-\u064A]{2}ا[\u0621-\u064A]|ا[\u0621-\u064A]ت[\u0621-\u064A]ا[\u0621-\u064A]|است[\u0621-\u064A]{2}ا[\u0621-\u064A])[ةه]?$/.test(ws[0])) return true;
  return ws.some((x) => /(?:[^ة]ه|ها|هم|هما|نا|كم)$/.test(x) && x.length >= 4 || /(?:اً|ًا)$/.test(x));
}

/** Sentence start before `pos`, not stopping at terminators inside quotes. */
function sentStart(norm: string, pos: number, spans: QSpan[], qi: number): number {
  let k = qi - 1;
  for (let i = pos - 1; i >= 0; i--) {
    while (k >= 0 && spans[k].s > i) k--;
    if (k >= 0 && i >= spans[k].s && i < spans[k].e) { i = spans[k].s; continue; }
    const c = norm[i];
    if (c === "\n" || c === "." || c === "!" || c === "?" || c === "؟") return i + 1;
  }
  return 0;
}
function sentEnd(norm: string, pos: number): number {
  for (let i = pos; i < norm.length; i++) if ("\n.!?؟".includes(norm[i])) return i;
  return norm.length;
}

/**
 * A quote as one sentence a checker can verify on its own: «قال X: «…»» / `X said "…"`. The
 * quote's own trailing comma ('"…," he said') becomes a full stop.
 */
export function quoteStatement(speaker: string, words: string, lang: "ar" | "en"): string {
  const w = words.trim().replace(/[,،]\s*$/, lang === "ar" ? "" : ".");
  return lang === "ar" ? `قال ${speaker}: «${w}»` : `${speaker} said "${w}"`;
}

/**
 * Words between a quote and a reporting verb after it: up to six; up to ten when the quote ends
 * its clause with a comma ('"…," the UN envoy for the region, X, told …'), not when the quote is
 * a fragment inside a longer clause ('to "immediately" halt all aggression, an official said').
 */
function nWordsOk(between: string, quoteEnd: string): boolean {
  const n = between.trim().split(/\s+/).filter(Boolean).length;
  return n <= 6 || (n <= 10 && (/[,،]\s*$/.test(quoteEnd.slice(0, -1)) || /^\s*[,،]/.test(between)));
}

/** Detect direct quotes with speakers. */
export function detectQuotes(ctx: DetectContext): RawDetection[] {
  const { norm } = ctx.nz;
  const spans = findQuoteSpans(norm);
  const inQuote = (p: number) => {
    let lo = 0, hi = spans.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid].e <= p) lo = mid + 1; else if (spans[mid].s > p) hi = mid - 1; else return true;
    }
    return false;
  };
  // Reporting verbs outside quotes, in document order; speakers resolved lazily in order.
  const verbs: VerbHit[] = [];
  for (const m of norm.matchAll(REPORT_RE)) {
    const s = m.index! + m[0].length - m[1].length;
    if (!inQuote(s)) verbs.push({ s, e: m.index! + m[0].length, word: m[1], speaker: undefined });
  }
  const out: RawDetection[] = [];
  let vi = 0;
  const state = { last: null as string | null };
  const resolveUpTo = (pos: number) => {
    while (vi < verbs.length && verbs[vi].s < pos) { findSpeaker(ctx, verbs, vi, state); vi++; }
  };
  let prevQuote: { e: number; speaker: string | null } | null = null;
  spans.forEach((q, qi) => {
    const inner = norm.slice(q.s + 1, q.e - 1).trim();
    const words = inner.split(/\s+/).filter(Boolean).length;
    let ss = sentStart(norm, q.s, spans, qi);
    // A quote opening its paragraph after one that ends in a colon ("وقالت:\n«…»") belongs to
    // the previous paragraph's last sentence.
    if (ss > 0 && norm[ss - 1] === "\n" && !norm.slice(ss, q.s).trim() && /[:：]\s*$/.test(norm.slice(Math.max(0, ss - 4), ss - 1))) ss = sentStart(norm, ss - 1, spans, qi);
    resolveUpTo(q.s);
    // The last reporting verb between sentence start and the quote; an "according to" only
    // when the sentence has no verb of its own ("وبين معصوم بحسب البيان، أنه «…»").
    let attr: VerbHit | null = null;
    for (let k = vi - 1; k >= 0 && verbs[k].s >= ss; k--) {
      if (!attr) attr = verbs[k];
      else if (ACCORDING_RE.test(attr.word) && !ACCORDING_RE.test(verbs[k].word)) { attr = verbs[k]; break; }
      if (!ACCORDING_RE.test(attr.word)) break;
    }
    const pre = norm.slice(attr ? attr.e : ss, q.s);
    const colon = /[:：]\s*$/.test(pre) || /[:：]\s*(?:ان|إن)\s*$/.test(pre);
    const verbAdjacent = attr !== null && SAY.test(attr.word) && /^\s*[،,]?\s*(?:ان|إن|انه)?\s*$/.test(pre);
    let conf = 0.85;
    let speaker: string | null = null;
    let postSay = false; // '"Yes, we will," he said': short quotes are speech too
    if (!attr) {
      // Attribution after the quote: '"…," said X', '"…," he said', '"…," Norwegian diplomat X told reporters'.
      const se = sentEnd(norm, q.e);
      let lo = vi, hi = verbs.length;
      while (lo < hi) { const mid = (lo + hi) >> 1; if (verbs[mid].s < q.e) lo = mid + 1; else hi = mid; }
      const k = lo < verbs.length && verbs[lo].s < se && verbs[lo].s - q.e < 80 ? lo : -1;
      const between = k >= 0 ? norm.slice(q.e, verbs[k].s) : "";
      // "according to X" anywhere later in the sentence attributes the quote before it.
      let kk = k;
      if (kk < 0 || !(verbs[kk].s - q.e < 80)) for (let j = lo; j < verbs.length && verbs[j].s < se; j++) if (ACCORDING_RE.test(verbs[j].word)) { kk = j; break; }
      if (kk >= 0 && kk !== k && !/["“”«»]/.test(norm.slice(q.e, verbs[kk].s))) {
        resolveUpTo(verbs[kk].s + 1);
        attr = verbs[kk];
      }
      if (!attr && k >= 0 && !/["“”«»]/.test(between) && nWordsOk(between, norm.slice(q.e - 3, q.e))) {
        resolveUpTo(verbs[k].s + 1);
        attr = verbs[k];
        postSay = SAY.test(attr.word);
      }
      if (!attr && colon && words >= 4) conf = 0.6; // "…:" with no verb: speech, speaker from context
      else if (!attr && prevQuote && words >= 4 && continuesPrevious(norm.slice(prevQuote.e, q.s))) {
        // A quote that forms its own sentence right after an attributed one continues it
        // ('"…," he added, without naming the country. "It is …"').
        speaker = prevQuote.speaker;
        conf = 0.6;
      } else if (!attr) return;
    }
    // A quoted name, not speech; but a short fragment shaped like a clause inside reported speech is,
    // and so is a quote that is the whole complement of «أن»/"that" after a reporting verb and
    // ends the sentence ("وأكدت أن «الحدود ستفتح قريباً»."): a name would be followed by its verb.
    const wholeComplement = attr !== null && words >= 2 && !LABEL_VERB.test(attr.word) && /(?:^|\s)(?:[وف]?(?:ان|إن|بان|انه)|that)\s*$/.test(pre) && /^\s*(?:[.!?؟\n]|$)/.test(norm.slice(q.e, q.e + 3));
    if (words <= 3 && !colon && !verbAdjacent && !postSay && !wholeComplement && !(attr && fragmentOfSpeech(ctx, q, attr.word, norm.slice(attr.e, q.s)))) return;
    if (attr) speaker = attr.speaker ?? state.last;
    else if (speaker === null) speaker = state.last;
    const qwords = ctx.nz.orig.slice(ctx.nz.map[q.s + 1], ctx.nz.map[q.e - 1]);
    const det = mk(ctx, "quote", q.s, q.e, { speaker: speaker ?? null, words: qwords, direct: true }, conf);
    if (speaker) det.statement = quoteStatement(speaker, qwords, ctx.lang);
    out.push(det);
    prevQuote = { e: q.e, speaker };
  });
  return out;
}
