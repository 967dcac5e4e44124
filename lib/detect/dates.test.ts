import { describe, expect, it } from "vitest";
import { detectClaims } from "./index";

const dates = (t: string, publishedAt?: string, lang?: "ar" | "en") =>
  detectClaims(t, { publishedAt, lang }).filter((d) => d.type === "date").map((d) => ({ text: d.text, ...d.fields }) as Record<string, unknown>);

describe("dates", () => {
  it("Egyptian/Gulf month names with year", () => {
    expect(dates("في 20 يوليو 2020، جرى الاجتماع")).toEqual([{ text: "20 يوليو 2020", value: "2020-07-20", precision: "day" }]);
  });
  it("Levantine month names, including two-word ones", () => {
    expect(dates("جريدة فلسطين 24 تشرين الأول 1922 .")).toEqual([{ text: "24 تشرين الأول 1922", value: "1922-10-24", precision: "day" }]);
    expect(dates("في شباط 2012 وفي كانون الثاني 2013")).toEqual([
      { text: "شباط 2012", value: "2012-02", precision: "month" },
      { text: "كانون الثاني 2013", value: "2013-01", precision: "month" },
    ]);
  });
  it("Arabic-Indic digits", () => {
    expect(dates("في ٤ يوليو ٢٠٢٠")).toEqual([{ text: "٤ يوليو ٢٠٢٠", value: "2020-07-04", precision: "day" }]);
  });
  it("relative forms resolved against the publication date", () => {
    expect(dates("في 4 يوليو الجاري", "2020-07-21")[0].value).toBe("2020-07-04");
    expect(dates("وفي 18 يونيو الماضي", "2020-07-21")[0].value).toBe("2020-06-18");
    expect(dates("في 18 يوليو الماضي", "2020-07-10")[0].value).toBe("2019-07-18");
    expect(dates("أعلن هذا الأسبوع", "2020-07-21")[0]).toMatchObject({ value: "2020-07", precision: "month" });
    expect(dates("He said yesterday", "2024-03-01", "en")[0]).toMatchObject({ text: "yesterday", value: "2024-02-29" });
    expect(dates("held last week", "2024-03-03", "en")[0]).toMatchObject({ value: "2024-02", precision: "month" });
    expect(dates("ومنذ نحو شهرين", "2020-07-21")[0]).toMatchObject({ text: "منذ نحو شهرين", value: "2020-05", precision: "month" });
  });
  it("year-less dates without a publication date get value null (no guessed year)", () => {
    expect(dates("في 19 يوليو")).toEqual([{ text: "19 يوليو", value: null, precision: "day" }]);
  });
  it("English formats", () => {
    expect(dates("on 14 March 2024 and March 15, 2024, in 2023", undefined, "en").map((d) => d.value)).toEqual(["2024-03-14", "2024-03-15", "2023"]);
  });
  it("numeric dates and years with عام", () => {
    expect(dates("بتاريخ ( 15 / 1 / 1959 ) وفي عام 2019")).toEqual([
      { text: "15 / 1 / 1959", value: "1959-01-15", precision: "day" },
      { text: "عام 2019", value: "2019", precision: "year" },
    ]);
  });
  it("ambiguous month words need a day or a year", () => {
    expect(dates("مارس الضغط على الحكومة")).toEqual([]);
    expect(dates("You may go", undefined, "en")).toEqual([]);
  });
  it("offsets survive diacritics and tatweel before the match", () => {
    const t = "قَالَـــــ الوَزِيرُ فِي ٢٠ يُولْيُو ٢٠٢٠";
    const d = detectClaims(t).find((x) => x.type === "date")!;
    expect(d.text).toBe(t.slice(d.start, d.end));
    expect(d.text).toBe("٢٠ يُولْيُو ٢٠٢٠");
    expect(d.fields).toEqual({ value: "2020-07-20", precision: "day" });
  });
});

