import { describe, expect, it } from "vitest";
import { detectClaims } from "./index";

const meet = (t: string, lang?: "ar" | "en") => detectClaims(t, { lang }).filter((d) => d.type === "meeting");

describe("meetings and visits", () => {
  it("verbs always assert an event", () => {
    const m = meet("كما التقى السيسي بعدد من ممثلي القبائل.");
    expect(m).toHaveLength(1);
    expect(m[0].fields).toMatchObject({ kind: "meeting" });
    expect(meet("زار وزير الدفاع التركي ليبيا.")[0].fields).toMatchObject({ kind: "visit" });
  });
  it("nouns need a cue (participants, destination, relative clause)", () => {
    expect(meet("عقد الاجتماع الذي جمع العطية مع الوزير التركي في 20 يوليو 2020.")[0].fields).toMatchObject({ kind: "meeting", date: "2020-07-20" });
    expect(meet("زيارة الرئيس التركي إلى الدوحة")[0].fields).toMatchObject({ kind: "visit", place: "الدوحة" });
    expect(meet("أجرى السيسي اتصالاً مع نظيره الأمريكي")[0].fields).toMatchObject({ kind: "call" });
    expect(meet("أمام جلسة لمجلس الأمن")[0].fields).toMatchObject({ kind: "session" });
  });
  it("headlines without a cue and anaphors are skipped", () => {
    expect(meet("اجتماعات متسارعة.. هل يمتد الحلف")).toEqual([]);
    expect(meet("هذه الزيارة تزامنت تقريباً مع زيارة الرئيس إلى الدوحة")).toHaveLength(1);
    expect(meet("أكد خلال اللقاء استمرار الشراكة الاستراتيجية بين البلدين")).toEqual([]);
  });
  it("English", () => {
    const m = meet("Ministers from Egypt and Kenya met in Nairobi on 14 March 2024. A phone call between the two presidents followed.", "en");
    expect(m.map((x) => x.fields)).toMatchObject([{ kind: "meeting", place: "Nairobi", date: "2024-03-14" }, { kind: "call" }]);
  });
});

describe("meeting participants are names, not fragments", () => {
  const parts = (t: string) => meet(t, "ar").map((d) => (d.fields as { participants: string[] }).participants);
  it("drops attached prepositions and places", () => {
    // A visit's destination takes part too (issue 12: participants per argument slot).
    expect(parts("وجاءت بعد زيارة أكار للدوحة الأسبوع الماضي.")).toEqual([["أكار", "الدوحة"]]);
    expect(parts("وتحدث خلال جلسة لمجلس الأمن لمناقشة الوضع في ليبيا.")).toEqual([["مجلس الأمن"]]);
    expect(parts("وأشادت خلال اجتماع للجامعة العربية على المستوى الوزاري.")).toEqual([["الجامعة العربية"]]);
  });
  it("does not split a word that starts with و", () => {
    const p = parts("التقى الوزير مع وزير الداخلية ووزير الدفاع في أنقرة.").flat();
    expect(p).toContain("وزير الداخلية");
    expect(p.some((x) => x.startsWith("زير") || x.startsWith("زارة"))).toBe(false);
  });
});

