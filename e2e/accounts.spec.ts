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

test("a person joins, resets their password from an admin's link, then changes it on their Account page; each form words its failures", async ({ browser }) => {
  const email = `reset-${Date.now().toString(36)}@example.org`;
  const admin = await newUserPage(browser, USERS.admin);
  await admin.page.goto("/admin/users");
  await admin.page.getByTestId("invite-email").fill(email);
  await admin.page.getByTestId("invite-role").selectOption("viewer");
  await admin.page.getByRole("button", { name: "Create invitation" }).click();
  const invitation = (await admin.page.getByTestId("one-time-link").textContent())!.trim();

  // Joining: the form explains the password rule and a mismatch before anything is sent.
  const person = await browser.newContext();
  const page = await person.newPage();
  await page.goto(new URL(invitation).pathname);
  await page.getByTestId("invitee-name").fill("Rami Nassar");
  await page.getByTestId("new-password").fill("short");
  await page.getByTestId("confirm-password").fill("short");
  await page.evaluate(() => document.querySelector<HTMLFormElement>("[data-testid=account-link-form]")!.noValidate = true);
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page.getByTestId("account-link-form").getByRole("alert")).toHaveText("The password must have at least 10 characters.");
  await page.getByTestId("new-password").fill("first password 1");
  await page.getByTestId("confirm-password").fill("first password 2");
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page.getByTestId("account-link-form").getByRole("alert")).toHaveText("The two new passwords are not the same.");
  await page.getByTestId("confirm-password").fill("first password 1");
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page.getByTestId("current-user")).toHaveText("Rami Nassar", { timeout: 15_000 });

  // An admin issues a reset link; it is opened in two tabs, and only the first use counts.
  await admin.page.goto("/admin/users");
  const row = admin.page.locator(`[data-testid=user-row][data-email="${email}"]`);
  await row.getByTestId("reset-link").click();
  const reset = new URL((await row.getByTestId("one-time-link").textContent())!.trim()).pathname;
  expect(reset).toMatch(/^\/reset\/[A-Za-z0-9_-]{43}$/);
  const anon = await browser.newContext();
  const [tabA, tabB] = [await anon.newPage(), await anon.newPage()];
  for (const tab of [tabA, tabB]) {
    await tab.goto(reset);
    await expect(tab.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
    await tab.getByTestId("new-password").fill("second password");
    await tab.getByTestId("confirm-password").fill("second password");
  }
  await tabA.getByRole("button", { name: "Set password" }).click();
  await expect(tabA.getByRole("main").getByRole("status")).toContainText("Your password was changed. Sign in with it now.");
  await tabB.getByRole("button", { name: "Set password" }).click();
  await expect(tabB.getByTestId("account-link-form").getByRole("alert")).toHaveText("This link has already been used. If it was you, sign in.");
  await anon.close();

  // The reset ended the person's session; they sign in with the new password through the form.
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("first password 1");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signin-error")).toHaveText("Sign-in failed. Check your email and password.");
  await page.getByLabel("Password").fill("second password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("current-user")).toHaveText("Rami Nassar", { timeout: 15_000 });

  // Their own Account page: a wrong current password is named as such; the right one changes it.
  await page.goto("/settings/account");
  await page.getByTestId("current-password").fill("not my password");
  await page.getByTestId("new-password").fill("third password");
  await page.getByTestId("confirm-password").fill("third password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByTestId("change-password-form").getByRole("alert")).toHaveText("The current password is not correct.");
  await page.getByTestId("current-password").fill("second password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByTestId("password-changed")).toBeVisible();
  await expect(page.getByTestId("change-password-form").getByRole("alert")).toHaveCount(0);
  await person.close();
  await admin.context.close();
});
