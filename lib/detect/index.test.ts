import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseClaimFields } from "../claim-types";
import { detectClaims, detectLanguage } from "./index";

const root = path.resolve(import.meta.dirname, "../..");

describe("detectClaims invariants", () => {
  const texts = [
    readFileSync(path.join(root, "seeds/000_ar_qatar_turkey_libya.txt"), "utf8"),
    readFileSync(path.join(root, "seeds/001_en_port_deal.txt"), "utf8"),
    "\uFEFFقـــالَ الوزيرُ: «نحن ندعم ٣ حلول» في ٤ يوليو ٢٠٢٠ 🇶🇦 وفق القرار 2231.\n",
  ];
  for (const [i, t] of texts.entries()) {
    it(`text ${i}: spans slice the input, are sorted, and fields parse`, () => {
      const ds = detectClaims(t, { publishedAt: "2020-07-21" });
      expect(ds.length).toBeGreaterThan(0);
      let prev = -1;
      for (const d of ds) {
        expect(d.text).toBe(t.slice(d.start, d.end));
        expect(d.start).toBeGreaterThanOrEqual(prev);
        prev = d.start;
        expect(d.end).toBeGreaterThan(d.start);
        expect(d.confidence).toBeGreaterThan(0);
        expect(d.confidence).toBeLessThanOrEqual(1);
        expect(parseClaimFields(d.type, d.fields)).toEqual(d.fields);
      }
    });
  }
  it("empty text and text without claims", () => {
    expect(detectClaims("")).toEqual([]);
    expect(detectClaims("لا شيء هنا")).toEqual([]);
  });
  it("detectLanguage", () => {
    expect(detectLanguage(texts[0])).toBe("ar");
    expect(detectLanguage(texts[1])).toBe("en");
    expect(detectLanguage("")).toBe("en");
  });
  it("does not backtrack catastrophically on adversarial input", () => {
    const nasty = ["1 / ".repeat(5000), "قرار مجلس الامن ".repeat(3000), '"'.repeat(20000), "وثلاثين ".repeat(5000), "A ".repeat(20000) + "Accord"].join("\n");
    const t0 = performance.now();
    detectClaims(nasty, { lang: "ar" });
    // Loose sanity bound only (not a benchmark): seconds would mean exponential behaviour.
    expect(performance.now() - t0).toBeLessThan(10_000);
  });
});