describe("participants per clause (issue 12)", () => {
  const parts = (t: string, lang: "ar" | "en" = "ar") => meet(t, lang).map((d) => (d.fields as { participants: string[] }).participants);
  it("host and guest after the verb, with titles, commas and clitics", () => {
    expect(parts("استقبل رئيس الوزراء نبيل فهمي، الموفد الفرنسي بيار لوران، في مكتبه.")[0]).toEqual(["نبيل فهمي", "بيار لوران"]);
    expect(parts("التقت وزيرة الصحة اليوم الأحد بالمدير الإقليمي لمنظمة الصحة العالمية.")[0]).toEqual(["وزيرة الصحة", "المدير الإقليمي لمنظمة الصحة العالمية"]);
  });
  it("subject before the verb (headlines)", () => {
    expect(parts("الحريري يستقبل سفير اليابان")[0]).toEqual(["الحريري", "سفير اليابان"]);
  });
  it("a possessive noun needs no cue word; its possessor is the clause subject", () => {
    expect(parts("وخلال لقائه وفدا من صندوق النقد، عرض الوزير خطته.")[0]).toEqual(["الوزير", "وفدا من صندوق النقد"]);
    expect(parts("وخلال لقائهم مساعد وزير الخارجية، طالب النواب بالدعم.")[0]).toContain("مساعد وزير الخارجية");
  });
  it("للجنة stays اللجنة and is not taken as a place", () => {
    const m = meet("عقدت الحركة اجتماعا للجنة التنفيذية.")[0];
    expect(m.fields).toMatchObject({ participants: ["الحركة", "اللجنة التنفيذية"], place: null });
  });
  it("a generic plural ('تعزيز اللقاءات بين البلدين') is not a meeting claim", () => {
    expect(meet("ودعا إلى تعزيز الزيارات واللقاءات بين البلدين في كل المجالات.")).toEqual([]);
  });
  it("English: to meet with, visit to, a body's meeting, a named conference skipped", () => {
    expect(parts("The envoy flew to Cairo to meet with Foreign Minister Sameh Shoukry.", "en")[0]).toContain("Sameh Shoukry");
    expect(meet("Her visit to the country was short.", "en")).toHaveLength(1);
    expect(parts("He spoke during the AU meeting.", "en")[0]).toEqual(["AU"]);
    expect(meet("Leaders gathered for the World Economic Forum meeting in Davos.", "en")).toEqual([]);
    expect(meet("They hoped to meet each other again soon.", "en")).toEqual([]);
  });
});

describe("English meetings without a cue noun (issue 12 rules)", () => {
  const en = (t: string) => detectClaims(t, { lang: "en", publishedAt: "2024-05-01" }).filter((d) => d.type === "meeting").map((d) => ({ text: d.text, ...d.fields }) as Record<string, unknown>);
  const t = "Foreign Minister Maria Ortega met Peruvian President Luis Vidal on Tuesday. Ortega is in Lima on the second stop of her three-country tour. After the talks, the foreign minister flew to Quito, where she is expected to meet senior Ecuadorian officials. The foreign minister will then visit Bolivia and Chile.";
  it("a title inside a capitalised run starts the name", () => {
    expect(en(t)[0].participants).toEqual(["Maria Ortega", "Luis Vidal"]);
  });
  it("'to meet' + a title noun; the pronoun subject resolves to the sentence subject", () => {
    const m = en(t).find((x) => /meet senior/.test(String(x.text)))!;
    expect(m.participants).toEqual(["Maria Ortega", "Ecuadorian officials"]);
  });
  it("modal + visit + a named destination; 'the foreign minister' resolves", () => {
    // (the earlier "her three-country tour" is a visit of its own)
    const m = en(t).find((x) => x.kind === "visit" && /visit Bolivia/.test(String(x.text)))!;
    expect(m.participants).toEqual(["Maria Ortega", "Bolivia", "Chile"]);
    expect(en("Experts visit the site every year.")).toEqual([]);
    expect(en("The plan is to visit more often.")).toEqual([]);
  });
  it("'meet' without a title or a name is not a meeting", () => {
    expect(en("The ports will meet the new demand.")).toEqual([]);
    expect(en("Both sides must meet their obligations.")).toEqual([]);
  });
  it("a possessive determiner makes the noun an event of its antecedent", () => {
    const m = en("Okafor is in Accra on his first official Ghanaian visit since taking office.");
    expect(m).toHaveLength(1);
    expect(m[0]).toMatchObject({ kind: "visit", participants: ["Okafor"] });
  });
  it("a noun that took place / was held, or with a day after it, is an event", () => {
    expect(en("A closed-door meeting was held at the palace in Rabat.")).toHaveLength(1);
    const m = en("Vidal and Ortega held talks. They also had an informal meeting on Monday in Cusco.");
    expect(m.some((x) => x.date === "2024-04-29" && x.place === "Cusco")).toBe(true);
    // Generic uses stay out.
    expect(en("Regular meetings help the two teams.")).toEqual([]);
  });
});

