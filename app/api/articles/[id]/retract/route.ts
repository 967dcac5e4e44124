import { NextResponse } from "next/server";
import { revalidatePath } from "next/cache";
import { authed, readJson } from "@/server/http/route";
import { retractArticle } from "@/server/publication/retract-article";
import { liveDeps } from "@/server/runtime";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

/**
 * POST /api/articles/<id>/retract  body { note: string }
 * 200 { slug, version, url } · 400 missing note · 401 · 403 not reviewer/admin · 404 · 409 not currently published
 */
export const POST = authed<Ctx>(async (req, actor, ctx) => {
  const { id } = await ctx.params;
  const body = await readJson(req, 20_000);
  const result = await retractArticle({ ...liveDeps(), actor, articleId: id, input: body });
  for (const path of result.paths) revalidatePath(path);
  revalidatePath("/v/[slug]/claims/[claimId]", "page");
  return NextResponse.json({ slug: result.slug, version: result.version, url: result.url });
});
