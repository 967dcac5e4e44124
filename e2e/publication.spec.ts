import { expect, test } from "@playwright/test";
import type { ClaimReviewJsonLd } from "../lib/publication/claim-review-schema";
import { ENGLISH_SLUG } from "./fixtures";

const EMAIL = /[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}/i;

function jsonLdBlocks(html: string): unknown[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]));
}

test("the published demo fact-check is public, has one valid ClaimReview per claim page and leaks nothing", async ({ browser }) => {
  // A fresh context without any session: the public pages need no sign-in.
  const context = await browser.newContext();
  const page = await context.newPage();
  const res = await page.goto(`/v/${ENGLISH_SLUG}`);
  expect(res?.status()).toBe(200);
  expect(page.url()).toContain(`/v/${ENGLISH_SLUG}`);
  const article = page.getByTestId("public-article");
  await expect(article).toHaveAttribute("lang", "en");
  await expect(article).toHaveAttribute("dir", "ltr");
  await expect(page.locator("h1")).toHaveText("Ministers sign port deal as talks on Red Sea shipping resume");
  await expect(article).toContainText("Harbour Ledger");
  await expect(page.getByRole("link", { name: /Original article/ })).toHaveAttribute("href", "https://example.org/harbour-ledger/port-deal");
  const claims = page.getByTestId("published-claim");
  await expect(claims).toHaveCount(4);
  await expect(claims.first().locator("mark")).toBeVisible();
  await expect(claims.first().getByTestId("reviewed-by")).toContainText("Rami (reviewer)");
  await expect(page.getByTestId("correction-log")).toContainText("Version 1");
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", /Fact check: Ministers sign port deal/);
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary");
  await page.screenshot({ path: "test-results/screens/public-article.png", fullPage: true });

  const source = await (await context.request.get(`/v/${ENGLISH_SLUG}`)).text();
  expect(source).not.toMatch(EMAIL);
  expect(source).not.toContain("sanad.local");

  const hrefs = await page.getByTestId("claim-page-link").evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
  expect(hrefs).toHaveLength(4);
  const claimUrls: string[] = [];
  for (const href of hrefs) {
    const r = await context.request.get(href);
    expect(r.status()).toBe(200);
    const html = await r.text();
    expect(html).not.toMatch(EMAIL);
    const blocks = jsonLdBlocks(html);
    expect(blocks).toHaveLength(1);
    const review = blocks[0] as ClaimReviewJsonLd;
    expect(review["@context"]).toBe("https://schema.org");
    expect(review["@type"]).toBe("ClaimReview");
    expect(typeof review.claimReviewed).toBe("string");
    expect(review.claimReviewed.length).toBeGreaterThan(3);
    expect(review.reviewRating["@type"]).toBe("Rating");
    expect(typeof review.reviewRating.alternateName).toBe("string");
    if (review.reviewRating.ratingValue !== undefined) {
      expect(review.reviewRating).toMatchObject({ bestRating: 6, worstRating: 1 });
    }
    expect(review.url).toMatch(new RegExp(`^https?://.+/v/${ENGLISH_SLUG}/claims/.+`));
    expect(new URL(review.url).pathname).toBe(href);
    expect(review.author).toMatchObject({ "@type": "Organization", name: expect.any(String) });
    expect(review.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(review.itemReviewed["@type"]).toBe("Claim");
    expect(review.itemReviewed.author.name).toBeTruthy();
    expect(review.itemReviewed.appearance?.[0].url).toBe("https://example.org/harbour-ledger/port-deal");
    expect(review.itemReviewed.datePublished).toBe("2024-03-15");
    claimUrls.push(review.url);
  }
  await page.goto(hrefs[0]);
  await expect(page.getByTestId("public-claim")).toBeVisible();
  await page.screenshot({ path: "test-results/screens/public-claim.png", fullPage: true });

  const feed = await context.request.get("/v/feed.json");
  expect(feed.status()).toBe(200);
  const body = await feed.text();
  expect(body).not.toMatch(EMAIL);
  const graph = (JSON.parse(body) as { "@graph": Array<{ url: string; "@type": string }> })["@graph"];
  for (const url of claimUrls) expect(graph.some((n) => n.url === url && n["@type"] === "ClaimReview")).toBe(true);
  await context.close();
});

test("an unknown slug answers 404 and the review queue needs a session", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  expect((await page.goto("/v/no-such-fact-check"))?.status()).toBe(404);
  await page.goto("/review");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Freview/);
  await context.close();
});
