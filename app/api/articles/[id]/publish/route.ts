import { NextResponse } from "next/server";
import { revalidatePath } from "next/cache";
import { authed, readOptionalJson } from "@/server/http/route";
import { publishArticle } from "@/server/publication/publish-article";
import { liveDeps } from "@/server/runtime";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

/**
 * POST /api/articles/<id>/publish  body { correctionNote?: string } (required from version 2 on)
 * 200 { slug, version, url } · 400 invalid / missing correction note · 401 · 403 not reviewer/admin
 * · 404 no such article · 409 not publishable (blockers in the message)
 */
export const POST = authed<Ctx>(async (req, actor, ctx) => {
  const { id } = await ctx.params;
  const body = await readOptionalJson(req, 20_000);
  const result = await publishArticle({ ...liveDeps(), actor, articleId: id, input: body });
  for (const path of result.paths) revalidatePath(path);
  revalidatePath("/v/[slug]/versions/[version]", "page");
  return NextResponse.json({ slug: result.slug, version: result.version, url: result.url });
});
