import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { ARABIC_SLUG, ENGLISH_SLUG, USERS, articleIdBySlug, signInAs } from "./fixtures";

/** axe-core on a page: no serious or critical violation (WCAG 2 A/AA rules, contrast included). */
async function expectAccessible(page: Page, label: string) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
  expect(bad, `${label}\n${bad.join("\n")}`).toEqual([]);
}

for (const locale of ["en", "ar"] as const) {
  test(`every page passes axe in ${locale === "ar" ? "Arabic" : "English"}`, async ({ browser }) => {
    test.setTimeout(240_000); // ten pages with axe each; slow on a loaded machine
    const anon = await browser.newContext({ locale });
    const p = await anon.newPage();
    await p.goto("/signin");
    await expectAccessible(p, "sign-in");
    await p.goto("/no-such-page");
    await expectAccessible(p, "404");
    await anon.close();

    const ctx = await browser.newContext({ locale });
    await signInAs(ctx, USERS.admin);
    const page = await ctx.newPage();
    const id = await articleIdBySlug(page, locale === "ar" ? ARABIC_SLUG : ENGLISH_SLUG);
    for (const [path, label] of [["/", "dashboard"], ["/articles/new", "import"], ["/review", "review queue"], ["/admin/users", "people"], ["/settings/account", "account"], [`/articles/${id}/history`, "history"]] as const) {
      await page.goto(path);
      await expectAccessible(page, label);
    }
    await page.goto(`/articles/${id}`);
    await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "connected");
    // A card open (made from a suggestion when the article has none, and removed afterwards).
    await expect(page.getByTestId("workspace")).toHaveAttribute("data-ready", "true");
    await page.waitForTimeout(500);
    const before = await page.locator("[data-testid=claim-card]").count();
    const made = before === 0;
    if (made) await page.getByTestId("accept-suggestion").first().click();
    const card = page.locator("[data-testid=claim-card]").first();
    await card.click();
    await expect(card).toHaveAttribute("data-focused", "true");
    await expectAccessible(page, "workspace with a card open");
    if (made) {
      page.once("dialog", (d) => void d.accept());
      await card.getByTestId("delete-claim").click();
      await expect(page.locator("[data-testid=claim-card]")).toHaveCount(before);
    }

    // Public pages of whatever is published (the publication spec and the Arabic flow publish).
    const feed = await page.request.get("/v/feed.json");
    if (feed.ok()) {
      const text = await feed.text();
      const m = /\/v\/([a-z0-9-]+)/.exec(text);
      if (m) {
        await page.goto(`/v/${m[1]}`);
        await expectAccessible(page, "public article");
      }
    }
    await ctx.close();
  });
}
