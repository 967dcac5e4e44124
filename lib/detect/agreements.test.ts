import { describe, expect, it } from "vitest";
import { detectClaims } from "./index";

const agr = (t: string, lang?: "ar" | "en") => detectClaims(t, { lang }).filter((d) => d.type === "agreement").map((d) => d.text);

describe("agreements and conferences", () => {
  it("Arabic construct names", () => {
    expect(agr("دعم اتفاق الصخيرات ومقررات مؤتمر برلين ولاتفاق الصخيرات")).toEqual(["اتفاق الصخيرات", "مؤتمر برلين", "اتفاق الصخيرات"]);
    expect(agr("بعد اتفاقية أوسلو 1")).toEqual(["اتفاقية أوسلو 1"]);
  });
  it("generic phrases are not names", () => {
    expect(agr("عقد مؤتمر صحفي بعد اتفاق على التهدئة والاتفاقيات الاقتصادية")).toEqual([]);
  });
  it("English names", () => {
    expect(agr("Under the Nairobi Port Accord, and the Berlin conference on security, the Treaty of Lisbon", "en")).toEqual(["Nairobi Port Accord", "Berlin conference", "Treaty of Lisbon"]);
    expect(agr("This agreement puts our ports first", "en")).toEqual([]);
  });
});
