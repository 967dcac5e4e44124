import { describe, expect, it } from "vitest";
import { queryTokens, segments, snippet } from "./highlight";

describe("snippet and segments", () => {
  it("marks every word matching a folded query token, as text", () => {
    const s = snippet("قالت الحكومةُ إنّ القرار ٢٢٥٤ صدر", queryTokens("حكومه 2254"));
    expect(segments(s)).toEqual([
      { text: "قالت ", mark: false }, { text: "الحكومةُ", mark: true }, { text: " إنّ القرار ", mark: false }, { text: "٢٢٥٤", mark: true }, { text: " صدر", mark: false },
    ]);
  });
  it("treats query tokens as prefixes, like the index", () => {
    const s = snippet("Meetings were held", queryTokens("meet"));
    expect(segments(s).filter((x) => x.mark).map((x) => x.text)).toEqual(["Meetings"]);
  });
  it("cuts long text around the first match with ellipses", () => {
    const text = `${"word ".repeat(100)}needle ${"tail ".repeat(100)}`;
    const s = snippet(text, queryTokens("needle"), 40);
    expect(s.text.startsWith("…")).toBe(true);
    expect(s.text.endsWith("…")).toBe(true);
    expect(segments(s).find((x) => x.mark)?.text).toBe("needle");
  });
  it("keeps markup in user text as plain text and ignores bad ranges", () => {
    const s = snippet("<b>port</b> deal", queryTokens("port"));
    expect(segments(s).map((x) => x.text).join("")).toBe("<b>port</b> deal");
    expect(segments({ text: "abc", ranges: [[2, 1], [1, 9]] })).toEqual([{ text: "abc", mark: false }]);
    expect(segments({ text: "abcd", ranges: [[0, 2], [1, 3]] })).toEqual([{ text: "ab", mark: true }, { text: "cd", mark: false }]);
  });
});
