import type { DetectContext, RawDetection } from "./util";
import { mk } from "./util";

/**
 * People with titles, organisations and places, found by word shape and a small gazetteer of
 * titles and offices (no list of names). Speakers (speakers.ts) and meeting participants
 * (meetings.ts) are read through these helpers, and `detectEntities` reports them as `entity`
 * claims when asked.
 *
 * Arabic has no capital letters, so a name is recognised by position: after a title and its
 * complements ("وزير الخارجية الإسباني خوسيه …"), before a title ("سامح شكري وزير الخارجية"),
 * or as the subject right after a verb. Clitics (و، ف، ب، ل، لل) are removed by word shape:
 * «للجنة» is ل + اللجنة, «بالمبعوث» is ب + المبعوث.
 */

/** A noun phrase: a person (name and/or title), an organisation or a place. Offsets are
 * normalised-text indices; `name`/`role` are original-text strings. */
export interface Phrase { s: number; e: number; kind: "person" | "org" | "place"; name: string | null; role: string | null; possessive?: boolean }

/** The text a phrase contributes as a speaker or participant: the name when known. */
export const labelOf = (p: Phrase): string => p.name ?? p.role ?? "";

const set = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

// ---- Arabic lexicon (normalised: ا for أإآ, ه for ة, ي for ى; stored without ال) ----
const AR_TITLES = set(`وزير وزيره رئيس رئيسه امين مبعوث مبعوثه موفد ممثل ممثله مندوب مندوبه منسق مفوض مساعد مساعده نائب
  متحدث متحدثه ناطق سفير سفيره مستشار مستشاره مدير مديره قائد زعيم ملك ملكه امير اميره عاهل شيخ سيد سيده دكتور دكتوره
  مسؤول مسؤوله عضو كاتب خبير محلل باحث استاذ محامي نقيب عميد لواء عقيد فريق جنرال قاضي مرشد بطريرك مطران مفتي
  خادم ولي حاكم محافظ منتدب منتدبه الممثل وكيل اعضاء قاده زعماء سفراء خبراء مسؤولون مسؤولين ممثلو ممثلي ممثلين
  مندوبو مندوبي مستشارو مستشاري وزراء رؤساء سفراء نواب قضاه محللون محللين متحدثون
  سكرتير سكرتيره`);
/** Titles of address that are shown with the name they precede. */
const ADDRESS = set("دكتور دكتوره شيخ شيخه سيد سيده امير اميره ملك");
/** Honorifics that precede a title or a name and are not part of it. */
const AR_HONORIFIC = set("معالي سمو فخامه سعاده جلاله صاحب حضره");
/** Office words that complete a title even without the article ("وزير خارجية اريتريا"). */
const AR_OFFICE = set(`خارجيه دفاع داخليه عدل ماليه اقتصاد شؤون شئون مجلس وزراء دوله جمهوريه حكومه وزاره هيئه ديوان عام
  اعمال امن عهد برلمان نواب دائم خاص خاصه شخصي شخصيه تنفيذي تنفيذيه اعلي اسبق سابق عامه رسمي`);
/** Heads of organisation names. */
const AR_ORG = set(`وفد وفدا دول صندوق دوله حكومه مجلس وزاره رئاسه هيئه لجنه منظمه جامعه وكاله بعثه حركه جماعه حزب قوات تحالف اتحاد
  سفاره قياده امم مكتب محكمه برلمان مؤسسه شركه بنك صندوق نادي مفوضيه
  جمعيه اطراف`);
