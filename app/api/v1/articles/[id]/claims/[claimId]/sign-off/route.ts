import { apiJson, apiRoute } from "@/server/api/v1-route";
import { readJson } from "@/server/http/route";
import { signOffClaim } from "@/server/claims/sign-off-claim";
import { liveDeps } from "@/server/runtime";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string; claimId: string }> };

/** POST /api/v1/articles/{id}/claims/{claimId}/sign-off — approve, request changes or exclude (scope write; reviewers, four-eyes). */
export const POST = apiRoute<Ctx>("write", async (req, { actor }, ctx) => {
  const { id, claimId } = await ctx.params;
  const result = await signOffClaim({ ...liveDeps(), actor, articleId: id, claimId, input: await readJson(req, 20_000) });
  return apiJson({ articleId: result.articleId, signOff: result.signOff });
});
