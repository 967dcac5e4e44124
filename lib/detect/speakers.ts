import type { DetectContext } from "./util";
import { WB, WE, sentenceStart } from "./util";
import { arPhraseAt, arStop, enCorefTitle, enNames, labelOf, lastNamedPerson, pronounSuffixed, tokens, type Phrase, type Tok } from "./entities";

/**
 * Speaker resolution for reporting verbs, in document order. Arabic news is mostly VSO
 * ("قال الوزير ..."), with participles that continue the subject of an earlier verb in the
 * same sentence ("قائلاً"، "مؤكداً"، "قولها") and subject-less verbs that continue the previous
 * speaker ("وتابعت:"، "وأضاف،"). A bare title ("الوزير") is resolved to the most recent
 * "وزير …، NAME،" apposition. English is SVO ("She added", '"…," said X').
 */

/** A reporting verb occurrence; `speaker` is filled by findSpeaker (null = unknown). */
export interface VerbHit { s: number; e: number; word: string; speaker: string | null | undefined }

/** Verbs of agreement and pledge report a body's joint position ("اتفق السفراء على «…»"). */
const AR_AGREE = "اتفق|اتفقت|اتفقوا|تعهد|تعهدت|تعهدوا";
const AR_SING = "قال|قالت|يقول|تقول|اكد|اكدت|يؤكد|تؤكد|اضاف|اضافت|يضيف|تضيف|تابع|تابعت|اشار|اشارت|يشير|تشير|صرح|صرحت|اعلن|اعلنت|يعلن|تعلن|ذكر|ذكرت|اوضح|اوضحت|يوضح|توضح|شدد|شددت|لفت|لفتت|دعا|دعت|يدعو|تدعو|طالب|طالبت|وصف|وصفت|اعتبر|اعتبرت|يعتبر|تعتبر|كتب|كتبت|غرد|غردت|نقل|نقلت|نقلا|اردف|اردفت|استطرد|ختم|ختمت|حذر|حذرت|يحذر|تحذر|جدد|جددت|اعرب|اعربت|بين|بينت|جاء";
/** Plural past forms ("وشددوا", "وأكدوا"): the subject follows, or is carried over. */
const AR_PLURAL = "قالوا|اكدوا|اضافوا|تابعوا|اشاروا|صرحوا|اعلنوا|ذكروا|اوضحوا|شددوا|لفتوا|دعوا|طالبوا|وصفوا|اعتبروا|كتبوا|حذروا|جددوا|اعربوا";
const AR_VERBS = `${AR_PLURAL}|${AR_SING}|${AR_AGREE}`;
const AR_CONTINUE = "قائلا|قائله|قائلين|مؤكدا|مؤكده|مؤكدين|مضيفا|مضيفه|مشيرا|مشيره|موضحا|موضحه|مشددا|مشدده|معتبرا|معتبره|لافتا|لافته|مبينا|مبينه|مشيدا|مشيده|محذرا|محذره|داعيا|داعيه|معربا|معربه|منوها|منوهه|قوله|قولها|قولهم|بالقول";
/** "According to"; «وفق» only before «ما» ("وفق ما قاله X"), elsewhere it is "in line with". */
const AR_ACCORDING = "بحسب|حسب|وفقا|وفق(?=\\s+ما\\s)";
const EN_VERBS = "said|says|told|tells|added|adds|stated|states|explained|noted|warned|declared|insisted|argued|wrote|tweeted|continued|stressed|emphasi[sz]ed|underscored|reiterated|acknowledged|admitted|replied|announced|urged|saying|adding|stressing|[Aa]ccording\\s+to";
/** Reporting verbs (group 1 is the verb). */
export const REPORT_RE = new RegExp(`${WB}(?:[وف])?(${AR_VERBS}|${AR_CONTINUE}|${AR_ACCORDING}|${EN_VERBS})${WE}`, "g");

