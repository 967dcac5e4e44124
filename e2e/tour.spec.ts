import { expect, test, type Page } from "@playwright/test";
import { ARABIC_SLUG, ENGLISH_SLUG, USERS, articleIdBySlug, signInAs } from "./fixtures";

/**
 * Every screen in Arabic and English, on a wide screen and a phone: a screenshot to look at
 * (test-results/tour/<lang>-<width>-<screen>.png) and no horizontal overflow.
 */
const SHOTS = "test-results/tour";
const VIEWPORTS = [{ width: 1400, height: 900 }, { width: 390, height: 844 }] as const;

async function shoot(page: Page, name: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: false });
  expect(overflow, `${name}: horizontal overflow`).toBeLessThanOrEqual(0);
}

for (const locale of ["ar", "en"] as const) {
  test(`tour of every screen in ${locale === "ar" ? "Arabic" : "English"}, desktop and phone`, async ({ browser }) => {
    test.setTimeout(300_000);
    try {
      for (const viewport of VIEWPORTS) {
        const tag = `${locale}-${viewport.width}`;
        const anon = await browser.newContext({ viewport, locale, isMobile: viewport.width < 500, hasTouch: viewport.width < 500 });
        const p = await anon.newPage();
        await p.goto("/signin");
        await shoot(p, `${tag}-signin`);
        await anon.close();

        const ctx = await browser.newContext({ viewport, locale, isMobile: viewport.width < 500, hasTouch: viewport.width < 500 });
        await signInAs(ctx, USERS.admin);
        expect((await ctx.request.post("/api/locale", { data: { locale } })).ok()).toBeTruthy();
        const page = await ctx.newPage();
        const id = await articleIdBySlug(page, locale === "ar" ? ARABIC_SLUG : ENGLISH_SLUG);
        const en = await articleIdBySlug(page, ENGLISH_SLUG);
        for (const [path, name] of [
          ["/", "dashboard"], ["/articles/new", "import"], ["/review", "review"], [`/articles/${id}/history`, "history"],
          ["/admin/users", "people"], [`/search?q=${locale === "ar" ? "ليبيا" : "Egypt"}`, "search"], ["/settings/tokens", "tokens"],
          ["/admin/webhooks", "webhooks"], ["/admin/claim-reviews", "feeds"],
        ] as const) {
          await page.goto(path);
          await expect(page.locator("h1").first()).toBeVisible();
          await shoot(page, `${tag}-${name}`);
        }
        // The workspace with a claim card open (the English article has claims).
        await page.goto(`/articles/${en}`);
        await expect(page.getByTestId("workspace")).toHaveAttribute("data-ready", "true");
        if (viewport.width < 1024) await page.getByRole("tab").nth(1).click();
        const card = page.locator("[data-testid=claim-card]").first();
        await card.locator("blockquote").click();
        await expect(card).toHaveAttribute("data-focused", "true");
        await shoot(page, `${tag}-workspace-card`);
        // Public verdict pages: the article and one claim.
        const feed = await page.request.get("/v/feed.json");
        const slug = /\/v\/([a-z0-9-]+)/.exec(await feed.text())?.[1];
        if (slug) {
          await page.goto(`/v/${slug}`);
          await shoot(page, `${tag}-public`);
          const claimLink = page.locator(`a[href^="/v/${slug}/"]`).first();
          if (await claimLink.count()) {
            await page.goto((await claimLink.getAttribute("href"))!);
            await shoot(page, `${tag}-public-claim`);
          }
        }
        await ctx.close();
      }
    } finally {
      const ctx = await browser.newContext();
      await signInAs(ctx, USERS.admin);
      await ctx.request.post("/api/locale", { data: { locale: "en" } });
      await ctx.close();
    }
  });
}
