import { describe, expect, it } from "vitest";
import { jsonLdScriptContent } from "./safe-json-ld";

describe("jsonLdScriptContent", () => {
  const hostile = {
    claimReviewed: "</script><script>alert(1)</script>",
    note: "<!-- <script> & &amp; </SCRIPT >",
    separators: "a\u2028b\u2029c",
    arabic: "قال الوزير: «لن نتراجع» 😀",
  };

  it("cannot close the script element or open comments, and keeps the value intact", () => {
    const text = jsonLdScriptContent(hostile);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(text.toLowerCase()).not.toContain("</script");
    expect(text).toContain("\\u003c/script\\u003e");
    expect(text).toContain("\\u2028");
    expect(JSON.parse(text)).toEqual(hostile);
  });

  it("leaves ordinary text readable", () => {
    expect(jsonLdScriptContent({ a: "صحيح", n: 1 })).toBe('{"a":"صحيح","n":1}');
  });

  it("refuses what JSON cannot represent", () => {
    expect(() => jsonLdScriptContent(undefined)).toThrow(TypeError);
  });
});