/** REPORT_RE without the global flag, for a plain test. */
const REPORT_ANY = new RegExp(REPORT_RE.source);
const CONTINUE_RE = new RegExp(`^(?:${AR_CONTINUE}|saying|adding|stressing)$`);
/** "According to" as a whole word (a speaker-introducing verb of its own). */
export const ACCORDING_RE = /^(?:بحسب|حسب|وفقا|وفق|[Aa]ccording\s+to)$/;
/** A verbal noun of a derived verb form: تفعيل، تفاعل، إفعال (also hollow إقامة)، افتعال، استفعال. */
export const MASDAR = /^(?:ت[\u0621-\u064A]{2}ي[\u0621-\u064A]|ت[\u0621-\u064A]ا[\u0621-\u064A]{2}|[اإأ][\u0621-\u064A]{2}ا[\u0621-\u064A]|[اإأ][\u0621-\u064A]ا[\u0621-\u064A][ةه]|ا[\u0621-\u064A]ت[\u0621-\u064A]ا[\u0621-\u064A]|است[\u0621-\u064A]{1,2}ا[\u0621-\u064A])[ةه]?$/;
/** Occasions of speaking (normalised, without the article): «في مؤتمر صحفي», «في كلمة», «في بيان». */
const OCCASION = /^(?:مؤتمر|كلمه|بيان|مقابله|حديث|تصريح|تصريحات|لقاء|اجتماع|جلسه|خطاب|تغريده|رساله|منشور|ندوه|حوار|اتصال|مداخله|افاده|احاطه|ايجاز)$/;
/** Words that end an Arabic subject phrase. */
const AR_STOP = /(?:^|\s)(?:ان|انه|انها|بان|الي|في|خلال|عقب|بعد|قبل|امام|لدي|من|عن|مع|اليوم|امس|يوم|قائلا|قائله|مؤكدا|مؤكده|مضيفا|مشيرا|قوله|قولها|لكن|حيث|فان|ب?انها|حول|اثناء|ضمن|عبر|بشان)(?=\s|$)/;
const BARE_TITLE = /^ال(وزير|رئيس|مندوب|سفير|متحدث|مبعوث|امير|ملك|مسؤول|وكاله|وزيره|رئيسه)(?:\s+\S+)?$/;

