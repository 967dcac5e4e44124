import { expect, test } from "@playwright/test";
import { ENGLISH_SLUG, USERS, DEMO_PASSWORD, articleIdBySlug, newUserPage, openWorkspace } from "./fixtures";

// Issue 9, the HTTP half: sessions, roles, Origin, redirects — through the real server and browser.

test("signing out revokes a copied session cookie everywhere at once", async ({ browser }) => {
  const owner = await newUserPage(browser, USERS.viewer);
  const cookies = await owner.context.cookies();
  // Someone copied the cookie into another browser.
  const thief = await browser.newContext();
  await thief.addCookies(cookies);
  expect((await thief.request.get("/api/articles")).status()).toBe(200);
  const thiefPage = await thief.newPage();
  const id = await articleIdBySlug(thiefPage, ENGLISH_SLUG);
  await openWorkspace(thiefPage, id);

  await owner.page.goto("/");
  await owner.page.getByRole("button", { name: "Sign out" }).click();
  await expect(owner.page).toHaveURL(/\/signin/);

  // The copied cookie no longer works: the API, the pages, and the open socket (sent to sign-in).
  expect((await thief.request.get("/api/articles")).status()).toBe(401);
  await expect(thiefPage).toHaveURL(/\/signin\?callbackUrl=/, { timeout: 10_000 });
  await thiefPage.goto("/");
  await expect(thiefPage).toHaveURL(/\/signin/);
  await thief.close();
  await owner.context.close();
});

test("a demoted editor's open workspace stops writing and reloads with the new role", async ({ browser }) => {
  const editor = await newUserPage(browser, USERS.editor2);
  const id = await articleIdBySlug(editor.page, ENGLISH_SLUG);
  await openWorkspace(editor.page, id);
  await expect(editor.page.locator("header")).toContainText("editor");

  const admin = await newUserPage(browser, USERS.admin);
  await admin.page.goto("/admin/users");
  const row = () => admin.page.getByTestId("user-list").locator("tr", { has: admin.page.getByText(USERS.editor2, { exact: true }) });
  await row().getByLabel("Role").selectOption("viewer");
  try {
    // The socket is closed with 4409 and the tab reloads as a viewer.
    await expect(editor.page.locator("header")).toContainText("viewer", { timeout: 10_000 });
    await expect(editor.page.getByTestId("connection-state")).toHaveAttribute("data-state", "connected");
  } finally {
    await row().getByLabel("Role").selectOption("editor");
    await admin.page.waitForTimeout(300);
    await admin.context.close();
    await editor.context.close();
  }
});

test("state-changing requests from another origin are refused whatever the body", async ({ browser }) => {
  const reviewer = await newUserPage(browser, USERS.reviewer);
  const id = await articleIdBySlug(reviewer.page, ENGLISH_SLUG);
  const res = await reviewer.page.request.post(`/api/articles/${id}/publish`, {
    headers: { origin: "http://evil.example", "content-type": "text/plain" },
    data: "",
  });
  expect(res.status()).toBe(403);
  expect(await res.json()).toMatchObject({ code: "FORBIDDEN" });
  await reviewer.context.close();
});

test("the return address after sign-in stays on this site", async ({ page, baseURL }) => {
  for (const evil of ["/\t/evil.example", "/\n/evil.example", "//evil.example", "/\\evil.example"]) {
    const res = await page.goto(`/signin?callbackUrl=${encodeURIComponent(evil)}`);
    expect(res?.status(), JSON.stringify(evil)).toBe(200);
  }
  await page.goto(`/signin?callbackUrl=${encodeURIComponent("/\t/evil.example")}`);
  await page.getByLabel("Email").fill(USERS.viewer);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`^${baseURL}/$`));
  // Signed in, the sign-in page redirects straight away: still to this site, and no 500.
  const res = await page.goto(`/signin?callbackUrl=${encodeURIComponent("/\n/evil.example")}`);
  expect(res?.status()).toBe(200);
  expect(new URL(page.url()).host).toBe(new URL(baseURL!).host);
});
