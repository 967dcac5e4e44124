import { expect, test, type Browser, type Page } from "@playwright/test";
import { ARABIC_SLUG, DEMO_PASSWORD, USERS, articleIdBySlug, newUserPage, signInAs } from "./fixtures";

const SHOTS = "test-results/screens";

/** Put an account back to "no choice" (English by Accept-Language) so other specs see English. */
async function resetLanguage(browser: Browser, email: string) {
  const ctx = await browser.newContext();
  await signInAs(ctx, email);
  const res = await ctx.request.post("/api/locale", { data: { locale: "en" } });
  expect(res.ok()).toBeTruthy();
  await ctx.close();
}

async function htmlLangDir(page: Page) {
  return page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]);
}

test("a first visit follows Accept-Language; the switcher changes the language of signed-out pages", async ({ browser }) => {
  const ctx = await browser.newContext({ locale: "ar-SA" });
  const page = await ctx.newPage();
  await page.goto("/signin");
  expect(await htmlLangDir(page)).toEqual(["ar", "rtl"]);
  await expect(page.getByRole("button", { name: "دخول" })).toBeVisible();
  await expect(page.getByLabel("البريد الإلكتروني")).toBeVisible();
  await page.getByTestId("language-select").selectOption("en");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  expect(await htmlLangDir(page)).toEqual(["en", "ltr"]);
  await page.reload();
  expect(await htmlLangDir(page)).toEqual(["en", "ltr"]); // the cookie, not Accept-Language, now
  await ctx.close();
});

test("the interface language is saved on the account and follows the person to another browser", async ({ browser }) => {
  try {
    const a = await newUserPage(browser, USERS.editor2);
    await a.page.goto("/");
    await expect(a.page.getByRole("heading", { level: 1 })).toHaveText("Articles");
    await a.page.getByTestId("language-select").selectOption("ar");
    await expect(a.page.getByRole("heading", { level: 1 })).toHaveText("المقالات");
    expect(await htmlLangDir(a.page)).toEqual(["ar", "rtl"]);
    // Arabic-Indic digits as a personal setting.
    await a.page.getByTestId("digits-select").selectOption("arab");
    await expect(a.page.getByTestId("article-list").locator("time").first()).toHaveText(/[٠-٩]/);
    await a.context.close();

    // A fresh browser with an English Accept-Language: the account's choice wins.
    const b = await newUserPage(browser, USERS.editor2);
    await b.page.goto("/review");
    expect(await htmlLangDir(b.page)).toEqual(["ar", "rtl"]);
    await expect(b.page.getByRole("heading", { level: 1 })).toHaveText("قائمة المراجعة");
    await b.context.close();
  } finally {
    await resetLanguage(browser, USERS.editor2);
  }
});

test("the locale endpoint refuses unknown languages and non-JSON posts", async ({ browser }) => {
  const ctx = await browser.newContext();
  const bad = await ctx.request.post("/api/locale", { data: { locale: "fr" } });
  expect(bad.status()).toBe(400);
  const form = await ctx.request.post("/api/locale", { form: { locale: "ar" } });
  expect(form.status()).toBe(415);
  await ctx.close();
});

test("Arabic workspace: header date reads as written, chrome in Arabic, article keeps its own direction", async ({ browser }) => {
  const ctx = await browser.newContext({ locale: "ar" });
  await signInAs(ctx, USERS.viewer);
  const page = await ctx.newPage();
  const id = await articleIdBySlug(page, ARABIC_SLUG);
  await page.goto(`/articles/${id}`);
  expect(await htmlLangDir(page)).toEqual(["ar", "rtl"]);
  await expect(page.getByTestId("connection-state")).toHaveText("متصل");
  const meta = page.getByTestId("article-meta");
  await expect(meta.locator("time")).toHaveText(/^\d{1,2} [\u0600-\u06ff]+ \d{4}$/); // e.g. "22 يوليو 2020", not "22-07-2020"
  await expect(page.getByTestId("article-body")).toHaveAttribute("dir", "rtl");
  await ctx.close();
});

