import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseClaimFields } from "../claim-types";
import { parseGold } from "./score";

const root = path.resolve(import.meta.dirname, "../..");
const SEEDS = ["000_ar_qatar_turkey_libya", "001_en_port_deal"];

describe("gold annotations", () => {
  for (const name of SEEDS) {
    it(`${name}: every gold span's text equals the file content at its offsets, fields are valid`, () => {
      const text = readFileSync(path.join(root, "seeds", `${name}.txt`), "utf8");
      const gold = parseGold(readFileSync(path.join(root, "seeds/gold", `${name}.gold.jsonl`), "utf8"));
      expect(gold.length).toBeGreaterThan(10);
      for (const g of gold) {
        expect(text.slice(g.start, g.end), `${g.type} @${g.start}`).toBe(g.text);
        expect(() => parseClaimFields(g.type, g.fields)).not.toThrow();
      }
    });
  }
});
