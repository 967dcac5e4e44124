import { describe, expect, it } from "vitest";
import { describeResolution, unscYear, UNSC_LAST_KNOWN } from "./unsc";

describe("UN Security Council resolution table", () => {
  it("maps known numbers to their year and symbol", () => {
    expect(unscYear(2259)).toBe(2015);
    expect(unscYear(2254)).toBe(2015);
    expect(unscYear(1701)).toBe(2006);
    expect(unscYear(2231)).toBe(2015);
    expect(unscYear(1)).toBe(1946);
    expect(describeResolution(2259).symbol).toBe("S/RES/2259 (2015)");
  });
  it("says year unknown beyond the table and for nonsense", () => {
    expect(unscYear(UNSC_LAST_KNOWN + 1)).toBeNull();
    expect(unscYear(0)).toBeNull();
    expect(unscYear(2.5)).toBeNull();
    expect(describeResolution(9999)).toEqual({ body: "Security Council", number: 9999, year: null, symbol: null });
  });
});