describe("relative dates anchored correctly (issue 12)", () => {
  const d = (t: string, pub: string, lang?: "ar" | "en") => detectClaims(t, { publishedAt: pub, lang }).filter((x) => x.type === "date").map((x) => (x.fields as { value: string | null }).value);
  it("this / next / last weekday and a future context", () => {
    expect(d("The council votes this Thursday.", "2024-08-14", "en")).toEqual(["2024-08-15"]); // a Wednesday
    expect(d("The council voted on Tuesday.", "2024-08-14", "en")).toEqual(["2024-08-13"]);
    expect(d("The council will vote on Tuesday.", "2024-08-14", "en")).toEqual(["2024-08-20"]);
    expect(d("وصل الوفد يوم الخميس الماضي.", "2024-08-15")).toEqual(["2024-08-08"]); // a Thursday: strictly before
    expect(d("واجتمع المجلس الإثنين الماضي.", "2024-08-14")).toEqual(["2024-08-12"]);
  });
  it("a year-less month in a future context is the next one", () => {
    expect(d("Elections will be held in February.", "2024-08-14", "en")).toEqual(["2025-02"]);
    expect(d("Elections were held in February.", "2024-08-14", "en")).toEqual(["2024-02"]);
  });
  it("a span counted from a named event is left unresolved, not anchored to publication", () => {
    expect(d("وقدم الطلب قبل نحو ثلاثة أشهر من موعد الانتخابات.", "2024-08-14")).toEqual([null]);
    expect(d("وقدم الطلب قبل ثلاثة أشهر.", "2024-08-14")).toEqual(["2024-05"]);
  });
  it("vague spans are not dates", () => {
    expect(d("يعيش البلد أزمة منذ سنوات.", "2024-08-14")).toEqual([]);
  });
  it("Moroccan month names", () => {
    expect(d("انطلق الموسم في 3 شتنبر 2021 وانتهى في دجنبر 2021.", "2022-01-01")).toEqual(["2021-09-03", "2021-12"]);
  });
});

describe("dates as news writes them (issue 12, blind half)", () => {
  const dv = (t: string, pub?: string, lang?: "ar" | "en") => detectClaims(t, { publishedAt: pub, lang }).filter((x) => x.type === "date").map((x) => [x.text, (x.fields as { value: string | null }).value]);
  it("a weekday written before an explicit date is one span with the date's value", () => {
    expect(dv("التقى الوزير نظيره يوم الاثنين 3 مارس/آذار 2014 في القاهرة.")).toEqual([["يوم الاثنين 3 مارس/آذار 2014", "2014-03-03"]]);
    expect(dv("ووصل الوفد الأربعاء 12-6-2019 إلى عمان.")).toEqual([["الأربعاء 12-6-2019", "2019-06-12"]]);
    expect(dv("وعقد اللقاء مساء الخميس١٤/٣/٢٠١٩ في الفندق.")).toEqual([["مساء الخميس١٤/٣/٢٠١٩", "2019-03-14"]]);
    expect(dv("The talks opened on Thursday, 3 May 2018, in Geneva.", undefined, "en")).toEqual([["on Thursday, 3 May 2018", "2018-05-03"]]);
    expect(dv("The envoy arrives on Monday, March 4.", "2019-03-01", "en")).toEqual([["on Monday, March 4", "2019-03-04"]]);
  });
  it("a year followed by the era letter م stays in the date", () => {
    expect(dv("وانطلقت المفاوضات في 21 يونيو/حزيران 2015م بعد تأخير.")).toEqual([["21 يونيو/حزيران 2015م", "2015-06-21"]]);
    expect(dv("وذلك في الخامس من مايو 2011 ميلادية.")).toEqual([["الخامس من مايو 2011 ميلادية", "2011-05-05"]]);
  });
  it("day, month name and year separated by slashes or hyphens", () => {
    expect(dv("صدر البيان الأحد 5/مايو/2019 عن الوزارة.")).toEqual([["الأحد 5/مايو/2019", "2019-05-05"]]);
    expect(dv("وفي 17-أبريل-2020 أعلنت الحكومة.")).toEqual([["17-أبريل-2020", "2020-04-17"]]);
  });
  it("a day of the current, last or next month", () => {
    expect(dv("وكان قد استقال في الثالث من الشهر الجاري.", "2021-04-20")).toEqual([["الثالث من الشهر الجاري", "2021-04-03"]]);
    expect(dv("وتعقد الجلسة في 24 من الشهر الحالي.", "2021-04-20")).toEqual([["24 من الشهر الحالي", "2021-04-24"]]);
    expect(dv("وبدأت الهدنة في العاشر من الشهر الماضي.", "2021-01-05")).toEqual([["العاشر من الشهر الماضي", "2020-12-10"]]);
    expect(dv("وتنتهي المهلة في الخامس عشر من الشهر المقبل.", "2021-12-05")).toEqual([["الخامس عشر من الشهر المقبل", "2022-01-15"]]);
    expect(dv("وتنتهي المهلة في 9 من هذا الشهر.")).toEqual([["9 من هذا الشهر", null]]);
  });
  it("the period noun with the preposition لـ glued to its article", () => {
    expect(dv("وتتولى مصر رئاسة المجلس للشهر الحالي.", "2021-04-20")).toEqual([["للشهر الحالي", "2021-04"]]);
    expect(dv("ورصدت الحكومة الموازنة للعام المقبل.", "2021-04-20")).toEqual([["للعام المقبل", "2022"]]);
  });
  it("parts of the publication day in English", () => {
    expect(dv("The minister landed in the capital this morning.", "2016-05-10", "en")).toEqual([["this morning", "2016-05-10"]]);
    expect(dv("The council will vote tonight.", "2016-05-10", "en")).toEqual([["tonight", "2016-05-10"]]);
    expect(dv("Rockets hit the town last night.", "2016-05-10", "en")).toEqual([["last night", "2016-05-09"]]);
  });
  it("without a publication date, a year-less date takes the year of the full date before it", () => {
    expect(dv("وصل المبعوث يوم الأحد 7 مايو 2017 بعد أن أنهى جولة بدأها في 2 مايو.")).toEqual([["يوم الأحد 7 مايو 2017", "2017-05-07"], ["2 مايو", "2017-05-02"]]);
    expect(dv("The envoy arrived on 7 May 2017 after a tour that began on 2 May.", undefined, "en").map((x) => x[1])).toEqual(["2017-05-07", "2017-05-02"]);
    expect(dv("وصل المبعوث في 2 مايو.")).toEqual([["2 مايو", null]]);
  });
});

