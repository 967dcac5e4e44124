import { NextResponse } from "next/server";
import { authed, readJson } from "@/server/http/route";
import { getDb } from "@/server/db/client";
import { importClaimReviewFeed } from "@/server/similar/import-claim-review-feed";

export const dynamic = "force-dynamic";

/**
 * POST (admins) { url } or { fileName, content } — import a ClaimReview JSON/JSON-LD feed.
 * JSON only, so a cross-site form cannot post here (see readJson). 200 { feed, imported, updated, skipped }.
 */
export const POST = authed(async (req, actor) => {
  const result = await importClaimReviewFeed({ db: getDb(), actor, input: (await readJson(req, 5_500_000)) as never });
  return NextResponse.json(result);
});
