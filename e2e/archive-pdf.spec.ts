import { expect, test, type Browser, type Page } from "@playwright/test";
import { startPageFixtures, type PageFixtures } from "../server/test-support/page-fixtures";
import { AR_LINES, AR_TITLE, UN_PAGE_1, UN_PAGE_2 } from "../server/test-support/pdf-fixtures";
import { USERS, newUserPage, openWorkspace, signInAs } from "./fixtures";

/**
 * "Archive" on a source that is a PDF (a UN resolution): the copy keeps the file, shows its
 * text page by page with the capture facts, and offers the original as a download (never an
 * embedded viewer). The fixture server (127.0.0.1, allowed by the e2e server) serves the PDFs,
 * the Arabic one under a lying text/html Content-Type.
 */
let fx: PageFixtures;
test.beforeAll(async () => {
  fx = await startPageFixtures();
});
test.afterAll(async () => {
  await fx?.close();
});
test.describe.configure({ timeout: 180_000 });

/** Import `pagePath` as an article, make a claim, cite `sources`, archive the first; the copy's address. */
async function archivePdfSource(page: Page, pagePath: string, sources: string[]): Promise<{ copyHref: string; card: ReturnType<Page["locator"]> }> {
  const res = await page.request.post("/api/articles", { data: { url: `${fx.origin}${pagePath}` } });
  expect([200, 201]).toContain(res.status());
  const article = (await res.json()) as { id: string };
  await openWorkspace(page, article.id);
  await page.getByTestId("suggestion").first().getByTestId("accept-suggestion").click();
  const card = page.locator("[data-testid=claim-card][data-focused=true]");
  for (const s of sources) {
    await card.getByRole("button", { name: "+ Add source" }).click();
    await card.getByLabel("Source URL").fill(`${fx.origin}${s}`);
    await card.getByRole("button", { name: "Add", exact: true }).click();
  }
  await card.getByTestId("source-archive").first().getByRole("button", { name: "Archive" }).click();
  const copyLink = card.getByTestId("archived-copy-link").first();
  await expect(copyLink).toBeVisible({ timeout: 30_000 });
  return { copyHref: (await copyLink.getAttribute("href"))!, card };
}

/** The copy as a viewer reading in `locale`, on a desktop and on a 390 px phone. */
async function shoot(browser: Browser, copyHref: string, locale: "en" | "ar", check: (p: Page) => Promise<void>): Promise<void> {
  for (const [name, viewport] of [["desktop", { width: 1400, height: 900 }], ["phone", { width: 390, height: 844 }]] as const) {
    const context = await browser.newContext({ locale, viewport, ...(name === "phone" ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}) });
    await signInAs(context, USERS.viewer);
    const p = await context.newPage();
    await p.goto(copyHref);
    await check(p);
    // the hash is left-to-right data: on a phone it wraps, and every line starts at the left (not the Arabic line's right)
    const hashLines = await p.getByTestId("capture-hash").evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return [...range.getClientRects()].map((r) => Math.round(r.left));
    });
    if (name === "phone") expect(hashLines.length).toBeGreaterThan(1);
    expect(new Set(hashLines).size, `hash line starts ${hashLines.join(", ")}`).toBe(1);
    await p.getByTestId("capture-hash").locator("xpath=ancestor::dl").screenshot({ path: `test-results/screens/capture-facts-${locale}-${name}.png` });
    // nothing wider than the screen
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    await p.screenshot({ path: `test-results/tour/archived-pdf-${locale}-${name}.png`, fullPage: true });
    await context.close();
  }
}

test("a PDF source is archived: its text page by page, the capture facts, the original as a download", async ({ browser }) => {
  const ed = await newUserPage(browser, USERS.editor);
  const { copyHref, card } = await archivePdfSource(ed.page, "/en", ["/un.pdf", "/truncated.pdf"]);

  // a damaged PDF gets a clear error and nothing is stored for it
  const broken = card.getByTestId("source-archive").nth(1);
  await broken.getByRole("button", { name: "Archive" }).click();
  await expect(broken.getByRole("alert")).toContainText("The PDF could not be read", { timeout: 30_000 });
  await expect(broken.getByTestId("archived-copy-link")).toHaveCount(0);

  const copy = await ed.context.newPage();
  await copy.goto(copyHref);
  const main = copy.getByTestId("archived-copy");
  await expect(main).toHaveAttribute("data-media-type", "application/pdf");
  await expect(copy.getByTestId("capture-media-type")).toHaveText("application/pdf");
  await expect(copy.getByTestId("capture-pages")).toHaveText("2");
  await expect(copy.getByTestId("capture-hash")).toHaveText(/^[0-9a-f]{64}$/);
  const pages = copy.getByTestId("capture-page");
  await expect(pages).toHaveCount(2);
  await expect(pages.nth(0)).toContainText("Page 1");
  await expect(pages.nth(0)).toContainText(UN_PAGE_1[0]);
  await expect(pages.nth(1)).toContainText(UN_PAGE_2[1]);
  // no embedded viewer
  await expect(copy.locator("iframe, embed, object")).toHaveCount(0);
  const download = copy.getByTestId("capture-download");
  await expect(download).toContainText("Download the original PDF");
  const raw = await copy.request.get((await download.getAttribute("href"))!);
  expect(raw.status()).toBe(200);
  expect(raw.headers()["content-type"]).toBe("application/pdf");
  expect(raw.headers()["content-disposition"]).toMatch(/^attachment; filename="sanad-archive-[0-9a-f]{12}\.pdf"$/);
  expect(raw.headers()["x-content-type-options"]).toBe("nosniff");
  expect(raw.headers()["content-security-policy"]).toMatch(/^sandbox; default-src 'none'/);
  expect((await raw.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  await copy.close();

  // the public address of an unpublished copy does not exist
  const anon = await browser.newContext();
  expect((await anon.request.get(`${copyHref}/raw`, { maxRedirects: 0 })).status()).not.toBe(200);
  await anon.close();

  await shoot(browser, copyHref, "en", async (p) => {
    await expect(p.getByTestId("archived-copy")).toHaveAttribute("dir", "ltr");
    await expect(p.getByTestId("capture-text")).toContainText(UN_PAGE_2[0]);
  });
  await ed.context.close();
});

test("an Arabic PDF (served as text/html) is archived and its text reads in logical order", async ({ browser }) => {
  const ed = await newUserPage(browser, USERS.editor);
  const { copyHref } = await archivePdfSource(ed.page, "/ar", ["/ar.pdf"]);
  await ed.context.close();
  await shoot(browser, copyHref, "ar", async (p) => {
    await expect(p.getByTestId("archived-copy")).toHaveAttribute("dir", "rtl");
    await expect(p.getByTestId("capture-media-type")).toHaveText("application/pdf");
    await expect(p.getByTestId("archived-copy")).toContainText(AR_TITLE);
    await expect(p.getByTestId("capture-page")).toHaveCount(1);
    await expect(p.getByTestId("capture-page").first()).toContainText("الصفحة 1");
    for (const line of AR_LINES) await expect(p.getByTestId("capture-text")).toContainText(line);
    await expect(p.getByTestId("capture-download")).toContainText("تنزيل ملف PDF الأصلي");
  });
});
