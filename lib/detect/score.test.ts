import { describe, expect, it } from "vitest";
import { scoreSpans, speakerMatches, ScoreAccumulator } from "./score";

describe("score", () => {
  it("overlap and exact precision/recall", () => {
    const gold = [{ type: "date" as const, start: 0, end: 5 }, { type: "date" as const, start: 10, end: 15 }];
    const pred = [{ type: "date" as const, start: 1, end: 5 }, { type: "date" as const, start: 20, end: 25 }];
    const s = scoreSpans(gold, pred).date;
    expect(s.overlap).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5 });
    expect(s.exact.recall).toBe(0);
  });
  it("quotes need the right speaker", () => {
    expect(speakerMatches("عبد المجيد تبون", "تبون")).toBe(true);
    expect(speakerMatches("الدكتور ماجد الأنصاري", "ماجد الانصاري")).toBe(true);
    expect(speakerMatches("قطر", "وزارة الدفاع القطرية")).toBe(false);
    const g = [{ type: "quote" as const, start: 0, end: 9, fields: { speaker: "Rebecca Miano" } }];
    expect(scoreSpans(g, [{ type: "quote", start: 0, end: 9, fields: { speaker: "Ahmed Samir" } }]).quote.overlap.recall).toBe(0);
  });
  it("accumulates micro averages", () => {
    const acc = new ScoreAccumulator();
    acc.add([{ type: "number", start: 0, end: 1 }], [{ type: "number", start: 0, end: 1 }], ["number"]);
    acc.add([{ type: "number", start: 0, end: 1 }], [], ["number"]);
    expect(acc.result().number.overlap.recall).toBe(0.5);
  });
});
