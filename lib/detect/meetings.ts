import type { DetectContext, RawDetection } from "./util";
import { WB, WE, PFX, mk, sentenceStart, Occupancy, lowerBound } from "./util";
import { AR_LIGHT_VERBS, AR_RESUMPTIVE_VERBS, arParticipants, enParticipants } from "./participants";
import { arPhraseAt, arShape, arStop, isLexicon, isOrgOrTitle, tokens } from "./entities";
import { fold } from "./normalize";
import { findQuoteSpans } from "./quotes";

type Kind = "meeting" | "visit" | "call" | "session" | "summit";

/**
 * Meetings, visits, calls, sessions and summits. Verbs (التقى، زار، اجتمع، استقبل; met,
 * visited, held talks) always assert an event. Nouns (اجتماع، لقاء، زيارة، اتصال، جلسة، قمة;
 * meeting, visit, call, talks) are reported only with a cue that they name a concrete event:
 * participants (بين، مع، جمع، ل/لل + noun), a destination (إلى), or a relative clause
 * (الذي جمع، التي أجراها). A demonstrative ("هذه الزيارة", "the meeting") is an anaphor of an
 * event already reported, so it is skipped.
 */

/** Nouns with a possessive pronoun ("لقائه", "لقاءاتهم", "زيارته"): the possessor takes part. */
const POSSESSIVE_MEETING = "استقباله|استقبالها|استقبالهم|لقائه|لقائها|لقائهم|لقائهما|لقاءاته|لقاءاتها|لقاءاتهم|اجتماعه|اجتماعها|اجتماعهم|اجتماعاته|مباحثاته|مباحثاتهم";
const POSSESSIVE_VISIT = "زيارته|زيارتها|زيارتهم|زياراته";
const POSSESSIVE_RE = new RegExp(`^(?:${POSSESSIVE_MEETING}|${POSSESSIVE_VISIT})$`);

const AR_VERBS: Array<[string, Kind]> = [
  ["التقي|التقت|يلتقي|تلتقي|سيلتقي|ستلتقي|التقوا|اجتمع|اجتمعت|يجتمع|تجتمع|سيجتمع|اجتمعوا|استقبل|استقبلت|يستقبل|تستقبل", "meeting"],
  ["زار|زارت|يزور|تزور|سيزور|ستزور|زاروا", "visit"],
  ["هاتف|هاتفت", "call"],
  // "تحدث الرئيس هاتفياً مع …", "اتصل الوزير بنظيره": speaking by phone, calling someone.
  ["(?:تحدث|تحدثت|يتحدث|تتحدث|تحادث|تحادثت)(?=(?:\\s+[^\\s.،,؛:\\n]+){0,5}?\\s+هاتفيا)", "call"],
  ["(?:اتصل|اتصلت|يتصل|تتصل)(?=(?:\\s+[^\\s.،,؛:\\n]+){0,5}?\\s+(?:هاتفيا|بنظير|ب(?:ال)?(?:رئيس|وزير|ملك|امير|مبعوث|سفير|امين)(?![\\u0621-\\u064A])))", "call"],
  // "تلقى الرئيس اتصالاً هاتفياً من …": receiving a call from someone.
  ["(?:تلقي|تلقت|يتلقي|تتلقي)(?=(?:\\s+[^\\s.،,؛:\\n]+){0,5}?\\s+اتصالا(?:\\s+هاتفيا)?\\s+من\\s)", "call"],
  // "بحث الوزير مع نظيره …", "يبحث مع": discussing *with* someone is talks.
  ["(?:بحث|بحثت|يبحث|تبحث|بحثا|ناقش|ناقشت|يناقش|تناقش|تباحث|تباحثت|يتباحث|يتباحثان)(?=(?:\\s+[^\\s.،,؛:\\n]+){0,6}?\\s+مع\\s)", "meeting"],
];
const AR_NOUNS: Array<[string, Kind]> = [
  ["اجتماع|اجتماعا|اجتماعات|لقاء|لقاءات|مباحثات|محادثات|مشاورات", "meeting"],
  [`${POSSESSIVE_MEETING}`, "meeting"],
  [`زياره|زيارات|الزيارتين|${POSSESSIVE_VISIT}`, "visit"],
  ["اتصال|اتصالا|اتصالات|مكالمه", "call"],
  ["جلسه|جلسات", "session"],
  // A conference is a summit when it has participants or a host (not "مؤتمر صحفي").
  ["قمه|مؤتمر|مؤتمرا", "summit"],
];
const EN_VERBS: Array<[string, Kind]> = [
  ["met|meets|met\\s+with|(?:had|held|has|have)\\s+(?:a\\s+)?discussions?(?=\\s+with\\s)|(?<=(?:ministers|leaders|presidents|officials|envoys|diplomats|counterparts|delegations|chiefs)\\s)meet(?=\\s|$)|held\\s+talks|holds\\s+talks|(?<=[A-Za-z]s\\s)hold\\s+talks|held\\s+(?:a\\s+)?meetings?|holds\\s+(?:a\\s+)?meetings?|(?<=(?:will|would|to|shall|may|might|could)\\s+)hold\\s+(?:talks|(?:a\\s+)?meetings?)|hosted|hosts|received|receives", "meeting"],
  ["visited|visits|toured", "visit"],
  ["spoke\\s+by\\s+(?:tele)?phone|phoned", "call"],
];
const EN_NOUNS: Array<[string, Kind]> = [
  ["meeting|meetings|talks|discussions|dinner|luncheon|banquet", "meeting"],
  ["visit|visits|trip|tour", "visit"],
  ["(?:phone\\s+|telephone\\s+)?call|phone\\s+conversation", "call"],
  ["session", "session"],
  ["summit", "summit"],
];