describe("next week / month / year in Arabic («المقبل» contains «قبل», not an 'ago' form)", () => {
  const dv = (t: string, pub: string) => detectClaims(t, { publishedAt: pub }).filter((x) => x.type === "date").map((x) => [x.text, (x.fields as { value: string | null }).value]);
  it("resolves forwards", () => {
    expect(dv("وتعقد القمة الشهر المقبل في الرياض.", "2021-11-20")).toEqual([["الشهر المقبل", "2021-12"]]);
    expect(dv("وتجرى الانتخابات العام المقبل.", "2021-11-20")).toEqual([["العام المقبل", "2022"]]);
    expect(dv("ويزور الوفد دمشق الأسبوع المقبل.", "2021-11-29")).toEqual([["الأسبوع المقبل", "2021-12"]]);
  });
});

describe("dates as news writes them (issue 12, round 2)", () => {
  const dv = (t: string, pub?: string, lang?: "ar" | "en") => detectClaims(t, { publishedAt: pub, lang }).filter((x) => x.type === "date").map((x) => [x.text, (x.fields as { value: string | null }).value]);
  it("a relative day followed by its weekday is one span («أمس الثلاثاء»، «اليوم (الأربعاء)»)", () => {
    expect(dv("وصل الوفد أمس الثلاثاء إلى بيروت.", "2020-06-17")).toEqual([["أمس الثلاثاء", "2020-06-16"]]);
    expect(dv("وقال الوزير اليوم (الأربعاء) إن المحادثات مستمرة.", "2020-06-17")).toEqual([["اليوم (الأربعاء)", "2020-06-17"]]);
    expect(dv("وقال الوزير اليوم الأربعاء إن المحادثات مستمرة.")).toEqual([["اليوم الأربعاء", null]]);
  });
  it("a weekday with «الموافق» or a parenthesised date takes the date's value", () => {
    expect(dv("وتعقد الجلسة الخميس الموافق 18 يونيو.", "2020-06-17")).toEqual([["الخميس الموافق 18 يونيو", "2020-06-18"]]);
    expect(dv("وتعقد الجلسة الخميس (18 يونيو) في جنيف.", "2020-06-17").map((x) => x[1])).toEqual(["2020-06-18"]);
  });
  it("day digits glued to the word before them, and «N من» before the month", () => {
    expect(dv("وصل المبعوث في15يونيو الجاري.", "2020-06-17")).toEqual([["15يونيو الجاري", "2020-06-15"]]);
    expect(dv("وفي الـ18 من يونيو 2019 وقع الاتفاق.")).toEqual([["18 من يونيو 2019", "2019-06-18"]]);
  });
  it("two days away: «أول أمس»، «بعد غد», the day before yesterday", () => {
    expect(dv("وكان قد وصل أول أمس.", "2020-06-17")).toEqual([["أول أمس", "2020-06-15"]]);
    expect(dv("ويغادر بعد غد.", "2020-06-17")).toEqual([["بعد غد", "2020-06-19"]]);
    expect(dv("He arrived the day before yesterday.", "2020-06-17", "en")).toEqual([["the day before yesterday", "2020-06-15"]]);
    expect(dv("He leaves the day after tomorrow.", "2020-06-17", "en")).toEqual([["the day after tomorrow", "2020-06-19"]]);
  });
  it("Hijri dates resolve to the Gregorian day (Umm al-Qura calendar)", () => {
    expect(dv("وصل الوفد في 15 رمضان 1441 هـ.")).toEqual([["15 رمضان 1441 هـ", "2020-05-08"]]);
    expect(dv("الثلاثاء 1426/9/29 هـ")).toEqual([["الثلاثاء 1426/9/29 هـ", "2005-11-01"]]);
    expect(dv("وفي 3 ذي الحجة 1440هـ بدأ الموسم.")).toEqual([["3 ذي الحجة 1440هـ", "2019-08-04"]]);
  });
});

