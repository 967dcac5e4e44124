import { NextResponse } from "next/server";
import { authed } from "@/server/http/route";
import { liveDeps } from "@/server/runtime";
import { unlinkClaim } from "@/server/similar/link-claim";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string; claimId: string; linkId: string }> };

/** DELETE — remove a "checked before" link (editors). 204. */
export const DELETE = authed<Ctx>(async (_req, actor, ctx) => {
  const { id, claimId, linkId } = await ctx.params;
  await unlinkClaim({ ...liveDeps(), actor, articleId: id, claimId, linkId });
  return new NextResponse(null, { status: 204 });
});
