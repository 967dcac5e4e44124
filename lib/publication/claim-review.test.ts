import { describe, expect, it } from "vitest";
import { anchorIn, makeClaim } from "../../server/test-support/claims";
import { buildClaimReview, buildClaimReviewFeed, publicClaimUrl } from "./claim-review";
import { ZClaimReview, ZClaimReviewFeed } from "./claim-review-schema";
import { jsonLdScriptContent } from "./safe-json-ld";
import { buildPublicationSnapshot, type PublicationSnapshot } from "./snapshot";

const AR_BODY = "قال وزير الخارجية إن \"الحلف لن يتراجع\" بعد زيارة الرئيس التركي إلى الدوحة.";
const ORG = { name: "Sanad Desk", url: "https://sanad.example" };

function arabicSnapshot(overrides: { version?: number; publishedAt?: string; sourceUrl?: string; outlet?: string } = {}): PublicationSnapshot {
  return buildPublicationSnapshot({
    article: { id: "a-ar", slug: "qatar-turkey", title: "هل يمتد الحلف القطري التركي إلى ليبيا؟", outlet: overrides.outlet ?? "التغيير", sourceUrl: overrides.sourceUrl ?? "https://altaghyeer.example/article/1", language: "ar", publishedAt: "2020-07-05T21:30:00.000Z", body: AR_BODY },
    approved: [
      { claim: makeClaim({ id: "q1", type: "quote", anchor: anchorIn(AR_BODY, "الحلف لن يتراجع"), fields: { speaker: "وزير الخارجية", words: "الحلف لن يتراجع", direct: true }, verdict: "mostly_false" }), reviewerName: "ريم", approvedAt: "2024-01-01T00:00:00Z" },
      { claim: makeClaim({ id: "m1", anchor: anchorIn(AR_BODY, "زيارة الرئيس التركي إلى الدوحة"), verdict: "satire" }), reviewerName: "ريم", approvedAt: "2024-01-01T00:00:00Z" },
    ],
    publishedAt: overrides.publishedAt ?? "2024-01-02T23:59:59.000Z",
    version: overrides.version ?? 1,
    correctionNote: (overrides.version ?? 1) > 1 ? "تصحيح" : null,
    organisation: ORG,
  });
}

const review = (snapshot: PublicationSnapshot, index: number) =>
  buildClaimReview({ snapshot, claim: snapshot.claims[index], claimUrl: publicClaimUrl("https://sanad.example/", snapshot.article.slug, snapshot.claims[index].id), organisation: ORG });

