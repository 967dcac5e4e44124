import { NextResponse } from "next/server";
import { authed, readJson } from "@/server/http/route";
import { signOffClaim } from "@/server/claims/sign-off-claim";
import { liveDeps } from "@/server/runtime";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string; claimId: string }> };

/**
 * POST /api/articles/<articleId>/claims/<claimId>/sign-off — claim ids are chosen by clients
 * and only unique within their article, so the article is part of the address.
 * body { decision: "approved" | "changes_requested" | "excluded", note?: string, contentHash: string }
 * 200 { ok: true, decisions, signOff } · 400 invalid · 401 signed out · 403 not a reviewer / four-eyes (reason in error)
 * · 404 no such article or claim · 409 the claim changed (live hash differs from contentHash)
 */
export const POST = authed<Ctx>(async (req, actor, ctx) => {
  const { id, claimId } = await ctx.params;
  const body = await readJson(req, 20_000);
  const result = await signOffClaim({ ...liveDeps(), actor, articleId: id, claimId, input: body });
  return NextResponse.json({ ok: true, decisions: result.decisions, signOff: result.signOff });
});
