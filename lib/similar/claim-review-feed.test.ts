import { describe, expect, it } from "vitest";
import { parseClaimReviewFeed } from "./claim-review-feed";

const review = (url: string, claim = "A claim") => ({ "@type": "ClaimReview", url, claimReviewed: claim, reviewRating: { "@type": "Rating", alternateName: "False" }, author: { "@type": "Organization", name: "Checker" }, datePublished: "2024-05-01T10:00:00Z", inLanguage: "ar" });

describe("parseClaimReviewFeed", () => {
  it("reads a single review, an array, a @graph, a DataFeed and an ItemList", () => {
    expect(parseClaimReviewFeed(review("https://c.example/1")).items).toHaveLength(1);
    expect(parseClaimReviewFeed([review("https://c.example/1"), review("https://c.example/2")]).items).toHaveLength(2);
    expect(parseClaimReviewFeed({ "@context": "https://schema.org", "@graph": [review("https://c.example/1")] }).items).toHaveLength(1);
    expect(parseClaimReviewFeed({ "@type": "DataFeed", dataFeedElement: [{ "@type": "DataFeedItem", item: [review("https://c.example/1")] }] }).items).toHaveLength(1);
    expect(parseClaimReviewFeed({ "@type": "ItemList", itemListElement: [{ item: review("https://c.example/1") }] }).items).toHaveLength(1);
  });
  it("normalises what it keeps", () => {
    expect(parseClaimReviewFeed(review("https://c.example/1", "  اللقاح يسبب العقم  ")).items[0]).toEqual({
      url: "https://c.example/1", claimReviewed: "اللقاح يسبب العقم", verdictLabel: "False", publisher: "Checker", language: "ar", datePublished: "2024-05-01",
    });
  });
  it("skips reviews without claim text or an http(s) URL, and duplicates", () => {
    const r = parseClaimReviewFeed([review("javascript:alert(1)"), review("https://c.example/1", ""), { "@type": "ClaimReview" }, review("https://c.example/2"), review("https://c.example/2")]);
    expect(r.items.map((i) => i.url)).toEqual(["https://c.example/2"]);
    expect(r.skipped).toBe(3);
  });
  it("survives hostile shapes (deep nesting, wrong types)", () => {
    let deep: unknown = review("https://c.example/deep");
    for (let i = 0; i < 50; i++) deep = { "@graph": [deep] };
    expect(parseClaimReviewFeed(deep).items).toEqual([]);
    expect(parseClaimReviewFeed(null).items).toEqual([]);
    expect(parseClaimReviewFeed({ "@type": "ClaimReview", url: 5, claimReviewed: { x: 1 } }).skipped).toBe(1);
  });
});
