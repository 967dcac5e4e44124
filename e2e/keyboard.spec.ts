import { expect, test } from "@playwright/test";
import { ARABIC_SLUG, ENGLISH_SLUG, USERS, articleIdBySlug, newUserPage } from "./fixtures";

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

/**
 * Shift+arrows move the selection's moving end both ways: away from the anchor extends it,
 * back towards the anchor shrinks it, as in any text field. In Arabic the forward arrow is
 * the LEFT one (reading order), in English the right one.
 */
for (const { slug, lang, forward, backward } of [
  { slug: ENGLISH_SLUG, lang: "English", forward: "ArrowRight", backward: "ArrowLeft" },
  { slug: ARABIC_SLUG, lang: "Arabic", forward: "ArrowLeft", backward: "ArrowRight" },
]) {
  test(`Shift+arrows extend and shrink a selection in ${lang} text, both directions`, async ({ browser }) => {
    const ed = await newUserPage(browser, USERS.editor);
    const id = await articleIdBySlug(ed.page, slug);
    await ed.page.goto(`/articles/${id}`);
    await expect(ed.page.getByTestId("connection-state")).toHaveAttribute("data-state", "connected");
    const page = ed.page;
    // Select only after the first sync has drawn the claims' highlights (it replaces the text nodes).
    await expect(page.getByTestId("workspace")).toHaveAttribute("data-ready", "true");
    const body = page.getByTestId("article-body");
    await body.focus();
    const selected = () => page.evaluate(() => window.getSelection()!.toString());

    // A selection made with the mouse: three plain words, dragged forwards (anchor at the start)
    // or backwards (anchor at the end). The end that moves is the one the drag ended on.
    const drag = (backwards: boolean) => page.evaluate((backwards) => {
      const article = document.querySelector("[data-testid=article-body]")!;
      const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const m = /(?<=\s)([\p{L}\p{M}]{2,}) ([\p{L}\p{M}]{2,}) ([\p{L}\p{M}]{2,})(?=[\s.,،؛])/u.exec(node.textContent!);
        if (!m) continue;
        const [a, b] = [m.index, m.index + m[0].length];
        if (backwards) window.getSelection()!.setBaseAndExtent(node, b, node, a);
        else window.getSelection()!.setBaseAndExtent(node, a, node, b);
        return [m[1], m[2], m[3]];
      }
      throw new Error("no three plain words in one text node");
    }, backwards);
    const [a, b, c] = await drag(false);
    expect(await selected()).toBe(`${a} ${b} ${c}`);
    await page.keyboard.press(`Shift+${backward}`);
    expect(await selected()).toBe(`${a} ${b}`);
    await page.keyboard.press(`Shift+${forward}`);
    expect(await selected()).toBe(`${a} ${b} ${c}`);
    await drag(true);
    await page.keyboard.press(`Shift+${forward}`);
    expect(await selected()).toBe(`${b} ${c}`);

    // From the keyboard alone: move to a word, extend forward twice, shrink back past the anchor.
    await page.keyboard.press(forward);
    await page.keyboard.press(forward);
    const s1 = await selected();
    expect(s1).toMatch(/^\S+$/);
    await page.keyboard.press(`Shift+${forward}`);
    const s2 = await selected();
    await page.keyboard.press(`Shift+${forward}`);
    const s3 = await selected();
    expect(s2.startsWith(s1) && s3.startsWith(s2) && s3.length > s2.length && s2.length > s1.length).toBe(true);
    await page.keyboard.press(`Shift+${backward}`);
    expect(await selected()).toBe(s2);
    await page.keyboard.press(`Shift+${backward}`);
    expect(await selected()).toBe(s1);
    // Past the anchor it extends backwards; forward again shrinks that back to the anchor word.
    await page.keyboard.press(`Shift+${backward}`);
    const s0 = await selected();
    expect(s0.endsWith(s1) && s0.length > s1.length).toBe(true);
    await page.keyboard.press(`Shift+${forward}`);
    expect(await selected()).toBe(s1);
    await ed.context.close();
  });
}
