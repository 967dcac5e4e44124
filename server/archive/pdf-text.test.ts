import { describe, expect, it } from "vitest";
import { AR_LINES, AR_TITLE, arabicPdf, latinPdf, UN_PAGE_1, UN_PAGE_2, UN_TITLE } from "../test-support/pdf-fixtures";
import { PAGE_BREAK, pdfText, UnreadablePdfError } from "./pdf-text";

describe("the text of a PDF", () => {
  it("reads each page's lines, keeps page breaks, the title and the page count", async () => {
    const r = await pdfText(latinPdf([UN_PAGE_1, UN_PAGE_2], UN_TITLE));
    expect(r.pageCount).toBe(2);
    expect(r.title).toBe(UN_TITLE);
    expect(r.text.split(PAGE_BREAK)).toEqual([UN_PAGE_1.join("\n"), UN_PAGE_2.join("\n")]);
  });

  it("gives Arabic drawn right to left back in logical order, digits included", async () => {
    const r = await pdfText(arabicPdf());
    expect(r.text).toBe(AR_LINES.join("\n"));
    expect(r.title).toBe(AR_TITLE);
    const mixed = await pdfText(arabicPdf(["القرار 2254 لعام 2015"]));
    expect(mixed.text).toBe("القرار 2254 لعام 2015");
  });

  it("puts the words of a right-to-left line drawn as separate runs back in reading order", async () => {
    const r = await pdfText(arabicPdf(["قرار مجلس الأمن 2254", "يدعم وقف إطلاق النار"], { separateWords: true }));
    expect(r.text).toBe("قرار مجلس الأمن 2254\nيدعم وقف إطلاق النار");
  });

  it("does not touch the caller's bytes (PDF.js detaches what it is given)", async () => {
    const bytes = latinPdf([UN_PAGE_1]);
    const before = Buffer.from(bytes);
    await pdfText(bytes);
    expect(bytes.byteLength).toBe(before.byteLength);
    expect(Buffer.compare(bytes, before)).toBe(0);
  });

  it("keeps control characters out of the text (PostgreSQL refuses NUL)", async () => {
    const r = await pdfText(latinPdf([["a\u0000b\u0007c"]]));
    expect(r.text).toBe("a b c");
  });

  it("refuses garbage and a truncated file with a clear error", async () => {
    const whole = latinPdf([UN_PAGE_1, UN_PAGE_2], UN_TITLE);
    for (const bad of [Buffer.from("not a pdf at all"), Buffer.from("%PDF-1.4\ngarbage"), whole.subarray(0, Math.floor(whole.length / 2))]) {
      const err = await pdfText(bad).then(() => null, (e: unknown) => e);
      expect(err).toBeInstanceOf(UnreadablePdfError);
      expect(String((err as Error).message)).toMatch(/^The PDF could not be read/);
    }
  });
});