describe("buildClaimReview", () => {
  it("builds a valid ClaimReview for an Arabic quote, in Arabic", () => {
    const snapshot = arabicSnapshot();
    const cr = review(snapshot, 0);
    expect(ZClaimReview.safeParse(cr).error).toBeUndefined();
    expect(cr).toEqual({
      "@context": "https://schema.org",
      "@type": "ClaimReview",
      claimReviewed: "الحلف لن يتراجع",
      reviewRating: { "@type": "Rating", ratingValue: 2, bestRating: 6, worstRating: 1, alternateName: "خاطئ في معظمه" },
      url: "https://sanad.example/v/qatar-turkey#claim-q1",
      author: { "@type": "Organization", name: "Sanad Desk", url: "https://sanad.example" },
      datePublished: "2024-01-02",
      itemReviewed: {
        "@type": "Claim",
        author: { "@type": "Person", name: "وزير الخارجية" },
        appearance: [{ "@type": "NewsArticle", url: "https://altaghyeer.example/article/1", headline: "هل يمتد الحلف القطري التركي إلى ليبيا؟", datePublished: "2020-07-05", author: { "@type": "Organization", name: "التغيير" } }],
        datePublished: "2020-07-05",
      },
      inLanguage: "ar",
    });
  });

  it("omits the numeric rating for satire/unverifiable and credits the outlet for non-quotes", () => {
    const cr = review(arabicSnapshot(), 1);
    expect(ZClaimReview.safeParse(cr).error).toBeUndefined();
    expect(cr.reviewRating).toEqual({ "@type": "Rating", alternateName: "ساخر" });
    expect(cr.claimReviewed).toBe("زيارة الرئيس التركي إلى الدوحة");
    expect(cr.itemReviewed.author).toEqual({ "@type": "Organization", name: "التغيير" });
  });

  it("falls back to the article's host name, omits appearance without a URL, refuses when nobody can be credited", () => {
    expect(review(arabicSnapshot({ outlet: "" }), 1).itemReviewed.author).toEqual({ "@type": "Organization", name: "altaghyeer.example" });
    const noUrl = review(arabicSnapshot({ sourceUrl: "" }), 1);
    expect(noUrl.itemReviewed.appearance).toBeUndefined();
    expect(ZClaimReview.safeParse(noUrl).success).toBe(true);
    expect(() => review(arabicSnapshot({ outlet: "", sourceUrl: "" }), 1)).toThrow(/credit/);
  });

  it("names the past checks a verdict was linked to as isBasedOn (http(s) only, no duplicates)", () => {
    const snapshot = buildPublicationSnapshot({
      article: { id: "a", slug: "s", title: "T", outlet: "O", sourceUrl: "", language: "en", publishedAt: null, body: "The port deal creates 8,000 jobs." },
      approved: [{
        claim: makeClaim({ id: "c1", anchor: anchorIn("The port deal creates 8,000 jobs.", "8,000 jobs"), verdict: "false" }), reviewerName: "R", approvedAt: "2024-01-01T00:00:00Z",
        basedOn: ["https://checker.example/jobs", "javascript:alert(1)", "https://checker.example/jobs", "https://sanad.example/v/old/claims/x"],
      }],
      publishedAt: "2024-01-02T00:00:00Z", version: 1, organisation: ORG,
    });
    expect(snapshot.claims[0].basedOn).toEqual(["https://checker.example/jobs", "https://sanad.example/v/old/claims/x"]);
    const cr = buildClaimReview({ snapshot, claim: snapshot.claims[0], claimUrl: "https://sanad.example/v/s#claim-c1" });
    expect(cr.isBasedOn).toEqual(["https://checker.example/jobs", "https://sanad.example/v/old/claims/x"]);
    expect(ZClaimReview.safeParse(cr).error).toBeUndefined();
    expect(review(arabicSnapshot(), 0)).not.toHaveProperty("isBasedOn");
    expect(ZClaimReview.safeParse({ ...cr, isBasedOn: ["javascript:alert(1)"] }).success).toBe(false);
  });

  it("refuses a claim that is not in the snapshot", () => {
    const snapshot = arabicSnapshot();
    expect(() => buildClaimReview({ snapshot, claim: { ...snapshot.claims[0], id: "other" }, claimUrl: "https://sanad.example/v/x" })).toThrow(/not part/);
  });

  it("survives hostile text when embedded in a script tag", () => {
    const snapshot = arabicSnapshot();
    const claim = { ...snapshot.claims[0], claimText: "</script><script>alert(1)</script>" };
    const cr = buildClaimReview({ snapshot: { ...snapshot, claims: [claim] }, claim, claimUrl: "https://sanad.example/v/x#claim-q1" });
    expect(jsonLdScriptContent(cr)).not.toContain("</script");
  });
});

