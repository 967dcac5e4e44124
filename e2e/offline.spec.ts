import { expect, test } from "@playwright/test";
import { ENGLISH_SLUG, USERS, articleIdBySlug, newUserPage, openWorkspace } from "./fixtures";

test("editing continues offline and merges cleanly on reconnect", async ({ browser }) => {
  const a = await newUserPage(browser, USERS.editor);
  const b = await newUserPage(browser, USERS.editor2);
  const id = await articleIdBySlug(a.page, ENGLISH_SLUG);
  await openWorkspace(a.page, id);
  await openWorkspace(b.page, id);
  const cardA = a.page.locator("[data-testid=claim-card][data-claim-type=number]").first();
  const cardB = b.page.locator("[data-testid=claim-card][data-claim-type=number]").first();
  await cardA.click();
  await cardB.click();

  await a.context.setOffline(true);
  await expect(a.page.getByTestId("connection-state")).toHaveAttribute("data-state", "offline");
  // Both edit while A is offline.
  await cardA.getByLabel("Add a comment").fill("Checked the ministry release offline");
  await cardA.getByRole("button", { name: "Post" }).click();
  await cardB.getByLabel("Add a comment").fill("Asked the ports authority for figures");
  await cardB.getByRole("button", { name: "Post" }).click();
  await expect(cardA.getByTestId("comments")).toContainText("Checked the ministry release offline");
  await a.page.waitForTimeout(500);
  await expect(cardB.getByTestId("comments")).not.toContainText("Checked the ministry release offline");

  await a.context.setOffline(false);
  await expect(a.page.getByTestId("connection-state")).toHaveAttribute("data-state", "connected", { timeout: 15_000 });
  for (const card of [cardA, cardB]) {
    await expect(card.getByTestId("comments")).toContainText("Checked the ministry release offline", { timeout: 5_000 });
    await expect(card.getByTestId("comments")).toContainText("Asked the ports authority for figures", { timeout: 5_000 });
  }
  await a.context.close();
  await b.context.close();
});
