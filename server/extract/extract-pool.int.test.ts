import path from "node:path";
import iconv from "iconv-lite";
import { afterEach, describe, expect, it } from "vitest";
import { isAppError } from "../../lib/errors";
import { extractPage } from "../articles/extract-page";
import { readableSnapshot } from "../archive/readable-snapshot";
import { arabicPageHtml, ARABIC_TITLE } from "../test-support/page-fixtures";
import { ExtractPool, extractArticleOffLoop, readableSnapshotOffLoop } from "./extract-pool";

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
