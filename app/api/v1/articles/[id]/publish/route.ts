import { revalidatePath } from "next/cache";
import { apiJson, apiRoute } from "@/server/api/v1-route";
import { readOptionalJson } from "@/server/http/route";
import { publishArticle } from "@/server/publication/publish-article";
import { liveDeps } from "@/server/runtime";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

/** POST /api/v1/articles/{id}/publish — publish, or republish as a correction (scope write; reviewers and admins). */
export const POST = apiRoute<Ctx>("write", async (req, { actor }, ctx) => {
  const { id } = await ctx.params;
  const body = await readOptionalJson(req, 20_000);
  const result = await publishArticle({ ...liveDeps(), actor, articleId: id, input: body });
  for (const path of result.paths) revalidatePath(path);
  revalidatePath("/v/[slug]/versions/[version]", "page");
  return apiJson({ slug: result.slug, version: result.version, url: result.url });
});
