import { authed } from "@/server/http/route";
import { captureHtml, readCaptureForTeam } from "@/server/archive/read-capture";
import { inertCaptureResponse } from "@/server/archive/inert-response";
import { getDb } from "@/server/db/client";

export const dynamic = "force-dynamic";

/** The captured page itself, inert (CSP sandbox, nothing loaded), for the team's archive page frame. */
export const GET = authed(async (_req, actor, ctx: { params: Promise<{ id: string; captureId: string }> }) => {
  const { id, captureId } = await ctx.params;
  const capture = await readCaptureForTeam({ db: getDb(), actor, articleId: id, captureId });
  return inertCaptureResponse(await captureHtml(getDb(), captureId), capture);
});
