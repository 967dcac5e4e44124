import { expect, test } from "@playwright/test";
import { USERS, newUserPage } from "./fixtures";

test("an editor imports an Arabic article; hostile text stays text", async ({ browser }) => {
  const { context, page } = await newUserPage(browser, USERS.editor2);
  await page.goto("/articles/new");
  await page.getByLabel("Headline").fill("وزير الخارجية: <script>alert(1)</script> لقاء في الرياض");
  await page.getByLabel("Outlet").fill("وكالة تجريبية");
  await page.getByLabel("Published on").fill("2024-05-02");
  await page.getByLabel("Article text").fill("التقى وزير الخارجية نظيره السعودي في الرياض يوم 2 مايو 2024.\nلقاء مهم\nوقال الوزير: \"نحن ندعم القرار 2254\".\nإرسال التعليق");
  let dialog = false;
  page.on("dialog", () => { dialog = true; });
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page).toHaveURL(/\/articles\/(?!new$)[A-Za-z0-9_-]+$/);
  await expect(page.getByTestId("article-body")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("<script>alert(1)</script>");
  await expect(page.getByTestId("article-body").locator("h2")).toHaveText("لقاء مهم");
  await expect(page.getByTestId("article-body")).not.toContainText("إرسال التعليق");
  await expect(page.locator('[data-testid=suggestion][data-suggestion-key^="un_resolution:"]').filter({ hasText: "2254" })).toHaveCount(1);
  expect(dialog).toBe(false);
  // Bad input answers a clear 400 and stores nothing.
  const bad = await page.request.post("/api/articles", { data: { text: "", title: "x" } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error).toMatch(/text/);
  await context.close();
});

test("viewers cannot import; only admins manage roles", async ({ browser }) => {
  const v = await newUserPage(browser, USERS.viewer);
  const res = await v.page.request.post("/api/articles", { data: { text: "Some text\nmore", title: "t" } });
  expect(res.status()).toBe(403);
  expect((await v.page.request.patch("/api/users/someone", { data: { role: "admin" } })).status()).toBe(403);
  await v.page.goto("/admin/users");
  await expect(v.page.locator("body")).toContainText(/404|not be found/i);
  await v.context.close();

  const admin = await newUserPage(browser, USERS.admin);
  await admin.page.goto("/admin/users");
  // "reviewer@…" contains "viewer@…": match the email cell exactly.
  const row = () => admin.page.getByTestId("user-list").locator("tr", { has: admin.page.getByText(USERS.viewer, { exact: true }) });
  // Reload only once the server has answered the change (not after a guessed delay).
  const saved = () => admin.page.waitForResponse((r) => r.url().includes("/api/users/") && r.request().method() === "PATCH" && r.ok());
  await Promise.all([saved(), row().getByLabel("Role").selectOption("editor")]);
  await expect(row().getByRole("alert")).toHaveCount(0);
  await admin.page.reload();
  await expect(row().getByLabel("Role")).toHaveValue("editor");
  await Promise.all([saved(), row().getByLabel("Role").selectOption("viewer")]);
  await admin.page.reload();
  await expect(row().getByLabel("Role")).toHaveValue("viewer");
  await admin.context.close();
});