test("the whole flow in the Arabic interface, sign-in to public page, with screenshots (desktop and phone)", async ({ browser }) => {
  test.setTimeout(180_000);
  const desktop = { viewport: { width: 1440, height: 900 }, locale: "ar" };
  const edCtx = await browser.newContext(desktop);
  const ed = await edCtx.newPage();
  await ed.goto("/signin");
  await ed.screenshot({ path: `${SHOTS}/ar-signin.png` });
  await ed.getByLabel("البريد الإلكتروني").fill(USERS.editor);
  await ed.getByLabel("كلمة المرور").fill(DEMO_PASSWORD);
  await ed.getByRole("button", { name: "دخول" }).click();
  await expect(ed.getByRole("heading", { level: 1 })).toHaveText("المقالات");
  await ed.screenshot({ path: `${SHOTS}/ar-dashboard.png` });

  await ed.getByRole("link", { name: "استيراد مقال" }).click();
  await ed.getByLabel("العنوان الرئيسي").fill("مجلس الأمن يعتمد القرار 2254 بشأن سوريا");
  await ed.getByLabel("الوسيلة الإعلامية").fill("صحيفة الواجهة العربية");
  await ed.getByLabel("رابط المقال الأصلي (http/https)").fill("https://example.org/ar/2254-flow");
  await ed.getByLabel("تاريخ النشر").fill("2015-12-19");
  await ed.getByLabel("نص المقال").fill("اعتمد مجلس الأمن بالإجماع القرار 2254 في 18 ديسمبر 2015، الذي يدعو إلى وقف إطلاق النار في سوريا.\nوقال المندوب: \"هذا يوم مهم للشعب السوري\".");
  await ed.screenshot({ path: `${SHOTS}/ar-import.png` });
  await ed.getByRole("button", { name: "استيراد" }).click();
  await expect(ed).toHaveURL(/\/articles\/(?!new$)[A-Za-z0-9_-]+$/);
  const articleId = ed.url().split("/").pop()!;
  await expect(ed.getByTestId("connection-state")).toHaveAttribute("data-state", "connected");

  // Tag by keyboard: first sentence, then the date shortcut by physical key.
  await ed.getByTestId("article-body").focus();
  await ed.keyboard.press("ArrowDown");
  await expect(ed.getByTestId("selection-toolbar")).toBeVisible();
  await ed.keyboard.press("KeyU");
  const card = ed.locator("[data-testid=claim-card][data-focused=true]");
  await expect(card).toHaveAttribute("data-claim-type", "un_resolution");
  await expect(card).toBeFocused();
  await card.getByRole("button", { name: "+ إضافة مصدر" }).click();
  await card.getByLabel("رابط المصدر").fill("https://undocs.org/S/RES/2254(2015)");
  await card.getByLabel("عنوان المصدر").fill("القرار 2254 (2015)");
  await card.getByLabel("تاريخ المصدر").fill("١٨/١٢/٢٠١٥");
  await card.getByRole("button", { name: "إضافة", exact: true }).click();
  // typed with Arabic-Indic digits, stored as ISO, shown with the month's name
  await expect(card.getByTestId("source")).toContainText("18 ديسمبر 2015");
  await expect(card.getByTestId("source").locator("time")).toHaveAttribute("datetime", "2015-12-18");
  await card.getByTestId("verdict-select").selectOption("true");
  await card.getByTestId("rationale").fill("اعتُمد القرار 2254 بالإجماع في 18 ديسمبر 2015، كما تُظهر الوثيقة الرسمية (S/RES/2254).");
  // a published claim needs a checkable statement (Enter commits it to the shared document)
  await card.getByTestId("statement").fill("اعتمد مجلس الأمن الدولي القرار 2254 (2015) بشأن سوريا بالإجماع.");
  await card.getByTestId("statement").press("Enter");
  await card.getByTestId("send-for-review").click();
  await expect(card.getByTestId("card-status")).toHaveText("بانتظار المراجعة");
  await ed.screenshot({ path: `${SHOTS}/ar-workspace-card.png` });
  // Opening a card did not grow the page or scroll the header away.
  expect(await ed.evaluate(() => [document.documentElement.scrollHeight, window.scrollY])).toEqual([900, 0]);

  const revCtx = await browser.newContext(desktop);
  await signInAs(revCtx, USERS.reviewer);
  const rev = await revCtx.newPage();
  await rev.goto("/review");
  await expect(rev.getByRole("heading", { level: 1 })).toHaveText("قائمة المراجعة");
  await rev.screenshot({ path: `${SHOTS}/ar-review-queue.png` });
  await rev.getByTestId("review-queue-row").filter({ hasText: "2254" }).first().getByRole("link").first().click();
  const revCard = rev.locator("[data-testid=claim-card][data-focused=true]");
  await expect(revCard).toBeInViewport();
  await expect(revCard).toBeFocused();
  await revCard.getByTestId("approve").click();
  await expect(revCard.getByTestId("decision-badge")).toHaveAttribute("data-decision", "approved");
  const panel = rev.getByTestId("publication-panel");
  await expect(panel.getByTestId("publish")).toBeEnabled({ timeout: 5_000 });
  await panel.getByTestId("publish").click();
  await expect(panel).toContainText("منشور");
  const href = await panel.getByRole("link", { name: "الصفحة العامة" }).getAttribute("href");
  await rev.goto(`/articles/${articleId}/history`);
  await expect(rev.getByTestId("history")).toContainText("اعتمد الادعاء");
  await rev.screenshot({ path: `${SHOTS}/ar-history.png`, fullPage: true });
  await rev.goto("/");
  await expect(rev.getByTestId("article-list").locator("tr", { hasText: "صحيفة الواجهة العربية" }).getByTestId("publication-cell")).toContainText("منشور · الإصدار 1");

  // The public page is Arabic because the ARTICLE is, whatever the reader's browser says.
  const anon = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "en-GB" });
  const pub = await anon.newPage();
  await pub.goto(href!);
  expect(await htmlLangDir(pub)).toEqual(["ar", "rtl"]);
  const byline = pub.getByTestId("byline-date");
  await expect(byline).toHaveText(/^\d{1,2} [\u0600-\u06ff]+ \d{4}$/);
  expect(await byline.evaluate((el) => el.tagName)).toBe("BDI");
  await pub.screenshot({ path: `${SHOTS}/ar-public-desktop.png`, fullPage: true });
  await anon.close();

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "ar", hasTouch: true, isMobile: true });
  const ph = await phone.newPage();
  await ph.goto(href!);
  expect(await ph.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await ph.screenshot({ path: `${SHOTS}/ar-public-phone.png`, fullPage: true });
  await signInAs(phone, USERS.editor);
  await ph.goto(`/articles/${articleId}`);
  await expect(ph.getByTestId("workspace-tabs")).toBeVisible();
  await ph.screenshot({ path: `${SHOTS}/ar-workspace-phone-article.png` });
  await ph.getByRole("tab", { name: /الادعاءات/ }).click();
  await ph.screenshot({ path: `${SHOTS}/ar-workspace-phone-claims.png` });
  await phone.close();
  await edCtx.close();
  await revCtx.close();
});
