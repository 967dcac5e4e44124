import { expect, test } from "@playwright/test";
import { ARABIC_SLUG, ENGLISH_SLUG, USERS, articleIdBySlug, newUserPage, openWorkspace, selectInArticle, tagSelection } from "./fixtures";

test("an editor mentions a colleague with autocomplete; the colleague's bell shows it live and opens the claim", async ({ browser }) => {
  const huda = await newUserPage(browser, USERS.editor);
  const omar = await newUserPage(browser, USERS.editor2);
  // Omar reads in Arabic, with another article open: the notification must reach that socket.
  expect((await omar.context.request.post("/api/locale", { data: { locale: "ar" } })).ok()).toBeTruthy();
  try {
    const arabicId = await articleIdBySlug(huda.page, ARABIC_SLUG);
    const englishId = await articleIdBySlug(omar.page, ENGLISH_SLUG);
    await openWorkspace(omar.page, englishId);
    const bell = omar.page.getByTestId("notification-bell");
    await expect(bell).toBeVisible();
    const unreadBefore = Number((await omar.page.getByTestId("notification-count").textContent({ timeout: 1_000 }).catch(() => "0")) ?? "0");

    await openWorkspace(huda.page, arabicId);
    await selectInArticle(huda.page, "قطر");
    const card = await tagSelection(huda.page, "entity");
    const input = card.getByTestId("comment-input");
    await input.click();
    await input.pressSequentially("@Om");
    const list = card.getByTestId("mention-list");
    await expect(list.getByRole("option", { name: "Omar (editor)" })).toBeVisible();
    const activeId = await input.getAttribute("aria-activedescendant");
    expect(activeId).toBeTruthy();
    await expect(list.locator(`[id="${activeId}"]`)).toHaveAttribute("aria-selected", "true");
    await input.press("Enter"); // picks the person, does not post
    await expect(list).toBeHidden();
    await input.pressSequentially("هل راجعت هذا المصدر؟");
    await input.press("Enter"); // posts
    const comment = card.getByTestId("comment-text").last();
    await expect(comment.getByTestId("mention")).toHaveText("@Omar (editor)");
    await expect(comment).toContainText("هل راجعت هذا المصدر؟");

    // Live: no reload on Omar's side.
    await expect(omar.page.getByTestId("notification-count")).toHaveText(String(unreadBefore + 1), { timeout: 10_000 });
    await bell.click();
    const panel = omar.page.getByTestId("notification-panel");
    const first = panel.getByTestId("notification").first();
    await expect(first).toContainText("ذكرك");
    await expect(first).toContainText("Huda (editor)");
    await expect(first).toContainText("هل راجعت هذا المصدر؟");
    await expect(first).toHaveAttribute("data-read", "false");

    // How it looks: Arabic, on a phone.
    await omar.page.setViewportSize({ width: 390, height: 844 });
    await omar.page.screenshot({ path: test.info().outputPath("bell-arabic-phone.png") });
    await expect(panel).toBeInViewport({ ratio: 1 });

    await omar.page.setViewportSize({ width: 1280, height: 800 });
    await first.getByRole("link").click();
    await expect(omar.page).toHaveURL(new RegExp(`/articles/${arabicId}\\?claim=`));
    await expect(omar.page.locator("[data-testid=claim-card][data-focused=true]")).toBeVisible();
    // Opening it marked it read.
    await expect.poll(async () => ((await (await omar.context.request.get("/api/notifications")).json()) as { unread: number }).unread).toBe(unreadBefore);
  } finally {
    await omar.context.request.post("/api/locale", { data: { locale: "en" } });
    await huda.context.close();
    await omar.context.close();
  }
});