describe("dates as news writes them (issue 12, round 3)", () => {
  const dv = (t: string, pub?: string, lang?: "ar" | "en") => detectClaims(t, { publishedAt: pub, lang }).filter((x) => x.type === "date").map((x) => [x.text, (x.fields as { value: string | null }).value]);
  it("the other month name in parentheses («أيار (مايو) 2020»)", () => {
    expect(dv("وقع الاتفاق في 3 أيار (مايو) 2020 في عمان.")).toEqual([["3 أيار (مايو) 2020", "2020-05-03"]]);
    expect(dv("وقع الاتفاق في تشرين الأول (أكتوبر) الماضي.", "2021-02-01")).toEqual([["تشرين الأول (أكتوبر) الماضي", "2020-10"]]);
  });
  it("a weekday before a parenthesised English date", () => {
    expect(dv("On Friday (May 3), the envoy met the leaders.", "2019-05-06", "en")).toEqual([["On Friday (May 3", "2019-05-03"]]);
  });
  it("year first with slashes or dots: 2020/05/03", () => {
    expect(dv("صدر البيان بتاريخ 2020/05/03 عن الوزارة.")).toEqual([["2020/05/03", "2020-05-03"]]);
  });
  it("feminine agreement of past/next after a weekday («الجمعة الماضية»)", () => {
    expect(dv("وكان الوفد قد وصل الجمعة الماضية.", "2020-06-17")).toEqual([["الجمعة الماضية", "2020-06-12"]]);
    expect(dv("ويصل الوفد الجمعة المقبلة.", "2020-06-17")).toEqual([["الجمعة المقبلة", "2020-06-19"]]);
  });
  it("«أمس الأول» is the day before yesterday", () => {
    expect(dv("وكان قد وصل يوم أمس الأول.", "2020-06-17").map((x) => x[1])).toEqual(["2020-06-15"]);
  });
  it("a decade is not a year", () => {
    expect(dv("The conflict began in the 1990s.", "2020-06-17", "en")).toEqual([]);
  });
});

describe("day ranges take their first day (issue 12, the gold's convention: 'June 27-28' is June 27)", () => {
  const dv = (t: string, pub?: string, lang?: "ar" | "en") => detectClaims(t, { publishedAt: pub, lang }).filter((x) => x.type === "date").map((x) => [x.text, (x.fields as { value: string | null }).value]);
  it("Arabic and English ranges before or after the month", () => {
    expect(dv("وتعقد المحادثات في الفترة من 3 إلى 5 مايو 2021 في جنيف.")).toEqual([["3 إلى 5 مايو 2021", "2021-05-03"]]);
    expect(dv("واجتمع الطرفان يومي 3 و4 مايو 2021.")).toEqual([["3 و4 مايو 2021", "2021-05-03"]]);
    expect(dv("The talks ran from 3 to 5 May 2021.", undefined, "en")).toEqual([["3 to 5 May 2021", "2021-05-03"]]);
    expect(dv("The talks ran on May 3-5, 2021.", undefined, "en")).toEqual([["May 3-5, 2021", "2021-05-03"]]);
  });
});
