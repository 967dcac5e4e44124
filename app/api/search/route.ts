import { NextResponse } from "next/server";
import { authed } from "@/server/http/route";
import { getDb } from "@/server/db/client";
import { searchAll } from "@/server/search/search";

export const dynamic = "force-dynamic";

/**
 * GET /api/search?q=…&type=article|claim|source|verdict&status=&verdict=&article=&assignee=<id>|me|none&from=YYYY-MM-DD&to=YYYY-MM-DD&limit=
 * 200 { query, tokens, results: [{ kind, articleId, articleTitle, claimId, title, snippet: { text, ranges }, status, verdict, date, href }] }
 * · 400 invalid · 401 signed out · 403 no access
 */
export const GET = authed(async (req, actor) => {
  const params = new URL(req.url).searchParams;
  const input = Object.fromEntries([...params.entries()].filter(([, v]) => v !== ""));
  const { results, tokens } = await searchAll({ db: getDb(), actor, input: input as never });
  return NextResponse.json({ query: params.get("q") ?? "", tokens, results });
});
