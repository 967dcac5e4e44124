import type { DetectContext, RawDetection } from "./util";
import { WB, WE, PFX, mk, sentenceStart, Occupancy, lowerBound } from "./util";

type Kind = "meeting" | "visit" | "call" | "session" | "summit";

/**
 * Meetings, visits, calls, sessions and summits. Verbs (التقى، زار، اجتمع، استقبل; met,
 * visited, held talks) always assert an event. Nouns (اجتماع، لقاء، زيارة، اتصال، جلسة، قمة;
 * meeting, visit, call, talks) are reported only with a cue that they name a concrete event:
 * participants (بين، مع، جمع، ل/لل + noun), a destination (إلى), or a relative clause
 * (الذي جمع، التي أجراها). A demonstrative ("هذه الزيارة", "the meeting") is an anaphor of an
 * event already reported, so it is skipped.
 */

const AR_VERBS: Array<[string, Kind]> = [
  ["التقي|التقت|يلتقي|تلتقي|سيلتقي|ستلتقي|التقوا|اجتمع|اجتمعت|يجتمع|تجتمع|سيجتمع|اجتمعوا|استقبل|استقبلت|يستقبل|تستقبل", "meeting"],
  ["زار|زارت|يزور|تزور|سيزور|ستزور|زاروا", "visit"],
  ["هاتف|هاتفت|تلقي\\s+اتصالا|تلقت\\s+اتصالا", "call"],
];
const AR_NOUNS: Array<[string, Kind]> = [
  ["اجتماع|اجتماعا|اجتماعات|لقاء|لقاءات|لقائه|لقائها|مباحثات|محادثات", "meeting"],
  ["زياره|زيارات|الزيارتين", "visit"],
  ["اتصال|اتصالا|اتصالات|مكالمه", "call"],
  ["جلسه|جلسات", "session"],
  ["قمه", "summit"],
];
const EN_VERBS: Array<[string, Kind]> = [
  ["met|meets|met\\s+with|held\\s+talks|holds\\s+talks|hosted|hosts|received", "meeting"],
  ["visited|visits|toured", "visit"],
  ["spoke\\s+by\\s+(?:tele)?phone|phoned", "call"],
];
const EN_NOUNS: Array<[string, Kind]> = [
  ["meeting|meetings|talks|discussions", "meeting"],
  ["visit|visits|trip", "visit"],
  ["(?:phone\\s+|telephone\\s+)?call|phone\\s+conversation", "call"],
  ["session", "session"],
  ["summit", "summit"],
];

const build = (list: Array<[string, Kind]>, ar: boolean) =>
  new RegExp(ar ? `${WB}${PFX}(?:ال|ل)?(${list.map((x) => x[0]).join("|")})${WE}` : `(?<![A-Za-z])(${list.map((x) => x[0]).join("|")})(?![A-Za-z])`, ar ? "g" : "gi");
const kindOf = (list: Array<[string, Kind]>, word: string): Kind => {
  for (const [alt, k] of list) if (new RegExp(`^(?:${alt})$`, "i").test(word)) return k;
  return "meeting";
};
const AR_VERB_RE = build(AR_VERBS, true), AR_NOUN_RE = build(AR_NOUNS, true);
const EN_VERB_RE = build(EN_VERBS, false), EN_NOUN_RE = build(EN_NOUNS, false);

