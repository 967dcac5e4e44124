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