function clean(s: string): string {
  return s.replace(/["“”«»]/g, "").replace(/[\s،,:.]+$/, "").replace(/^[\s،,]+/, "").replace(/\s+/g, " ").trim();
}
function origOf(ctx: DetectContext, a: number, b: number): string {
  return clean(ctx.nz.orig.slice(ctx.nz.map[a], ctx.nz.map[b]));
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

/** Arabic subject right after a verb: a title/name/organisation phrase. A pronoun or a
 * preposition there ("قال فيها:", "تدعو إليه") means the verb has no subject of its own. */
function arSubjectPhrase(ctx: DetectContext, from: number): string | null {
  const norm = ctx.nz.norm;
  let end = Math.min(norm.length, from + 200);
  for (let i = from; i < end; i++) {
    if ('.\n؛:'.includes(norm[i])) { end = i; break; }
    if ('"“«'.includes(norm[i])) {
      // A body's name of one or two words in quotation marks inside the subject
      // ("رئيس بعثة “اليونيفيل” وقائدها") is part of it; a longer quote ends it.
      const m = /^["“«][^"“”«»\s]+(?:\s[^"“”«»\s]+)?["”»]/.exec(norm.slice(i, i + 40));
      if (m && i > from) { i += m[0].length - 1; continue; }
      end = i; break;
    }
  }
  let t = tokens(ctx, from, end).filter((x) => !(x.punct && /["“”«»]/.test(x.w)));
  // "في مؤتمر صحفي", "خلال كلمة", "في بيان": the occasion of speaking ends the subject (a role's
  // posting is a place or a body: "المندوب في الأمم المتحدة").
  const occ = t.findIndex((x, k) => k > 0 && /^(?:في|خلال|عبر)$/.test(x.w) && k + 1 < t.length && OCCASION.test(t[k + 1].w.replace(/^ال/, "")));
  if (occ > 0) t = t.slice(0, occ);
  if (!t.length || t[0].punct || arStop(t[0].w)) return null;
  // A preposition on a verbal noun ("تعهدوا بإنشاء …", "دعا لتحقيق …") is the verb's complement.
  if (/^[بل]/.test(t[0].w) && MASDAR.test(t[0].w.slice(1))) return null;
  const r = arPhraseAt(ctx, t, 0, true);
  if (!r) return null;
  if (r.p.kind === "person" && !r.p.name) return nameClosingRole(ctx, t, r.next) ?? arCorefRole(ctx, r.p.role!, from) ?? (labelOf(r.p) || null);
  return labelOf(r.p) || null;
}

/**
 * A role used without a name ("وزير الخارجية التونسي") names the person last given that exact
 * role with a name before `pos` ("وزير الخارجية التونسي نور الدين الري"). At most six earlier
 * occurrences are parsed.
 */
function arCorefRole(ctx: DetectContext, role: string, pos: number): string | null {
  const norm = ctx.nz.norm;
  const key = normOf(role).replace(/\s+/g, " ").trim();
  // A definite title ("المبعوث الأممي") is corefTitle's business.
  if (!/\s/.test(key) || /^ال/.test(key)) return null;
  const lo = Math.max(0, pos - 3000);
  const win = norm.slice(lo, pos);
  for (let at = win.lastIndexOf(key), tries = 0; at >= 0 && tries < 6; at = at > 0 ? win.lastIndexOf(key, at - 1) : -1, tries++) {
    const a = lo + at;
    if (a > 0 && /[\p{L}]/u.test(norm[a - 1])) continue;
    const t = tokens(ctx, a, Math.min(norm.length, a + key.length + 80));
    const r = t.length ? arPhraseAt(ctx, t, 0) : null;
    if (r && r.p.name && r.p.role && normOf(r.p.role).replace(/\s+/g, " ").trim() === key) return r.p.name;
  }
  return null;
}

/**
 * A role without a name may be followed, in the same subject, by more of the role and then the
 * name: a posting ("السكرتير الأول في سفارة اليابان كينجي ساتو"), or a coordinated role of the
 * same person with a rank ("قائد القوة ومديرها العام العميد سامر الخطيب"). The name must end the
 * subject (punctuation, a function word or the end follows). The scan stops at a comma, at «مع»
 * and at nouns with a pronoun suffix that are not "and its <title>" ("في لقائه").
 */
function nameClosingRole(ctx: DetectContext, t: Tok[], from: number): string | null {
  for (let j = from; j < t.length && j < from + 14; j++) {
    const tok = t[j];
    if (tok.punct) return null;
    const w = tok.w;
    if (w === "مع" || w === "ومع") return null;
    if (pronounSuffixed(ctx, tok) && !/^و/.test(w)) return null;
    if (arStop(w) && w !== "في" && w !== "لدي" && w !== "الي") return null;
    // Every word is tried as a start: an organisation phrase may have swallowed the name's first
    // word ("سفارة اليابان كينجي").
    const r = arPhraseAt(ctx, t, j);
    // A name of two words or more, or one that a title introduces ("صحفي" alone is a word, not a name).
    if (r && r.p.kind === "person" && r.p.name && (r.p.role || /\s/.test(r.p.name.trim()))) {
      const nx = t[r.next];
      if (!nx || nx.punct || arStop(nx.w)) return r.p.name;
    }
  }
  return null;
}

/** English subject of a verb at [vs, ve): the named person before it in its clause, a pronoun
 * (null: the caller carries the last speaker over), or the subject after it ('"…," said X'). */
function enSubject(ctx: DetectContext, vs: number, ve: number, ss: number): string | null | "pronoun" {
  const norm = ctx.nz.norm;
  let cs = ss;
  // Search only this sentence: lastIndexOf on the whole text is O(n) per verb when the text has no quotes.
  const win = norm.slice(cs, vs);
  const q = Math.max(win.lastIndexOf("\u201D"), win.lastIndexOf('"'));
  if (q >= 0) cs += q + 1;
  // A clause boundary word ("while Kasuri said") starts a new subject.
  const seg = norm.slice(cs, vs);
  const conj = [...seg.matchAll(/(?:^|\s)(?:while|whereas|but|and|as|that|when|because|after)\s/g)].pop();
  if (conj) cs += conj.index! + conj[0].length;
  const before = clean(norm.slice(cs, vs));
  if (!before) {
    const ae = Math.min(norm.length, ve + 120);
    let stop = ae;
    for (let i = ve; i < ae; i++) if (".\n;".includes(norm[i])) { stop = i; break; }
    const after = enNames(ctx, ve, stop).find((p) => (p.kind === "person" || p.role) && !p.possessive);
    if (after && after.s - ve < 40) return after.name;
    const np = /^\s*((?:the|a|an)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3})/.exec(norm.slice(ve, stop));
    return np ? np[1] : null;
  }
  if (/(?:^|\s)(?:he|she|they|it|we|i|He|She|They|It|We|I)(?:\s+(?:later|also|then|further|again))?$/.test(before)) return "pronoun";
  const names = enNames(ctx, cs, vs).filter((p) => p.kind === "person");
  const gap = (p: Phrase) => norm.slice(p.e, vs).trim().split(/\s+/).filter(Boolean).length;
  // A one-word name counts right before the verb ("Kasuri said") or with a title; longer names anywhere in the clause.
  const pick = [...names].reverse().find((p) => (p.name!.includes(" ") || p.role || gap(p) <= 1) && !/['’]s$/.test(norm.slice(p.s, p.e + 2)));
  if (pick) return pick.name;
  // "The prime minister, speaking at a press conference, said": a participial or relative
  // clause between commas is not the subject.
  const segs = before.split(/\s*,\s*/).filter((x) => x && !/^(?:[a-z]+ing|who|which|whose|in|at|on|during|after|before|when)\s/.test(x));
  // Auxiliaries and adverbs between the subject and the verb ("The union had announced",
  // "The head also said") are not part of it.
  const last = segs[segs.length - 1]?.replace(/(?:\s+(?:had|has|have|also|then|later|further|again|once|would|will|had\s+also|has\s+also))+$/, "");
  return last && last.split(/\s+/).length <= 6 ? last : null;
}

/**
 * The antecedent of a pronoun subject ('"…," she said', "He added:"): the person who opens the
 * previous sentence as its subject ("Mayor Ruth Hale thanked the crews.", "The Prime Minister
 * praised …" resolved to the person last named with that title), when that sentence has no
 * quotation of its own (a quoted sentence already set the running speaker). Null otherwise:
 * the caller carries the last speaker over.
 */
function enPrevSubject(ctx: DetectContext, vs: number, orgToo = false): string | null {
  const norm = ctx.nz.norm;
  // The current sentence starts before the quote that the verb follows ('"…," he said').
  let cur = sentenceStart(norm, vs, 600);
  const line = norm.slice(cur, vs);
  const close = Math.max(line.lastIndexOf("\u201D"), line.lastIndexOf('"'));
  if (close >= 0) {
    const lo = Math.max(0, vs - 3000);
    const win = norm.slice(lo, cur + close);
    const open = Math.max(win.lastIndexOf("\u201C"), win.lastIndexOf('"'));
    if (open < 0) return null;
    cur = sentenceStart(norm, lo + open, 600);
  }
  if (cur < 2) return null;
  const ps = sentenceStart(norm, cur - 1, 600);
  const prev = norm.slice(ps, cur);
  // A sentence with a quotation or a reporting verb of its own has set the running speaker.
  if (/["“”«»]/.test(prev) || REPORT_ANY.test(prev)) return null;
  const lead = prev.length - prev.trimStart().length;
  const at = ps + lead;
  const person = enNames(ctx, at, Math.min(cur, at + 120)).find((p) => p.kind === "person" && !p.possessive);
  if (person && person.s === at && (person.role || /\s/.test(person.name!)) && /^\s+[a-z]/.test(norm.slice(person.e, person.e + 3))) return person.name;
  const m = /^(The\s+(?:[A-Z][\w-]*\s+){0,3}[A-Z][\w-]*)\s+[a-z]/.exec(norm.slice(at, cur));
  if (m) return enCorefTitle(ctx, m[1], at) ?? (orgToo ? m[1] : null);
  return null;
}

/**
 * The subject of the Arabic sentence that ends right before `ss`, when it opens with a verb
 * followed by a titled person ("وشرحت وزيرة الخارجية X ما …") and has no quotation and no
 * reporting verb of its own (those set the running speaker already). Null otherwise.
 */
function arPrevSubject(ctx: DetectContext, ss: number, orgToo = false): string | null {
  const norm = ctx.nz.norm;
  if (ss < 2) return null;
  const ps = sentenceStart(norm, ss - 1, 600);
  const prev = norm.slice(ps, ss);
  if (/["“”«»]/.test(prev) || REPORT_ANY.test(prev)) return null;
  const t = tokens(ctx, ps, Math.min(ss, ps + 200));
  if (t.length < 3 || t[0].punct || arStop(t[0].w)) return null;
  // The first word is the verb: not a title, a body or the start of a longer name.
  const r0 = arPhraseAt(ctx, t, 0);
  if (r0 && (r0.p.role || r0.p.kind !== "person" || r0.next > 1)) return null;
  const r = arPhraseAt(ctx, t, 1, true);
  return r && (r.p.kind === "person" && r.p.role || orgToo && r.p.kind === "org") ? labelOf(r.p) || null : null;
}

/**
 * A one-word speaker ("الصفدي", "Nebenzya") becomes the full name it abbreviates when a person
 * with that last name was named with a title shortly before ("وزير الخارجية أيمن الصفدي").
 */
function fullName(ctx: DetectContext, speaker: string, pos: number): string {
  if (/\s/.test(speaker.trim())) return speaker;
  const norm = ctx.nz.norm;
  const key = normOf(speaker);
  if (key.length < 3) return speaker;
  const from = Math.max(0, pos - 2000);
  const win = norm.slice(from, pos);
  // Only look at earlier occurrences of the word itself (cheap), at most three whole words
  // (the word inside a longer one, "سلامة" for "سلام", is skipped without counting).
  let at = win.lastIndexOf(key);
  for (let tries = 0; at >= 0 && tries < 3; tries++) {
    const end = from + at + key.length;
    if (/[\p{L}\p{N}]/u.test(norm[end] ?? "")) { tries--; at = at > 0 ? win.lastIndexOf(key, at - 1) : -1; continue; }
    const names = ctx.lang === "en"
      ? enNames(ctx, Math.max(0, end - 80), end).filter((p) => p.kind === "person" && p.e === end).map((p) => p.name!)
      : (() => {
          // Tokens past the occurrence too: a name in apposition must end its phrase
          // ("رئيس الوزراء، استقبل سلام وفدا" is not a name).
          const t = tokens(ctx, Math.max(0, end - 120), Math.min(norm.length, end + 40));
          for (let i = 0; i < t.length; i++) {
            if (t[i].punct) continue;
            const r = arPhraseAt(ctx, t, i);
            // Only a name introduced by a title counts: a bare "verb + surname" ("واستقبل نصار")
            // parses as a two-word name too.
            if (r && r.p.name && r.p.role && r.p.e === end) return [r.p.name];
            if (t[i].s >= end) break;
            if (r) i = r.next - 1;
          }
          return [];
        })();
    const full = names.find((x) => /\s/.test(x));
    if (full) return full;
    at = at > 0 ? win.lastIndexOf(key, at - 1) : -1;
  }
  return speaker;
}

/** Fill verbs[i].speaker and update state.last (the running speaker). */
export function findSpeaker(ctx: DetectContext, verbs: VerbHit[], i: number, state: { last: string | null }): void {
  const v = verbs[i];
  const norm = ctx.nz.norm;
  if (v.speaker !== undefined) { if (v.speaker) state.last = v.speaker; return; }
  const ss = sentenceStart(norm, v.s, 600);
  const word = v.word;
  let speaker: string | null = null;
  // No subject of its own: the last speaker, or before any speaker the nearest person named with a title.
  const carry = () => { v.speaker = state.last ?? lastNamedPerson(ctx, v.s); };
  // A verb inside a relative clause ("الذي تدعو إليه فرنسا") is not an attribution.
  if (/(?:^|\s)(?:الذي|التي|الذين|اللذين|ما)\s+$/.test(norm.slice(Math.max(0, v.s - 8), v.s))) return carry();
  if (CONTINUE_RE.test(word)) {
    // Participle: the subject of the previous reporting verb in this sentence, else the
    // subject of the sentence's own first verb ("ووجه البارزاني رسالة … بالقول:").
    let k = i - 1;
    while (k >= 0 && verbs[k].s >= ss && ACCORDING_RE.test(verbs[k].word)) k--;
    const prev = k >= 0 && verbs[k].s >= ss ? verbs[k] : null;
    if (prev) { v.speaker = prev.speaker ?? state.last; return; }
    if (/^[\u0621-\u064A]/.test(word)) {
      const t = tokens(ctx, ss, v.s);
      const r = t.length > 1 && !t[0].punct ? arPhraseAt(ctx, t, 1, true) : null;
      if (r && r.p.s < v.s) { v.speaker = labelOf(r.p); state.last = v.speaker; return; }
    }
    return carry();
  }
  if (ACCORDING_RE.test(word)) {
    // "بحسب ما قاله المتحدث", "حسب ما أعلنته الوزارة": the subject of the relative verb speaks.
    const rel = /^\s*ما\s+[\u0621-\u064A]+(?:\s+به)?\s+/.exec(norm.slice(v.e, v.e + 30));
    if (rel && /^\s*ما\s+[\u0621-\u064A]+(?:ه|ها|ت|ته)?(?:\s+به)?\s+$/.test(rel[0])) {
      const sp = arSubjectPhrase(ctx, v.e + rel[0].length);
      if (sp) { v.speaker = fullName(ctx, sp, v.s); state.last = v.speaker; return; }
    }
    const m = /^\s*(?:ل|لـ)?\s*((?:[^،,.\n](?!\s(?:فان|ان|فقد)\s)){2,60}[^،,.\n]?)/.exec(norm.slice(v.e, v.e + 80));
    if (m) {
      const a = v.e + m[0].length - m[1].length;
      const fromIdx = m[1].search(/\s(?:from|من)\s/);
      speaker = fromIdx >= 0 ? origOf(ctx, a + fromIdx + 5, a + m[1].length) : origOf(ctx, a, a + m[1].length);
    }
  } else if (/^[\u0621-\u064A]/.test(word)) {
    if (word === "بين" || word === "بينت") {
      // "بين" is mostly "between": a verb only at the start of a sentence.
      if (norm.slice(ss, v.s).trim().replace(/^[وف]$/, "")) return carry();
    }
    if (word === "جاء") {
      // "وجاء في بيان لرئاسة الجمهورية": the statement's author speaks.
      const m = /^\s+في\s+(?:بيان|رساله|تقرير|تصريح|تغريده)\s+(?:صادر\s+عن\s+|عن\s+)?/.exec(norm.slice(v.e, v.e + 40));
      if (!m) {
        // "وجاء في البيان:" (definite, no author): the statement named in the sentence before,
        // whose subject issued it ("وأصدرت وزارة الخارجية بيانا …").
        if (/^\s+في\s+ال(?:بيان|رساله|تقرير|تصريح|تغريده)(?:\s|[:،,])/.test(norm.slice(v.e, v.e + 30))) {
          const sp = arPrevSubject(ctx, ss, true);
          if (sp) { v.speaker = sp; state.last = sp; return; }
        }
        return carry();
      }
      speaker = arSubjectPhrase(ctx, v.e + m[0].length);
      if (!speaker) return carry();
    }
    if (!speaker && /^نقل/.test(word)) {
      // "نقلت قناة الجزيرة عن لولوة الخاطر" - the speaker is the source after "عن".
      const an = norm.slice(v.e, v.e + 80).search(/\sعن\s/);
      if (an >= 0) speaker = arSubjectPhrase(ctx, v.e + an + 4);
    }
    if (!speaker) speaker = arSubjectPhrase(ctx, v.e);
    if (!speaker) {
      // Subject before the verb in a clause after «أن» (SVO): "… أن وزير الخارجية التونسي، أكد …".
      const pre = norm.slice(Math.max(ss, v.s - 100), v.s);
      const m = /(?:^|\s)(?:ان|بان|لان)\s+([^،,.:\n"“”«»]+?)\s*[،,]?\s*[وف]?$/.exec(pre);
      if (m) {
        const a = v.s - pre.length + m.index! + m[0].indexOf(m[1]);
        const t = tokens(ctx, a, a + m[1].length);
        const r = t.length && !t[0].punct && !arStop(t[0].w) ? arPhraseAt(ctx, t, 0, true) : null;
        if (r && r.next === t.length && (r.p.role || r.p.kind === "org")) speaker = (r.p.kind === "person" && !r.p.name && arCorefRole(ctx, r.p.role!, a)) || labelOf(r.p) || null;
      }
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
    if (!speaker) {
      // No subject of its own ("قال فيها:", "وشددوا على"): the subject of the sentence's first verb (VSO).
      const t = tokens(ctx, ss, v.s);
      const first = t.findIndex((x) => !x.punct);
      if (first >= 0 && t.length > first + 1 && !arStop(t[first].w)) {
        const r = arPhraseAt(ctx, t, first + 1, true);
        if (r && r.next <= t.length) speaker = labelOf(r.p) || null;
      }
    }
    if (!speaker && !norm.slice(ss, v.s).trim().replace(/^[وف]$/, "")) {
      // A subject-less verb opening its sentence ("وقالت:") after a sentence whose subject was
      // not a speaker yet ("وشرحت الوزيرة X الخطة."): that subject.
      speaker = arPrevSubject(ctx, ss);
    }
    if (speaker && BARE_TITLE.test(normOf(speaker))) speaker = corefTitle(ctx, normOf(speaker), v.s) ?? speaker;
  } else {
    const r = enSubject(ctx, v.s, v.e, ss);
    speaker = r === "pronoun" ? enPrevSubject(ctx, v.s) : r;
    // "the statement said": the document's issuer, named as the subject of the sentence before
    // ("The Foreign Ministry issued a statement."), else the running speaker.
    if (speaker && /^the\s+(?:statement|letter|report|communiqu[eé]|release|declaration|message)$/i.test(speaker.trim())) speaker = enPrevSubject(ctx, v.s, true) ?? state.last;
    if (speaker && /^the\s/i.test(speaker)) speaker = enCorefTitle(ctx, speaker, v.s) ?? speaker;
  }
  if (speaker) speaker = fullName(ctx, speaker, v.s);
  if (speaker) { v.speaker = speaker; state.last = speaker; }
  else carry();
}

function normOf(s: string): string {
  return s.replace(/[\u064B-\u065F\u0670\u0640]/g, "").replace(/[أإآٱ]/g, "ا").replace(/ة/g, "ه").replace(/ى/g, "ي");
}