describe("Arabic meeting nouns: adjectives, resumptive verbs, anaphors (issue 12 rules)", () => {
  const ar = (t: string) => meet(t, "ar").map((d) => ({ text: d.text, ...d.fields }) as Record<string, unknown>);
  it("indefinite adjectives after an indefinite noun are not participants", () => {
    expect(ar("لقاءات مطولة لوزير الداخلية مع قادة الأجهزة")[0].participants).toEqual(["وزير الداخلية", "قادة الأجهزة"]);
    expect(ar("وعقد الوزير اجتماعا موسعا مع محافظي المناطق.")[0].participants).toEqual(["الوزير", "محافظي المناطق"]);
  });
  it("a verb with a pronoun that refers back to the noun introduces its host", () => {
    const m = ar("وقال المندوب الفرنسي خلال جلسة عقدها مجلس الأمن بشأن السودان إن الوضع خطير.");
    expect(m).toHaveLength(1);
    expect(m[0]).toMatchObject({ kind: "session", participants: ["مجلس الأمن"] });
    expect(String(m[0].text)).not.toContain("إن");
  });
  it("a possessive noun with ب after a verb of welcome refers back to a reported event", () => {
    expect(ar("ورحب الملك بالضيوف وبزيارتهم للمملكة.")).toEqual([]);
    // With its partners after it, it is an event of its own.
    expect(ar("وأشاد الوزير بلقائه مع رئيس الحكومة.")).toHaveLength(1);
  });
});

describe("meeting cues found on a fresh held-out set (issue 12 rules)", () => {
  const ar = (t: string) => meet(t, "ar").map((d) => ({ text: d.text, ...d.fields }) as Record<string, unknown>);
  const en = (t: string) => detectClaims(t, { lang: "en", publishedAt: "2024-05-01" }).filter((d) => d.type === "meeting").map((d) => ({ text: d.text, ...d.fields }) as Record<string, unknown>);
  it("Arabic: an indefinite noun in construct with a title is an event", () => {
    const m = ar("وتأتي زيارة رئيس الحكومة الأردني سمير حداد في إطار التنسيق.");
    expect(m).toHaveLength(1);
    expect(m[0].participants).toContain("سمير حداد");
    expect(ar("وتعد زيارات الوفود مهمة.")).toEqual([]);
  });
  it("Arabic: a comma-enclosed time adverbial, a second event noun and dual bodies", () => {
    const m = ar("وعقدت جلسة مباحثات، اليوم السبت، بين الوفدين المصري والتركي، برئاسة وزير الخارجية أحمد سالم.");
    expect(m[0].participants).toEqual(["الوفدين المصري والتركي", "أحمد سالم"]);
  });
  it("Arabic: definite nisba and ordinal adjectives after a definite noun", () => {
    expect(ar("على هامش الاجتماع الوزاري الثاني بين الدول الأعضاء في الاتحاد.")[0].participants).toContain("الدول الأعضاء");
  });
  it("Arabic: a possessive noun with a place after it; بحث … مع", () => {
    expect(ar("وقال نبيل سمعان بعد اجتماعاته في العاصمة الليبية إن الأجواء إيجابية.")).toHaveLength(1);
    const m = ar("وزير الداخلية يبحث مع نظيره العراقي أمن الحدود");
    expect(m).toHaveLength(1);
    expect(m[0].participants).toContain("نظيره العراقي");
    expect(ar("وبحث المجلس الموازنة الجديدة.")).toEqual([]);
  });
  it("English: plural title subjects in a headline, 'on a … visit', 'had a discussion with'", () => {
    expect(en("Nordic defence ministers meet in Bergen")).toHaveLength(1);
    const v = en("Deputy Minister Tomas Berg is in Vilnius on a three-day working visit to attend the forum.");
    expect(v[0]).toMatchObject({ kind: "visit", participants: ["Tomas Berg"] });
    const d = en("Mayor Ana Ruiz said she had a discussion with Governor Paul Weiss on Monday.");
    expect(d).toHaveLength(1);
    expect(d[0].participants).toContain("Paul Weiss");
    expect(en("The discussion with experts was useful.")).toEqual([]);
  });
  it("English: 'The <adjective> <title> met X' names the titled person, not the adjective", () => {
    const t = "Brazilian Foreign Minister Lucia Prado arrived on Sunday. The Brazilian foreign minister also met Chilean President Rafael Soto.";
    const m = en(t);
    expect(m[0].participants).toEqual(["Lucia Prado", "Rafael Soto"]);
  });
  it("Arabic: ل + a destination after a visitor's role is the destination, not a name", () => {
    expect(ar("زيارة وزير الخارجية الإسباني لتونس")[0].participants).toEqual(["وزير الخارجية الإسباني", "تونس"]);
    expect(ar("تأتي زيارة رئيس الوزراء الليبي للجزائر في إطار التنسيق")[0].participants).toEqual(["رئيس الوزراء الليبي", "الجزائر"]);
  });
  it("English: a preposition does not start a common-noun object", () => {
    expect(en("Mayor Ana Ruiz said she had a discussion with the prime minister on Monday.")[0].participants).toEqual(["Ana Ruiz", "the prime minister"]);
  });
});

