import type { DetectContext } from "./util";
import { sentenceStart } from "./util";
import { arPhraseAt, arShape, arStop, pronounSuffixed, enAntecedent, enCorefTitle, enNames, EN_TITLE_NOUN, isOrgOrTitle, labelOf, tokens, type Tok } from "./entities";

/**
 * Meeting participants, read clause by clause with the entity helpers (entities.ts) instead of
 * a list of words to drop. A participant is a phrase in an argument slot of the trigger: the
 * subject before an SVO verb ("مزوار يستقبل …", "X held talks"), the possessor of a noun
 * ("لقاءاته", "Ahmed's visit"), and the phrases after it, joined by commas, و, مع, بين,
 * بحضور, with, between, and. Time and place adverbials ("اليوم الاثنين بالرباط", "في مقر …")
 * are skipped; anything else ends the list.
 */

const MAX = 6;
/**
 * Light verbs that carry an event noun ("قام بزيارة", "عقد اجتماعاً", "اختتم جولته"), in the
 * normalised spelling. One list for meetings.ts (the clause's subject) and participants.ts.
 */
export const AR_LIGHT_VERBS = "قام|قامت|يقوم|تقوم|اجري|اجرت|يجري|تجري|عقد|عقدت|يعقد|تعقد|بدا|بدات|اختتم|اختتمت|يختتم|تختتم|افتتح|افتتحت|يفتتح|تفتتح";
/** Verbs that host or hold an event, which take a pronoun referring back to it ("عقدها", "أجراه"). */
export const AR_RESUMPTIVE_VERBS = "عقد|اجري|اجرا|حضر|تراس|ادار|استضاف|نظم|جمع|يعقد|تعقد|يجري|تجري|يحضر|تحضر|يستضيف|تستضيف";
const LIGHT_VERB = new RegExp(`(?:^|\\s)[وف]?(?:${AR_LIGHT_VERBS})(?:\\s+[^\\s.،,؛:]+){0,12}?\\s+ب?$`);
/** A verb that hosts or holds an event with a pronoun referring back to it ("عقدها", "أجراه",
 * "حضرها", "ترأسه"): an asyndetic relative clause after an indefinite noun. */
const RESUMPTIVE_VERB = new RegExp(`^(?:${AR_RESUMPTIVE_VERBS})(?:ها|ه|هما)$`);
/** Event nouns that complete another one in construct ("جلسة مباحثات"). */
const EVENT_NOUN = /^(?:مباحثات|محادثات|مشاورات|عمل|تشاور|حوار|نقاش|مفاوضات)$/;
/** Words that join participants or introduce them. */
const AR_JOIN = new Set(["مع", "بين", "و", "بحضور", "برئاسه", "بمشاركه", "كل", "من", "وبين", "ومع", "ضم", "ضمت", "جمع", "جمعت", "شمل"]);
/** Words that open a topic ("جلسة حول الأزمة", "بشأن سوريا"): what is discussed, not who. */
const AR_TOPIC = new Set(["حول", "بشان", "بخصوص", "لبحث", "لمناقشه"]);
const AR_QUANT = new Set(["لاكثر", "لاقل", "اكثر", "اقل", "دون", "بدون", "نحو", "قرابه", "لمده", "مده", "طيله", "طوال"]);
const AR_TIME_UNIT = new Set(["يوما", "يومين", "ايام", "اسبوعا", "اسبوعين", "اسابيع", "شهرا", "شهرين", "اشهر", "عاما", "عامين", "اعوام", "سنوات", "سنه", "ساعات", "ساعه", "ساعتين", "دقيقه", "دقائق"]);
/** Body heads whose bare definite form ("المجلس", "اللجنة") refers to the body last named in full. */
const AR_BODY_HEAD = /^(?:مجلس|لجنه|جمعيه|منظمه|هيئه|جامعه|بعثه|مفوضيه)$/;
/** "المجلس" → the last "مجلس …" named in full before `pos` ("مجلس الأمن الدولي"). */
function arFullBody(ctx: DetectContext, label: string, pos: number): string {
  const m = /^ال([\u0621-\u064A]+)$/.exec(label.replace(/[أإآ]/g, "ا").replace(/ة/g, "ه"));
  if (!m || !AR_BODY_HEAD.test(m[1])) return label;
  const norm = ctx.nz.norm;
  const lo = Math.max(0, pos - 3000);
  const win = norm.slice(lo, pos);
  const re = new RegExp(`(?<![\u0621-\u064A])[وبل]?${m[1]}\\s`, "g");
  let last = -1;
  for (const x of win.matchAll(re)) last = x.index!;
  if (last < 0) return label;
  const t = tokens(ctx, lo + last, Math.min(pos, lo + last + 100));
  const r = t.length ? arPhraseAt(ctx, t, 0) : null;
  const full = r ? labelOf(r.p) : "";
  return full && /\s/.test(full) && full.length <= 40 ? full : label;
}
const AR_PLACE_PREP = new Set(["في", "الي", "داخل", "خارج", "لدى", "لدي", "امام"]);