/** Cue right after an Arabic noun (first three words). */
const AR_CUE = /^(?:\s+[^\s.،,؛:\n]+){0,2}?\s+(?:بين|مع|الي|جمع|جمعت|ضم|ضمت|لل[\u0621-\u064A]{2,}|ل[\u0621-\u064A]{4,})(?![\u0621-\u064A])|^(?:\s+[^\s.،,؛:\n]+)?\s+(?:الذي|التي|الذين|اللذين)\s/;
const EN_CUE = /^(?:\s+[A-Za-z'’-]+){0,2}?\s+(?:between|with|in\s+[A-Z]|to\s+[A-Z]|of\s+(?:the\s+)?[A-Z])/;
const ANAPHOR_AR = /(?:هذه|هذا|تلك|ذلك|نفس)\s+$/;
const ANAPHOR_EN = /(?:the|this|that|same)\s+$/i;
const NEXT_AR = /(?<=\s)(?:[وفبلك]|لل)?(?:ال)?(?:زياره|لقاء|اجتماع|التقي|زار|اتصال|جلسه)(?![\u0621-\u064A])/;
const NEXT_EN = /(?<=\s)(?:met|visited|meeting|visit|call)(?![A-Za-z])/;

/** Detect meetings and visits. `dates` (already detected) fill the date field. */
export function detectMeetings(ctx: DetectContext, dates: RawDetection[] = []): RawDetection[] {
  const { norm, map } = ctx.nz;
  const out: RawDetection[] = [];
  const ar = ctx.lang === "ar";
  const verbRe = ar ? AR_VERB_RE : EN_VERB_RE, nounRe = ar ? AR_NOUN_RE : EN_NOUN_RE;
  const verbs = ar ? AR_VERBS : EN_VERBS, nouns = ar ? AR_NOUNS : EN_NOUNS;
  const occ = new Occupancy(norm.length);
  const sortedDates = [...dates].sort((a, b) => a.start - b.start);

  const clauseEnd = (from: number, max: number) => {
    const lim = Math.min(norm.length, from + max);
    for (let i = from; i < lim; i++) if (/[.؛\n!?؟(:"“«]/.test(norm[i])) return i;
    return lim;
  };
  const emit = (s: number, trigEnd: number, kind: Kind, conf: number, verb: boolean) => {
    const ce = clauseEnd(trigEnd, 140);
    const clause = norm.slice(trigEnd, ce);
    // Span: trigger to the end of the first comma-free stretch (or through one appositive for verbs).
    const commas = [...clause.matchAll(/[،,]/g)].map((x) => x.index!);
    let e = trigEnd + (commas.length ? commas[verb && ar && commas.length > 1 && commas[1] < 70 ? 1 : 0] : clause.length);
    // At most eight words after the trigger, and never into the next meeting trigger.
    const words = [...norm.slice(trigEnd, e).matchAll(/\S+/g)];
    if (words.length > 8) e = trigEnd + words[7].index! + words[7][0].length;
    const nextTrig = norm.slice(trigEnd + 1, e).search(ar ? NEXT_AR : NEXT_EN);
    if (nextTrig >= 0) e = trigEnd + 1 + nextTrig;
    while (e > trigEnd && /[\s،,]/.test(norm[e - 1])) e--;
    if (!occ.free(s, e)) return;
    occ.take(s, e);
    const origClause = ctx.nz.orig.slice(map[trigEnd], map[ce]);
    out.push(mk(ctx, "meeting", s, e, { participants: participants(origClause, ar), place: place(origClause, ar), date: dateIn(s, ce), kind }, conf));
  };
  const dateIn = (s: number, ce: number) => {
    const a = map[s], b = map[Math.min(ce + 30, norm.length)];
    const k = lowerBound(sortedDates, a);
    const d = k < sortedDates.length && sortedDates[k].start < b ? sortedDates[k] : undefined;
    return d && "value" in d.fields ? (d.fields.value as string | null) : null;
  };

  for (const m of norm.matchAll(verbRe)) {
    const s = m.index! + m[0].indexOf(m[1]);
    let start = s;
    if (!ar) {
      // English SVO: the subject precedes the verb; start the span at the clause start.
      const ss = Math.max(sentenceStart(norm, s), s - 60);
      const c = norm.lastIndexOf(",", s);
      start = c >= ss ? c + 1 : ss;
      while (/\s/.test(norm[start])) start++;
    }
    emit(start, m.index! + m[0].length, kindOf(verbs, m[1]), 0.85, true);
  }
  for (const m of norm.matchAll(nounRe)) {
    const s = m.index! + m[0].indexOf(m[1]);
    const e = m.index! + m[0].length;
    const after = norm.slice(e, e + 60);
    const before = norm.slice(Math.max(0, m.index! - 8), m.index!);
    if ((ar ? ANAPHOR_AR : ANAPHOR_EN).test(before) && !(ar ? /^\s+(?:الذي|التي)/ : /^\s+(?:between|with)/).test(after)) continue;
    if (!(ar ? AR_CUE : EN_CUE).test(after)) continue;
    let start = ar && /^ال/.test(norm.slice(m.index!, s + 2)) ? s : s;
    // Include "ال" of the noun in the span.
    if (ar && norm.slice(s - 2, s) === "ال") start = s - 2;
    emit(start, e, kindOf(nouns, m[1]), 0.7, false);
  }
  return out;
}

/** Cut a phrase at the first Arabic stop word / punctuation, keep at most `max` words. */
function phrase(t: string, max = 6): string {
  const cut = t.split(/[،,.:;؛()"“”«»\n]/)[0];
  const stop = /(?:^|\s)(?:في|خلال|عقب|بعد|قبل|على|الي|إلى|من|عن|حول|لمناقشه|لمناقشة|لبحث|الذي|التي|الذين|حيث|تعتبر|ناقش|بحث|on|in|at|to|for|after|before|and\s+signed|which|who)(?=\s|$)/.exec(cut);
  return (stop ? cut.slice(0, stop.index) : cut).trim().split(/\s+/).slice(0, max).join(" ");
}

function participants(clause: string, ar: boolean): string[] {
  const outp: string[] = [];
  const add = (p: string) => { const v = p.trim(); if (v && !outp.includes(v) && outp.length < 6) outp.push(v); };
  if (ar) {
    const m = /(?:^|\s)(?:مع|بين|ب(?=ال|امير|رئيس|وزير|عدد))\s*([^،,.:]+)/.exec(clause);
    const first = phrase(clause.replace(/^\s*(?:خلالها|خلاله)\s+/, ""));
    if (first && !/^(?:مع|بين|ب)/.test(first) && !/^(?:الذي|التي)/.test(first)) add(first.replace(/\s+(?:مع|بين)\s.*$/, ""));
    // "و" is a conjunction before "ال" or before a word that itself starts with "و" (ووزير);
    // elsewhere it is the first letter of a word (وزارة), which must not be split.
    if (m) for (const part of phrase(m[1], 8).split(/\s+و(?=ال|و)/)) add(part);
  } else {
    const m = /\b(?:between|with)\s+([^,.;]+)/.exec(clause);
    if (m) for (const part of phrase(m[1], 6).split(/\s+and\s+/)) add(part);
  }
  return outp.map((p) => (ar ? cleanArabicParticipant(p) : p)).filter((p) => p && !/^(?:جمع|جمعت|الذي|التي|عقد)/.test(p));
}

/** Words that describe a meeting rather than name someone in it. */
const NOT_PARTICIPANT = /^(?:مكثفة|مكثفه|العسكرية|العسكريه|عدد|حكومة|حكومه|لقيادات|قيادات)$/;

/**
 * Tidy one Arabic participant: drop a leading "ل" preposition (لمجلس → مجلس, للجامعة →
 * الجامعة) and cut at the first attached place or quantity phrase (أكار للدوحة → أكار,
 * الوزير التركي بمقر → الوزير التركي). Empty when nothing names a participant.
 */
function cleanArabicParticipant(p: string): string {
  const words = p.split(/\s+/).filter(Boolean);
  if (words.length === 0) return "";
  words[0] = words[0].replace(/^لل(?=\S)/, "ال").replace(/^ل(?=(?:مجلس|وزير|وزارة|وزاره|رئيس|حكومة|حكومه|أمير|امير)\S*$)/, "");
  const cut = words.findIndex((w, i) => i > 0 && /^(?:لل|بال|بمقر|بعدد|ب(?=\S{2,}$)(?!ن\b))/.test(w));
  const kept = (cut > 0 ? words.slice(0, cut) : words).filter((w) => !NOT_PARTICIPANT.test(w));
  return kept.join(" ");
}

const NOT_PLACE = /^(?:إطار|اطار|خلال|ظل|وقت|الوقت|هذا|ذلك|حكومة|حكومه|بيان|ضوء|ختام|مقر|التدخل|التنسيق|حين|أن|ان|سبيل|[\d٠-٩])/;
function place(clause: string, ar: boolean): string | null {
  const re = ar
    ? /(?:^|\s)(?:إلى|الى|إلي|في)\s+((?:العاصمة\s+\S+\s+)?[^\s،,.:\d]+)|(?:^|\s)لل([^\s،,.:]+)/g
    : /\s(?:in|to)\s+((?:[A-Z][a-z]+\s?){1,3})/g;
  for (const m of clause.matchAll(re)) {
    const p = (m[1] ?? (m[2] ? `ال${m[2]}` : "")).trim();
    if (p && !NOT_PLACE.test(p)) return p;
  }
  return null;
}