describe("meeting kinds from real news constructions (issue 12, blind half)", () => {
  const ar = (t: string) => meet(t, "ar").map((d) => ({ text: d.text, ...d.fields }) as Record<string, unknown> & { participants: string[] });
  const en = (t: string) => detectClaims(t, { lang: "en", publishedAt: "2024-05-01" }).filter((d) => d.type === "meeting").map((d) => ({ text: d.text, ...d.fields }) as Record<string, unknown> & { participants: string[] });
  it("Arabic: a participation verb names a new participant of an event already reported", () => {
    const m = ar("وسيشارك في الاجتماع أيضا المبعوث الخاص إلى السودان رمطان العمامرة.");
    expect(m).toHaveLength(1);
    expect(m[0].participants.join(" ")).toContain("رمطان العمامرة");
    const s = ar("ومن المنتظر أن يشارك في الجلسة عدد من وزراء خارجية الدول العربية.");
    expect(s).toHaveLength(1);
    expect(s[0].participants.join(" ")).toContain("وزراء خارجية");
  });
  it("Arabic: an address before an assembly is a session of it, with the speaker", () => {
    const m = ar("وقال مندوب الأردن الدائم لدى الأمم المتحدة سامر النقيب في كلمة أمام الجمعية العامة إن الوضع خطير.");
    expect(m).toHaveLength(1);
    expect(m[0]).toMatchObject({ kind: "session" });
    expect(m[0].participants.join(" | ")).toContain("الجمعية العامة");
    expect(m[0].participants.join(" | ")).toContain("سامر النقيب");
    const f = ar("وفي خطابه أمام المجلس هاجم وزير الخارجية الإيراني حسن رضائي العقوبات.");
    expect(f[0].participants.join(" | ")).toContain("حسن رضائي");
    expect(ar("ألقى الطالب كلمة أمام زملائه.")).toEqual([]);
  });
  it("Arabic: مشاورات between named parties is a meeting", () => {
    const m = ar("وتتواصل المشاورات بين الأطراف الليبية في جنيف.");
    expect(m).toHaveLength(1);
    expect(m[0].participants.join(" ")).toContain("الأطراف الليبية");
  });
  it("Arabic: a possessive noun with a time adverbial before its object", () => {
    const m = ar("أكد وزير الخارجية المصري سامح شكري خلال لقائه اليوم الأحد وفدا من البرلمان الأوروبي دعم بلاده للحل.");
    expect(m).toHaveLength(1);
    expect(m[0].participants.join(" | ")).toContain("سامح شكري");
  });
  it("Arabic: a closing or opening light verb holds the event, past a comma-enclosed time adverbial", () => {
    const m = ar("اختتم وزراء خارجية دول الجوار والأمين العام للجامعة العربية أحمد أبو الغيط، اليوم الخميس، اجتماعا تشاوريا في القاهرة.");
    expect(m).toHaveLength(1);
    expect(m[0].participants.join(" | ")).toMatch(/وزراء خارجية|أحمد أبو الغيط/);
  });
  it("Arabic: ل + a pronoun after the noun marks its possessor, the subject of the main clause", () => {
    const m = ar("وبعد اجتماع لهم أمس، اتفق وزراء الدفاع على خطة مشتركة.");
    expect(m).toHaveLength(1);
    expect(m[0].participants.join(" ")).toContain("وزراء الدفاع");
  });
  it("Arabic: a copular predicate («هي الزيارة الأولى») refers back to a reported visit", () => {
    expect(ar("فهذه هي الزيارة الأولى لرئيس حكومة إلى المخيم منذ سنوات.")).toEqual([]);
  });
  it("English: 'discussed … with' a person or a title is talks", () => {
    const m = en("Special Envoy Maria Lund on Monday discussed the ceasefire with a senior official of the ruling party.");
    expect(m).toHaveLength(1);
    expect(m[0].participants).toContain("Maria Lund");
    const h = en("The ambassador said he discussed with Lund the importance of the truce.");
    expect(h).toHaveLength(1);
    expect(h[0].participants).toContain("Lund");
    expect(en("The report discussed cooperation with neighbouring states.")).toEqual([]);
  });
  it("English: passive 'be met' is not a meeting", () => {
    expect(en("The conditions that still have to be met were listed in the report.")).toEqual([]);
    expect(en("The targets have not been met yet.")).toEqual([]);
  });
  it("English: a body's name before the meeting noun takes part", () => {
    const m = en("The UN Security Council meeting, which convened on Monday at France's request, lasted three hours.");
    expect(m).toHaveLength(1);
    expect(m[0].participants.join(" ")).toContain("Security Council");
    expect(en("The Asia Pacific Economic Cooperation meeting was postponed.")).toEqual([]);
  });
  it("English: 'the visit of' + a name is a first mention", () => {
    const m = en("Clashes broke out during the visit of EU foreign policy chief Carla Berg.");
    expect(m).toHaveLength(1);
    expect(m[0].participants.join(" ")).toContain("Carla Berg");
  });
  it("English: 'in the presence of' names a participant", () => {
    const m = en("The talks took place in the presence of the Ambassador of Chile, Jorge Lagos.");
    expect(m[0].participants).toContain("Jorge Lagos");
  });
  it("English: 'where he met' starts a second event after a visit", () => {
    const m = en("Envoy Ola Berg on Monday ended a visit to Muscat where he met with Foreign Minister Said Al-Harthi.");
    expect(m).toHaveLength(2);
    expect(m[0].participants.join(" ")).toContain("Ola Berg");
    expect(m[1].participants).toContain("Said Al-Harthi");
  });
  it("English: 'paid his visit' and 'his tour of' belong to the subject", () => {
    const m = en("AFP - Defence Minister Karl Brandt today paid his first visit to the Northern Fleet in Murmansk, as part of his tour of the Arctic region.");
    expect(m).toHaveLength(2);
    expect(m[0].participants).toContain("Karl Brandt");
    expect(m[1].participants).toContain("Karl Brandt");
    expect(en("The Tour de France starts in July.")).toEqual([]);
  });
  it("English: 'the meeting in <place> between' names the parties", () => {
    const m = en("He condemned the attack on the meeting in Zawiya between UN and army delegations.");
    expect(m).toHaveLength(1);
    expect(m[0].participants).toEqual(["UN delegation", "army delegation"]);
  });
});

