import { AppError } from "../errors";
import { BEST_RATING, WORST_RATING } from "../verdicts";
import type { ClaimReviewFeed, ClaimReviewJsonLd, ClaimReviewNode } from "./claim-review-schema";
import type { PublicationSnapshot, PublishedClaim } from "./snapshot";

/**
 * schema.org ClaimReview JSON-LD for published claims, built from the frozen publication
 * snapshot only (never the live document). Validated by ZClaimReview in claim-review-schema.ts.
 *
 * Rating convention. Our scale runs false = 1 … true = 6 (lib/verdicts), so numeric verdicts
 * carry ratingValue with bestRating 6 and worstRating 1; higher means truer, as schema.org's
 * Rating intends. "Unverifiable" and "satire" are not points on that axis (lib/verdicts gives
 * them value null). Every number we could put there would be a lie a machine reads as a
 * finding: 1..6 grades the claim as partly true or false; 0 or -1 lies outside
 * [worstRating, bestRating], which schema.org and Google's validator reject; and the old
 * "-1 / -1 / -1" degenerate scale some publishers used is a private convention consumers do
 * not understand (and Google requires worstRating >= 1). So for those two verdicts we OMIT
 * ratingValue, bestRating and worstRating together and state the finding only in alternateName,
 * which is the field Google requires and the only one it displays; Google lists the numeric
 * three as recommended, not required. Our schema accepts the omission only for those two
 * verdicts' labels, so a numeric verdict missing its number still fails validation.
 *
 * Dates: datePublished is the UTC calendar date (YYYY-MM-DD) of the publication snapshot, i.e.
 * of this version; a correction republishes with the correction's date.
 */

export interface ClaimReviewOrganisation {
  name: string;
  url: string;
}

/** YYYY-MM-DD (UTC) of an ISO timestamp or date. */
function isoDay(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new AppError("INVALID_INPUT", `not a valid date: ${iso}`);
  return date.toISOString().slice(0, 10);
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

function hostnameOf(value: string): string | null {
  return isHttpUrl(value) ? new URL(value).hostname : null;
}

/** The Rating for a published claim; see the file header for unverifiable/satire. */
export function buildRating(claim: Pick<PublishedClaim, "ratingValue" | "verdictLabel">): ClaimReviewJsonLd["reviewRating"] {
  if (claim.ratingValue === null) return { "@type": "Rating", alternateName: claim.verdictLabel };
  return { "@type": "Rating", ratingValue: claim.ratingValue, bestRating: BEST_RATING, worstRating: WORST_RATING, alternateName: claim.verdictLabel };
}

/**
 * One ClaimReview for one published claim.
 * - claimReviewed: the claim's checkable statement (older snapshots without one: the claim text,
 *   i.e. the quoted words for quotes, else the anchored text)
 * - itemReviewed.author: the quote's speaker as a Person when known; otherwise the outlet (or,
 *   lacking a name, the article's host name) as an Organization, since the article makes the claim
 * - itemReviewed.appearance: the original article, when it has an http(s) URL
 * Throws AppError INVALID_INPUT when the claim is not in the snapshot or no author can be named.
 */
export function buildClaimReview(input: {
  snapshot: PublicationSnapshot;
  claim: PublishedClaim;
  /** The public URL of this claim's review, e.g. from publicClaimUrl(). */
  claimUrl: string;
  /** The fact-checking organisation; defaults to the snapshot's. */
  organisation?: ClaimReviewOrganisation;
}): ClaimReviewJsonLd {
  const { snapshot, claim, claimUrl } = input;
  if (!snapshot.claims.some((c) => c.id === claim.id)) throw new AppError("INVALID_INPUT", `claim ${claim.id} is not part of this publication`);
  const organisation = input.organisation ?? snapshot.organisation;
  const { article } = snapshot;

  const outletName = article.outlet.trim() || hostnameOf(article.sourceUrl);
  let claimAuthor: ClaimReviewJsonLd["itemReviewed"]["author"];
  if (claim.speaker) claimAuthor = { "@type": "Person", name: claim.speaker };
  else if (outletName) claimAuthor = { "@type": "Organization", name: outletName };
  else throw new AppError("INVALID_INPUT", `claim ${claim.id}: the article has neither an outlet name nor a URL to credit`);

  const articleDate = article.publishedAt ? isoDay(article.publishedAt) : undefined;
  const itemReviewed: ClaimReviewJsonLd["itemReviewed"] = { "@type": "Claim", author: claimAuthor };
  if (isHttpUrl(article.sourceUrl)) {
    itemReviewed.appearance = [{
      "@type": "NewsArticle",
      url: article.sourceUrl,
      ...(article.title.trim() ? { headline: article.title.trim() } : {}),
      ...(articleDate ? { datePublished: articleDate } : {}),
      ...(outletName ? { author: { "@type": "Organization" as const, name: outletName } } : {}),
    }];
  }
  if (articleDate) itemReviewed.datePublished = articleDate;

  return {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    claimReviewed: claim.statement?.trim() || claim.claimText,
    reviewRating: buildRating(claim),
    url: claimUrl,
    author: { "@type": "Organization", name: organisation.name, url: organisation.url },
    datePublished: isoDay(snapshot.publishedAt),
    itemReviewed,
    inLanguage: article.language,
    // "Checked before": the past reviews this verdict builds on (schema.org CreativeWork.isBasedOn).
    ...(claim.basedOn?.length ? { isBasedOn: claim.basedOn } : {}),
  };
}

/** The public URL of one claim's review: /v/<slug>#claim-<id> under baseUrl. */
export function publicClaimUrl(baseUrl: string, slug: string, claimId: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/v/${encodeURIComponent(slug)}#claim-${encodeURIComponent(claimId)}`;
}

/**
 * The /v/feed.json document: { "@context": "https://schema.org", "@graph": [ClaimReview…] }.
 * Only the latest version of each article counts (a correction replaces its predecessor);
 * claims follow article order. The nodes drop their own @context, which the graph provides.
 */
export function buildClaimReviewFeed(
  snapshots: PublicationSnapshot[],
  options: { claimUrl: (snapshot: PublicationSnapshot, claim: PublishedClaim) => string },
): ClaimReviewFeed {
  const latest = new Map<string, PublicationSnapshot>();
  for (const s of snapshots) {
    const current = latest.get(s.article.id);
    if (!current || s.version > current.version) latest.set(s.article.id, s);
  }
  const graph: ClaimReviewNode[] = [];
  for (const snapshot of latest.values()) {
    for (const claim of snapshot.claims) {
      const { "@context": _context, ...node } = buildClaimReview({ snapshot, claim, claimUrl: options.claimUrl(snapshot, claim) });
      graph.push(node);
    }
  }
  return { "@context": "https://schema.org", "@graph": graph };
}
