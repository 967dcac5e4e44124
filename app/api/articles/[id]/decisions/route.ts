import { NextResponse } from "next/server";
import { authed } from "@/server/http/route";
import { articleDecisions } from "@/server/review/article-decisions";
import { liveDeps } from "@/server/runtime";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

/**
 * GET /api/articles/<id>/decisions
 * 200 { claims, publication, publishable, blockers } (the collab decisions payload plus whether
 * the article can be published now and why not) · 401 · 403 · 404
 */
export const GET = authed<Ctx>(async (_req, actor, ctx) => {
  const { id } = await ctx.params;
  return NextResponse.json(await articleDecisions({ ...liveDeps(), actor, articleId: id }));
});