describe("meeting kinds from real news constructions, second pass", () => {
  const ar = (t: string) => meet(t, "ar").map((d) => ({ text: d.text, ...d.fields }) as Record<string, unknown> & { participants: string[] });
  const en = (t: string) => detectClaims(t, { lang: "en", publishedAt: "2024-05-01" }).filter((d) => d.type === "meeting").map((d) => ({ text: d.text, ...d.fields }) as Record<string, unknown> & { participants: string[] });
  it("English: a name in apposition to a title noun after 'with'", () => {
    const m = en("Lund spoke after talks with the movement's political bureau chief, Karim Nasser.");
    expect(m[0].participants).toContain("Karim Nasser");
    const p = en("These talks took place in the presence of the Ambassador, Permanent Representative of Chile to the UN, Jorge Lagos.");
    expect(p[0].participants).toEqual(["Jorge Lagos"]);
  });
  it("Arabic: the subject of a clause whose verb is followed by «خلال الجلسة» takes part", () => {
    const m = ar("وأضاف أن \"وزير الخارجية الفرنسي جان لوران سيلقي خلال الجلسة كلمة إلى أعضاء المجلس\".");
    expect(m).toHaveLength(1);
    expect(m[0].participants.join(" | ")).toContain("جان لوران");
  });
  it("Arabic: a future light verb after its subject («المجلس سيعقد جلسة»)", () => {
    const m = ar("وقال السفير إن المجلس سيعقد جلسة طارئة غدا.");
    expect(m).toHaveLength(1);
    expect(m[0].participants.join(" ")).toContain("المجلس");
  });
  it("English: a possessive proper name makes the noun an event ('X's trip to the Kingdom')", () => {
    const m = en("Lund's trip to the Kingdom is part of a regional tour.");
    expect(m[0]).toMatchObject({ kind: "visit" });
    expect(m[0].participants).toContain("Lund");
  });
  it("English: quantified or bare fronted possessive nouns refer to events already reported", () => {
    expect(en("The envoy raised the issue in all his meetings that week.")).toEqual([]);
    const m = en("Envoy Ola Berg visited Muscat on Monday. During his visit, the envoy also met with Foreign Minister Said Al-Harthi.");
    expect(m.map((x) => x.kind)).toEqual(["visit", "meeting"]);
  });
  it("English: coordinated named subjects that discuss, plural subjects that hold talks", () => {
    const m = en("Foreign ministers Karl Brandt and Ana Ruiz discussed trade and migration, the ministry said.");
    expect(m).toHaveLength(1);
    expect(m[0].participants).toEqual(expect.arrayContaining(["Karl Brandt", "Ana Ruiz"]));
    expect(en("Chile, Peru FMs Hold Talks on Trade")).toHaveLength(1);
    expect(en("Experts discussed the findings.")).toEqual([]);
  });
});

