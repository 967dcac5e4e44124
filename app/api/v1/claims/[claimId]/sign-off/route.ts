import { apiJson, apiRoute } from "@/server/api/v1-route";
import { readJson } from "@/server/http/route";
import { signOffClaim } from "@/server/claims/sign-off-claim";
import { liveDeps } from "@/server/runtime";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ claimId: string }> };

/** POST /api/v1/claims/{claimId}/sign-off — approve, request changes or exclude (scope write; reviewers, four-eyes). */
export const POST = apiRoute<Ctx>("write", async (req, { actor }, ctx) => {
  const { claimId } = await ctx.params;
  const result = await signOffClaim({ ...liveDeps(), actor, claimId, input: await readJson(req, 20_000) });
  return apiJson({ articleId: result.articleId, signOff: result.signOff });
});
