import { expect, test } from "@playwright/test";
import { ARABIC_SLUG, ENGLISH_SLUG, USERS, articleIdBySlug, newUserPage, openWorkspace, selectInArticle, tagSelection } from "./fixtures";

test.describe.configure({ mode: "serial" });

test("two editors tag, source, judge and write a rationale together on the Arabic article", async ({ browser }) => {
  const a = await newUserPage(browser, USERS.editor);
  const b = await newUserPage(browser, USERS.editor2);
  const id = await articleIdBySlug(a.page, ARABIC_SLUG);
  await openWorkspace(a.page, id);
  await openWorkspace(b.page, id);

  // A tags "2259" as a UN resolution; B sees the highlight and the card with year and symbol.
  await selectInArticle(a.page, "2259");
  const cardA = await tagSelection(a.page, "un_resolution");
  await expect(cardA.locator("[data-field=symbol]")).toHaveValue("S/RES/2259 (2015)");
  const cardB = b.page.locator("[data-testid=claim-card][data-claim-type=un_resolution]").filter({ hasText: "2259" });
  await expect(cardB).toBeVisible({ timeout: 2_000 });
  await expect(b.page.locator(".claim-mark", { hasText: "2259" })).toBeVisible({ timeout: 2_000 });
  await cardB.click();
  await expect(cardB.locator("[data-field=year]")).toHaveValue("2015");
  await expect(cardB.locator("[data-field=symbol]")).toHaveValue("S/RES/2259 (2015)");

  // B adds a source; A sees it.
  await cardB.getByRole("button", { name: "+ Add source" }).click();
  await cardB.getByLabel("Source URL").fill("https://undocs.org/S/RES/2259(2015)");
  await cardB.getByLabel("Source title").fill("Security Council resolution 2259 (2015)");
  await cardB.getByLabel("Publisher").fill("United Nations");
  await cardB.getByRole("button", { name: "Add", exact: true }).click();
  await expect(cardA.getByTestId("source")).toContainText("Security Council resolution 2259 (2015)", { timeout: 2_000 });

  // A hostile URL is refused with a message, nothing stored.
  await cardB.getByRole("button", { name: "+ Add source" }).click();
  await cardB.getByLabel("Source URL").fill("javascript:alert(1)");
  await cardB.getByRole("button", { name: "Add", exact: true }).click();
  await expect(cardB.getByRole("alert")).toBeVisible();
  await expect(cardA.getByTestId("source")).toHaveCount(1);
  await cardB.getByRole("button", { name: "Cancel" }).click();

  // A sets a verdict; both type in the same rationale at once: both texts intact.
  await cardA.getByTestId("verdict-select").selectOption("true");
  await expect(cardB.getByTestId("verdict-select")).toHaveValue("true", { timeout: 2_000 });
  const ra = cardA.getByTestId("rationale");
  const rb = cardB.getByTestId("rationale");
  await ra.click();
  await rb.click();
  const textA = "القرار 2259 صدر عام 2015. ";
  const textB = "Adopted 23 Dec 2015.";
  await Promise.all([ra.pressSequentially(textA, { delay: 15 }), rb.pressSequentially(textB, { delay: 15 })]);
  for (const r of [ra, rb]) {
    await expect(r).toHaveValue(/القرار 2259 صدر عام 2015\./);
    await expect(r).toHaveValue(/Adopted 23 Dec 2015\./);
  }
  await expect.poll(async () => (await ra.inputValue()).length).toBe(textA.length + textB.length);
  expect(await ra.inputValue()).toBe(await rb.inputValue());

  // Reload: everything persisted. B holding A's text (above) means the server has both edits.
  await a.page.reload();
  await expect(a.page.getByTestId("connection-state")).toHaveAttribute("data-state", "connected");
  const reloaded = a.page.locator("[data-testid=claim-card][data-claim-type=un_resolution]").filter({ hasText: "2259" });
  await reloaded.click();
  await expect(reloaded.getByTestId("verdict-select")).toHaveValue("true");
  await expect(reloaded.getByTestId("source")).toHaveCount(1);
  await expect(reloaded.getByTestId("rationale")).toHaveValue(/Adopted 23 Dec 2015\./);
  await a.page.screenshot({ path: "test-results/screens/workspace-ar-claims.png", fullPage: false });

  // Undo reverts only A's own change: A tags a date, B edits the resolution claim; A undoes.
  await selectInArticle(a.page, "20 يوليو 2020");
  const dateCard = await tagSelection(a.page, "date");
  await expect(dateCard).toBeVisible();
  await expect(b.page.locator("[data-testid=claim-card][data-claim-type=date]").filter({ hasText: "20 يوليو 2020" })).toBeVisible({ timeout: 2_000 });
  await cardB.getByTestId("verdict-select").selectOption("mostly_true");
  await reloaded.click();
  await expect(reloaded.getByTestId("verdict-select")).toHaveValue("mostly_true", { timeout: 2_000 });
  await a.page.locator("h1").click();
  await a.page.keyboard.press("Control+z");
  await expect(a.page.locator("[data-testid=claim-card][data-claim-type=date]").filter({ hasText: "20 يوليو 2020" })).toHaveCount(0);
  await expect(reloaded.getByTestId("verdict-select")).toHaveValue("mostly_true");
  await expect(b.page.locator("[data-testid=claim-card][data-claim-type=date]").filter({ hasText: "20 يوليو 2020" })).toHaveCount(0, { timeout: 2_000 });

  // Exports read the live room (two people connected): Web Annotations with both selectors, and CSV.
  const exported = await a.page.request.get(`/api/articles/${id}/export?format=json`);
  expect(exported.ok()).toBeTruthy();
  const collection = await exported.json();
  const items = collection.first.items as Array<{ target: { selector: Array<{ type: string; exact?: string; start?: number }> } }>;
  const quote = items.map((i) => i.target.selector.find((x) => x.type === "TextQuoteSelector")!.exact);
  expect(quote).toContain("2259");
  const csv = await (await a.page.request.get(`/api/articles/${id}/export?format=csv`)).text();
  expect(csv).toContain("S/RES/2259 (2015)");
  expect((await b.page.request.get(`/api/articles/${id}/export?format=xml`)).status()).toBe(400);

  await a.context.close();
  await b.context.close();
});

