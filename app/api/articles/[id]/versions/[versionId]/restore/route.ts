import { NextResponse } from "next/server";
import { authed, readJson } from "@/server/http/route";
import { liveDeps } from "@/server/runtime";
import { restoreClaimsFromVersion } from "@/server/versions/versions";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string; versionId: string }> };

/**
 * POST /api/articles/<id>/versions/<versionId>/restore — put back the claims of that version
 * that are missing now, live for everyone in the room (reviewers and admins; audited).
 * body {} · 200 { ok, restored: claimIds, backupVersionId } · 401 · 403 · 404
 */
export const POST = authed<Ctx>(async (req, actor, ctx) => {
  const { id, versionId } = await ctx.params;
  await readJson(req, 1_000);
  const result = await restoreClaimsFromVersion({ ...liveDeps(), actor, articleId: id, versionId });
  return NextResponse.json({ ok: true, ...result });
});
