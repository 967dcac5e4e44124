import { describe, expect, it } from "vitest";
import { normalize, toOriginal, fold } from "./normalize";

describe("normalize", () => {
  it("folds Arabic-Indic and Persian digits to ASCII", () => {
    expect(normalize("٢٠٢٠ و۱۹").norm).toBe("2020 و19");
  });
  it("removes diacritics and tatweel and folds alef / taa marbuta / alef maqsura", () => {
    expect(normalize("أَكَّدَ إِنَّ آلـــة مُسْتَشْفَى ٱلقرية").norm).toBe("اكد ان اله مستشفي القريه");
  });
  it("maps normalised offsets back to the original text", () => {
    const t = "قَالَـــ الوزيرُ";
    const nz = normalize(t);
    const i = nz.norm.indexOf("الوزير");
    const [s, e] = toOriginal(nz, i, i + "الوزير".length);
    expect(t.slice(s, e)).toBe("الوزيرُ");
    expect(nz.map[nz.norm.length]).toBe(t.length);
  });
  it("fold() trims and collapses spaces", () => {
    expect(fold("  وزارة   الدفاع ")).toBe("وزاره الدفاع");
  });
});