test("a viewer sees the claims live but cannot change anything", async ({ browser }) => {
  const v = await newUserPage(browser, USERS.viewer);
  const id = await articleIdBySlug(v.page, ARABIC_SLUG);
  await openWorkspace(v.page, id);
  await expect(v.page.getByTestId("viewer-notice")).toBeVisible();
  const card = v.page.locator("[data-testid=claim-card][data-claim-type=un_resolution]").first();
  await card.click();
  await expect(card.getByTestId("verdict-select")).toBeDisabled();
  await expect(card.getByTestId("rationale")).toHaveAttribute("readonly", "");
  await expect(card.getByRole("button", { name: "+ Add source" })).toHaveCount(0);
  await selectInArticle(v.page, "اتفاق الصخيرات");
  await expect(v.page.getByTestId("selection-toolbar")).toHaveCount(0);
  await v.context.close();
});

test("the English article works left-to-right, with suggestions to accept", async ({ browser }) => {
  const a = await newUserPage(browser, USERS.editor2);
  const id = await articleIdBySlug(a.page, ENGLISH_SLUG);
  await openWorkspace(a.page, id);
  await expect(a.page.getByTestId("article-body")).toHaveAttribute("dir", "ltr");
  await expect(a.page.getByTestId("workspace")).toHaveAttribute("dir", "ltr");
  await a.page.screenshot({ path: "test-results/screens/workspace-en.png", fullPage: false });

  // Accepting a suggestion creates the claim with its fields filled.
  const b = await newUserPage(browser, USERS.editor);
  await openWorkspace(b.page, id);
  const billion = a.page.getByTestId("suggestion").filter({ hasText: "$1.2 billion" });
  await billion.getByTestId("accept-suggestion").click();
  const card = a.page.locator("[data-testid=claim-card][data-focused=true]");
  await expect(card).toHaveAttribute("data-claim-type", "number");
  await expect(card.locator("[data-field=value]")).toHaveValue("1200000000");
  await expect(b.page.locator("[data-testid=claim-card][data-claim-type=number]").filter({ hasText: "$1.2 billion" })).toBeVisible({ timeout: 2_000 });
  // Dismissing is shared with the team.
  const first = a.page.getByTestId("suggestion").first();
  const key = await first.getAttribute("data-suggestion-key");
  await expect(b.page.locator(`[data-suggestion-key="${key}"]`)).toHaveCount(1);
  await first.getByTestId("dismiss-suggestion").click();
  await expect(b.page.locator(`[data-suggestion-key="${key}"]`)).toHaveCount(0, { timeout: 2_000 });
  await b.context.close();
  await a.context.close();
});

