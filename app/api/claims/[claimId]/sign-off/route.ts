import { NextResponse } from "next/server";
import { authed, readJson } from "@/server/http/route";
import { signOffClaim } from "@/server/claims/sign-off-claim";
import { liveDeps } from "@/server/runtime";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ claimId: string }> };

/**
 * POST /api/claims/<claimId>/sign-off
 * body { decision: "approved" | "changes_requested" | "excluded", note?: string, contentHash: string, articleId?: string }
 * 200 { ok: true, decisions, signOff } · 400 invalid · 401 signed out · 403 not a reviewer / four-eyes (reason in error)
 * · 404 no such claim · 409 the claim changed (live hash differs from contentHash)
 */
export const POST = authed<Ctx>(async (req, actor, ctx) => {
  const { claimId } = await ctx.params;
  const body = await readJson(req, 20_000);
  const result = await signOffClaim({ ...liveDeps(), actor, claimId, input: body });
  return NextResponse.json({ ok: true, decisions: result.decisions, signOff: result.signOff });
});