/** Portfolios that, with the article, name their ministry ("قالت الخارجية"). */
const MINISTRY_METONYM = set("خارجيه داخليه دفاع رئاسه");
/** Function and time words: never a name, never the start of a participant. */
const AR_STOP = set(`في من الي على وعلى عن مع بين ان انه انها انهم اذ اذا لكن حيث قد لقد كما ثم او ام لا لم لن ما هذا هذه ذلك
  تلك الذي التي الذين اللذين اللتين هو هي هم هما نحن انا كل بعد قبل خلال عقب امام لدي عند حول ضمن عبر بشان وفق وفقا منذ حتي
  اليوم امس غدا يوم يومه مساء صباح ليله ظهر فجر عصر الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت جرى جري تم وذلك
  فيها فيه اليه اليها عليه عليها منه منها عنه عنها له لها لهم به بها بهم معه معها بينهم ايضا مجددا بدوره بدورها بدورهم
  قائلا مؤكدا مضيفا مشيرا موضحا مشددا معتبرا لافتا مبينا مشيدا داعيا محذرا معربا منوها بحضور بحسب حسب نحو حوالي اكثر
  اقل عدد عددا بعض جميع كافه سيما لاسيما ولاسيما لدى لدي لبحث لمناقشه بهدف بخصوص كل
  الماضي الماضيه الجاري الحالي المقبل القادم المنصرم الفائت الاخير الاخيره نهايه بدايه مطلع اواخر اوائل منتصف شهر
  يناير فبراير مارس ابريل مايو يونيو يوليو اغسطس سبتمبر اكتوبر نوفمبر ديسمبر كانون شباط اذار نيسان ايار حزيران تموز
  ايلول تشرين يوليوز غشت شتنبر نونبر دجنبر قوله قولها قولهم
  هاتفيا رسميا شخصيا حاليا سابقا لاحقا مجددا عمليا فعليا علنيا سريا ميدانيا افتراضيا مطولا`);
/** Prepositions that may continue a role ("المبعوث الخاص إلى اليمن", "المندوب لدى الأمم المتحدة"). */
const AR_ROLE_PREP = set("الي في لدي لدى");
/** Name particles that take the next word into the name ("ولد الشيخ", "عبد الفتاح"). */
const AR_NAME_LINK = set("ولد بن بنت ابن ابو ابي ام عبد ال");

