import { expect, test } from "@playwright/test";
import { ARABIC_SLUG, USERS, articleIdBySlug, newUserPage, openWorkspace, selectInArticle, tagSelection } from "./fixtures";

test("search from the header finds Arabic text however it is spelled, and opens the workspace at the claim", async ({ browser }) => {
  const ed = await newUserPage(browser, USERS.editor);
  const articleId = await articleIdBySlug(ed.page, ARABIC_SLUG);
  await openWorkspace(ed.page, articleId);
  await selectInArticle(ed.page, "زيارة الرئيس التركي إلى الدوحة");
  const card = await tagSelection(ed.page, "meeting");
  const claimId = await card.getAttribute("data-claim-id");
  await card.getByTestId("rationale").fill("تأكدنا من الزيارة عبر وكالة الأناضول.");

  // Typed without the article, with a plain alef and ta marbuta as ه, and a clitic: still found.
  await ed.page.goto("/");
  await ed.page.getByTestId("header-search").fill("والزياره التركي");
  await ed.page.getByTestId("header-search").press("Enter");
  await expect(ed.page).toHaveURL(/\/search\?q=/);
  const claimResult = ed.page.locator("[data-testid=search-result][data-kind=claim]").filter({ hasText: "الدوحة" });
  // The projection indexes a moment after the edit (debounced flush): search again until it has.
  await expect(async () => {
    if ((await claimResult.count()) === 0) await ed.page.reload();
    await expect(claimResult).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(claimResult.locator("mark").first()).toHaveText("زيارة");
  await expect(ed.page.locator("[data-testid=search-result][data-kind=article]").first()).toContainText("ليبيا");
  await ed.page.screenshot({ path: "test-results/screens/search-ar.png", fullPage: true });

  // Hostile query text is shown as text, never markup.
  await ed.page.goto(`/search?q=${encodeURIComponent("<img src=x onerror=alert(1)> ليبيا")}`);
  await expect(ed.page.getByTestId("search-query")).toHaveValue("<img src=x onerror=alert(1)> ليبيا");
  expect(await ed.page.locator("main img").count()).toBe(0);

  await ed.page.goto(`/search?q=${encodeURIComponent("الدوحه")}&type=claim`);
  await ed.page.locator("[data-testid=search-result][data-kind=claim] a").first().click();
  await expect(ed.page).toHaveURL(new RegExp(`/articles/${articleId}\\?claim=${claimId}`));
  await expect(ed.page.locator(`[data-testid=claim-card][data-claim-id="${claimId}"]`)).toHaveAttribute("data-focused", "true");

  // The JSON API answers the same, and only with a session.
  const api = await ed.page.request.get(`/api/search?q=${encodeURIComponent("الدوحة")}&type=claim`);
  expect((await api.json()).results.some((r: { claimId: string }) => r.claimId === claimId)).toBe(true);
  const anon = await browser.newContext();
  expect((await anon.request.get(`/api/search?q=x`, { maxRedirects: 0 })).status()).toBe(401);
  await anon.close();
  await ed.context.close();
});

test("checked before: a paraphrase shows the published verdict and an imported ClaimReview; one click links it", async ({ browser }) => {
  // An admin imports another fact-checker's feed from a file.
  const admin = await newUserPage(browser, USERS.admin);
  await admin.page.goto("/admin/claim-reviews");
  const feed = { "@context": "https://schema.org", "@graph": [{
    "@type": "ClaimReview", url: "https://checker.example/jobs", claimReviewed: "Egypt's port agreement with Kenya will create 8,000 jobs",
    reviewRating: { "@type": "Rating", alternateName: "Misleading" }, author: { "@type": "Organization", name: "Other Checker" }, datePublished: "2024-03-20",
  }] };
  await admin.page.getByTestId("feed-file").setInputFiles({ name: "feed.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(feed)) });
  await expect(admin.page.getByTestId("feed-result")).toContainText("Imported 1 new");
  await expect(admin.page.getByTestId("feed-list")).toContainText("file:feed.json");
  await admin.context.close();

  const ed = await newUserPage(browser, USERS.editor);
  const res = await ed.page.request.post("/api/articles", { data: { text: "Jobs claim\nThe Courier\nThe minister said the port agreement will create new jobs, 8,000 of them, for young people.", header: true } });
  expect(res.status()).toBe(201);
  const { id } = await res.json();
  await openWorkspace(ed.page, id);
  // (Detected numbers are marked in their own spans, so the selection stays in one text run.)
  await selectInArticle(ed.page, "the port agreement will create new jobs");
  const card = await tagSelection(ed.page, "number");
  const checked = card.getByTestId("checked-before");
  const ours = checked.getByTestId("similar-check").filter({ hasText: "the deal would create 8,000 jobs" });
  await expect(ours).toHaveCount(1);
  await expect(checked.getByTestId("similar-check").filter({ hasText: "Other Checker" })).toHaveCount(1);
  await ours.getByTestId("link-similar").click();
  await expect(checked.getByTestId("claim-link")).toContainText("the deal would create 8,000 jobs");
  await expect(ours).toHaveCount(0);
  await card.screenshot({ path: "test-results/screens/checked-before.png" });

  // The link is stored on the server: a reviewer opening the article sees it.
  const rev = await newUserPage(browser, USERS.reviewer);
  await openWorkspace(rev.page, id);
  await rev.page.locator("[data-testid=claim-card]").first().click();
  await expect(rev.page.getByTestId("claim-link")).toContainText("the deal would create 8,000 jobs");
  await rev.context.close();
  await ed.context.close();
});
