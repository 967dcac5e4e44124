import { describe, expect, it } from "vitest";
import { splitLtrRuns } from "./BidiText";

const runs = (text: string) => splitLtrRuns(text).filter((p) => p.kind === "ltr").map((p) => p.text);

describe("splitLtrRuns", () => {
  it("isolates an address at the end of an Arabic sentence, keeping the sentence's punctuation out", () => {
    expect(splitLtrRuns("المصدر: https://www.msb.gov.tr/.")).toEqual([
      { kind: "text", text: "المصدر: " },
      { kind: "ltr", text: "https://www.msb.gov.tr/" },
      { kind: "text", text: "." },
    ]);
  });
  it("finds several addresses, stops at Arabic punctuation, keeps balanced brackets", () => {
    expect(runs("راجع http://a.org/x، و https://undocs.org/S/RES/2259(2015)؟ (انظر https://b.org/y)")).toEqual(["http://a.org/x", "https://undocs.org/S/RES/2259(2015)", "https://b.org/y"]);
  });
  it("isolates hyphenated dates in either order and in Arabic-Indic digits, not other numbers", () => {
    expect(runs("بتاريخ 2020-07-20؟ أو 20-07-2020 أو ٢٠٢٠-٠٧-٢٠")).toEqual(["2020-07-20", "20-07-2020", "٢٠٢٠-٠٧-٢٠"]);
    expect(runs("الصفحات 10-12 والقرار 2259 والرقم 1-2-3 و22/07/2020")).toEqual([]);
  });
  it("leaves text without such runs as one run", () => {
    expect(splitLtrRuns("القرار S/RES/2259 (2015)")).toEqual([{ kind: "text", text: "القرار S/RES/2259 (2015)" }]);
    expect(splitLtrRuns("")).toEqual([]);
  });
});
