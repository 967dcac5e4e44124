import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { detectTextLanguage, directionOf, isFurniture, parseArticleText } from "./article-text";

const arabic = readFileSync(new URL("../seeds/000_ar_qatar_turkey_libya.txt", import.meta.url), "utf8");
const english = readFileSync(new URL("../seeds/001_en_port_deal.txt", import.meta.url), "utf8");

describe("article importer", () => {
  it("reads the Arabic seed: headline, outlet, RTL, headings kept, furniture dropped", () => {
    const a = parseArticleText(arabic, { header: true });
    expect(a.title).toBe("اجتماعات متسارعة.. هل يمتد الحلف القطري - التركي إلى ليبيا؟");
    expect(a.outlet).toBe("التغيير");
    expect(a.language).toBe("ar");
    expect(a.direction).toBe("rtl");
    expect(a.dropped).toEqual(["ارسال التعليق"]);
    expect(a.body).not.toContain("ارسال التعليق");
    const headings = a.blocks.filter((b) => b.kind === "heading").map((b) => a.body.slice(b.start, b.end));
    expect(headings).toEqual(["لقاءات متلاحقة", "تفاهم مشترك", "توافق يدعم حكومة الوفاق", "تحركات قطر الدولية", "تحركات مناوئة"]);
    expect(a.body).toContain("لا سيما 2259 واتفاق الصخيرات");
  });
  it("reads the English seed as LTR with its headings", () => {
    const a = parseArticleText(english, { header: true });
    expect(a.language).toBe("en");
    expect(a.direction).toBe("ltr");
    expect(a.blocks.filter((b) => b.kind === "heading").map((b) => a.body.slice(b.start, b.end))).toEqual(["What was agreed", "Doubts from the industry"]);
    expect(a.dropped).toEqual(["Leave a comment"]);
  });
  it("blocks tile the body exactly, so offsets stay meaningful", () => {
    const a = parseArticleText(arabic, { header: true });
    expect(a.blocks.map((b) => a.body.slice(b.start, b.end)).join("\n")).toBe(a.body);
  });
  it("normalises line endings but keeps the text of each line", () => {
    const a = parseArticleText("Title\r\nOutlet\r\nFirst paragraph, with <b>tags</b>.\r\n\r\nSecond.", { header: true });
    expect(a.body).toBe("First paragraph, with <b>tags</b>.\nSecond.");
  });
  it("refuses text without paragraphs", () => {
    expect(() => parseArticleText("Only a title\nOutlet\n", { header: true })).toThrow(/headline|text/);
    expect(() => parseArticleText("  \n", { title: "x" })).toThrow(/no text/);
  });
  it("detects language and direction", () => {
    expect(detectTextLanguage("قال الوزير إن 3 حلول")).toBe("ar");
    expect(detectTextLanguage("The minister said")).toBe("en");
    expect(directionOf("ar")).toBe("rtl");
    expect(directionOf("en-GB")).toBe("ltr");
    expect(isFurniture(" Leave a comment ")).toBe(true);
    expect(isFurniture("He left a comment about the deal.")).toBe(false);
  });
});
