import path from "node:path";
import iconv from "iconv-lite";
import { afterEach, describe, expect, it } from "vitest";
import { isAppError } from "../../lib/errors";
import { extractPage } from "../articles/extract-page";
import { readableSnapshot } from "../archive/readable-snapshot";
import { arabicPageHtml, ARABIC_TITLE } from "../test-support/page-fixtures";
import { AR_LINES, arabicPdf, latinPdf, UN_PAGE_1, UN_PAGE_2, UN_TITLE } from "../test-support/pdf-fixtures";
import { ExtractPool, extractArticleOffLoop, pdfTextOffLoop, readableSnapshotOffLoop } from "./extract-pool";

const HANGING = path.resolve(import.meta.dirname, "../test-support/hanging-extract-entry.mjs");

describe("the page reader thread", () => {
  const pools: ExtractPool[] = [];
  const pool = (opts: ConstructorParameters<typeof ExtractPool>[0] = {}) => { const p = new ExtractPool(opts); pools.push(p); return p; };
  afterEach(async () => { await Promise.all(pools.splice(0).map((p) => p.close())); });

  it("reads a windows-1256 page exactly as the in-process reader does", async () => {
    const bytes = iconv.encode(arabicPageHtml(), "windows-1256");
    const p = pool();
    const page = await extractArticleOffLoop(bytes, { httpCharset: null, url: "https://watan.example/news/1" }, p);
    expect(page.article.title).toBe(ARABIC_TITLE);
    expect(page).toEqual(extractPage(bytes, { httpCharset: null, url: "https://watan.example/news/1" }));
    const snap = await readableSnapshotOffLoop(bytes, "text/html", null, p);
    expect(snap).toEqual(readableSnapshot(bytes, "text/html", null));
    expect(p.started).toBe(1);
  }, 120_000);

  it("a page that never finishes is cut off at the cap and the next page gets a fresh thread", async () => {
    const p = pool({ entry: HANGING, timeoutMs: 1_500 });
    const hang = extractArticleOffLoop(Buffer.from("HANG<html></html>"), { httpCharset: "utf-8", url: "https://x.example/" }, p);
    const next = extractArticleOffLoop(Buffer.from(arabicPageHtml()), { httpCharset: "utf-8", url: "https://watan.example/news/1" }, p);
    const err = await hang.then(() => null, (e: unknown) => e);
    expect(isAppError(err) && err.code).toBe("INVALID_INPUT");
    expect(String((err as Error).message)).toMatch(/longer than 2 s/);
    expect((await next).article.title).toBe(ARABIC_TITLE);
    expect(p.started).toBe(2);
  }, 180_000);

  it("reads a PDF's pages in the thread, and a PDF it cannot parse fails alone", async () => {
    const p = pool();
    const r = await pdfTextOffLoop(latinPdf([UN_PAGE_1, UN_PAGE_2], UN_TITLE), p);
    expect(r).toEqual({ text: `${UN_PAGE_1.join("\n")}\f${UN_PAGE_2.join("\n")}`, title: UN_TITLE, pageCount: 2 });
    const err = await pdfTextOffLoop(Buffer.from("%PDF-1.4\ngarbage"), p).then(() => null, (e: unknown) => e);
    expect(String((err as Error).message)).toMatch(/The PDF could not be read/);
    expect((await pdfTextOffLoop(arabicPdf(), p)).text).toBe(AR_LINES.join("\n"));
    expect(p.started).toBe(1);
  }, 120_000);

  it("a PDF that takes longer than the cap is cut off, and the next one gets a fresh thread", async () => {
    // a real, valid PDF, only long: 3,000 short pages (1.4 MB, under the fetch cap; ~10 s to read here)
    const lines = Array.from({ length: 8 }, (_, i) => `Paragraph ${i}.`);
    const long = latinPdf(Array.from({ length: 3_000 }, () => lines));
    expect(long.length).toBeLessThan(5 * 1024 * 1024);
    const p = pool({ timeoutMs: 1_000 });
    const slow = pdfTextOffLoop(long, p);
    const next = pdfTextOffLoop(latinPdf([UN_PAGE_1]), p);
    const err = await slow.then(() => null, (e: unknown) => e);
    expect(isAppError(err) && err.code).toBe("INVALID_INPUT");
    expect(isAppError(err) && err.reason).toEqual({ key: "readTimeout", params: { seconds: 1 } });
    expect((await next).text).toBe(UN_PAGE_1.join("\n"));
    expect(p.started).toBe(2);
  }, 180_000);

  it("refuses pages beyond its queue instead of piling them up", async () => {
    const p = pool({ maxQueue: 1 });
    const first = extractArticleOffLoop(Buffer.from(arabicPageHtml()), { httpCharset: "utf-8", url: "https://watan.example/news/1" }, p);
    const second = extractArticleOffLoop(Buffer.from(arabicPageHtml()), { httpCharset: "utf-8", url: "https://watan.example/news/2" }, p);
    const err = await second.then(() => null, (e: unknown) => e);
    expect(isAppError(err) && err.code).toBe("RATE_LIMITED");
    expect((await first).article.title).toBe(ARABIC_TITLE);
  }, 120_000);

  it("a reader that cannot start fails the waiting pages with a clear error", async () => {
    const p = pool({ entry: path.resolve(import.meta.dirname, "does-not-exist.mjs") });
    const err = await extractArticleOffLoop(Buffer.from("<p>x</p>"), { httpCharset: "utf-8", url: "https://x.example/" }, p).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(String((err as Error).message)).toMatch(/could not be read|stopped|start/);
  }, 60_000);
});
