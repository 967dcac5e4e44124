import { NextResponse } from "next/server";
import { authed } from "@/server/http/route";
import { liveDeps } from "@/server/runtime";
import { findSimilarClaims } from "@/server/similar/find-similar-claims";
import { claimLinks } from "@/server/similar/link-claim";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string; claimId: string }> };

/** GET: "checked before" for a claim: { similar: SimilarCheck[], links: ClaimLinkView[] }. */
export const GET = authed<Ctx>(async (_req, actor, ctx) => {
  const { id, claimId } = await ctx.params;
  const deps = liveDeps();
  const [similar, links] = await Promise.all([
    findSimilarClaims({ ...deps, actor, articleId: id, claimId }),
    claimLinks({ ...deps, actor, articleId: id, claimId }),
  ]);
  return NextResponse.json({ similar, links });
});
