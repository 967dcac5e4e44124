import { NextResponse } from "next/server";
import { getDb } from "@/server/db/client";
import { loadClaimReviewFeed } from "@/server/publication/public-pages";

/**
 * GET /v/feed.json: every current ClaimReview (schema.org @graph), public. Rendered per
 * request (route handlers are dynamic by default) and cached by clients and CDNs for a minute,
 * so a retraction leaves the feed quickly.
 */
export async function GET() {
  const feed = await loadClaimReviewFeed(getDb());
  return NextResponse.json(feed, {
    headers: { "content-type": "application/ld+json; charset=utf-8", "cache-control": "public, max-age=60, s-maxage=60" },
  });
}