/* eslint-disable @typescript-eslint/no-explicit-any -- the test mutates arbitrary JSON on purpose */
describe("ZClaimReview rejects malformed markup", () => {
  const valid = review(arabicSnapshot(), 0);
  const clone = () => JSON.parse(JSON.stringify(valid)) as Record<string, any>;
  const broken: Array<[string, (o: Record<string, any>) => void]> = [
    ["missing claimReviewed", (o) => delete o.claimReviewed],
    ["empty claimReviewed", (o) => (o.claimReviewed = "  ")],
    ["missing reviewRating", (o) => delete o.reviewRating],
    ["missing alternateName", (o) => delete o.reviewRating.alternateName],
    ["missing ratingValue for a numeric verdict", (o) => { delete o.reviewRating.ratingValue; delete o.reviewRating.bestRating; delete o.reviewRating.worstRating; }],
    ["only part of the numeric triple", (o) => delete o.reviewRating.worstRating],
    ["ratingValue above bestRating", (o) => (o.reviewRating.ratingValue = 7)],
    ["ratingValue below worstRating", (o) => (o.reviewRating.ratingValue = -1)],
    ["inverted scale", (o) => { o.reviewRating.bestRating = 1; o.reviewRating.worstRating = 6; }],
    ["ratingValue as text", (o) => (o.reviewRating.ratingValue = "2")],
    ["javascript: url", (o) => (o.url = "javascript:alert(1)")],
    ["relative url", (o) => (o.url = "/v/qatar-turkey")],
    ["missing author", (o) => delete o.author],
    ["author as Person", (o) => (o.author["@type"] = "Person")],
    ["malformed datePublished", (o) => (o.datePublished = "02/01/2024")],
    ["datetime instead of date", (o) => (o.datePublished = "2024-01-02T10:00:00Z")],
    ["wrong @type", (o) => (o["@type"] = "Review")],
    ["wrong @context", (o) => (o["@context"] = "http://schema.org/")],
    ["missing itemReviewed", (o) => delete o.itemReviewed],
    ["claim without author", (o) => delete o.itemReviewed.author],
    ["appearance without url", (o) => delete o.itemReviewed.appearance[0].url],
    ["empty appearance", (o) => (o.itemReviewed.appearance = [])],
    ["bad language tag", (o) => (o.inLanguage = "Arabic language")],
    ["unknown property", (o) => (o.reviewRating.ratingvalue = 2)],
  ];
  it.each(broken)("%s", (_name, breakIt) => {
    const o = clone();
    breakIt(o);
    expect(ZClaimReview.safeParse(o).success).toBe(false);
  });
});

describe("buildClaimReviewFeed", () => {
  it("collects every claim of the latest version of each article into a valid @graph", () => {
    const v1 = arabicSnapshot();
    const v2 = arabicSnapshot({ version: 2, publishedAt: "2024-02-01T10:00:00.000Z" });
    const feed = buildClaimReviewFeed([v2, v1], { claimUrl: (s, c) => publicClaimUrl("https://sanad.example", s.article.slug, c.id) });
    expect(ZClaimReviewFeed.safeParse(feed).error).toBeUndefined();
    expect(feed["@graph"]).toHaveLength(2);
    expect(feed["@graph"].every((node) => node.datePublished === "2024-02-01" && !("@context" in node))).toBe(true);
    expect(buildClaimReviewFeed([], { claimUrl: () => "" })).toEqual({ "@context": "https://schema.org", "@graph": [] });
  });
});

describe("claimReviewed is the checkable statement", () => {
  it("uses the statement when the claim has one, and keeps the fragment in the snapshot for context", () => {
    const statement = "أعلن وزير الخارجية القطري أن الحلف مع تركيا لن يتراجع.";
    const snapshot = buildPublicationSnapshot({
      article: { id: "a-ar", slug: "qatar-turkey", title: "عنوان", outlet: "التغيير", sourceUrl: "https://altaghyeer.example/article/1", language: "ar", publishedAt: null, body: AR_BODY },
      approved: [{ claim: makeClaim({ id: "q1", type: "quote", anchor: anchorIn(AR_BODY, "الحلف لن يتراجع"), fields: { speaker: "وزير الخارجية", words: "الحلف لن يتراجع", direct: true }, statement: `  ${statement} ` }), reviewerName: "ريم", approvedAt: "2024-01-01T00:00:00Z" }],
      publishedAt: "2024-01-02T00:00:00Z", version: 1, organisation: ORG,
    });
    expect(snapshot.claims[0].statement).toBe(statement);
    expect(snapshot.claims[0].anchor.exact).toBe("الحلف لن يتراجع");
    const cr = review(snapshot, 0);
    expect(cr.claimReviewed).toBe(statement);
    expect(ZClaimReview.safeParse(cr).error).toBeUndefined();
  });
});