describe("meeting kinds from real news constructions, third pass", () => {
  const ar = (t: string) => meet(t, "ar").map((d) => ({ text: d.text, ...d.fields }) as Record<string, unknown> & { participants: string[] });
  const en = (t: string) => detectClaims(t, { lang: "en", publishedAt: "2024-05-01" }).filter((d) => d.type === "meeting").map((d) => ({ text: d.text, ...d.fields }) as Record<string, unknown> & { participants: string[] });
  it("Arabic: a conference with participants or a host is a summit; a press conference is not", () => {
    const m = ar("بدأت في جنيف اليوم أعمال المؤتمر الدولي حول اليمن بمشاركة وزراء خارجية دول الخليج.");
    expect(m).toHaveLength(1);
    expect(m[0]).toMatchObject({ kind: "summit" });
    expect(m[0].participants.join(" | ")).toContain("وزراء خارجية");
    const h = ar("ويهدف المؤتمر الذي تستضيفه الرئيسة السويسرية فيولا أمهرد إلى دعم الحل.");
    expect(h[0].participants.join(" | ")).toContain("فيولا أمهرد");
    expect(ar("وعقد الوزير مؤتمرا صحفيا مع نظيره في الرباط.").filter((x) => x.kind === "summit")).toEqual([]);
  });
  it("Arabic: a topic after «حول»/«بشأن» is not a participant", () => {
    const m = ar("وقال إن مجلس الأمن سيعقد جلسة خاصة حول سبل إيجاد حل للأزمة.");
    expect(m[0].participants).toEqual(["مجلس الأمن"]);
  });
  it("Arabic: a bare definite body («المجلس») is the body last named with that head", () => {
    const m = ar("وترأس مجلس الأمن الدولي هذا الشهر نيوزيلندا. وقال السفير إن المجلس سيعقد جلسة طارئة غدا.");
    expect(m[0].participants).toContain("مجلس الأمن الدولي");
  });
  it("English: a title with 'for <place>' before the name; a dateline is not a participant", () => {
    const m = en("MUSCAT: UN Special Envoy for Syria Ola Berg on Monday concluded a visit to Muscat.");
    expect(m[0].participants.join(" | ")).toContain("Ola Berg");
    expect(m[0].participants).not.toContain("MUSCAT");
  });
});

