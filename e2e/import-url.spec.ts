import { expect, test } from "@playwright/test";
import { ARABIC_PARAGRAPH, ARABIC_TITLE, startPageFixtures, type PageFixtures } from "../server/test-support/page-fixtures";
import { USERS, newUserPage, openWorkspace } from "./fixtures";

/**
 * Import by URL from a local fixture server (the e2e server runs with SANAD_FETCH_ALLOW=127.0.0.1),
 * archive a source, open the archived copy, and publish a claim with its checkable statement.
 */
let fx: PageFixtures;
test.beforeAll(async () => {
  fx = await startPageFixtures();
});
test.afterAll(async () => {
  await fx?.close();
});
test.describe.configure({ timeout: 180_000 });

const STATEMENT = "أعلن وزير الخارجية القطري أن بلاده تدعم حكومة الوفاق الوطني وفق قرار مجلس الأمن 2259 (2015).";

test("import by URL with progress, reopen on re-import, archive a source, publish with a statement", async ({ browser }) => {
  const ed = await newUserPage(browser, USERS.editor);
  const page = ed.page;

  // A slow English page: the server answers 202 and the form shows the fetch's progress.
  await page.goto("/articles/new");
  await page.getByLabel("Link to the article (http/https)").fill(`${fx.origin}/slow?ms=6000`);
  await page.getByRole("button", { name: "Fetch article" }).click();
  await expect(page.getByRole("status")).toContainText("Downloading the page", { timeout: 10_000 });
  await page.screenshot({ path: "test-results/screens/import-url-progress-en.png" });
  await expect(page).toHaveURL(/\/articles\/(?!new$)[A-Za-z0-9_-]+$/, { timeout: 20_000 });
  await expect(page.locator("h1")).toContainText("A slow page about ports");

  // The Arabic windows-1256 page: title, RTL body without furniture.
  await page.goto("/articles/new");
  await page.getByLabel("Link to the article (http/https)").fill(`${fx.origin}/ar`);
  await page.getByRole("button", { name: "Fetch article" }).click();
  await expect(page).toHaveURL(/\/articles\/(?!new$)[A-Za-z0-9_-]+$/, { timeout: 20_000 });
  const articleId = page.url().split("/").pop()!;
  await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "connected");
  await expect(page.locator("h1")).toHaveText(ARABIC_TITLE);
  await expect(page.getByTestId("page-capture-link")).toBeVisible();
  await page.screenshot({ path: "test-results/screens/import-url-workspace-ar.png" });
  const body = page.getByTestId("article-body");
  await expect(body).toContainText(ARABIC_PARAGRAPH);
  await expect(body).not.toContainText("اترك تعليق");
  await expect(body).not.toContainText("شارك هذا المقال");

  // Re-importing the same page (another address of it) opens the existing article and says so.
  await page.goto("/articles/new");
  await page.getByLabel("Link to the article (http/https)").fill(`${fx.origin}/ar?utm_source=whatsapp`);
  await page.getByRole("button", { name: "Fetch article" }).click();
  await expect(page.getByRole("status")).toContainText("imported before", { timeout: 10_000 });
  await expect(page.getByRole("status")).toContainText(ARABIC_TITLE);
  await page.screenshot({ path: "test-results/screens/import-url-existing-ar.png" });
  await expect(page).toHaveURL(new RegExp(`/articles/${articleId}$`), { timeout: 10_000 });

  // A refused address gets a clear error (loopback is allowed here, so use a link-local one).
  await page.goto("/articles/new");
  await page.getByLabel("Link to the article (http/https)").fill("http://169.254.169.254/latest/meta-data/");
  await page.getByRole("button", { name: "Fetch article" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "169.254.169.254" })).toContainText("link-local", { timeout: 10_000 });

  // Accept the resolution suggestion: the statement is pre-filled from the detection.
  await openWorkspace(page, articleId);
  const suggestion = page.getByTestId("suggestion").filter({ hasText: "2259" }).first();
  await suggestion.getByTestId("accept-suggestion").click();
  const card = page.locator("[data-testid=claim-card][data-focused=true]");
  await expect(card.getByTestId("statement")).toHaveValue(/2259/);
  // Without a statement the reviewer's publication panel names the blocker.
  await card.getByTestId("statement").fill("");
  await card.getByTestId("statement").press("Enter");
  await expect(card.getByTestId("statement-missing")).toBeVisible();
  const rev = await newUserPage(browser, USERS.reviewer);
  await openWorkspace(rev.page, articleId);
  await expect(rev.page.getByTestId("publish-blockers")).toContainText("no checkable statement", { timeout: 10_000 });
  await card.getByTestId("statement").fill(STATEMENT);
  await card.getByTestId("statement").press("Enter");

  // Add the page itself as a source and archive it.
  await card.getByRole("button", { name: "+ Add source" }).click();
  await card.getByLabel("Source URL").fill(`${fx.origin}/ar`);
  await card.getByLabel("Source title").fill("الوطن اليوم");
  await card.getByRole("button", { name: "Add", exact: true }).click();
  await card.getByTestId("source-archive").getByRole("button", { name: "Archive" }).click();
  const copyLink = card.getByTestId("archived-copy-link");
  await expect(copyLink).toBeVisible({ timeout: 20_000 });
  const [copy] = await Promise.all([ed.context.waitForEvent("page"), copyLink.click()]);
  await copy.waitForLoadState();
  await expect(copy.getByTestId("archived-copy")).toHaveAttribute("dir", "rtl");
  await expect(copy.getByTestId("capture-text")).toContainText(ARABIC_PARAGRAPH);
  await expect(copy.getByTestId("capture-hash")).toHaveText(/^[0-9a-f]{64}$/);
  await expect(copy.getByTestId("capture-frame")).toHaveAttribute("sandbox", "");
  const rawHref = await copy.getByTestId("capture-frame").getAttribute("src");
  const raw = await copy.request.get(rawHref!);
  expect(raw.headers()["content-security-policy"]).toMatch(/^sandbox; default-src 'none'/);
  expect(raw.headers()["content-type"]).toBe("text/html; charset=windows-1256");
  expect(raw.headers()["x-frame-options"]).toBe("SAMEORIGIN");
  // the captured page renders inside the sandboxed frame, decoded from windows-1256
  await expect(copy.frameLocator("[data-testid=capture-frame]").locator("body")).toContainText(ARABIC_PARAGRAPH);
  await copy.screenshot({ path: "test-results/screens/archived-copy-team-ar.png", fullPage: true });
  // full-page captures leave out-of-process frames blank in headless Chromium: the frame in view, too
  await copy.getByTestId("capture-frame").scrollIntoViewIfNeeded();
  await copy.screenshot({ path: "test-results/screens/archived-copy-team-ar-frame.png" });
  await copy.close();

  await card.getByTestId("verdict-select").selectOption("true");
  await card.getByTestId("rationale").fill("نص القرار 2259 يؤيد الاتفاق السياسي الليبي، كما يقول المقال.");
  await card.getByTestId("send-for-review").click();

  // The reviewer approves and publishes.
  const revCard = rev.page.locator("[data-testid=claim-card][data-claim-type=un_resolution]");
  await revCard.click();
  await expect(revCard.getByTestId("statement")).toHaveValue(STATEMENT);
  await revCard.getByTestId("approve").click();
  const panel = rev.page.getByTestId("publication-panel");
  await expect(panel.getByTestId("publish")).toBeEnabled({ timeout: 10_000 });
  await panel.getByTestId("publish").click();
  await expect(panel).toContainText("Published · version 1");
  const href = (await panel.getByRole("link", { name: "public page" }).getAttribute("href"))!;

  // The public page states the claim, shows the fragment beneath, and links Sanad's archived copy.
  const anon = await browser.newContext();
  const pub = await anon.newPage();
  await pub.goto(href);
  const claim = pub.getByTestId("published-claim");
  await expect(claim.getByTestId("claim-statement")).toHaveText(STATEMENT);
  await expect(claim.locator("mark")).toContainText("2259");
  const feed = await (await anon.request.get("/v/feed.json")).json() as { "@graph": Array<{ claimReviewed: string; url: string }> };
  const review = feed["@graph"].find((r) => r.url.includes(href.split("/v/")[1]));
  expect(review?.claimReviewed).toBe(STATEMENT);
  await claim.getByTestId("public-archived-copy").click();
  await expect(pub.getByTestId("archived-copy")).toBeVisible();
  await expect(pub.getByTestId("capture-text")).toContainText(ARABIC_PARAGRAPH);
  await pub.screenshot({ path: "test-results/screens/archived-copy-public-ar.png", fullPage: true });

  await anon.close();
  await ed.context.close();
  await rev.context.close();
});

