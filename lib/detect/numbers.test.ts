import { describe, expect, it } from "vitest";
import { detectClaims } from "./index";

const nums = (t: string, lang?: "ar" | "en") => detectClaims(t, { lang }).filter((d) => d.type === "number").map((d) => ({ text: d.text, ...d.fields }) as Record<string, unknown>);

describe("numbers", () => {
  it("Arabic digits, words and compounds", () => {
    expect(nums("قدم الوزير 3 حلول")).toEqual([{ text: "3 حلول", value: 3, unit: "حلول" }]);
    expect(nums("بلغ عدد السكان ستة وثلاثين مليون وأربعمائة ألف نسمة")[0]).toMatchObject({ value: 36_400_000, unit: "نسمة" });
    expect(nums("لم يفصل بينهما إلا يوم واحد")).toEqual([{ text: "يوم واحد", value: 1, unit: "يوم" }]);
    expect(nums("استقبلت ٧٥٠ ألف نازح")[0]).toMatchObject({ value: 750_000, unit: "نازح" });
  });
  it("percentages and money", () => {
    expect(nums("ارتفع بنسبة 15% و20 بالمئة")).toEqual([
      { text: "15%", value: 15, unit: "percent" },
      { text: "20 بالمئة", value: 20, unit: "percent" },
    ]);
    expect(nums("بمبلغ 3 مليار دولار")[0]).toMatchObject({ value: 3e9, unit: "دولار" });
    expect(nums("worth $1.2 billion over ten years", "en")).toEqual([
      { text: "$1.2 billion", value: 1.2e9, unit: "USD" },
      { text: "ten years", value: 10, unit: "years" },
    ]);
    expect(nums("more than 1.4 million containers and 8,000 jobs", "en").map((d) => d.value)).toEqual([1.4e6, 8000]);
  });
  it("identifiers, list markers and years are not statistics", () => {
    expect(nums("مضبط رقم 435 والمادة 103")).toEqual([]);
    expect(nums("2 - يعاقب كل من ارتكب")).toEqual([]);
    expect(nums("في عام 2019")).toEqual([]);
    expect(nums("the two presidents", "en")).toEqual([]);
  });
});
