import { NextResponse } from "next/server";
import { authed } from "@/server/http/route";
import { getDb } from "@/server/db/client";
import { readImportJob } from "@/server/articles/read-import-job";

export const dynamic = "force-dynamic";

/** GET /api/articles/imports/<jobId>: progress of an import by URL (its starter only). */
export const GET = authed(async (_req, actor, ctx: { params: Promise<{ jobId: string }> }) => {
  const { jobId } = await ctx.params;
  return NextResponse.json(await readImportJob({ db: getDb(), actor, jobId }));
});