test("archived copy of an English source, and no archived copy for the public before publication", async ({ browser }) => {
  const ed = await newUserPage(browser, USERS.editor);
  const page = ed.page;
  const res = await page.request.post("/api/articles", { data: { url: `${fx.origin}/en` } });
  expect([200, 201]).toContain(res.status());
  const article = (await res.json()) as { id: string; slug: string };
  await openWorkspace(page, article.id);
  await page.getByTestId("suggestion").first().getByTestId("accept-suggestion").click();
  const card = page.locator("[data-testid=claim-card][data-focused=true]");
  await card.getByRole("button", { name: "+ Add source" }).click();
  await card.getByLabel("Source URL").fill(`${fx.origin}/en-gzip`);
  await card.getByRole("button", { name: "Add", exact: true }).click();
  await card.getByTestId("source-archive").getByRole("button", { name: "Archive" }).click();
  const copyLink = card.getByTestId("archived-copy-link");
  await expect(copyLink).toBeVisible({ timeout: 20_000 });
  const copyHref = (await copyLink.getAttribute("href"))!;
  const copy = await ed.context.newPage();
  await copy.goto(copyHref);
  await expect(copy.getByTestId("archived-copy")).toHaveAttribute("dir", "ltr");
  await expect(copy.getByTestId("capture-text")).toContainText("The ministry said the agreement");
  await expect(copy.frameLocator("[data-testid=capture-frame]").locator("body")).toContainText("The ministry said the agreement");
  await copy.screenshot({ path: "test-results/screens/archived-copy-team-en.png", fullPage: true });
  await copy.getByTestId("capture-frame").scrollIntoViewIfNeeded();
  await copy.screenshot({ path: "test-results/screens/archived-copy-team-en-frame.png" });
  // not published: the public address of the copy does not exist
  const captureId = copyHref.split("/").pop()!;
  const anon = await browser.newContext();
  expect((await anon.request.get(`/v/${article.slug}/archive/${captureId}`)).status()).toBe(404);
  expect((await anon.request.get(`/v/${article.slug}/archive/${captureId}/raw`)).status()).toBe(404);
  expect((await anon.request.get(copyHref, { maxRedirects: 0 })).status()).not.toBe(200);
  await anon.close();
  await ed.context.close();
});
