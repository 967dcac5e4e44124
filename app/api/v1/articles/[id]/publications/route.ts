import { apiJson, apiRoute } from "@/server/api/v1-route";
import { getDb } from "@/server/db/client";
import { listPublications } from "@/server/api/list-publications";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

/** GET /api/v1/articles/{id}/publications — every published version, newest first, with its snapshot (scope read). */
export const GET = apiRoute<Ctx>("read", async (_req, { actor }, ctx) => {
  const { id } = await ctx.params;
  return apiJson({ publications: await listPublications({ db: getDb(), actor, articleId: id }) });
});