const addTo = (out: string[], p: string) => {
  const v = p.replace(/^[\s،,]+|[\s،,]+$/g, "").trim();
  if (v && out.length < MAX && !out.includes(v)) out.push(v);
};

/** Arabic participants of a trigger at [s, e) whose clause ends at `ce`. */
export function arParticipants(ctx: DetectContext, s: number, e: number, ce: number, verb: boolean, possessive: boolean, kind: string): string[] {
  const norm = ctx.nz.norm;
  const out: string[] = [];
  let subjFound = false;
  const ss = sentenceStart(norm, s, 400);
  // Subject before the verb (SVO, common in headlines): the phrase that ends right at the verb.
  if (verb) {
    const tb = tokens(ctx, Math.max(ss, s - 80), s);
    let k = tb.length - 1;
    while (k >= 0 && !tb[k].punct && s - tb[k].s <= 60) k--;
    for (let i = k + 1; i < tb.length; i++) {
      const r = arPhraseAt(ctx, tb, i, true);
      if (r && r.next === tb.length) { addTo(out, labelOf(r.p)); break; }
    }
  }
  // Possessor of "لقاءاته" / "زيارته", or the subject of a light verb ("قام بزيارة", "أجرى
  // محادثات"): the subject of the sentence, after its first word (VSO) and "كان … قد".
  // A comma-enclosed time adverbial ("، اليوم الأحد،") between the subject and the noun is blanked.
  const preLight = norm.slice(Math.max(ss, s - 140), s).replace(/[،,]((?:\s+[^\s.،,؛:]+){1,3})\s*[،,]/g, (x, b: string) => (b.trim().split(/\s+/).every((w) => arStop(w)) ? " ".repeat(x.length) : x));
  if (possessive || LIGHT_VERB.test(preLight)) {
    let tb = tokens(ctx, ss, s);
    // "أجرى الوزير جولة مباحثات", "عقد المجلس جلسة مشاورات": an indefinite noun in ة right before
    // the trigger is its head in construct, not part of the subject.
    const lt = tb[tb.length - 1];
    if (!possessive && lt && !lt.punct && lt.e >= s - 1 && !/^ال/.test(lt.w) && ctx.nz.orig[ctx.nz.map[lt.e - 1]] === "ة") tb = tb.slice(0, -1);
    let k = 1;
    while (k < tb.length && /^(?:قد|لقد)$/.test(tb[k].w)) k++;
    const r = tb.length > k && !tb[0].punct ? arPhraseAt(ctx, tb, k, true) : null;
    if (r && r.p.kind !== "place") { addTo(out, labelOf(r.p)); subjFound = true; }
    else if (possessive) {
      // "وخلال لقائه وفدا …، بحث الوزير …": after a fronted adverbial the main clause is verb + subject.
      const c = norm.slice(e, ce + 1).search(/[،,]/);
      if (c >= 0) {
        const ta = tokens(ctx, e + c + 1, Math.min(norm.length, e + c + 120));
        const r2 = ta.length > 1 && !ta[0].punct ? arPhraseAt(ctx, ta, 1, true) : null;
        if (r2 && r2.p.kind !== "place") { addTo(out, labelOf(r2.p)); subjFound = true; }
      }
    }
  }
  // "X و Y سيقدمان خلال الجلسة إفادة": a noun governed by خلال/أثناء after a verb; the verb's
  // subject, the phrase that ends right at the verb, takes part.
  if (!verb && !subjFound) {
    const vm = /(?:^|[\s"«“])([^\s"«“.،,؛:]+)\s+[وف]?(?:خلال|اثناء)\s+$/.exec(norm.slice(Math.max(ss, s - 40), s));
    // "المجلس سيعقد جلسة": the subject before a light verb right before the noun (SVO).
    const lv = /(?:^|\s)[وف]?(?:س?يعقد|س?تعقد|عقد|عقدت|س?يجري|س?تجري|اجري|اجرت)\s+$/.exec(norm.slice(Math.max(ss, s - 20), s));
    let vs = -1;
    if (vm && !arStop(vm[1]) && !arShape(vm[1]).def && !isOrgOrTitle(arShape(vm[1]).core)) vs = s - (norm.slice(Math.max(ss, s - 40), s).length - vm.index - vm[0].indexOf(vm[1]));
    else if (lv) vs = s - (norm.slice(Math.max(ss, s - 20), s).length - lv.index - (lv[0].length - lv[0].trimStart().length));
    if (vs > ss) {
      const tb = tokens(ctx, Math.max(ss, vs - 120), vs);
      let k = tb.length - 1;
      while (k >= 0 && !tb[k].punct) k--;
      for (let i = k + 1; i < tb.length; i++) {
        const r = arPhraseAt(ctx, tb, i, true);
        if (r && r.next === tb.length && (r.p.role !== null || r.p.name !== null)) { addTo(out, labelOf(r.p)); subjFound = true; break; }
      }
    }
  }
  const trig = norm.slice(s, e);
  const nounFem = !verb && /ه$/.test(trig);
  // An indefinite noun ("لقاءات", "اجتماعا") may be followed by indefinite adjectives.
  const nounIndef = !verb && !/^ال/.test(trig) && !possessive;
  const t = tokens(ctx, e, ce);
  let i = 0;
  let afterJoin = true; // at the start, or after a comma / joining word
  let afterComma = false;
  let objectsTaken = 0;
  let afterRel = false;
  const outBefore = out.length;
  while (i < t.length && out.length < MAX) {
    const tok = t[i];
    if (tok.punct) {
      if (tok.w === ":" && i > 0 && /^و?(?:هي|هم)$/.test(t[i - 1].w)) {
        // "بمشاركة 12 دولة، هي: الولايات المتحدة، بريطانيا، وروسيا": each comma-separated item is a participant.
        i++;
        while (i < t.length && out.length < MAX) {
          let j = i;
          while (j < t.length && !t[j].punct) j++;
          if (j === i || j - i > 4) break;
          const item = ctx.nz.orig.slice(ctx.nz.map[t[i].s], ctx.nz.map[t[j - 1].e]).replace(/^و(?=[^\s]{4,})/, "");
          if (arStop(t[i].w)) break;
          addTo(out, item);
          if (j >= t.length || !/[،,]/.test(t[j].w)) break;
          i = j + 1;
        }
        break;
      }
      if (/[.؛:!?؟\n]/.test(tok.w)) break;
      if (/[،,-]/.test(tok.w)) { afterJoin = true; afterComma = true; }
      i++;
      continue;
    }
    const w = tok.w;
    if (AR_JOIN.has(w)) { afterJoin = true; afterComma = false; i++; continue; }
    // A quantifier ("عدد من وزراء …") heads the participants it counts.
    if (w === "عدد" && i + 1 < t.length && t[i + 1].w === "من") { i += 2; afterJoin = true; continue; }
    // A relative clause names who attended: "اللقاء الذي حضره X" - skip the pronoun and its verb.
    if (/^(?:الذي|التي|الذين)$/.test(w)) { i += 2; afterJoin = true; afterRel = true; continue; }
    // The same without a relative pronoun after an indefinite noun ("جلسة عقدها مجلس …"): the
    // verb carries a pronoun that refers back to the noun.
    if (i === 0 && RESUMPTIVE_VERB.test(w)) { i++; afterJoin = true; continue; }
    const sh = arShape(w);
    // A visit's destination after إلى takes part: "زيارة رسمية إلى الجزائر".
    if (kind === "visit" && w === "الي" && i + 1 < t.length && !t[i + 1].punct && !arStop(t[i + 1].w)) {
      const r = arPhraseAt(ctx, t, i + 1);
      const dest = r ? labelOf(r.p) : arShape(t[i + 1].w).def ? ctx.nz.orig.slice(ctx.nz.map[t[i + 1].s], ctx.nz.map[t[i + 1].e]) : "";
      if (dest) addTo(out, dest);
      i = r ? r.next : i + 2;
      afterJoin = false;
      continue;
    }
    // "بمكتبه", "بدورها": ب + a noun with a pronoun suffix is an adverbial.
    if (/^[بف]/.test(w) && pronounSuffixed(ctx, tok)) { i++; afterJoin = true; continue; }
    // Durations and amounts ("لأكثر من 40 يوما", "من دون نتائج") are adverbials.
    if (AR_TIME_UNIT.has(w)) { i++; continue; }
    if (AR_TOPIC.has(w) || AR_QUANT.has(w)) {
      i++;
      while (i < t.length && !t[i].punct && !AR_JOIN.has(t[i].w)) i++;
      afterJoin = true;
      continue;
    }
    // Place and time adverbials: skip to the next comma, joining word or title.
    if (AR_PLACE_PREP.has(w) || (sh.prep === "ب" && !isOrgOrTitle(sh.core))) {
      i++;
      // "في مقر الرئاسة": a definite body after the place noun is its genitive, not a participant.
      while (i < t.length && !t[i].punct && !AR_JOIN.has(t[i].w) && !(isOrgOrTitle(arShape(t[i].w).core) && !(arShape(t[i].w).def && i > 0 && !AR_PLACE_PREP.has(t[i - 1].w)))) i++;
      afterJoin = true;
      continue;
    }
    // Time words and numbers ("اليوم الأحد", "04") are adverbials between participants.
    if (arStop(w) || /^\d/.test(w)) { i++; afterJoin = true; continue; }
    // An indefinite adjective agreeing with a feminine noun ("زيارة خاطفة") is not a name.
    if (nounFem && i === 0 && /ه$/.test(w) && !sh.def && !isOrgOrTitle(sh.core)) { i++; continue; }
    // Before any participant, the noun's own modifiers: a second event noun in construct
    // ("جلسة مباحثات", "جلسة عمل") and definite nisba or ordinal adjectives ("الاجتماع الوزاري الثاني").
    // (The subject of a light verb may already be in `out`: "اختتم X اجتماع عمل غير رسمي".)
    if (!verb && out.length === outBefore && i <= 2 && !sh.prep && !isOrgOrTitle(sh.core) && (EVENT_NOUN.test(sh.core) || (sh.def && /ي$/.test(sh.core) && arShape(t[0].w).def === sh.def && i === t.findIndex((x) => !x.punct) + (i > 0 ? i : 0)))) { i++; continue; }
    // A negated adjective of the noun ("اجتماع غير رسمي", "جلسة غير علنية").
    if (!verb && out.length === outBefore && i <= 3 && w === "غير" && i + 1 < t.length && !t[i + 1].punct && !arShape(t[i + 1].w).def) { i += 2; continue; }
    // Indefinite adjectives after an indefinite noun ("لقاءات مكثفة لوزير …", "اجتماعا مطولا
    // مع …"): feminine -ة, accusative -ًا or nisba -ي/-ية, with no clitic and no article.
    if (nounIndef && i <= 1 && !sh.def && !sh.prep && sh.cut === 0 && !isOrgOrTitle(sh.core) && /(?:ه|ا|ي)$/.test(w) && i + 1 < t.length && !t[i + 1].punct) { i++; continue; }
    // A visit's destination takes part: "زيارة … للمغرب", "إلى الدوحة".
    if (kind === "visit" && sh.prep === "ل" && sh.def) { addTo(out, sh.prefix + ctx.nz.orig.slice(ctx.nz.map[tok.s + sh.cut], ctx.nz.map[tok.e])); i++; continue; }
    // "وفيليب": a conjunction on a name after a list comma (a name of 3 letters keeps its و: وليد).
    let cur: Tok[] = t;
    if (/^و/.test(w) && w.length >= 5 && sh.cut === 0 && !isOrgOrTitle(sh.core)) cur = [...t.slice(0, i), { ...tok, s: tok.s + 1, w: w.slice(1) }, ...t.slice(i + 1)];
    // VSO: "استقبلت الوزيرة X وفدَ البنك الدولي": after the verb's subject, its object follows
    // with no joining word when it is a title or body phrase.
    const objectSlot = verb && out.length === 1 && objectsTaken === 0 && !sh.prep && isOrgOrTitle(sh.core);
    if (objectSlot) objectsTaken++;
    if (!afterJoin && out.length > 0 && !objectSlot && !(sh.prep === "ب" && isOrgOrTitle(sh.core))) {
      // "وفي كلمته أمام المجلس انتقد وزير الخارجية …": after a fronted possessive adverbial with
      // no comma, the main clause's verb and its subject (the possessor) follow the complement.
      if (possessive && !subjFound && /^[وف]?(?:في|خلال|اثناء)$/.test(norm.slice(ss, s).trim())) {
        const r2 = i + 1 < t.length && !t[i + 1].punct ? arPhraseAt(ctx, t, i + 1, true) : null;
        if (r2 && (r2.p.role !== null || r2.p.kind === "org")) addTo(out, labelOf(r2.p));
      }
      break;
    }
    const r = arPhraseAt(ctx, cur, i);
    // Right after a relative verb, a word that is no phrase (a bare family name) does not end the
    // list: "الاجتماع الذي جمع العطية مع الوزير التركي".
    if (!r && afterRel) { afterRel = false; afterJoin = false; i++; continue; }
    afterRel = false;
    if (!r) break;
    // After a comma, a bare name-shaped word must itself end at a comma or the clause end:
    // "، بحث الوزير" is the next clause (verb + subject), not a participant.
    if (afterComma && out.length > 0 && r.p.kind === "person" && !r.p.role && r.next < cur.length && !cur[r.next].punct && !AR_JOIN.has(cur[r.next].w)) break;
    // "زيارة وزير الخارجية التركي لمصر": after a role, a one-word "name" with ل is the visit's
    // destination (ل + place), not the visitor's name.
    if (kind === "visit" && r.p.role && r.p.name && /^ل[\u0621-\u064A]{2,}$/.test(r.p.name) && !/\s/.test(r.p.name)) {
      addTo(out, r.p.role);
      addTo(out, r.p.name.slice(1));
    } else if (kind === "visit" && r.p.role && !r.p.name && /\sلل?[\u0621-\u064A]{2,}/.test(r.p.role)) {
      // "زيارة رئيس الوزراء الليبي للجزائر …": the role ends before ل + the destination.
      const ws = r.p.role.split(/\s+/);
      const k = ws.findIndex((x, j) => j >= 2 && /^لل?[\u0621-\u064A]{2,}$/.test(x));
      if (k > 0) { addTo(out, ws.slice(0, k).join(" ")); addTo(out, ws[k].replace(/^لل/, "ال").replace(/^ل(?!ل)/, "")); }
      else addTo(out, labelOf(r.p));
    } else addTo(out, labelOf(r.p));
    i = r.next;
    afterJoin = false;
    afterComma = false;
  }
  return out.map((x) => arFullBody(ctx, x, s));
}

