import { NextResponse } from "next/server";
import { authed, readJson } from "@/server/http/route";
import { liveDeps } from "@/server/runtime";
import { takeVersion } from "@/server/versions/take-version";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

/**
 * POST /api/articles/<id>/versions — save the current claims as a version (editors and up).
 * body {} · 200 { ok, version: { id, createdAt, claimCount } } · 401 · 403 · 404
 */
export const POST = authed<Ctx>(async (req, actor, ctx) => {
  const { id } = await ctx.params;
  await readJson(req, 1_000);
  const version = await takeVersion({ ...liveDeps(), actor, articleId: id, reason: "manual" });
  return NextResponse.json({ ok: true, version });
});
