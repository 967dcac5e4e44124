import { describe, expect, it } from "vitest";
import { splitAddresses } from "./BidiText";

describe("splitAddresses", () => {
  it("isolates an address at the end of an Arabic sentence, keeping the sentence's punctuation out", () => {
    expect(splitAddresses("المصدر: https://www.msb.gov.tr/.")).toEqual([
      { kind: "text", text: "المصدر: " },
      { kind: "address", text: "https://www.msb.gov.tr/" },
      { kind: "text", text: "." },
    ]);
  });
  it("finds several addresses and stops at Arabic punctuation", () => {
    expect(splitAddresses("راجع http://a.org/x، و https://undocs.org/S/RES/2259(2015)؟").filter((p) => p.kind === "address").map((p) => p.text))
      .toEqual(["http://a.org/x", "https://undocs.org/S/RES/2259(2015)"]);
  });
  it("leaves text without addresses as one run", () => {
    expect(splitAddresses("القرار S/RES/2259 (2015)")).toEqual([{ kind: "text", text: "القرار S/RES/2259 (2015)" }]);
    expect(splitAddresses("")).toEqual([]);
  });
});
