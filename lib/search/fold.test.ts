import { describe, expect, it } from "vitest";
import { foldSpans, foldText, foldWord, stemArabic, stemLatin } from "./fold";

describe("foldWord (Arabic)", () => {
  it("ignores diacritics and tatweel", () => {
    expect(foldWord("مَجْلِسُ")).toBe(foldWord("مجلس"));
    expect(foldWord("مجـــلس")).toBe(foldWord("مجلس"));
    expect(foldWord("القرارُ")).toBe(foldWord("القرار"));
  });
  it("folds alef, hamza, ya and ta marbuta variants", () => {
    expect(foldWord("أحمد")).toBe(foldWord("احمد"));
    expect(foldWord("إسرائيل")).toBe(foldWord("اسرائيل"));
    expect(foldWord("آمال")).toBe(foldWord("امال"));
    expect(foldWord("مصطفى")).toBe(foldWord("مصطفي"));
    expect(foldWord("الحكومة")).toBe(foldWord("الحكومه"));
    expect(foldWord("مسؤول")).toBe(foldWord("مسوول"));
  });
  it("strips clitics: article, conjunction and prepositions", () => {
    const base = foldWord("حكومة");
    for (const w of ["الحكومة", "والحكومة", "بالحكومة", "للحكومة", "فالحكومة"]) expect(foldWord(w)).toBe(base);
    expect(foldWord("بقرار")).toBe(foldWord("قرار"));
    expect(foldWord("لمجلس")).toBe(foldWord("مجلس"));
    expect(foldWord("وقال")).toBe(foldWord("قال"));
  });
  it("strips common suffixes (plurals, pronouns) by shape", () => {
    expect(foldWord("حكومات")).toBe(foldWord("حكومة"));
    expect(foldWord("المعلمون")).toBe(foldWord("معلم"));
    expect(foldWord("المعلمين")).toBe(foldWord("معلم"));
    expect(foldWord("قرارها")).toBe(foldWord("قرار"));
  });
  it("keeps a stem of at least three letters", () => {
    expect(stemArabic("ورد")).toBe("ورد");
    expect(stemArabic("قال")).toBe("قال");
    expect(foldWord("الان").length).toBeGreaterThanOrEqual(2);
  });
  it("folds every word of a run the same way (no state kept between calls)", () => {
    expect(foldText("أحمد أحمد أحمد إسرائيل إسرائيل")).toBe("احمد احمد احمد اسراييل اسراييل");
  });
  it("treats Arabic-Indic and Persian digits as ASCII", () => {
    expect(foldWord("٢٢٥٩")).toBe("2259");
    expect(foldWord("۲۰۱۵")).toBe("2015");
    expect(foldText("القرار ٢٢٥٩")).toBe(foldText("القرار 2259"));
  });
});

describe("foldWord (English)", () => {
  it("lower-cases and removes accents", () => {
    expect(foldWord("Café")).toBe("cafe");
    expect(foldWord("UN")).toBe("un");
  });
  it("stems plurals, -ing and -ed lightly", () => {
    expect(foldWord("meetings")).toBe(foldWord("meeting"));
    expect(foldWord("resolutions")).toBe(foldWord("resolution"));
    expect(foldWord("countries")).toBe(foldWord("country"));
    expect(foldWord("signed")).toBe(foldWord("sign"));
    expect(foldWord("stopped")).toBe(foldWord("stop"));
    expect(stemLatin("news")).toBe("new");
    expect(stemLatin("bus")).toBe("bus");
    expect(stemLatin("analysis")).toBe("analysis");
  });
});

describe("foldSpans", () => {
  it("keeps offsets into the original text for highlighting", () => {
    const text = "قال الوزيرُ: «القرار ٢٢٥٩»";
    const spans = foldSpans(text);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(["قال", "الوزيرُ", "القرار", "٢٢٥٩"]);
    expect(spans[3].token).toBe("2259");
  });
  it("never throws on hostile or empty text", () => {
    expect(foldText("")).toBe("");
    expect(foldText("<script>alert(1)</script>")).toBe("script alert 1 script");
    expect(foldText("\u0000\uFFFF\uD800")).toBe("");
  });
});