const build = (list: Array<[string, Kind]>, ar: boolean) =>
  new RegExp(ar ? `${WB}${PFX}(?:ال|ل)?(${list.map((x) => x[0]).join("|")})${WE}` : `(?<![A-Za-z])(${list.map((x) => x[0]).join("|")})(?![A-Za-z])`, ar ? "g" : "gi");
/** Each list's alternatives as whole-word tests, compiled once (kindOf runs per trigger). The
 * lookahead tail of an alternative is cut off, as before: kinds only tell nouns apart. */
const kindTests = new Map<Array<[string, Kind]>, Array<[RegExp, Kind]>>();
const kindOf = (list: Array<[string, Kind]>, word: string): Kind => {
  let tests = kindTests.get(list);
  if (!tests) kindTests.set(list, (tests = list.map(([alt, k]) => [new RegExp(`^(?:${alt.replace(/\(\?=.*$/, "")})$`, "i"), k])));
  for (const [re, k] of tests) if (re.test(word)) return k;
  return "meeting";
};
const AR_VERB_RE = build(AR_VERBS, true), AR_NOUN_RE = build(AR_NOUNS, true);
const EN_VERB_RE = build(EN_VERBS, false), EN_NOUN_RE = build(EN_NOUNS, false);
/** Bare "meet" is a meeting only with a partner or a place ("to meet with X", "would meet in
 * New Delhi"), not "meet each other" or "meet the challenges". Case-sensitive on purpose. */
const EN_MEET_RE = /(?<![A-Za-z])(meet)(?=\s+(?:with\s|in\s+[A-Z]|[A-Z]|(?:(?:the|his|her|their|its|top|senior|[A-Z][a-z]+)\s+){0,3}(?:president|minister|secretary|envoy|ambassador|leaders?|leadership|officials|counterparts?|delegation|king|emir|premier|chancellor)\b))/g;
/** "discussed X with Y": discussing *with* a named person or a titled one is talks (not "discussed
 * cooperation with neighbouring states"). Case-sensitive on purpose. */
const EN_DISCUSS_RE = /(?<![A-Za-z])(discuss(?:ed|es)?)(?=(?:\s+[^\s.,;:]+){0,8}?\s+with\s+(?:[A-Z]|(?:a|an|the|his|her|their|its)\s+(?:[a-z-]+\s+){0,2}(?:president|minister|secretary|envoy|ambassador|official|officials|delegation|counterpart|leaders?|representatives?|coordinator|commander|chief)\b))/g;
/** "Foreign ministers A B and C D discussed …": a reciprocal verb with two coordinated names as subject. */
const EN_RECIP_RE = /(?<![A-Za-z])(discuss(?:ed)?)(?=\s)(?<=[A-Z][\w-]+\s+and\s+(?:[A-Z][\w-]+\s+){1,3}discuss(?:ed)?)/g;
/** "X briefed the Security Council", "in a speech to the UN General Assembly": an address to a
 * body is a session of it (the English side of «كلمة أمام المجلس»). Case-sensitive on purpose. */
