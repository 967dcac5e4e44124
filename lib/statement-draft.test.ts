import { describe, expect, it } from "vitest";
import { draftStatement, formatIsoDate, sentenceAround } from "./statement-draft";

describe("draftStatement", () => {
  it("prefers the detector's own statement", () => {
    expect(draftStatement({ type: "quote", fields: { speaker: "X", words: "y", direct: true }, exact: "y", language: "en", statement: "  X said y.  " })).toBe("X said y.");
  });
  it("builds quote statements from speaker and words, in the article's language", () => {
    expect(draftStatement({ type: "quote", fields: { speaker: "وزير الخارجية القطري", words: "الحل في ليبيا سياسي", direct: true }, exact: "الحل في ليبيا سياسي", language: "ar" }))
      .toBe("قال وزير الخارجية القطري: «الحل في ليبيا سياسي»");
    expect(draftStatement({ type: "quote", fields: { speaker: "Rebecca Miano", words: "Our ports are at the centre", direct: true }, exact: "x", language: "en" }))
      .toBe("Rebecca Miano said: “Our ports are at the centre”");
  });
  it("builds meeting statements from participants, place and date", () => {
    expect(draftStatement({ type: "meeting", fields: { participants: ["Egypt", "Kenya"], place: "Nairobi", date: "2024-03-14", kind: "meeting" }, exact: "met", language: "en" }))
      .toBe("Egypt and Kenya met in Nairobi on 14 March 2024.");
    expect(draftStatement({ type: "meeting", fields: { participants: ["أردوغان", "تميم"], place: "الدوحة", date: "2019-11", kind: "meeting" }, exact: "التقى", language: "ar" }))
      .toBe("التقى أردوغان وتميم في الدوحة في نوفمبر 2019.");
  });
  it("names the resolution by number, year and symbol, followed by the sentence that cites it", () => {
    const body = "Officials cited resolution 2259. Then they left.";
    const start = body.indexOf("2259");
    expect(draftStatement({ type: "un_resolution", fields: { body: "Security Council", number: 2259, year: 2015, symbol: "S/RES/2259 (2015)" }, exact: "2259", body, start, end: start + 4, language: "en" }))
      .toBe("The UN Security Council adopted resolution 2259 (2015) [S/RES/2259 (2015)]. Officials cited resolution 2259.");
  });
  it("falls back to the sentence around the fragment", () => {
    const body = "First sentence. The port handles 8,000 containers a day! Last.";
    const start = body.indexOf("8,000");
    expect(draftStatement({ type: "number", fields: { value: 8000, unit: null }, exact: "8,000", body, start, end: start + 5, language: "en" })).toBe("The port handles 8,000 containers a day!");
    expect(sentenceAround("قال الوزير إن 3 حلول مطروحة؟ ثم غادر.", 14, 15)).toBe("قال الوزير إن 3 حلول مطروحة؟");
  });
  it("formats dates to their precision", () => {
    expect(formatIsoDate("2015", "en")).toBe("2015");
    expect(formatIsoDate("2015-12-23", "ar")).toBe("23 ديسمبر 2015");
  });
});
