import { expect, test } from "@playwright/test";
import { ENGLISH_SLUG, USERS, articleIdBySlug, newUserPage, openWorkspace } from "./fixtures";

// Issue 14, the account lifecycle in the browser: invite → accept in another browser → signed in
// with the invited role; deactivate → that person's open workspace is signed out at once.

test("an admin invites a person, who joins from the link with the role, and is signed out everywhere when deactivated", async ({ browser }) => {
  const email = `invitee-${Date.now().toString(36)}@example.org`;
  const password = "correct horse battery staple";
  const admin = await newUserPage(browser, USERS.admin);
  await admin.page.goto("/admin/users");
  await admin.page.getByTestId("invite-email").fill(email);
  await admin.page.getByTestId("invite-role").selectOption("editor");
  await admin.page.getByRole("button", { name: "Create invitation" }).click();
  const link = (await admin.page.getByTestId("one-time-link").textContent())!.trim();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  await expect(admin.page.getByTestId("pending-invitations")).toContainText(email);

  // The invitee, in another browser with no session.
  const invitee = await browser.newContext();
  const page = await invitee.newPage();
  await page.goto(new URL(link).pathname);
  await expect(page.getByRole("heading", { name: "Join Sanad" })).toBeVisible();
  await page.getByTestId("invitee-name").fill("Salma Haddad");
  await page.getByTestId("new-password").fill(password);
  await page.getByTestId("confirm-password").fill(password);
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page.getByTestId("current-user")).toHaveText("Salma Haddad", { timeout: 15_000 });
  await expect(page.locator("header")).toContainText("editor");

  // The link is spent: opening it again explains so, and creates nothing.
  const again = await browser.newContext();
  const againPage = await again.newPage();
  await againPage.goto(new URL(link).pathname);
  await expect(againPage.getByTestId("account-link-state")).toHaveAttribute("data-state", "used");
  await again.close();

  // The new editor works in a workspace...
  const articleId = await articleIdBySlug(page, ENGLISH_SLUG);
  await openWorkspace(page, articleId);

  // ...until an admin deactivates the account: the open page is sent to sign-in at once.
  await admin.page.goto("/admin/users");
  const row = admin.page.locator(`[data-testid=user-row][data-email="${email}"]`);
  admin.page.once("dialog", (d) => void d.accept());
  await row.getByTestId("deactivate").click();
  await expect(row.getByTestId("account-status")).toHaveText("Deactivated");
  await expect(page).toHaveURL(/\/signin/, { timeout: 10_000 });
  expect((await invitee.request.get("/api/articles")).status()).toBe(401);

  // Signing in again is refused with the ordinary wrong-password message.
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signin-error")).toHaveText("Sign-in failed. Check your email and password.");
  await invitee.close();
  await admin.context.close();
});
