import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { evaluateSimilar, parsePairs } from "./eval-similar";
import { ngramSimilarity, SimilarityIndex } from "./similarity";

const root = path.resolve(import.meta.dirname, "../..");
const pairs = (lang: string) => parsePairs(readFileSync(path.join(root, "seeds/similar", `paraphrases.${lang}.jsonl`), "utf8"));

describe("SimilarityIndex", () => {
  const index = new SimilarityIndex([
    { id: "res", text: "The Security Council adopted resolution 2254 on Syria in 2015." },
    { id: "port", text: "The port deal was signed with a Qatari company." },
    { id: "ar", text: "اعتمد مجلس الأمن القرار 2254 بشأن سوريا." },
  ]);
  it("ranks a paraphrase first and drops unrelated claims", () => {
    const hits = index.rank("Resolution 2254 about Syria was passed by the Security Council");
    expect(hits[0].id).toBe("res");
    expect(hits.map((h) => h.id)).not.toContain("port");
  });
  it("matches Arabic across diacritics, clitics and Arabic-Indic digits", () => {
    const hits = index.rank("وَصدَر عن مجلسِ الأمن القرارُ ٢٢٥٤ حول سوريا");
    expect(hits[0].id).toBe("ar");
  });
  it("returns nothing for an empty or stop-word-only query", () => {
    expect(index.rank("")).toEqual([]);
    expect(index.rank("the of and في من")).toEqual([]);
  });
  it("scores character n-grams between 0 and 1, identical text as 1", () => {
    expect(ngramSimilarity("حكومات", "الحكومة")).toBeGreaterThan(0.5);
    expect(ngramSimilarity("meeting", "meeting")).toBe(1);
    expect(ngramSimilarity("meeting", "harbour")).toBe(0);
  });
});

// Floors a little under the measured figures (README): a change that makes "checked before" worse fails here.
describe("paraphrase evaluation (seeds/similar)", () => {
  for (const lang of ["en", "ar"]) {
    it(`${lang}: at least 20 pairs, precision@5 and recall@5 above the floor`, () => {
      const set = pairs(lang);
      expect(set.length).toBeGreaterThanOrEqual(20);
      const r = evaluateSimilar(set);
      expect(r.recallAt5).toBeGreaterThanOrEqual(0.9);
      expect(r.precisionAt5).toBeGreaterThanOrEqual(0.8);
    });
  }
});
