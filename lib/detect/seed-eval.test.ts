import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { detectClaims } from "./index";
import { parseGold, scoreSpans, SEED_TARGETS, type ScoredSpan } from "./score";

const root = path.resolve(import.meta.dirname, "../..");

describe("Arabic seed article targets", () => {
  const text = readFileSync(path.join(root, "seeds/000_ar_qatar_turkey_libya.txt"), "utf8");
  const gold = parseGold(readFileSync(path.join(root, "seeds/gold/000_ar_qatar_turkey_libya.gold.jsonl"), "utf8"));
  const scores = scoreSpans(gold, detectClaims(text) as ScoredSpan[], SEED_TARGETS.map((t) => t.type));
  for (const t of SEED_TARGETS) {
    it(`${t.type}: recall >= ${t.recall}, precision >= ${t.precision} (overlap${t.type === "quote" ? ", right speaker" : ""})`, () => {
      expect(scores[t.type].overlap.recall).toBeGreaterThanOrEqual(t.recall);
      expect(scores[t.type].overlap.precision).toBeGreaterThanOrEqual(t.precision);
    });
  }
});
