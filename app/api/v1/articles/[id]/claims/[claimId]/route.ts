import { apiJson, apiRoute } from "@/server/api/v1-route";
import { getDb } from "@/server/db/client";
import { docAccess } from "@/server/runtime";
import { getClaim } from "@/server/api/get-claim";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string; claimId: string }> };

/** GET /api/v1/articles/{id}/claims/{claimId} — one claim from the current document, with content hash and decision (scope read). */
export const GET = apiRoute<Ctx>("read", async (_req, { actor }, ctx) => {
  const { id, claimId } = await ctx.params;
  return apiJson(await getClaim({ db: getDb(), docs: await docAccess(), actor, articleId: id, claimId }));
});
