import { NextResponse } from "next/server";
import { authed } from "@/server/http/route";
import { listDocAuthors } from "@/server/articles/doc-authors";
import { liveDeps } from "@/server/runtime";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

/** GET /api/articles/<id>/authors — { authors: { <yjs client id>: { id, name } } } (signed in). */
export const GET = authed<Ctx>(async (_req, actor, ctx) => {
  const { id } = await ctx.params;
  return NextResponse.json({ authors: await listDocAuthors({ ...liveDeps(), actor, articleId: id }) });
});
