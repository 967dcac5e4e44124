import { apiJson, apiRoute } from "@/server/api/v1-route";
import { getDb } from "@/server/db/client";
import { docAccess } from "@/server/runtime";
import { getArticleWithClaims } from "@/server/api/get-article-with-claims";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

/** GET /api/v1/articles/{id} — the article, its body and every claim with content hash and decision (scope read). */
export const GET = apiRoute<Ctx>("read", async (_req, { actor }, ctx) => {
  const { id } = await ctx.params;
  return apiJson(await getArticleWithClaims({ db: getDb(), docs: await docAccess(), actor, articleId: id }));
});