test("a reviewer signs off live; an edit after approval shows as changed; four eyes are enforced", async ({ browser }) => {
  const ed = await newUserPage(browser, USERS.editor);
  const rev = await newUserPage(browser, USERS.reviewer);
  const id = await articleIdBySlug(ed.page, ARABIC_SLUG);
  await openWorkspace(ed.page, id);
  await openWorkspace(rev.page, id);
  const edCard = ed.page.locator("[data-testid=claim-card][data-claim-type=un_resolution]").filter({ hasText: "2259" });
  await edCard.click();
  await edCard.getByTestId("send-for-review").click();
  const revCard = rev.page.locator("[data-testid=claim-card][data-claim-type=un_resolution]").filter({ hasText: "2259" });
  await revCard.click();
  await expect(revCard.getByTestId("approve")).toBeEnabled({ timeout: 2_000 });
  await revCard.getByTestId("approve").click();
  await expect(edCard.getByTestId("decision-badge")).toHaveAttribute("data-decision", "approved", { timeout: 2_000 });
  await ed.page.screenshot({ path: "test-results/screens/workspace-approved.png" });

  // The editor changes the verdict: everyone sees "changed since approval".
  await edCard.getByTestId("verdict-select").selectOption("true");
  await expect(edCard.getByTestId("decision-badge")).toHaveAttribute("data-decision", "stale");
  await expect(revCard.getByTestId("decision-badge")).toHaveAttribute("data-decision", "stale", { timeout: 2_000 });
  // ...and it is back in the review queue, marked as changed since approval.
  const queue = await rev.context.newPage();
  await expect(async () => {
    await queue.goto("/review");
    await expect(queue.getByTestId("review-queue-row").filter({ hasText: "2259" })).toHaveAttribute("data-reason", "changed_since_approval", { timeout: 1_000 });
  }).toPass({ timeout: 10_000 });
  await queue.screenshot({ path: "test-results/screens/review-queue.png" });
  await queue.close();

  // The reviewer's own claim: approval is disabled and says why.
  await selectInArticle(rev.page, "مؤتمر برلين");
  const own = await tagSelection(rev.page, "agreement");
  await own.getByTestId("verdict-select").selectOption("true");
  await own.getByTestId("send-for-review").click();
  await expect(own.getByTestId("approve")).toBeDisabled();
  await expect(own.getByTestId("approve-reason")).toContainText("You created this claim");
  await ed.context.close();
  await rev.context.close();
});

test("a reviewer publishes a correction from the workspace; the public page shows it", async ({ browser }) => {
  const rev = await newUserPage(browser, USERS.reviewer);
  const id = await articleIdBySlug(rev.page, ENGLISH_SLUG);
  await openWorkspace(rev.page, id);
  const panel = rev.page.getByTestId("publication-panel");
  await expect(panel).toContainText("Published · version 1");
  // The claim accepted from a suggestion earlier is not for publication: the reviewer excludes it.
  await expect(panel.getByTestId("publish-blockers")).toBeVisible();
  const extra = rev.page.locator("[data-testid=claim-card][data-claim-type=number]").filter({ hasText: "$1.2 billion" });
  await extra.click();
  rev.page.once("dialog", (d) => void d.accept("Context only; not a claim we checked."));
  await extra.getByTestId("exclude").click();
  await expect(extra.getByTestId("decision-badge")).toHaveAttribute("data-decision", "excluded");
  await expect(panel.getByTestId("publish-blockers")).toHaveCount(0, { timeout: 5_000 });
  await panel.getByRole("button", { name: "Publish a correction" }).click();
  await panel.getByLabel("Correction note").fill("Clarified the source of the 8,000 jobs figure.");
  await panel.getByRole("button", { name: "Publish new version" }).click();
  await expect(panel).toContainText("Published · version 2");
  const anon = await browser.newContext();
  const pub = await anon.newPage();
  await pub.goto(`/v/${ENGLISH_SLUG}`);
  await expect(pub.locator("body")).toContainText("Clarified the source of the 8,000 jobs figure.");
  await pub.screenshot({ path: "test-results/screens/public-correction.png", fullPage: true });
  await anon.close();
  await rev.context.close();
});
