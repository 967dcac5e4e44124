import { expect, test } from "@playwright/test";
import { ARABIC_SLUG, ENGLISH_SLUG, USERS, articleIdBySlug, signInAs } from "./fixtures";

const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };

for (const locale of ["en", "ar"] as const) {
  test(`no horizontal overflow at 390 px on any page (${locale})`, async ({ browser }) => {
    const ctx = await browser.newContext({ ...PHONE, locale });
    const page = await ctx.newPage();
    const widths: Record<string, number> = {};
    await page.goto("/signin");
    widths.signin = await page.evaluate(() => document.documentElement.scrollWidth);
    await signInAs(ctx, USERS.admin);
    const id = await articleIdBySlug(page, locale === "ar" ? ARABIC_SLUG : ENGLISH_SLUG);
    for (const path of ["/", "/articles/new", "/review", "/admin/users", "/settings/account", `/articles/${id}/history`, `/articles/${id}`]) {
      await page.goto(path);
      if (path === `/articles/${id}`) {
        await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "connected");
        await page.getByRole("tab").nth(1).click();
        // With a card open; the English article has claims, the Arabic one gets none added (its suggestions are shown instead).
        const cards = page.locator("[data-testid=claim-card]");
        if (await cards.count()) await cards.first().click();
      }
      widths[path] = await page.evaluate(() => document.documentElement.scrollWidth);
    }
    expect(Object.entries(widths).filter(([, w]) => w > 390)).toEqual([]);
    await ctx.close();
  });
}

test("phone workspace: Article | Claims tabs, a tapped card stays put, touch selection opens the toolbar", async ({ browser }) => {
  const ctx = await browser.newContext({ ...PHONE, locale: "en" });
  await signInAs(ctx, USERS.editor);
  const page = await ctx.newPage();
  const id = await articleIdBySlug(page, ENGLISH_SLUG);
  await page.goto(`/articles/${id}`);
  await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "connected");
  await expect(page.getByRole("tab", { name: /Article/ })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByTestId("claims-panel")).toBeHidden();
  // The first sync re-renders the body with the claims' highlights, which replaces the text
  // nodes a selection would sit in: select only once the server's claims are on the page.
  await expect(page.getByTestId("workspace")).toHaveAttribute("data-ready", "true");
  await expect(page.locator("[data-testid=article-body] [data-claim-ids]").first()).toBeAttached();

  // Touch selection: no mouseup, only the selection changing.
  await page.evaluate(() => {
    const article = document.querySelector("[data-testid=article-body]")!;
    const text = [...article.querySelectorAll("[data-start]")].find((s) => (s.textContent ?? "").length > 20)!.firstChild!;
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, 12);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
  });
  await expect(page.getByTestId("selection-toolbar")).toBeVisible();
  await page.evaluate(() => window.getSelection()!.removeAllRanges());

  await page.getByRole("tab", { name: /Claims/ }).tap();
  const card = page.locator("[data-testid=claim-card]").nth(1);
  await card.scrollIntoViewIfNeeded();
  const before = (await card.boundingBox())!.y;
  await card.locator("blockquote").tap();
  await expect(card).toHaveAttribute("data-focused", "true");
  await page.waitForTimeout(400);
  const after = (await card.boundingBox())!.y;
  expect(Math.abs(after - before)).toBeLessThan(40);
  await ctx.close();
});

test("presence colours are distinct for everyone in the room", async ({ browser }) => {
  test.setTimeout(120_000); // four browsers open a workspace each
  const emails = [USERS.editor, USERS.editor2, USERS.reviewer, USERS.admin];
  const pages = [];
  for (const email of emails) {
    const ctx = await browser.newContext();
    await signInAs(ctx, email);
    const page = await ctx.newPage();
    pages.push({ ctx, page });
  }
  const id = await articleIdBySlug(pages[0].page, ENGLISH_SLUG);
  for (const { page } of pages) await page.goto(`/articles/${id}`);
  const first = pages[0].page;
  await expect(first.getByTestId("presence-user")).toHaveCount(emails.length, { timeout: 10_000 });
  const colours = await first.getByTestId("presence-user").evaluateAll((els) => els.map((e) => e.getAttribute("data-colour")));
  expect(new Set(colours).size).toBe(emails.length);
  // Everyone sees the same colour for the same person.
  const other = await pages[3].page.getByTestId("presence-user").evaluateAll((els) => Object.fromEntries(els.map((e) => [e.getAttribute("data-user-id"), e.getAttribute("data-colour")])));
  const mine = await first.getByTestId("presence-user").evaluateAll((els) => Object.fromEntries(els.map((e) => [e.getAttribute("data-user-id"), e.getAttribute("data-colour")])));
  expect(other).toEqual(mine);
  for (const { ctx } of pages) await ctx.close();
});

for (const locale of ["en", "ar"] as const) {
  test(`phone header: navigation folds behind one Menu button, and the article starts near the top (${locale})`, async ({ browser }) => {
    const ctx = await browser.newContext({ ...PHONE, locale });
    await signInAs(ctx, USERS.admin);
    const page = await ctx.newPage();
    const id = await articleIdBySlug(page, locale === "ar" ? ARABIC_SLUG : ENGLISH_SLUG);
    await page.goto(`/articles/${id}`);
    await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "connected");
    const button = page.getByTestId("header-menu-button");
    const nav = page.getByRole("navigation", { name: locale === "ar" ? "التنقل الرئيسي" : "Main" });
    await expect(button).toHaveAttribute("aria-expanded", "false");
    await expect(nav).toBeHidden();
    await expect(page.getByTestId("notification-bell")).toBeVisible();
    const headerHeight = await page.locator("header").first().evaluate((h) => h.getBoundingClientRect().height);
    expect(headerHeight, "the closed header is one row").toBeLessThan(80);
    await page.screenshot({ path: `test-results/tour/phone-header-closed-${locale}.png` });
    await button.click();
    await expect(button).toHaveAttribute("aria-expanded", "true");
    await expect(nav).toBeVisible();
    await expect(page.getByTestId("header-search")).toBeVisible();
    await expect(page.getByTestId("language-select")).toBeVisible();
    await page.screenshot({ path: `test-results/tour/phone-header-open-${locale}.png` });
    // Escape closes it and gives focus back to the button; a link followed from it closes it too.
    await page.keyboard.press("Escape");
    await expect(nav).toBeHidden();
    await expect(button).toBeFocused();
    await button.click();
    await nav.getByRole("link", { name: locale === "ar" ? "قائمة المراجعة" : "Review queue" }).click();
    await expect(page).toHaveURL(/\/review$/);
    await expect(nav).toBeHidden();
    await ctx.close();
  });
}

test("desktop header: no Menu button, everything inline", async ({ page, context }) => {
  await signInAs(context, USERS.admin);
  await page.goto("/");
  await expect(page.getByTestId("header-menu-button")).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await expect(page.getByTestId("header-search")).toBeVisible();
  await expect(page.getByTestId("current-user")).toBeVisible();
  await page.locator("header").first().screenshot({ path: "test-results/tour/desktop-header-en.png" });
});