const lightVerbBefore = (pre: string) => /(?:^|\s)(?:paid|pays|made|makes|began|begins|concluded|concludes|started|starts|ended|ends|undertook|undertakes|wrapped\s+up)\s+(?:a|an|his|her|their)\s+(?:(?!(?:to|and|the|of|in|with)\s)[\w-]+\s+){0,3}$/.test(pre);

/** The antecedent of "his"/"her"/"their" before a noun; an all-capitals word (a dateline agency,
 * "NNA - …") is no person, so the next person named in the sentence is taken instead. */
function enPossessor(ctx: DetectContext, s: number): string | null {
  const a = enAntecedent(ctx, s);
  if (!a || !/^[A-Z]{2,8}$/.test(a)) return a;
  const ss = sentenceStart(ctx.nz.norm, s, 600);
  const p = enNames(ctx, ss, s).find((x) => x.kind === "person" && !/^[A-Z]{2,8}$/.test(x.name!) && !x.possessive);
  return p ? p.name : a;
}

const EN_JOIN = /^(?:with|between|and|,|met|meets|meet|received|receives|hosted|hosts|visited|visits|to|counterpart|his|her|their|its|the|both|of)$/i;

/** English participants of a trigger at [s, e) whose clause ends at `ce`. */
export function enParticipants(ctx: DetectContext, s: number, e: number, ce: number, verb: boolean, kind: string, possDet = false): string[] {
  const norm = ctx.nz.norm;
  // A purpose or relative clause ends the participants ("… in Lima to discuss …").
  const pc = norm.slice(e, ce).search(/\s(?:to|for)\s+(?!(?:the|a|an)\s)[a-z]+\s|\s(?:which|who|where|after|before|while|following)\s/);
  if (pc >= 0) ce = e + pc;
  const out: string[] = [];
  const ss = sentenceStart(norm, s, 400);
  const subject = () => {
    // "The Chinese foreign minister also met …": a title phrase is the person last named with
    // that title, and its capitalised adjective is not a participant.
    const tp = /^\s*(?:the|The)\s+[\w-]+(?:\s+[\w-]+){0,3}/.exec(norm.slice(ss, s));
    let from = ss;
    if (tp) {
      const ws = tp[0].trim().split(/\s+/);
      while (ws.length > 1 && !EN_TITLE_NOUN.test(ws[ws.length - 1])) ws.pop();
      const who = ws.length > 1 ? enCorefTitle(ctx, ws.join(" "), ss) : null;
      if (who) { addTo(out, who); from = ss + tp[0].indexOf(ws[ws.length - 1]) + ws[ws.length - 1].length; }
    }
    const before = enNames(ctx, from, s).filter((p) => (p.kind === "person" || p.role)
      // A dateline ("RIYADH:", "AFP -") names a place or an agency, not a participant.
      && !(/^[A-Z]{2,}$/.test(p.name!) && /^\s*(?::|\s-|\s–)/.test(norm.slice(p.e, p.e + 3)))
      // "Special Envoy for Yemen Hans Grundberg": a title's "for <place>" runs into the name.
      && (!/(?:^|\s)(?:to|in|at|from|for|of|on|with|by)\s+(?:the\s+)?$/i.test(norm.slice(Math.max(ss, p.s - 12), p.s)) || (p.name!.split(/\s+/).length >= 3 && /(?:Envoy|Coordinator|Representative|Commissioner|Minister|Secretary|Ambassador|Adviser|Advisor)\s+for\s+$/.test(norm.slice(Math.max(ss, p.s - 30), p.s)))));
    for (const p of before) addTo(out, p.name!);
    if (!before.length && verb) {
      // A common-noun subject: "The top diplomats of the two nations held a meeting"; a title
      // is the person last named with it ("The foreign minister will also visit …").
      const np = /(?:^\s*|[,;]\s*)((?:the|The|both|Both)\s+(?:(?!(?:to|in|at|from|for|with|by)\s)[^,;\s]+\s+){0,5}?[^,;\s]+)\s+(?:(?:have|has|had|would|will|also|then|later|is|was|are|were|scheduled|expected|due|set|plans?|to)\s+)*$/.exec(norm.slice(ss, s));
      if (out.length) return;
      const pron = /(?:^|\s)(?:he|she|they|He|She|They)\s+(?:(?:have|has|had|would|will|also|then|later|is|was|are|were|scheduled|expected|due|set|plans?|to)\s+)*$/.exec(norm.slice(ss, s));
      if (np) addTo(out, enCorefTitle(ctx, np[1], ss + np.index) ?? np[1]);
      else if (pron) { const a = enAntecedent(ctx, ss + pron.index); if (a) addTo(out, a); }
    }
  };
  // Possessor: "Ahmed's visit".
  const poss = /([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})['’]s\s+(?:\w+\s+){0,2}$/.exec(norm.slice(Math.max(ss, s - 60), s));
  if (poss) addTo(out, poss[1]);
  // "his four-nation visit": the pronoun's antecedent.
  // "X paid his first visit", "X concluded a visit": the subject of a light verb makes the visit.
  else if (lightVerbBefore(norm.slice(Math.max(ss, s - 50), s))) subject();
  else if (possDet) { const a = enPossessor(ctx, s); if (a) addTo(out, a); }
  if (verb) subject();
  let objects = 0;
  // Objects: names after the trigger, up to the clause end; "in/at/on X" is a place, not a participant.
  for (const p of enNames(ctx, e, ce)) {
    const gap = norm.slice(e, p.s);
    const prev = /(\S+)\s*$/.exec(gap)?.[1] ?? "";
    // "the visit of Minister X": "of" right after the noun introduces its agent (a person or a titled name).
    const ofAgent = !verb && objects === 0 && /^\s+of\s+[^,.;:()]{0,40}$/.test(gap) && (!!p.role || (p.kind === "person" && /\s/.test(p.name!)));
    if (/^(?:in|at|on|from|of|during|for)$/i.test(prev) && !ofAgent) continue;
    // "in the presence of the Ambassador, Permanent Representative of …, Omar Hilal": only full
    // personal names count in the appositive chain (not the offices and places inside it).
    if (!verb && /(?:^|\s)presence\s+of\s/.test(gap)) {
      if (p.kind === "person" && /\s/.test(p.name!) && !p.possessive && !/^\s+(?:of|to|for|in)\s/.test(norm.slice(p.e, p.e + 6))) { addTo(out, p.name!); objects++; }
      continue;
    }
    // "with Hezbollah's foreign relations coordinator, Ammar Moussawi": a name in apposition to a title noun.
    const appos = /(?:^|\s)([a-z-]+)\s*,\s*$/.exec(gap);
    if (!verb && appos && EN_TITLE_NOUN.test(appos[1]) && /(?:^|\s)(?:with|between)\s/.test(gap) && p.kind === "person") { addTo(out, p.name!); objects++; continue; }
    // After a noun: "with", "between", "in the presence of", or "of" right after it ("the visit of X").
    const byAgent = !verb && /^\s+(?:(?:attended|hosted|given|offered)\s+by|in\s+honou?r\s+of)\s/.test(gap);
    if (!verb && !/(?:^|\s)(?:with|between)\s/.test(gap) && !ofAgent && !byAgent) continue;
    // "Afghan president": a capitalised adjective before a title noun is part of the participant.
    const tn = /^\s+([a-z-]+)/.exec(norm.slice(p.e, p.e + 30));
    const name = tn && EN_TITLE_NOUN.test(tn[1]) && !p.role ? `${p.name} ${tn[1]}` : p.name!;
    if (verb || EN_JOIN.test(prev) || ofAgent || (byAgent && (objects === 0 || /^(?:by|and|of)$/.test(prev)))) { addTo(out, name); objects++; }
  }
  // "between the foreign ministers": a common-noun participant when no name follows.
  const bw = /^\s*(?:\S+\s+){0,2}?(?:between|with)\s+((?:the\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3}?)(?=\s+(?:in|on|at|and|to|for|of)\s|[,.;]|$)/.exec(norm.slice(e, ce));
  // "between UN and government delegations": coordinated modifiers share the plural head noun.
  const shared = objects === 0 ? /^\s*(?:\S+\s+){0,3}?between\s+(?:the\s+)?([A-Za-z][\w-]*)\s+and\s+([A-Za-z][\w-]*)\s+([a-z]+)s(?=[\s,.;]|$)/.exec(norm.slice(e, ce)) : null;
  if (shared && EN_TITLE_NOUN.test(shared[3])) { addTo(out, `${shared[1]} ${shared[3]}`); addTo(out, `${shared[2]} ${shared[3]}`); objects += 2; }
  if (bw && objects === 0) addTo(out, bw[1]);
  // "to meet top Iranian leadership": a common-noun object ending in a title.
  const on = verb && objects === 0 ? /^\s+((?!(?:with|to|in|on|at|for|of|by|from|about|regarding)\s)(?:(?:the|top|senior|[a-z]+|[A-Z][a-z]+)\s+){0,3}([a-z-]+))/.exec(norm.slice(e, ce)) : null;
  if (on && EN_TITLE_NOUN.test(on[2])) addTo(out, on[1]);
  // A visit's destination takes part ("visit to Sanaa").
  if (kind === "visit") { const d = /^\s+to\s+([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})/.exec(norm.slice(e, ce)); if (d) addTo(out, d[1]); }
  // "the UNSC meeting": the body before the noun.
  const body = /(?:^|\s)([A-Z]{2,6})\s+$/.exec(norm.slice(Math.max(ss, s - 12), s));
  if (!verb && body) addTo(out, body[1]);
  // "The UN Security Council meeting": a body's name before the noun.
  const bodyName = /(?:^|\s)((?:[A-Z][\w-]*\s+)*?(?:Council|Assembly|Committee|Commission|Cabinet|Parliament|Senate|Congress|Board))\s+$/.exec(norm.slice(Math.max(ss, s - 60), s));
  if (!verb && !body && bodyName) addTo(out, bodyName[1].replace(/^(?:The|A)\s+/, ""));
  // Nothing after a noun: the clause's subject took part ("X and Y, meeting on the sidelines").
  if (!verb && out.length === 0) subject();
  return out;
}
