import { describe, expect, it } from "vitest";
import { detectClaims } from "./index";

const res = (t: string, lang?: "ar" | "en") => detectClaims(t, { lang }).filter((d) => d.type === "un_resolution").map((d) => ({ text: d.text, ...d.fields }) as Record<string, unknown>);

describe("UN resolutions", () => {
  it("قرار مجلس الأمن رقم 2254", () => {
    expect(res("وفق قرار مجلس الأمن رقم 2254")).toEqual([{ text: "قرار مجلس الأمن رقم 2254", body: "Security Council", number: 2254, year: 2015, symbol: "S/RES/2254 (2015)" }]);
  });
  it("a number away from the word resolution (لا سيما)", () => {
    const r = res("يقوم على قرارات مجلس الأمن ذات الصلة لا سيما 2259 واتفاق الصخيرات");
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ text: "قرارات مجلس الأمن ذات الصلة لا سيما 2259", number: 2259, year: 2015 });
  });
  it("القرار 2231 and English forms", () => {
    expect(res("التزام إيران بالقرار 2231")[0]).toMatchObject({ number: 2231, year: 2015 });
    expect(res("Security Council resolution 1701 and S/RES/2259 (2015)", "en").map((d) => d.number)).toEqual([1701, 2259]);
    expect(res("resolutions 242 and 338", "en").map((d) => d.number)).toEqual([242, 338]);
  });
  it("a local decision number is not a UN resolution", () => {
    expect(res("قرار رقم 3 بتاريخ 31 / 1 / 1950")).toEqual([]);
  });
  it("unnumbered Security Council resolutions have number null", () => {
    expect(res("لتطبيق اتفاق الصخيرات وقرارات مجلس الأمن")[0]).toMatchObject({ text: "قرارات مجلس الأمن", number: null });
  });
  it("numbers beyond the table have an unknown year", () => {
    expect(res("resolution 2999", "en")[0]).toMatchObject({ number: 2999, year: null, symbol: null });
  });
});

describe("resolutions written as on unseen news (issue 12)", () => {
  const nums = (t: string) => detectClaims(t).filter((d) => d.type === "un_resolution").map((d) => (d.fields as { number: number | null }).number);
  it("a quoted number, a possessive, and 'applying the resolution N'", () => {
    expect(nums("ويطالب القرار «2334» بوقف الاستيطان.")).toEqual([2334]);
    expect(nums('ودعا إلى احترام القرار "425" الصادر عن مجلس الأمن.')).toEqual([425]);
    expect(nums("وأصدر مجلس الأمن قراره رقم 2401 بالإجماع.")).toEqual([2401]);
    expect(nums("وشدد على ضرورة تطبيق القرار 1559.")).toEqual([1559]);
  });
  it("unnumbered 'القرارات الأممية' is a reference with no number", () => {
    expect(nums("وفقا للقرارات الأممية ذات الصلة.")).toEqual([null]);
  });
});