describe("meeting kinds from real news constructions, fourth pass", () => {
  const ar = (t: string) => meet(t, "ar").map((d) => ({ text: d.text, ...d.fields }) as Record<string, unknown> & { participants: string[] });
  const en = (t: string) => detectClaims(t, { lang: "en", publishedAt: "2024-05-01" }).filter((d) => d.type === "meeting").map((d) => ({ text: d.text, ...d.fields }) as Record<string, unknown> & { participants: string[] });
  it("Arabic: «بمشاركة N دول، هي: …» enumerates the participants after the colon", () => {
    const m = ar("وتنعقد قمة جنيف، بمشاركة 3 دول، هي: فرنسا، وألمانيا، وإيطاليا.");
    expect(m).toHaveLength(1);
    expect(m[0].participants).toEqual(expect.arrayContaining(["فرنسا"]));
  });
  it("Arabic: an anaphoric noun with a relative clause that names nobody is not a new event", () => {
    expect(ar("وانتهت المشاورات التي استمرت لأكثر من 40 يوما من دون نتائج.")).toEqual([]);
  });
  it("English: a dinner or luncheon attended or hosted by named people is a meeting", () => {
    const m = en("The envoy later joined a dinner attended by ministers Omar Said and Lina Haddad.");
    expect(m).toHaveLength(1);
    expect(m[0].participants).toContain("Omar Said");
    expect(en("Dinner was served at eight.")).toEqual([]);
  });
  it("English: 'the first X to make a trip' is a record, not an event", () => {
    expect(en("He is the first Brazilian president to make an official trip to the region in 20 years.")).toEqual([]);
  });
});

describe("meeting kinds from real news constructions, fifth pass", () => {
  const en = (t: string) => detectClaims(t, { lang: "en", publishedAt: "2024-05-01" }).filter((d) => d.type === "meeting").map((d) => ({ text: d.text, ...d.fields }) as Record<string, unknown> & { participants: string[] });
  it("English: a sentence opened by an iterative past adverbial ('On previous visits') reports habits, not events", () => {
    expect(en("On previous trips to Kabul, the envoy had met elders of the northern provinces.")).toEqual([]);
    expect(en("In past years, Mayor Ana Ruiz met Governor Paul Weiss every spring.")).toEqual([]);
    expect(en("On Monday, Mayor Ana Ruiz met Governor Paul Weiss.")).toHaveLength(1);
  });
});

describe("meeting participants: the noun's own modifiers after a light verb's subject", () => {
  it("«اختتم X اجتماع عمل غير رسمي»: the event noun and a negated adjective are not participants", () => {
    const m = meet("اختتم وزراء الزراعة العرب اجتماع عمل غير رسمي لمدة ثلاثة أيام في تونس.", "ar");
    expect(m).toHaveLength(1);
    expect((m[0].fields as { participants: string[] }).participants).toEqual(["وزراء الزراعة العرب"]);
  });
});

describe("English: an address to a body is a session of it (as «كلمة أمام المجلس»)", () => {
  const en = (t: string) => detectClaims(t, { lang: "en", publishedAt: "2024-05-01" }).filter((d) => d.type === "meeting").map((d) => ({ text: d.text, ...d.fields }) as Record<string, unknown> & { participants: string[] });
  it("addressed / briefed the Council, a speech before the General Assembly", () => {
    const m = en("Special Envoy Maria Lund briefed the Security Council on Tuesday.");
    expect(m).toHaveLength(1);
    expect(m[0]).toMatchObject({ kind: "session" });
    expect(m[0].participants).toEqual(expect.arrayContaining(["Maria Lund", "Security Council"]));
    const s = en("In a speech to the UN General Assembly, Foreign Minister Omar Said called for calm.");
    expect(s[0].participants).toEqual(expect.arrayContaining(["UN General Assembly"]));
    expect(en("The report addressed the council's budget.")).toEqual([]);
  });
});
