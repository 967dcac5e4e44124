import { NextResponse } from "next/server";
import { authed, readJson } from "@/server/http/route";
import { liveDeps } from "@/server/runtime";
import { linkClaim } from "@/server/similar/link-claim";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string; claimId: string }> };

/** POST { targetKind: "verdict" | "external", targetId } — link the claim to a past check (editors). 201 the link. */
export const POST = authed<Ctx>(async (req, actor, ctx) => {
  const { id, claimId } = await ctx.params;
  const link = await linkClaim({ ...liveDeps(), actor, articleId: id, claimId, input: (await readJson(req, 2_000)) as never });
  return NextResponse.json(link, { status: 201 });
});