describe("resolutions as news writes them (issue 12, blind half)", () => {
  const nums = (t: string, lang?: "ar" | "en") => detectClaims(t, { lang }).filter((d) => d.type === "un_resolution").map((d) => [d.text, (d.fields as { number: number | null }).number]);
  it("the number before the word resolution", () => {
    expect(nums("Both sides called for the 2334 resolution to be applied.", "en")).toEqual([["2334 resolution", 2334]]);
    expect(nums('He defended the so-called "1559" resolution.', "en").map((x) => x[1])).toEqual([1559]);
    expect(nums('They demanded that resolution "2334" be applied.', "en").map((x) => x[1])).toEqual([2334]);
    expect(nums("He urged respect for the 1559 UN resolution.", "en")).toEqual([["1559 UN resolution", 1559]]);
    expect(nums("He urged respect for the 1701 Security Council resolution.", "en")).toEqual([["1701 Security Council resolution", 1701]]);
  });
  it("the word resolution in parentheses before the number", () => {
    expect(nums('"Implementing (Resolution) 2254 is the only way," he said.', "en")).toEqual([["(Resolution) 2254", 2254]]);
  });
  it("a bare number that the text has already cited as a resolution", () => {
    const t = "The council renewed resolution 1701 in 2006. The requirements of 1701 have not all been met, but 1701 people returned.";
    const r = detectClaims(t, { lang: "en", publishedAt: "2012-01-01" });
    expect(r.filter((d) => d.type === "un_resolution").map((d) => [d.text, (d.fields as { number: number }).number])).toEqual([["resolution 1701", 1701], ["1701", 1701]]);
    expect(r.filter((d) => d.type === "date").map((d) => d.text)).toEqual(["in 2006"]);
    expect(nums("وشدد على التزام بلاده بالقرار 2216. وأضاف أن تطبيق الـ2216 يبدأ بالانسحاب، لكن 2216 شخصا نزحوا.")).toEqual([["القرار 2216", 2216], ["2216", 2216]]);
    expect(nums("The resolution 2254 was adopted in December 2015. In 2015 the talks began.", "en")).toEqual([["resolution 2254", 2254]]);
  });
  it("unnumbered international or UN resolutions", () => {
    expect(nums("The government said it abides by international resolutions.", "en")).toEqual([["international resolutions", null]]);
    expect(nums("The plan ignores UN resolutions on the matter.", "en")).toEqual([["UN resolutions", null]]);
    expect(nums("وأكد التزام بلاده بالقرارات الدولية ذات الصلة.")).toEqual([["القرارات الدولية", null]]);
    // A singular "UN resolution" without a number is usually a draft under discussion, not a citation.
    expect(nums("Diplomats said adoption of a UN resolution on the crisis was unlikely.", "en")).toEqual([]);
  });
  it("an unnumbered resolution named by what it does, with the Security Council in the sentence", () => {
    expect(nums("ويواصل الفريق عمله بموجب قرار بتجديد ولايته أقره مجلس الأمن الشهر الماضي.")).toEqual([["قرار بتجديد ولايته", null]]);
    expect(nums("The Security Council adopted a resolution extending the mission for a year.", "en")).toEqual([["a resolution extending", null]]);
    expect(nums("وأصدرت الحكومة قرار بتشكيل لجنة للتحقيق.")).toEqual([]);
    expect(nums("وقدمت فرنسا إلى مجلس الأمن مشروع قرار بفرض عقوبات.")).toEqual([]);
    expect(nums("The Security Council will vote on a resolution extending the mission.", "en")).toEqual([]);
    expect(nums("Russia vetoed a resolution condemning the strikes in the Security Council.", "en")).toEqual([]);
    expect(nums("ويصوت مجلس الأمن غدا على قرار بتمديد مهمة البعثة.")).toEqual([]);
  });
});

describe("resolution forms of Arabic and English news (issue 12, round 2)", () => {
  const nums = (t: string, lang?: "ar" | "en") => detectClaims(t, { lang }).filter((d) => d.type === "un_resolution").map((d) => [d.text, (d.fields as { number: number | null }).number]);
  const dates = (t: string, lang?: "ar" | "en") => detectClaims(t, { lang }).filter((d) => d.type === "date").map((d) => d.text);
  it("the preposition لـ merged with the article: «للقرار»", () => {
    expect(nums("وطالب بالعودة إلى المفاوضات وفقا للقرار الأممي رقم 2140.")).toEqual([["للقرار الأممي رقم 2140", 2140]]);
    expect(nums("وأشار إلى احترام بلاده للقرار 1973 الصادر عن مجلس الأمن.")).toEqual([["للقرار 1973", 1973]]);
  });
  it("«برقم» and «المرقم» before the number", () => {
    expect(nums("بموجب القرار الدولي برقم 2401 دعا المجلس إلى هدنة.")).toEqual([["القرار الدولي برقم 2401", 2401]]);
    expect(nums("والتزمت بالقرار الأممي المرقم 2170.")).toEqual([["القرار الأممي المرقم 2170", 2170]]);
  });
  it("the adoption year after the number belongs to the resolution, not a date", () => {
    expect(nums("وذكّر بالقرار 1559 لعام 2004 وبالقرار 1701 عام 2006.")).toEqual([["القرار 1559 لعام 2004", 1559], ["القرار 1701 عام 2006", 1701]]);
    expect(dates("وذكّر بالقرار 1559 لعام 2004 وبالقرار 1701 عام 2006.")).toEqual([]);
    expect(nums("He recalled resolution 1559 of 2004.", "en")).toEqual([["resolution 1559 of 2004", 1559]]);
    expect(dates("He recalled resolution 1559 of 2004.", "en")).toEqual([]);
  });
  it("UNSCR and '#' before the number", () => {
    expect(nums("Under UNSCR 1325, women must take part.", "en")).toEqual([["UNSCR 1325", 1325]]);
    expect(nums("It invoked Resolution #2118 on chemical weapons.", "en")).toEqual([["Resolution #2118", 2118]]);
  });
});

describe("plural «القرارات» followed by numbers", () => {
  it("lists each number", () => {
    const r = detectClaims("وطالب بتنفيذ القرارات 242 و338 و1397 الصادرة عن مجلس الأمن.").filter((d) => d.type === "un_resolution").map((d) => (d.fields as { number: number }).number);
    expect(r).toEqual([242, 338, 1397]);
  });
});
