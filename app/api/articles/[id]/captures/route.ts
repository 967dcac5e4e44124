import { NextResponse } from "next/server";
import { authed, readJson } from "@/server/http/route";
import { archiveSource } from "@/server/archive/archive-source";
import { listCaptures } from "@/server/archive/list-captures";
import { getDb } from "@/server/db/client";
import { liveDeps } from "@/server/runtime";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

/** GET /api/articles/<id>/captures: archived copies of the article page and its sources (team). */
export const GET = authed<Ctx>(async (_req, actor, ctx) => {
  const { id } = await ctx.params;
  return NextResponse.json(await listCaptures({ db: getDb(), actor, articleId: id }));
});

/**
 * POST /api/articles/<id>/captures { claimId, sourceId }: archive a source now (editors).
 * 201 with the capture · 404 no such source · 422 URL not allowed · 413/415/502/504 fetch failures.
 */
export const POST = authed<Ctx>(async (req, actor, ctx) => {
  const { id } = await ctx.params;
  const capture = await archiveSource({ ...liveDeps(), actor, articleId: id, input: await readJson(req, 10_000) });
  return NextResponse.json(capture, { status: 201 });
});
