import { z } from "zod";
import { VERDICTS } from "../verdicts";

/**
 * A zod schema for the schema.org ClaimReview JSON-LD Sanad publishes, written from the
 * schema.org definitions of ClaimReview, Rating, Claim, Organization, Person and CreativeWork,
 * tightened with Google's fact-check guidance where schema.org is permissive (schema.org
 * accepts Text almost everywhere; search engines do not). It describes our output, so objects
 * are strict: a misspelt property is a failure, not silently ignored markup.
 *
 * Rating rule (see claim-review.ts for the why): either the numeric triple ratingValue /
 * bestRating / worstRating is complete and ordered (worst < best, worst <= value <= best), or
 * all three are absent; absence is allowed only for our verdicts that have no place on the
 * true/false axis (unverifiable, satire), recognised by their label in alternateName.
 */

/** An absolute http(s) URL: javascript:, data: and relative URLs are refused. */
export const ZHttpUrl = z.string().refine((value) => {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}, "expected an absolute http(s) URL");

/** schema.org Date as Google reads it: an ISO 8601 calendar date, YYYY-MM-DD. */
export const ZIsoDate = z.iso.date();

const nonEmpty = z.string().trim().min(1);

export const ZOrganization = z.object({
  "@type": z.literal("Organization"),
  name: nonEmpty,
  url: ZHttpUrl.optional(),
}).strict();

export const ZPerson = z.object({
  "@type": z.literal("Person"),
  name: nonEmpty,
  url: ZHttpUrl.optional(),
}).strict();

/** Where the claim appeared: the original article. NewsArticle and Article are CreativeWorks. */
export const ZCreativeWork = z.object({
  "@type": z.enum(["CreativeWork", "Article", "NewsArticle"]),
  url: ZHttpUrl,
  headline: nonEmpty.optional(),
  datePublished: ZIsoDate.optional(),
  author: z.union([ZOrganization, ZPerson]).optional(),
}).strict();

export const ZClaim = z.object({
  "@type": z.literal("Claim"),
  author: z.union([ZPerson, ZOrganization]),
  /** Recommended by Google; absent only when the article was imported without a URL. */
  appearance: z.array(ZCreativeWork).min(1).optional(),
  datePublished: ZIsoDate.optional(),
}).strict();

/** Labels (every language) of the verdicts that have no numeric value. */
const NON_NUMERIC_LABELS = new Set(VERDICTS.filter((v) => v.value === null).flatMap((v) => [v.en, v.ar]));

const finite = z.number().finite();

export const ZRating = z.object({
  "@type": z.literal("Rating"),
  /** The human-readable verdict; the only part Google shows. */
  alternateName: nonEmpty,
  ratingValue: finite.optional(),
  bestRating: finite.optional(),
  worstRating: finite.optional(),
}).strict().superRefine((rating, ctx) => {
  const { ratingValue, bestRating, worstRating } = rating;
  const present = [ratingValue, bestRating, worstRating].filter((v) => v !== undefined).length;
  if (present === 0) {
    if (!NON_NUMERIC_LABELS.has(rating.alternateName)) {
      ctx.addIssue({ code: "custom", path: ["ratingValue"], message: "ratingValue, bestRating and worstRating are required for a verdict on the true/false scale" });
    }
    return;
  }
  if (present !== 3) {
    ctx.addIssue({ code: "custom", path: ["ratingValue"], message: "ratingValue, bestRating and worstRating go together: all or none" });
    return;
  }
  if (!(worstRating! < bestRating!)) ctx.addIssue({ code: "custom", path: ["bestRating"], message: "bestRating must be greater than worstRating" });
  if (ratingValue! < worstRating! || ratingValue! > bestRating!) {
    ctx.addIssue({ code: "custom", path: ["ratingValue"], message: "ratingValue must lie within [worstRating, bestRating]" });
  }
});

/** A BCP 47 language tag (shape only: "ar", "en", "ar-EG", "zh-Hant-TW"). */
export const ZLanguageTag = z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "expected a BCP 47 language tag");

const claimReviewShape = {
  "@type": z.literal("ClaimReview"),
  /** The claim under review, in its own words. */
  claimReviewed: nonEmpty,
  reviewRating: ZRating,
  /** The public page for this claim (with a fragment when one page reviews many claims). */
  url: ZHttpUrl,
  author: ZOrganization,
  datePublished: ZIsoDate,
  itemReviewed: ZClaim,
  inLanguage: ZLanguageTag,
  /** Past reviews this one relies on (our own or another fact-checker's), as URLs. */
  isBasedOn: z.array(ZHttpUrl).min(1).optional(),
};

/** A standalone ClaimReview, as embedded in one `<script type="application/ld+json">`. */
export const ZClaimReview = z.object({ "@context": z.literal("https://schema.org"), ...claimReviewShape }).strict();

/** A ClaimReview inside a @graph, which takes its @context from the enclosing document. */
export const ZClaimReviewNode = z.object({ "@context": z.literal("https://schema.org").optional(), ...claimReviewShape }).strict();

/** The /v/feed.json document: every current ClaimReview in one @graph. */
export const ZClaimReviewFeed = z.object({
  "@context": z.literal("https://schema.org"),
  "@graph": z.array(ZClaimReviewNode),
}).strict();

export type ClaimReviewJsonLd = z.infer<typeof ZClaimReview>;
export type ClaimReviewNode = z.infer<typeof ZClaimReviewNode>;
export type ClaimReviewFeed = z.infer<typeof ZClaimReviewFeed>;