const EN_ADDRESS_RE = /(?<![A-Za-z])(addressed|addresses|briefed|briefs|(?:speech|address|statement|briefing|remarks)\s+(?:to|before|at))\s+the\s+((?:UN\s+|U\.N\.\s+|United\s+Nations\s+)?(?:Security\s+Council|General\s+Assembly|Human\s+Rights\s+Council|Council|Assembly))(?![A-Za-z'’])/g;
/** Bare "visit" is a verb after a modal or "to" ("will also visit China", "plans to visit the
 * Gulf"), with a named destination. */
const EN_VISIT_RE = /(?<![A-Za-z])(visit)(?=\s+(?:the\s+)?[A-Z])(?<=(?:^|\s)(?:will|would|shall|to|may|might|could|must)\s+(?:also\s+|then\s+|later\s+|soon\s+|first\s+)?visit)/g;

/** Cue right after an Arabic noun (first three words). */
const AR_CUE = new RegExp(String.raw`^(?:\s+[^\s.،,؛:\n]+){0,2}?\s+(?:بين|مع|الي|جمع|جمعت|ضم|ضمت|بنظير[\u0621-\u064A]*|ب(?:ال)?(?:رئيس|وزير|ملك|امير|مبعوث|سفير|امين|ممثل|مندوب)(?![\u0621-\u064A])|لل[\u0621-\u064A]{2,}|ل[\u0621-\u064A]{4,})(?![\u0621-\u064A])|^(?:\s+[^\s.،,؛:\n]+)?\s+(?:الذي|التي|الذين|اللذين)\s|^\s+(?:${AR_RESUMPTIVE_VERBS})(?:ها|ه|هما)\s`);
const EN_CUE = /^(?:\s+[A-Za-z'’-]+){0,2}?\s+(?:between|with|in\s+(?:the\s+)?(?:[a-z]+\s+)?(?!(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)[A-Z]|to\s+(?:the\s+[a-z]+|[A-Z])|of\s+(?:the\s+)?[A-Z])|^\s+on\s+the\s+(?:sidelines|margins)\s/;
/** After a possessive noun: a title, an organisation or a delegation starts its object. */
const POSSESSIVE_OBJ = /^\s+(?:[وبل]?(?:ال)?(?:وفد|وفدا|وزير|رئيس|سفير|مبعوث|ممثل|مساعد|امين|مندوب|نائب|الرئيس|الوزير|لجنه|مجلس|الملك|الامير)|مع\s)/;
/** "his …", "her …", "their …" with at most three modifiers before an English meeting noun. */
const EN_POSS_DET = /(?:^|\s)(?:his|her|their|His|Her|Their)\s+(?:(?!(?:to|and|the|of|in|on|at|with|for|was|is|had|has|a|an)\s)[\w-]+\s+){0,3}$/;
/** After an English meeting noun, words that make it a concrete event: it took place / was
 * held, or a day or date follows ("an informal meeting on Wednesday"). */
const EN_EVENT_CUE = /^\s+(?:(?:took|takes|will\s+take)\s+place|(?:was|were|is|are|will\s+be|has\s+been|had\s+been)\s+held|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|\d))(?![A-Za-z])/;
/** The word after a noun is a title or an organisation head (the noun's genitive). */
const AR_GENITIVE_TITLE = (after: string): boolean => {
  const w = /^\s+([\u0621-\u064A]+)/.exec(after)?.[1];
  if (!w) return false;
  const sh = arShape(w);
  return !sh.prep && sh.cut === 0 && !sh.def && isOrgOrTitle(sh.core);
};
/** After "met": a determiner and lower-case words ending in a noun that is not a person, title or group noun. */
const EN_NON_PERSON_OBJ = /^\s+(?:the|its|their|all|these|those|such|new|many)\s+(?:[a-z-]+\s+){0,2}?(?!(?:president|minister|secretary|envoy|ambassador|spokes\w*|chancellor|king|queen|prince|emir|premier|leaders?|leadership|officials?|diplomats?|counterparts?|delegations?|representatives?|commissioner|mediator|coordinator|director|chief|governor|mayor|general|senator|chairman|chair|press|media|journalists|reporters|families|family|members?|heads?|people|residents|students|workers|group|groups|team|committee|council|board|victims|survivors|troops|soldiers|officers|clerics|elders|activists|opposition|rebels|ministers|presidents|lawmakers|mps|parties|sides)\b)[a-z]+s?(?=\s*[,.;]|\s+(?:of|with|in|on|and|for|by|at)\b)/;
/** "inter-Korean ", "US-China ", "Russian-Japanese " right before an English meeting noun. */
const EN_RELATIONAL = /(?:^|[\s(])((?:[Ii]nter-[A-Z][a-z]+)|(?:[A-Z][A-Za-z.]*-[A-Z][A-Za-z.]*(?:-[A-Z][A-Za-z.]*)?))\s+$/;
/** A capitalised name ending in a body noun ("UN Security Council", "General Assembly"). */
const EN_BODY_END = /(?:Council|Assembly|Committee|Commission|Cabinet|Parliament|Senate|Congress|Board)\s+$/;
/** Leading Arabic time words (اليوم الثلاثاء، أمس) after a noun. */
const skipTimeWords = (a: string): string => {
  let x = a;
  for (let k = 0; k < 3; k++) {
    const w = /^\s+([^\s.،,؛:\n]+)(?=\s)/.exec(x);
    if (!w || !(arStop(w[1]) || /^\d/.test(w[1]))) break;
    x = x.slice(w[0].length);
  }
  return x;
};
/** "سيشارك في الاجتماع أيضا X": a participation verb right before the event noun names a
 * (new) participant, the verb's postposed subject. */
const AR_PARTICIPATE_RE = new RegExp(`${WB}[وف]?س?(?:شارك|شاركت|يشارك|تشارك|يشاركون|شاركوا|شاركا|يشاركان)\\s+في\\s+ال(اجتماع|اجتماعات|جلسه|لقاء|قمه|مشاورات|محادثات|مباحثات)${WE}`, "g");
/** "في كلمة أمام الجمعية العامة", "وفي خطابه أمام المجلس": an address before a body is a
 * session of that body; the speaker is the sentence subject. */
const AR_ADDRESS_RE = new RegExp(`${WB}[وف]?[بفل]?(?:ال)?(كلمه|كلمته|كلمتها|خطاب|خطابه|خطابها|افاده|افادته|افادتها)\\s+(?:[^\\s.،,؛:]+\\s+)?امام(?=\\s+([^\\s.،,؛:]+))`, "g");
const ANAPHOR_AR = /(?:هذه|هذا|تلك|ذلك|نفس|هي|هو)\s+$/;
const ANAPHOR_EN = /(?:the|this|that|same)\s+$/i;
const NEXT_AR = /(?<=\s)(?:[وفبلك]|لل)?(?:ال)?(?:زياره|لقاء|اجتماع|التقي|زار|اتصال|جلسه)(?![\u0621-\u064A])/;
const NEXT_EN = /(?<=\s)(?:met|visited|meeting|visit|call)(?![A-Za-z])/;

/** A light verb (عقد، أجرى، قام ب) at the start of the clause, then its subject phrase, right before the noun at `s`. */
const LIGHT_HOLD = new RegExp(String.raw`(?:^|[\s،,])[وف]?(?:${AR_LIGHT_VERBS})\s+((?:[^\s.،,؛:]+\s+){1,12}?)(?:[^\s.،,؛:]*ه\s+)?ب?$`);
const LIGHT_HOLD_SVO = /(?:^|[\s،,])(?:[وف]?(?:كان|كانت)\s+)?((?:[^\s.،,؛:]+\s+){1,6}?)(?:قد\s+)?(?:عقد|عقدت|س?يعقد|س?تعقد|اجري|اجرت|س?يجري|س?تجري)\s+$/;
function heldBySubject(ctx: DetectContext, s: number): boolean {
  const norm = ctx.nz.norm;
  const from = Math.max(sentenceStart(norm, s, 200), s - 140);
  // A comma-enclosed time adverbial ("، اليوم الأحد،") is blanked so it does not cut the clause.
  const pre = norm.slice(from, s).replace(/[،,]((?:\s+[^\s.،,؛:]+){1,3})\s*[،,]/g, (x, b: string) => (b.trim().split(/\s+/).every((w) => arStop(w)) ? " ".repeat(x.length) : x));
  // Verb first (VSO), or the subject first ("وكان مجلس الأمن قد عقد جلسة", "المجلس يعقد جلسة").
  const vso = LIGHT_HOLD.exec(pre);
  // SVO inside reported speech ("قال إن المجلس سيعقد جلسة", "أن \"المجلس سيعقد"): the subject starts
  // after the last complementiser or quotation mark.
  const cm = vso ? null : /^.*(?:(?:^|\s)(?:ان|بان|لان)\s|["«“])/.exec(pre);
  const off = cm ? cm[0].length : 0;
  const m = vso ?? LIGHT_HOLD_SVO.exec(pre.slice(off));
  if (!m) return false;
  const a = from + (vso ? 0 : off) + m.index! + m[0].indexOf(m[1]);
  const t = tokens(ctx, a, a + m[1].length);
  if (!t.length || arStop(t[0].w)) return false;
  const r = arPhraseAt(ctx, t, 0, true);
  // The subject must be a title, a body or a titled name, not a generic noun ("الجانبان"); in
  // SVO it must fill the whole stretch before the verb.
  return !!r && (r.p.role !== null || r.p.kind === "org") && (vso !== null || r.next === t.length);
}

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
    for (let i = from; i < lim; i++) {
      // "بمشاركة 12 دولة، هي: …": a colon after هي/هم opens the list of participants.
      if (norm[i] === ":" && /(?:^|\s)و?(?:هي|هم)\s*$/.test(norm.slice(Math.max(0, i - 6), i))) continue;
      if (/[.؛\n!?؟(:]/.test(norm[i])) return i;
    }
    return lim;
  };
  const nextTrigAt = (from: number) => {
    const k = norm.slice(from + 1, from + 200).search(ar ? NEXT_AR : NEXT_EN);
    return k < 0 ? norm.length : from + 1 + k;
  };
  // English first-person speech inside a direct quote ("I had a discussion with …", "my meeting
  // with …"): the speaker's own account belongs to the quote claim. Arabic already excludes it:
  // first-person forms (التقيت، لقائي) are not triggers.
  const qspans = ar ? [] : findQuoteSpans(norm);
  const firstPersonInQuote = (at: number): boolean => {
    let lo = 0, hi = qspans.length - 1, k = -1;
    while (lo <= hi) { const mid = (lo + hi) >> 1; if (qspans[mid].s <= at) { k = mid; lo = mid + 1; } else hi = mid - 1; }
    if (k < 0 || at >= qspans[k].e) return false;
    const seg = norm.slice(Math.max(qspans[k].s + 1, at - 150), at);
    const cut = Math.max(seg.lastIndexOf(". "), seg.lastIndexOf("? "), seg.lastIndexOf("! "));
    return /(?:^|[^A-Za-z'’])(?:I|my|My|we|We|our|Our|me|us)(?![A-Za-z'’])/.test(cut >= 0 ? seg.slice(cut + 2) : seg);
  };
  const emit = (s: number, trigEnd: number, kind: Kind, conf: number, verb: boolean, possessive = false, trigStart = s): number => {
    if (!ar && firstPersonInQuote(trigStart)) return trigEnd;
    const ce = clauseEnd(trigEnd, 140);
    const clause = norm.slice(trigEnd, ce);
    // Span: trigger to the end of the first comma-free stretch (or through one appositive for verbs).
    const commas = [...clause.matchAll(/[،,]/g)].map((x) => x.index!);
    let e = trigEnd + (commas.length ? commas[verb && ar && commas.length > 1 && commas[1] < 70 ? 1 : 0] : clause.length);
    // At most eight words after the trigger, and never into the next meeting trigger.
    const words = [...norm.slice(trigEnd, e).matchAll(/\S+/g)];
    if (words.length > 8) e = trigEnd + words[7].index! + words[7][0].length;
    // Reported speech after the event is not part of it: "… مجلس الأمن إن الوضع …", "… that".
    // A relative adverb opens another clause ("a visit to Muscat where he met …").
    const comp = norm.slice(trigEnd, e).search(ar ? /\s(?:ان|انه|انها|بان)(?=\s|$)/ : /\s(?:that|said|says|where|whereupon)(?=\s|$)/);
    if (comp > 0) e = trigEnd + comp;
    const nextTrig = norm.slice(trigEnd + 1, e).search(ar ? NEXT_AR : NEXT_EN);
    if (nextTrig >= 0) e = trigEnd + 1 + nextTrig;
    while (e > trigEnd && /[\s،,]/.test(norm[e - 1])) e--;
    if (!occ.free(s, e)) return e;
    occ.take(s, e);
    const origClause = ctx.nz.orig.slice(map[trigEnd], map[ce]);
    const parts = ar ? arParticipants(ctx, trigStart, trigEnd, ce, verb, possessive, kind) : enParticipants(ctx, trigStart, trigEnd, Math.min(ce, nextTrigAt(trigEnd)), verb, kind, possessive);
    out.push(mk(ctx, "meeting", s, e, { participants: parts, place: place(origClause, ar), date: dateIn(s, ce), kind }, conf));
    return e;
  };
  const dateIn = (s: number, ce: number) => {
    const a = map[s], b = map[Math.min(ce + 30, norm.length)];
    const k = lowerBound(sortedDates, a);
    const d = k < sortedDates.length && sortedDates[k].start < b ? sortedDates[k] : undefined;
    return d && "value" in d.fields ? (d.fields.value as string | null) : null;
  };

  if (ar) {
    for (const m of norm.matchAll(AR_PARTICIPATE_RE)) emit(m.index!, m.index! + m[0].length, kindOf(nouns, m[1]), 0.75, true);
    for (const m of norm.matchAll(AR_ADDRESS_RE)) {
      const sh = arShape(m[2]);
      if (!sh.def || !isOrgOrTitle(sh.core)) continue;
      const s = m.index! + m[0].indexOf(m[1]);
      emit(norm.slice(s - 2, s) === "ال" ? s - 2 : s, m.index! + m[0].length, "session", 0.7, false, true, s);
    }
  }
  if (!ar) {
    for (const m of norm.matchAll(EN_ADDRESS_RE)) {
      const s = m.index!;
      const verbal = /^(?:addressed|addresses|briefed|briefs)$/.test(m[1]);
      const ss = Math.max(sentenceStart(norm, s), s - 60);
      const c = norm.slice(ss, s).lastIndexOf(",");
      let start = verbal ? (c >= 0 ? ss + c + 1 : ss) : s;
      while (/\s/.test(norm[start])) start++;
      const n0 = out.length;
      emit(start, s + m[0].length, "session", 0.75, verbal, false, s);
      if (out.length > n0) {
        const f = out[out.length - 1].fields as { participants: string[] };
        f.participants = [m[2], ...f.participants.filter((x) => x !== m[2])];
        // "In a speech to …, X called …": the main clause's subject is the speaker.
        if (!verbal && f.participants.length === 1) {
          const who = /^[^.;]*?,\s+((?:[A-Z][\w.-]*\s+){1,6}[A-Z][\w-]+)/.exec(norm.slice(s + m[0].length, s + m[0].length + 120));
          if (who) f.participants.push(who[1]);
        }
      }
    }
  }
  let lastEnd = 0;
  const verbMatches = [...norm.matchAll(verbRe), ...(ar ? [] : [...norm.matchAll(EN_MEET_RE), ...norm.matchAll(EN_VISIT_RE), ...norm.matchAll(EN_DISCUSS_RE), ...norm.matchAll(EN_RECIP_RE)])].sort((a, b) => a.index! - b.index!);
  let prevIdx = -1;
  for (const m of verbMatches) {
    const s = m.index! + m[0].indexOf(m[1]);
    if (s === prevIdx) continue; // the same verb found by two patterns
    prevIdx = s;
    let start = s;
    if (!ar) {
      // English SVO: the subject precedes the verb; start the span at the clause start.
      // English SVO: the subject precedes the verb; start the span at the clause start (after
      // a comma, or after an earlier meeting in the same sentence: "… and in Riyadh he met …").
      const ss = Math.max(sentenceStart(norm, s), s - 60, lastEnd);
      const c = norm.slice(ss, s).lastIndexOf(",");
      start = c >= 0 ? ss + c + 1 : ss;
      // "… concluded a visit to Muscat where he met …": a relative adverb opens a new clause, so
      // the event noun before it stays an event of its own.
      const rel = /^.*\s(?:where|whereupon|when)\s/.exec(norm.slice(start, s));
      if (rel) start += rel[0].length;
      while (/\s/.test(norm[start])) start++;
    }
    // "On previous visits to Tripoli, X had met …", "In past years, X met …": an iterative past
    // adverbial opening the sentence makes the verb a habit, not a datable event.
    if (!ar && /^\s*(?:On|In|During|Over|At)\s+(?:(?:the|his|her|their)\s+)?(?:previous|past|earlier|prior|former|several|many|numerous|repeated)\s+[a-z]+s\b/.test(norm.slice(sentenceStart(norm, s), s))) continue;
    // Passive "to be met", "have not been met": a requirement, not a meeting ("was met by" stays).
    if (!ar && m[1] === "met" && /(?:^|\s)(?:be|been|being|is|are|was|were)\s+(?:\w+\s+)?$/.test(norm.slice(Math.max(0, s - 30), s)) && !/^\s+by\s/.test(norm.slice(s + 3, s + 10))) continue;
    // "met the challenges", "meets the criteria": an English meeting verb whose object is a
    // common noun that names no person or group is not a meeting.
    if (!ar && /^(?:met|meets|meet)$/i.test(m[1]) && EN_NON_PERSON_OBJ.test(norm.slice(m.index! + m[0].length, m.index! + m[0].length + 60))) continue;
    lastEnd = Math.max(lastEnd, emit(start, m.index! + m[0].length, m[1] === "visit" ? "visit" : kindOf(verbs, m[1]), 0.85, true, false, s));
  }
  for (const m of norm.matchAll(nounRe)) {
    const s = m.index! + m[0].indexOf(m[1]);
    const e = m.index! + m[0].length;
    const after = norm.slice(e, e + 60);
    const before = norm.slice(Math.max(0, m.index! - 8), m.index!);
    // "the meeting in Shahat between X and Y", "the visit of Minister X": a definite noun whose
    // parties follow is a first mention, not an anaphor.
    const anaphor = (ar ? ANAPHOR_AR : ANAPHOR_EN).test(before);
    if (anaphor && !(ar ? /^\s+(?:الذي|التي)/ : /^(?:\s+[^\s,.;]+){0,3}?\s+(?:between|with|in\s+the\s+presence\s+of)\s|^\s+of\s+(?:the\s+)?[A-Z]/).test(after)) continue;
    // "a dinner attended by …": a meal is a meeting only with the people attending or hosting it.
    const meal = !ar && /^(?:dinner|luncheon|banquet)$/i.test(m[1]);
    const attended = !ar && /^\s+(?:(?:attended|hosted|given|offered)\s+by|in\s+honou?r\s+of)\s/.test(after);
    if (meal && !attended) continue;
    // "the first Chinese minister to make an official trip to …": a record, not an event.
    if (!ar && /(?:^|\s)the\s+(?:first|last|only)\s+(?:[^\s.;]+\s+){0,5}?to\s+(?:make|pay|undertake)\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}$/i.test(norm.slice(Math.max(0, s - 90), s))) continue;
    // A capitalised name before an English meeting noun: an acronym of a body ("the UNSC
    // meeting") is the participant; a longer name ("the Asia Pacific Economic Cooperation
    // meeting") names a conference, which is not a meeting claim.
    // "his first official Russian visit", "their talks": a possessive determiner makes the
    // noun a concrete event of the pronoun's antecedent (its modifiers may be capitalised).
    // "all his meetings", "in each of their visits": a quantified possessive is generic.
    if (!ar && /(?:^|\s)(?:all|every|each|many|several|most|some)\s+(?:of\s+)?(?:his|her|their)\s+(?:[\w-]+\s+){0,2}$/i.test(norm.slice(Math.max(0, s - 40), s))) continue;
    // "X's trip to …": a possessive proper name makes the noun X's event, like "his".
    const possName = !ar && /(?:^|\s)[A-Z][\w-]*['’]s\s+(?:(?!(?:to|and|the|of|in|with)\s)[a-z][\w-]*\s+){0,2}$/.test(norm.slice(Math.max(0, s - 40), s));
    const possDet0 = !ar && EN_POSS_DET.test(norm.slice(Math.max(0, s - 50), s));
    // "During his visit, the envoy also met …": a bare possessive noun closed by a comma in a fronted
    // adverbial refers back to the visit already reported.
    if (possDet0 && /^,/.test(after) && /(?:^|[.\n]\s*)(?:During|In|On|After|Before|Throughout)\s+(?:his|her|their)\s+\S+$/.test(norm.slice(Math.max(0, s - 40), e))) continue;
    const possDet = possDet0 || possName;
    // A relational adjective names the parties: "the inter-Korean summit", "US-China talks",
    // "the Russian-Japanese meeting". The event is concrete; X-Y gives the participants.
    const rel = ar ? null : EN_RELATIONAL.exec(norm.slice(Math.max(0, s - 40), s));
    if (rel) {
      const n0 = out.length;
      const relStart = s - rel[0].length + rel[0].indexOf(rel[1]);
      emit(relStart, e, kindOf(nouns, m[1]), 0.7, false, false, s);
      if (out.length > n0) {
        const f = out[out.length - 1].fields as { participants: string[] };
        // "US-China" counts as its two parties; "inter-Korean" names none on its own.
        const parties = /^inter-/i.test(rel[1]) ? [] : rel[1].split("-");
        f.participants = [...parties, ...f.participants.filter((x) => x !== rel[1] && !parties.includes(x) && !x.includes(rel[1]))];
      }
      continue;
    }
    const namedBefore = ar || possDet0 ? null : /[^.\n\s]\s+((?:[A-Z][\w-]*\s+)+)$/.exec(norm.slice(Math.max(0, s - 60), s));
    const bodyAcronym = namedBefore && /^[A-Z]{2,6}\s+$/.test(namedBefore[1]);
    // "The UN Security Council meeting": a name ending in a body noun is a body that meets.
    const bodyName = !!namedBefore && EN_BODY_END.test(namedBefore[1]);
    if (namedBefore && !bodyAcronym && !bodyName) continue;
    // "جلسة لهم", "اجتماع له": ل + a pronoun right after the noun marks its possessor.
    const possL = ar ? /^\s+(?:له|لها|لهم|لهما)(?=[\s،,.]|$)/.exec(after) : null;
    const possessive = ar && (POSSESSIVE_RE.test(m[1]) || !!possL);
    if (ar && /^مؤتمر/.test(m[1]) && /^\s+(?:صحفي|صحافي|صحفيا|صحافيا)(?![\u0621-\u064A])/.test(after)) continue;
    // "… حول ليبيا بمشاركة زعماء …", "مؤتمر برلين، بمشاركة …": participants introduced by بمشاركة / بحضور.
    const withPart = ar && /^(?:\s*[^\s.،,؛:\n]+){0,4}?\s*[،,]?\s+(?:بمشاركه|بحضور)\s/.test(after);
    // "رحب … بزيارته لفلسطين": a possessive noun with ب is the complement of a verb (welcome,
    // praise) about an event already reported, unless its partners follow.
    if (possessive && /ب$/.test(norm.slice(m.index!, s)) && !POSSESSIVE_OBJ.test(after) && !/^\s+(?:مع|بين)\s/.test(after)) continue;
    // A possessive noun needs no cue word when a person or body follows ("خلال لقائه وفدا من …").
    // A comma-enclosed time adverbial does not separate a noun from its cue ("جلسة مباحثات، اليوم السبت، بين …").
    const cueAfter = ar ? after.replace(/^((?:\s+[^\s.،,؛:\n]+){0,2}?)\s*،((?:\s+[^\s.،,؛:\n]+){1,3})\s*،/, (x, a: string, b: string) => (b.trim().split(/\s+/).every((w) => arStop(w)) ? a : x)) : after;
    // Indefinite noun in construct with a title or a body: "زيارة وزير الخارجية …", "لقاء رئيس الحكومة".
    const construct = ar && !/^ال/.test(norm.slice(s, e)) && !/^ال/.test(m[1]) && AR_GENITIVE_TITLE(after);
    // "on a two-day official visit", "during a visit": being on or during a visit is an event.
    const onA = !ar && /(?:^|\s)(?:on|during|for)\s+(?:a|an)\s+(?:(?!(?:to|and|the|of|in|with)\s)[\w-]+\s+){0,3}$/i.test(norm.slice(Math.max(0, s - 50), s));
    // "عقد مجلس الأمن جلسة طارئة", "أجرى الوزير مباحثات": a light verb whose subject is a
    // title, body or name holds the event.
    const held = ar && !possessive && heldBySubject(ctx, s);
    // "his tour of …", "on a tour of …": a tour is a visit only as someone's event (not "the Tour de France").
    if (!ar && /^tours?$/i.test(m[1]) && !possDet && !onA) continue;
    // "خلال لقائه اليوم الثلاثاء وفدا من …": time words between a possessive noun and its object.
    const afterNoTime = possessive ? skipTimeWords(after) : after;
    if (!(ar ? AR_CUE : EN_CUE).test(cueAfter) && !construct && !held && !onA && !(possessive && /^\s+(?:في|الي)\s/.test(after)) && !possDet && !(!ar && EN_EVENT_CUE.test(after)) && !(possessive && POSSESSIVE_OBJ.test(afterNoTime)) && !possL && !bodyName && !withPart && !attended && !(!ar && /^[A-Z]{2,6}\s+$/.test(/(?:^|\s)(\S+\s+)$/.exec(norm.slice(Math.max(0, s - 12), s))?.[1] ?? ""))) continue;
    // Generic plural ("تنشيط الزيارات واللقاءات بين البلدين"): a definite plural whose only cue is بين + a common noun.
    if (ar && /^(?:ال)?(?:زيارات|لقاءات|اجتماعات|اتصالات)$/.test(norm.slice(s - 2 < 0 ? s : s - 2, e).replace(/^.*?(?=ال|زيار|لقاء|اجتماع|اتصال)/, "")) && /^\S*\s+(?:(?:و\S+)\s+)?بين\s+ال\S+(?:ين|ان)(?:\s|$)/.test(after)) continue;
    let start = ar && /^ال/.test(norm.slice(m.index!, s + 2)) ? s : s;
    // Include "ال" of the noun in the span.
    if (ar && norm.slice(s - 2, s) === "ال") start = s - 2;
    const n0 = out.length;
    emit(start, e + (possL ? possL[0].length : 0), kindOf(nouns, m[1]), 0.7, false, possessive || possDet || onA);
    // An anaphor ("المشاورات التي …", "the meeting … with") is kept only when it names someone new.
    // So is a definite noun whose only cue is a relative clause ("المشاورات التي استمرت …").
    const relDef = ar && /^ال/.test(norm.slice(start, e)) && /^\s+(?:الذي|التي)\s/.test(after);
    if ((anaphor || relDef) && out.length > n0 && !(out[out.length - 1].fields as { participants: string[] }).participants.length) out.pop();
  }
  return out;
}

const NOT_PLACE = /^(?:إطار|اطار|خلال|ظل|وقت|الوقت|هذا|ذلك|حكومة|حكومه|بيان|ضوء|ختام|مقر|التدخل|التنسيق|حين|أن|ان|سبيل|[\d٠-٩])/;
const EN_TIME_WORD = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/;
function place(clause: string, ar: boolean): string | null {
  const re = ar
    ? /(?:^|\s)(?:إلى|الى|إلي|في)\s+((?:العاصمة\s+\S+\s+)?[^\s،,.:\d]+)|(?:^|\s)لل([^\s،,.:]+)/g
    : /\s(?:in|to)\s+((?:[A-Z][a-z]+\s?){1,3})/g;
  for (const m of clause.matchAll(re)) {
    // "للجنة" is ل + اللجنة (a body, not a place); "للدوحة" is ل + الدوحة.
    if (m[2] && isLexicon(fold("ل" + m[2]))) continue;
    const p = (m[1] ?? (m[2] ? `ال${m[2]}` : "")).trim();
    if (p && !NOT_PLACE.test(p) && !(!ar && EN_TIME_WORD.test(p))) return p;
  }
  return null;
}
