import { expect, test } from "@playwright/test";
import { ARABIC_SLUG, USERS, DEMO_PASSWORD, articleIdBySlug, newUserPage, openWorkspace } from "./fixtures";

test("signs in through the form and lists the seed articles", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2F/);
  await page.getByLabel("Email").fill(USERS.editor);
  await page.getByLabel("Password").fill("wrong password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signin-error")).toContainText("Sign-in failed");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/$/);
  const list = page.getByTestId("article-list");
  await expect(list).toContainText("اجتماعات متسارعة.. هل يمتد الحلف القطري - التركي إلى ليبيا؟");
  await expect(list).toContainText("التغيير");
  await expect(list).toContainText("Arabic (RTL)");
  await page.screenshot({ path: "test-results/screens/dashboard.png", fullPage: true });
});

test("the workspace shows the Arabic article right-to-left", async ({ browser }) => {
  const { context, page } = await newUserPage(browser, USERS.editor);
  const id = await articleIdBySlug(page, ARABIC_SLUG);
  await openWorkspace(page, id);
  const article = page.getByTestId("article-body");
  await expect(article).toHaveAttribute("dir", "rtl");
  await expect(article).toHaveAttribute("lang", "ar");
  await expect(article.locator("h2").first()).toHaveText("لقاءات متلاحقة");
  await expect(article).not.toContainText("ارسال التعليق");
  // Right-to-left for real: the first paragraph's text starts at the right edge.
  const box = await article.locator("p").first().boundingBox();
  const range = await article.locator("p").first().evaluate((p) => {
    const r = document.createRange();
    r.setStart(p.firstChild!.firstChild!, 0);
    r.setEnd(p.firstChild!.firstChild!, 1);
    const rect = r.getBoundingClientRect();
    return { left: rect.left, right: rect.right };
  });
  expect(box!.x + box!.width - range.right).toBeLessThan(4);
  await page.screenshot({ path: "test-results/screens/workspace-ar.png", fullPage: true });
  await context.close();
});

test("two people in one article see each other in the presence bar within 2 seconds", async ({ browser }) => {
  const a = await newUserPage(browser, USERS.editor);
  const b = await newUserPage(browser, USERS.reviewer);
  const id = await articleIdBySlug(a.page, ARABIC_SLUG);
  await openWorkspace(a.page, id);
  await openWorkspace(b.page, id);
  await expect(a.page.getByTestId("presence-bar")).toContainText("Rami (reviewer)", { timeout: 2_000 });
  await expect(b.page.getByTestId("presence-bar")).toContainText("Huda (editor)", { timeout: 2_000 });
  await a.page.screenshot({ path: "test-results/screens/presence.png" });
  // Leaving is seen too.
  await b.context.close();
  await expect(a.page.getByTestId("presence-bar")).not.toContainText("Rami (reviewer)", { timeout: 5_000 });
  await a.context.close();
});

test("a signed-out visitor to a workspace is sent to sign-in", async ({ browser }) => {
  const { context, page } = await newUserPage(browser, USERS.viewer);
  const id = await articleIdBySlug(page, ARABIC_SLUG);
  await context.close();
  const anon = await browser.newContext();
  const p = await anon.newPage();
  await p.goto(`/articles/${id}`);
  await expect(p).toHaveURL(new RegExp(`/signin\\?callbackUrl=%2Farticles%2F${id}`));
  await expect(p.getByRole("button", { name: "Sign in" })).toBeVisible();
  const api = await p.request.get("/api/articles");
  expect(api.status()).toBe(401);
  await anon.close();
});