const TOKEN_RE = /[\u0621-\u064AA-Za-z][\u0621-\u064AA-Za-z0-9'’-]*|\d+|[^\s]/g;

export interface Tok { s: number; e: number; w: string; punct: boolean }

/** Tokens of the normalised text between `from` and `to`: Arabic/Latin words, digit runs and
 * single punctuation marks. «على» and «علي» fold to the same string; the preposition (spelt
 * with alef maqsura in the original) is given back as "على" so it is never read as the name Ali. */
export function tokens(ctx: DetectContext, from: number, to: number): Tok[] {
  const norm = ctx.nz.norm;
  const out: Tok[] = [];
  TOKEN_RE.lastIndex = from;
  // Scan the whole string from `from` and stop at `to`: slicing a prefix would copy the text per call.
  for (let m = TOKEN_RE.exec(norm); m && m.index + m[0].length <= to; m = TOKEN_RE.exec(norm)) {
    let w = m[0];
    if (/^[وف]?علي$/.test(w) && ctx.nz.orig[ctx.nz.map[m.index + w.length - 1]] === "ى") w = w.slice(0, -1) + "ى";
    out.push({ s: m.index, e: m.index + m[0].length, w, punct: !/^[\u0621-\u064AA-Za-z0-9]/.test(w) });
  }
  return out;
}

const AR_LEX = new Set([...AR_TITLES, ...AR_ORG, ...AR_OFFICE]);
/** A title, office or organisation word (normalised, without the article). */
export const isLexicon = (x: string) => AR_LEX.has(x.replace(/^ال/, ""));
const clitic = (x: string) => /^(?:ال|لل|[بلك]ال)/.test(x) || AR_LEX.has(x) || (/^[بل]/.test(x) && AR_LEX.has(x.slice(1)));

/** Arabic word shape: the word without conjunction and preposition clitics, and whether it is
 * definite. `cut` normalised letters are dropped from the front and `prefix` is prepended to
 * show it: «وللجنة» → اللجنة (لجنة is a known word, so لل = ل + ال of لجنة, not ل + الجنة),
 * «لليمن» → اليمن, «بالمبعوث» → المبعوث. */
export function arShape(w: string): { core: string; def: boolean; prep: string; cut: number; prefix: string } {
  let x = w, cut = 0, prefix = "", prep = "";
  if (/^[وف]/.test(x) && x.length > 3 && clitic(x.slice(1))) { x = x.slice(1); cut = 1; }
  if (/^لل/.test(x) && x.length > 3) {
    prep = "ل"; prefix = "ا";
    const rest = x.slice(2);
    if (AR_LEX.has("ل" + rest)) x = "ال" + "ل" + rest;
    else { x = "ال" + rest; cut += 1; }
  } else if (/^[بلك]ال/.test(x) && x.length > 4) { prep = x[0]; x = x.slice(1); cut += 1; }
  else if (/^[بل]/.test(x) && AR_LEX.has(x.slice(1))) { prep = x[0]; x = x.slice(1); cut += 1; }
  const def = /^ال/.test(x) && x.length > 3;
  return { core: def ? x.slice(2) : x, def, prep, cut, prefix };
}

const isTitle = (c: string) => AR_TITLES.has(c);
/** An organisation head, also in the dual or a sound plural ("الوفدين", "الوفدان", "اللجان" is broken and not covered). */
const orgHead = (c: string) => AR_ORG.has(c) || (/(?:ين|ان)$/.test(c) && c.length > 4 && AR_ORG.has(c.slice(0, -2)));
/** A title or an organisation head (normalised, without the article). */
export const isOrgOrTitle = (c: string) => AR_TITLES.has(c) || AR_ORG.has(c);
export const arStop = (w: string) => AR_STOP.has(w) || AR_STOP.has(arShape(w).core) || AR_STOP.has(w.replace(/^[وف]/, "")) || /^[وفبلك](?:ان|انه|انها|انهم|ما|من|في|عن|الي|على)$/.test(w);
const PLURAL_VERB = /^[وف]?(?:قالوا|اكدوا|اضافوا|تابعوا|اشاروا|صرحوا|اعلنوا|ذكروا|اوضحوا|شددوا|لفتوا|دعوا|طالبوا|وصفوا|اعتبروا|كتبوا|حذروا|جددوا|اعربوا|التقوا|اجتمعوا|زاروا|بحثوا|ناقشوا|عقدوا)$/;
/** A word that can be (part of) a personal name: Arabic, not a function/title/office/org word. */
function arNameWord(w: string): boolean {
  // Plural verbs ("وشددوا", "التقوا") and nouns with a pronoun suffix ("قولها", "كلمته") are not names.
  if (!/^[\u0621-\u064A\u0649]{2,}$/.test(w) || arStop(w) || PLURAL_VERB.test(w) || /(?:ها|هما|هم|هن|ته)$/.test(w) && w.length >= 4) return false;
  const sh = arShape(w);
  return !isTitle(sh.core) && !AR_OFFICE.has(sh.core) && !AR_ORG.has(sh.core) && !AR_HONORIFIC.has(sh.core);
}

/** A noun with a possessive pronoun suffix ("بيانهم", "كلمتها", "زيارته"; ه, not ة, in the original). */
export const pronounSuffixed = (ctx: DetectContext, tok: Tok) => tok.w.length >= 4 && (/(?:ها|هم|هما|هن|كم)$/.test(tok.w) || (/ه$/.test(tok.w) && ctx.nz.orig[ctx.nz.map[tok.e - 1]] === "ه"));
const orig = (ctx: DetectContext, a: number, b: number) => ctx.nz.orig.slice(ctx.nz.map[a], ctx.nz.map[b]).replace(/["“”«»]/g, "").replace(/\s+/g, " ").trim();
/** Original text from token `tok` (its clitics removed) to normalised index `end`. */
const disp = (ctx: DetectContext, tok: Tok, end: number) => { const sh = arShape(tok.w); return sh.prefix + orig(ctx, tok.s + sh.cut, end); };

/**
 * Parse an Arabic noun phrase starting at token `i`: [honorific] title + complements [،] name,
 * name [title …], or an organisation. Returns the phrase and the index of the next token.
 */
export function arPhraseAt(ctx: DetectContext, t: Tok[], i: number, subject = false): { p: Phrase; next: number } | null {
  const n = t.length;
  const start = i;
  while (i < n && !t[i].punct && AR_HONORIFIC.has(arShape(t[i].w).core)) i++;
  if (i >= n || t[i].punct) return null;
  const sh = arShape(t[i].w);
  // Title + complements.
  if (isTitle(sh.core) || (sh.def && isTitle(sh.core.replace(/ه$/, "")))) {
    let j = i + 1, re = t[i].e;
    let comps = 0; // complements since the last title
    while (j < n && !t[j].punct && j - i < 12) {
      const w = t[j].w, s2 = arShape(w);
      // A title after a complete role ("أعضاء الوفد البرلماني رئيس الحكومة") starts the next
      // person; right after a title it continues it ("نائب رئيس الوزراء وزير الخارجية").
      if (isTitle(s2.core) && comps >= 2) break;
      if (isTitle(s2.core)) comps = 0; else comps++;
      // Not before a noun with a pronoun suffix: "في بيانهم" is an adverbial, not a posting.
      if (AR_ROLE_PREP.has(w) && j + 1 < n && !t[j + 1].punct && !arStop(t[j + 1].w) && !pronounSuffixed(ctx, t[j + 1])) {
        // "إلى اليمن" / "لدى الأمم المتحدة": one place word, or definite words.
        j++; re = t[j].e; j++;
        while (j < n && !t[j].punct && arShape(t[j].w).def && !arStop(t[j].w)) { re = t[j].e; j++; }
        continue;
      }
      // "المتحدث باسم الحكومة": the office a spokesperson speaks for.
      if (w === "باسم" && j + 1 < n && !t[j + 1].punct && arShape(t[j + 1].w).def) { re = t[j].e; j++; continue; }
      if (arStop(w)) break;
      // "بجامعة قطر", "لوزارة الخارجية": an institution the role belongs to, with its complement.
      if (s2.prep && AR_ORG.has(s2.core)) {
        re = t[j].e; j++;
        if (!s2.def && j < n && !t[j].punct && !arStop(t[j].w)) { re = t[j].e; j++; }
        continue;
      }
      if (s2.prep === "ب") break;
      // "وزير الداخلية ووزير الدفاع": a conjunction before a title or a body starts the next
      // phrase; before another complement it coordinates ("الشؤون الخارجية والتعاون").
      if (/^[وف]/.test(w) && s2.cut > 0 && isOrgOrTitle(s2.core)) break;
      // An indefinite office word is in construct with the next word: "خارجية موريتانيا".
      if (AR_OFFICE.has(s2.core) && !s2.def && !s2.prep && j + 1 < n && !t[j + 1].punct && !arStop(t[j + 1].w)) { re = t[j + 1].e; j += 2; continue; }
      // After a bare definite title the next definite word is an adjective (nisba "الفرنسي",
      // participle "المقيم", office "العام") or the verb's object ("بحث الوزير الأوضاع").
      if (sh.def && j === i + 1 && s2.def && !s2.prep && !AR_OFFICE.has(s2.core) && !isOrgOrTitle(s2.core) && !/(?:ي|يه)$/.test(s2.core) && !/^م[\u0621-\u064A]{3,}$/.test(s2.core)) break;
      if (s2.def || AR_OFFICE.has(s2.core) || isTitle(s2.core) || (s2.prep === "ل" && !arStop(w))) { re = t[j].e; j++; continue; }
      // An indefinite title is in construct with the next word: "أستاذ علم الاجتماع", "وزير خارجية إريتريا".
      if (j === i + 1 && !sh.def && !sh.prep) { re = t[j].e; j++; continue; }
      // "لنزاع الصحراء", "لشؤون الدفاع": ل + a noun in construct with a definite word.
      if (/^ل[\u0621-\u064A]{3,}$/.test(w) && j + 1 < n && !t[j + 1].punct && arShape(t[j + 1].w).def) { re = t[j].e; j++; continue; }
      break;
    }
    const role = disp(ctx, t[i], re);
    // Name right after the role, or after one comma (apposition), possibly in quotation marks.
    let k = j;
    while (k < n && k - j < 2 && t[k].punct && /[،,"“”«»]/.test(t[k].w)) k++;
    let nm = arNameAt(ctx, t, k);
    // Right after a bare definite title, a word in ة is its object ("ألقى الوزير كلمة"), not a name.
    if (nm && k === i + 1 && sh.def && ctx.nz.orig[ctx.nz.map[t[k].e - 1]] === "ة") nm = null;
    // A name in apposition (after a comma) ends the phrase: "، غير بيدرسن، اليوم"; not "، طالب النواب".
    if (nm && k > j && nm.end < n && !t[nm.end].punct && !arStop(t[nm.end].w)) nm = null;
    // "وزير الخارجية السعودي الأمير فيصل بن فرحان": a title of address after the role opens the name.
    if (!nm && k === j && k + 1 < n && !t[k].punct && arShape(t[k].w).def && !arShape(t[k].w).prep && ADDRESS.has(arShape(t[k].w).core)) {
      const nm2 = arNameAt(ctx, t, k + 1);
      if (nm2) return { p: { s: t[start].s, e: t[nm2.end - 1].e, kind: "person", name: orig(ctx, t[k].s, t[nm2.end - 1].e), role }, next: nm2.end };
    }
    // "الدكتور ماجد", "الشيخ محمد": a title of address stays with the name it precedes.
    if (nm) return { p: { s: t[start].s, e: t[nm.end - 1].e, kind: "person", name: k === i + 1 && ADDRESS.has(sh.core) ? disp(ctx, t[i], t[nm.end - 1].e) : orig(ctx, t[k].s, t[nm.end - 1].e), role }, next: nm.end };
    // "أستاذ العلوم السياسية، الدكتور ماجد الأنصاري": a second title phrase in apposition names the person.
    if (k > j && k < n && !t[k].punct && (isTitle(arShape(t[k].w).core) || AR_HONORIFIC.has(arShape(t[k].w).core))) {
      const r2 = arPhraseAt(ctx, t, k);
      if (r2 && r2.p.kind === "person" && r2.p.name) return { p: { ...r2.p, s: t[start].s, role }, next: r2.next };
    }
    return { p: { s: t[start].s, e: re, kind: "person", name: null, role }, next: j };
  }
  // Organisation: head + definite complements or an adjective / "من X" ("وفدا مصريا", "وفدا من دولة قطر").
  // A definite ministry portfolio stands for its ministry ("الخارجية المصرية", "الداخلية").
  if (orgHead(sh.core) || (sh.def && !sh.prep && MINISTRY_METONYM.has(sh.core))) {
    let j = i + 1, re = t[i].e;
    while (j < n && !t[j].punct && j - i < 8) {
      const w = t[j].w, s2 = arShape(w);
      if (w === "من" && j === i + 1 && j + 1 < n && !t[j + 1].punct) {
        // "وفدا من صندوق النقد", "وفدا من دولة قطر": the body the delegation comes from.
        const r2 = arPhraseAt(ctx, t, j + 1);
        if (r2) { re = r2.p.e; j = r2.next; break; }
        let k2 = j + 1;
        while (k2 < n && k2 <= j + 2 && !t[k2].punct && !arStop(t[k2].w)) { re = t[k2].e; k2++; }
        j = k2;
        break;
      }
      if (arStop(w) && w !== "من") break;
      if (s2.prep === "ب" && j > i + 1) break;
      // "حركة حماس", "شركة أرامكو": an indefinite head in construct with a proper name (not a
      // verb in the imperfect «يضم», not an accusative adjective «رفيعا»).
      if (j === i + 1 && !sh.def && !sh.prep && !s2.def && !s2.prep && s2.cut === 0 && arNameWord(w) && !/^[يتن]/.test(w) && !/(?:ا|ي|يه|ه)$/.test(w)) { re = t[j].e; j++; break; }
      if (s2.def || s2.prep === "ل" || (j <= i + 3 && /[يه]ا?$/.test(w) && !arStop(w))) { re = t[j].e; j++; continue; }
      break;
    }
    return { p: { s: t[start].s, e: re, kind: "org", name: disp(ctx, t[i], re), role: null }, next: j };
  }
  // Name first, optionally followed by its title ("سامح شكري وزير الخارجية"). Right after a
  // verb, a definite nisba is a family name used alone ("ووجه البارزاني").
  const nm = arNameAt(ctx, t, i) ?? (subject && sh.def && /ي$/.test(sh.core) && !AR_LEX.has(sh.core) ? { end: i + 1 } : null);
  if (nm) {
    const name = orig(ctx, t[i].s, t[nm.end - 1].e);
    // Only an indefinite title in construct follows a name ("شكري وزير الخارجية"); "بحث الوزير" is verb + subject.
    if (nm.end < n && !t[nm.end].punct && isTitle(arShape(t[nm.end].w).core) && !arShape(t[nm.end].w).def) {
      const r = arPhraseAt(ctx, t, nm.end);
      if (r && r.p.name === null) return { p: { s: t[start].s, e: r.p.e, kind: "person", name, role: r.p.role }, next: r.next };
    }
    return { p: { s: t[start].s, e: t[nm.end - 1].e, kind: "person", name, role: null }, next: nm.end };
  }
  return null;
}

/** A personal name at token i: 1-4 name words; a definite word only as a family name (nisba
 * "العرابي") or after a link ("ولد الشيخ", "عبد الفتاح"). */
function arNameAt(ctx: DetectContext, t: Tok[], i: number): { end: number } | null {
  const n = t.length;
  if (i >= n || t[i].punct) return null;
  const first = t[i].w;
  if (!arNameWord(first) || arShape(first).def || /^[وفب]/.test(first) && arShape(first).prep) return null;
  // "بمكتبه", "لنظيره": a preposition on a noun with a pronoun suffix is not a name.
  if (/^[بلكف]/.test(first) && pronounSuffixed(ctx, t[i])) return null;
  // "اتصالاً هاتفياً", "اجتماعاً موسعاً": an accusative noun and its nisba adjective, not a name.
  if (/ا$/.test(first) && first.length >= 5 && i + 1 < n && !t[i + 1].punct && /يا$/.test(t[i + 1].w)) return null;
  let j = i + 1, words = 1;
  while (j < n && !t[j].punct && words < 5) {
    const w = t[j].w, prev = t[j - 1].w;
    if (AR_NAME_LINK.has(prev) && !AR_STOP.has(w)) { j++; words++; continue; }
    const nx0 = t[j + 1];
    const atEnd = !nx0 || nx0.punct || arStop(nx0.w);
    // A title word used as a family name ends the name: "سامي القاضي،".
    if (!arNameWord(w) && /^ال/.test(w) && isTitle(arShape(w).core) && atEnd && !arStop(w)) { j++; words++; break; }
    if (!arNameWord(w)) break;
    // "ماكرون دعمه": a word ending in the pronoun ه (not ة) is a noun with a possessive, not a name.
    if (ctx.nz.orig[ctx.nz.map[t[j].e - 1]] === "ه" && w.length >= 4 && !/الله$/.test(w)) break;
    const s2 = arShape(w);
    if (s2.prep) break;
    if (/^ال/.test(w) && !/ي$/.test(w)) {
      // A definite word ends a name as its family name ("لولوة الخاطر") only where the phrase
      // ends, and only after one or two name words: after three it is the object of the verb
      // ("… إيمانويل ماكرون تطورات الأوضاع").
      if (words >= 3 && !AR_NAME_LINK.has(prev)) break;
      const nx = t[j + 1];
      if (!nx || nx.punct || arStop(nx.w) || isOrgOrTitle(arShape(nx.w).core)) { j++; words++; }
      break;
    }
    j++; words++;
  }
  return { end: j };
}

// ---- English ----
const EN_TITLE = /^(?:President|Prime|Minister|Foreign|Defence|Defense|Interior|Finance|Trade|External|Affairs|Secretary|Secretary-General|General|Ambassador|Envoy|Special|Spokesperson|Spokesman|Spokeswoman|Senator|King|Queen|Prince|Princess|Sheikh|Emir|Crown|Dr|Mr|Mrs|Ms|Sir|Chancellor|Representative|Coordinator|Commissioner|Director|Chairman|Chair|Chief|Deputy|Vice|FM|His|Her|Excellency|Mayor|Governor|Judge|Justice|Rev|Pope)\.?$/;
const EN_NOT_NAME = /^(?:The|A|An|He|She|It|They|We|I|You|In|On|At|By|For|From|To|Of|And|But|Or|As|This|That|These|Those|His|Her|Their|Its|Our|Earlier|Later|Meanwhile|According|During|After|Before|While|When|Where|Under|Over|Also|Both|Speaking|Responding|Based|Ahead|Last|Next|Following|Despite|Amid|Since|Until|Upon|Without|Officials|Sources|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|UN|U\.N\.|US|U\.S\.)$/;
const EN_PARTICLE = /^(?:al|el|bin|ben|bint|de|da|di|del|van|von|der|la|le|ould|abu|ibn|-)$/;
const EN_ORG_WORD = /^(?:Council|Ministry|Party|Group|Agency|Office|Nations|Union|Assembly|Organisation|Organization|Government|Presidency|Parliament|Committee|Commission|Bank|Fund|Court|Army|Forces|News|Palace|Hotel|Dialogue|Cooperation|Congress)$/;

/** English capitalised name runs between `from` and `to` (persons and organisations). */
export function enNames(ctx: DetectContext, from: number, to: number): Phrase[] {
  const t = tokens(ctx, from, to);
  const out: Phrase[] = [];
  let i = 0;
  while (i < t.length) {
    const w = t[i].w;
    if (t[i].punct || !/^[A-Z]/.test(w) || EN_NOT_NAME.test(w.replace(/['’]s$/, ""))) { i++; continue; }
    // Leading titles are the role, not the name.
    let j = i;
    const roleStart = i;
    // "Secretary of State Antony Blinken", "Minister of State for …": "of" + a capitalised office word stays in the role.
    while (j < t.length && (EN_TITLE.test(t[j].w) || (j > i && t[j].w === "of" && j + 2 < t.length && /^(?:State|Defence|Defense|Foreign|Interior|Finance|Justice|Health|Trade|Economy|Education)$/.test(t[j + 1].w) && /^[A-Z]/.test(t[j + 2].w)))) j += t[j].w === "of" ? 2 : 1;
    const ns = j;
    while (j < t.length && !t[j].punct && (/^[A-Z]/.test(t[j].w) || (j > ns && /^(?:al|el|ad|ar|as|ash|at|az|an|ul|bin|ibn|abu|bani)-[A-Z]/.test(t[j].w)) || (EN_PARTICLE.test(t[j].w.toLowerCase()) && j + 1 < t.length && /^[A-Z]/.test(t[j + 1].w))) && !EN_NOT_NAME.test(t[j].w)) {
      if (/['’]s$/.test(t[j].w)) { j++; break; }
      j++;
    }
    if (j === ns) { i = Math.max(j, i + 1); continue; }
    // "Peruvian President Luis Vidal": a title inside the run ends the role; the name follows it.
    let nsx = ns;
    for (let q = j - 2; q > ns; q--) if (EN_TITLE.test(t[q].w) && !EN_PARTICLE.test(t[q].w.toLowerCase())) { nsx = q + 1; break; }
    const words = t.slice(nsx, j).map((x) => x.w.replace(/['’]s$/, ""));
    const org = words.some((x) => EN_ORG_WORD.test(x));
    const name = words.join(" ");
    const role = nsx > roleStart ? t.slice(roleStart, nsx).map((x) => x.w).join(" ") : null;
    out.push({ s: t[i].s, e: t[j - 1].e, kind: org ? "org" : "person", name, role, possessive: /['’]s$/.test(t[j - 1].w) });
    i = j;
  }
  return out;
}

/**
 * The nearest person named with a title before `pos` (within `span` characters): the
 * antecedent of a subject-less verb when no speaker has been named yet ("أشادت الوزيرة سلمى
 * العلي بالخطة. وقالت إن …").
 */
export function lastNamedPerson(ctx: DetectContext, pos: number, span = 400): string | null {
  const from = Math.max(0, pos - span);
  if (ctx.lang === "en") {
    const ps = enNames(ctx, from, pos).filter((p) => p.kind === "person" && (p.role || p.name!.includes(" ")) && !p.possessive);
    return ps.length ? ps[ps.length - 1].name : null;
  }
  const t = tokens(ctx, from, pos);
  let found: string | null = null;
  for (let i = 0; i < t.length; i++) {
    if (t[i].punct || !isTitle(arShape(t[i].w).core) && !AR_HONORIFIC.has(arShape(t[i].w).core)) continue;
    const r = arPhraseAt(ctx, t, i);
    if (r && r.p.name) { found = r.p.name; i = r.next - 1; }
  }
  return found;
}

/**
 * "the foreign minister", "the envoy": the latest person named before `pos` whose title ends
 * with the same words ("Foreign Minister Shah Mehmood Qureshi", "Special Envoy X"); a bare
 * head noun matches the last word of the title. Null when no named person has that title.
 */
export function enCorefTitle(ctx: DetectContext, np: string, pos: number): string | null {
  const words = np.toLowerCase().replace(/^the\s+/, "").split(/\s+/).filter(Boolean);
  if (!words.length || words.length > 4) return null;
  const tail = words.join(" ");
  // Occurrences of the title itself (any case) in the window; the last one that heads a named person wins.
  const lo = Math.max(0, pos - 3000);
  // A bounded window: lastIndexOf on the whole text would scan to its start.
  const win = lowerSameLength(ctx.nz.norm.slice(lo, pos));
  // Only an occurrence followed by a capitalised word can head a name; at most six of those are
  // parsed (a text that repeats the title would otherwise make this quadratic).
  const norm = ctx.nz.norm;
  for (let at = win.lastIndexOf(tail), tries = 0; at >= 0 && tries < 6; at = at > 0 ? win.lastIndexOf(tail, at - 1) : -1) {
    const a = lo + at;
    // A title before a name is capitalised ("Foreign Minister X"), and a name follows it.
    if (!/[A-Z]/.test(norm[a]) || !/^\s+[A-Z]/.test(norm.slice(a + tail.length, a + tail.length + 3))) continue;
    tries++;
    const ps = enNames(ctx, Math.max(lo, a - 40), Math.min(pos, a + tail.length + 60)).filter((p) => p.kind === "person" && p.role && !p.possessive && p.s <= a && p.e > a + tail.length);
    for (const p of ps) {
      const role = p.role!.toLowerCase().replace(/\./g, "");
      if ((role === tail || role.endsWith(` ${tail}`)) && !insideQuote(norm, a)) return p.name;
    }
  }
  return null;
}

/** Lower case that keeps every offset (toLowerCase can lengthen a few letters, e.g. "İ"). */
function lowerSameLength(x: string): string {
  const l = x.toLowerCase();
  return l.length === x.length ? l : x.replace(/[A-Z]+/g, (w) => w.toLowerCase());
}

/** Whether `pos` lies inside quotation marks in its paragraph (the nearest mark before it opens). */
function insideQuote(norm: string, pos: number): boolean {
  let straight = 0;
  for (let i = pos - 1; i >= 0 && pos - i < 1500; i--) {
    const c = norm[i];
    if (c === "\n") break;
    if (c === "“" || c === "«") return straight === 0;
    if (c === "”" || c === "»") return false;
    if (c === '"') straight++;
  }
  return straight % 2 === 1;
}

/** English title and group nouns in lower case ("the foreign minister", "top Iranian leadership"). */
export const EN_TITLE_NOUN = /^(?:president|minister|secretary|secretary-general|envoy|ambassador|spokesperson|spokesman|spokeswoman|chancellor|king|queen|prince|emir|premier|leaders?|leadership|officials?|diplomats?|counterparts?|delegation|representatives?|commissioner|mediator|coordinator|director|chief|governor|mayor|general|senator|chairman|chair)$/;

/**
 * The antecedent of an English "he"/"she"/"his" at `pos`: the subject of its sentence — the
 * first person named there outside a prepositional phrase, or "the <title>" resolved to the
 * person last named with that title — else the subject of one of the two sentences before.
 */
export function enAntecedent(ctx: DetectContext, pos: number): string | null {
  const norm = ctx.nz.norm;
  let end = pos;
  for (let back = 0; back < 3 && end > 0; back++) {
    let ss = end - 1;
    while (ss > 0 && !/[.!?\n]/.test(norm[ss - 1])) ss--;
    if (end - ss > 600) ss = end - 600;
    const seg = norm.slice(ss, end);
    const person = enNames(ctx, ss, end).find((p) => p.kind === "person" && !p.possessive && !/(?:^|\s)(?:to|in|at|from|for|of|on|with|by|into|near)\s+(?:the\s+)?$/i.test(norm.slice(Math.max(ss, p.s - 12), p.s)));
    // "the foreign minister flew …": the longest run of at most four words that ends in a title noun.
    const m = /(?:^\s*|,\s*)(the\s+[a-z-]+(?:\s+[a-z-]+){0,3})/i.exec(seg);
    let np: string | null = null;
    if (m) {
      const ws = m[1].split(/\s+/);
      while (ws.length > 1 && !EN_TITLE_NOUN.test(ws[ws.length - 1])) ws.pop();
      if (ws.length > 1) np = ws.join(" ");
    }
    const npAt = np ? ss + m!.index : Infinity;
    if (person && person.s < npAt) return person.name;
    if (np) { const r = enCorefTitle(ctx, np, npAt); if (r) return r; }
    if (person) return person.name;
    end = ss - 1;
  }
  return null;
}

/** Detect entities in the whole text (reported as `entity` claims when the caller asks). */
export function detectEntities(ctx: DetectContext): RawDetection[] {
  const out: RawDetection[] = [];
  const { norm } = ctx.nz;
  if (ctx.lang === "en") {
    for (const p of enNames(ctx, 0, norm.length)) if (p.kind === "org" || p.role || p.name!.includes(" ")) out.push(mk(ctx, "entity", p.s, p.e, { name: p.name, role: p.role }, 0.6));
    return out;
  }
  const t = tokens(ctx, 0, norm.length);
  for (let i = 0; i < t.length; i++) {
    if (t[i].punct) continue;
    const sh = arShape(t[i].w);
    // Only phrases anchored on a title or an organisation head: bare name-shaped words are too common to report alone.
    if (!isTitle(sh.core) && !AR_ORG.has(sh.core) && !AR_HONORIFIC.has(sh.core)) continue;
    const r = arPhraseAt(ctx, t, i);
    if (!r || (r.p.kind === "person" && !r.p.name)) continue;
    out.push(mk(ctx, "entity", r.p.s, r.p.e, { name: r.p.name, role: r.p.role }, 0.6));
    i = r.next - 1;
  }
  return out;
}
