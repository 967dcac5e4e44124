import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { ENGLISH_SLUG, USERS, articleIdBySlug, signInAs } from "./fixtures";

/**
 * Every date field, in both interface languages, on a wide screen and a phone: its placeholder
 * fits (the Arabic hint was clipped in the narrow claim-card fields), and it takes a date the
 * way people write it there (22/07/2020, or with Arabic-Indic digits), not only ISO.
 */
const VIEWPORTS = [{ width: 1400, height: 900 }, { width: 390, height: 844 }] as const;
const LANGS = [
  { locale: "en", typed: "22/07/2020", sameDay: "14/3/2024", badDate: "Not a date" },
  { locale: "ar", typed: "٢٢/٠٧/٢٠٢٠", sameDay: "١٤/٠٣/٢٠٢٤", badDate: "ليس تاريخًا صالحًا" },
] as const;

/** Date fields on the page whose placeholder is wider than the room inside the field. */
async function clippedPlaceholders(page: Page | Locator): Promise<string[]> {
  const fields = page.locator("input[data-date-field]");
  await expect(fields.first()).toBeVisible();
  return fields.evaluateAll((els) => els.filter((el) => (el as HTMLElement).offsetParent !== null).map((el) => {
    const input = el as HTMLInputElement;
    const cs = getComputedStyle(input);
    const ctx = document.createElement("canvas").getContext("2d")!;
    ctx.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
    const need = ctx.measureText(input.placeholder).width;
    const room = input.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
    if (!input.placeholder) return `${input.name}: no placeholder`;
    return need > room + 0.5 ? `${input.name}: "${input.placeholder}" needs ${Math.ceil(need)}px, has ${Math.floor(room)}px` : null;
  }).filter((x): x is string => x !== null));
}

async function contextFor(browser: Browser, locale: string, viewport: { width: number; height: number }) {
  const ctx = await browser.newContext({ viewport, locale });
  await signInAs(ctx, USERS.editor2);
  const res = await ctx.request.post("/api/locale", { data: { locale } });
  expect(res.ok()).toBeTruthy();
  return ctx;
}

for (const lang of LANGS) {
  test(`date fields in ${lang.locale}: placeholders fit at 1400 and 390 px, and dates are typed the locale's way`, async ({ browser }) => {
    test.setTimeout(180_000);
    try {
      for (const viewport of VIEWPORTS) {
        const ctx = await contextFor(browser, lang.locale, viewport);
        const page = await ctx.newPage();
        const tag = `${lang.locale} ${viewport.width}px`;

        // Import form.
        await page.goto("/articles/new");
        expect(await clippedPlaceholders(page), `import, ${tag}`).toEqual([]);

        // Search: from/to take the typed form; an impossible date is refused in the reader's language.
        await page.goto("/search?q=Egypt");
        expect(await clippedPlaceholders(page), `search, ${tag}`).toEqual([]);
        await page.getByTestId("search-from").fill(lang.typed);
        await page.getByTestId("search-query").press("Enter");
        await expect(page).toHaveURL(/from=/);
        await expect(page.getByTestId("search-count")).toBeVisible();
        await expect(page.getByTestId("search-from")).toHaveValue("22/07/2020");
        await page.getByTestId("search-from").fill("31/02/2020");
        await page.getByTestId("search-query").press("Enter");
        await expect(page.getByRole("alert").filter({ hasText: lang.badDate })).toBeVisible();

        // Workspace: the seeded meeting claim's date field and the add-source form, in an open card.
        const articleId = await articleIdBySlug(page, ENGLISH_SLUG);
        await page.goto(`/articles/${articleId}`);
        await expect(page.getByTestId("workspace")).toHaveAttribute("data-ready", "true");
        const tabs = page.getByRole("tab");
        if (viewport.width < 1024 && (await tabs.count()) > 1) await tabs.nth(1).click();
        const card = page.locator("[data-testid=claim-card]").filter({ hasText: "met in Nairobi" }).first();
        await card.locator("blockquote").click();
        await expect(card).toHaveAttribute("data-focused", "true");
        const field = card.locator("[data-testid=claim-fields] input[data-date-field]");
        // Shown back the way it is typed, not as ISO.
        await expect(field).toHaveValue("14/03/2024");
        await card.getByTestId("sources").getByRole("button").last().click();
        await expect(card.locator("input[name=date]")).toBeVisible();
        expect(await clippedPlaceholders(card), `workspace, ${tag}`).toEqual([]);
        // The same date typed the reader's way (Arabic-Indic digits in Arabic) is understood: no
        // error, and it reads back as typed (stored as the same ISO date, so the approval holds).
        await field.fill(lang.sameDay);
        await field.press("Enter");
        await expect(card.locator("[data-testid=claim-fields] input[data-date-field]")).toHaveValue("14/03/2024");
        await expect(card.getByRole("alert")).toHaveCount(0);
        await ctx.close();
      }
    } finally {
      const ctx = await browser.newContext();
      await signInAs(ctx, USERS.editor2);
      await ctx.request.post("/api/locale", { data: { locale: "en" } });
      await ctx.close();
    }
  });
}
