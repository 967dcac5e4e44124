import { describe, expect, it } from "vitest";
import { segmentRanges } from "./segments";

describe("segmentRanges", () => {
  it("keeps nested ranges visible: a date inside a quote", () => {
    const segs = segmentRanges(0, 20, [{ id: "quote", start: 2, end: 15 }, { id: "date", start: 5, end: 8 }]);
    expect(segs).toEqual([
      { start: 0, end: 2, ids: [] },
      { start: 2, end: 5, ids: ["quote"] },
      { start: 5, end: 8, ids: ["quote", "date"] },
      { start: 8, end: 15, ids: ["quote"] },
      { start: 15, end: 20, ids: [] },
    ]);
  });
  it("handles partial overlaps and ranges outside the block", () => {
    const segs = segmentRanges(10, 20, [{ id: "a", start: 5, end: 14 }, { id: "b", start: 12, end: 30 }, { id: "c", start: 25, end: 28 }]);
    expect(segs).toEqual([
      { start: 10, end: 12, ids: ["a"] },
      { start: 12, end: 14, ids: ["b", "a"] },
      { start: 14, end: 20, ids: ["b"] },
    ]);
  });
  it("segments tile the block exactly", () => {
    const ranges = Array.from({ length: 200 }, (_, i) => ({ id: `r${i}`, start: (i * 7) % 90, end: ((i * 7) % 90) + 1 + (i % 13) }));
    const segs = segmentRanges(0, 100, ranges);
    expect(segs[0].start).toBe(0);
    expect(segs[segs.length - 1].end).toBe(100);
    for (let i = 1; i < segs.length; i++) expect(segs[i].start).toBe(segs[i - 1].end);
    for (const s of segs) for (const id of s.ids) {
      const r = ranges.find((x) => x.id === id)!;
      expect(r.start <= s.start && r.end >= s.end).toBe(true);
    }
  });
});
