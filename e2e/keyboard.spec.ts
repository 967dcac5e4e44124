import { expect, test } from "@playwright/test";
import { ENGLISH_SLUG, USERS, articleIdBySlug, newUserPage } from "./fixtures";

test("a claim is tagged with the keyboard alone, and the shortcut works on an Arabic layout", async ({ browser }) => {
  const ed = await newUserPage(browser, USERS.editor);
  const id = await articleIdBySlug(ed.page, ENGLISH_SLUG);
  await ed.page.goto(`/articles/${id}`);
  await expect(ed.page.getByTestId("connection-state")).toHaveAttribute("data-state", "connected");
  const page = ed.page;
  // The seeded English article has claims: count them once they are on screen.
  await expect(page.locator("[data-testid=claim-card]").first()).toBeVisible();
  const before = await page.locator("[data-testid=claim-card]").count();

  // Tab into the article (it is in the tab order), then word by word with Shift to extend.
  const body = page.getByTestId("article-body");
  for (let i = 0; i < 40 && !(await body.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(body).toBeFocused();
  await page.keyboard.press("ArrowRight");
  const oneWord = await page.evaluate(() => window.getSelection()!.toString());
  expect(oneWord).toMatch(/^\S+$/);
  await page.keyboard.press("Shift+ArrowRight");
  await page.keyboard.press("Shift+ArrowRight");
  const threeWords = await page.evaluate(() => window.getSelection()!.toString());
  expect(threeWords.split(/\s+/).length).toBe(3);
  expect(threeWords.startsWith(oneWord)).toBeTruthy();
  await expect(page.getByTestId("selection-toolbar")).toBeVisible();

  // An Arabic keyboard: the M key types "ة"; the shortcut follows the physical key.
  await page.evaluate(() => document.activeElement!.dispatchEvent(new KeyboardEvent("keydown", { key: "ة", code: "KeyP", bubbles: true })));
  await expect(page.locator("[data-testid=claim-card]")).toHaveCount(before + 1);
  const card = page.locator("[data-testid=claim-card][data-focused=true]");
  await expect(card).toHaveAttribute("data-claim-type", "entity");
  await expect(card.locator("blockquote")).toHaveText(threeWords);
  // Focus moved to the new card.
  await expect(card).toBeFocused();
  await card.getByRole("button", { name: "Delete claim" }).focus();
  page.once("dialog", (d) => void d.accept());
  await page.keyboard.press("Enter");
  await expect(page.locator("[data-testid=claim-card]")).toHaveCount(before);
  await ed.context.close();
});
