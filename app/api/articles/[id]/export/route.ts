import { z } from "zod";
import { authed } from "@/server/http/route";
import { publicOrigin } from "@/server/http/public-origin";
import { getDb } from "@/server/db/client";
import { docAccess } from "@/server/runtime";
import { exportArticle } from "@/server/articles/export-article";
import { parseInput } from "@/lib/validation";

export const dynamic = "force-dynamic";

const ZQuery = z.object({ format: z.enum(["json", "csv"]).default("json") });

/** GET /api/articles/<id>/export?format=json|csv — the live claims as W3C Web Annotations or CSV. */
export const GET = authed<{ params: Promise<{ id: string }> }>(async (req, actor, ctx) => {
  const { id } = await ctx.params;
  const { format } = parseInput(ZQuery, Object.fromEntries(new URL(req.url).searchParams));
  const baseUrl = publicOrigin(new URL(req.url).origin);
  const file = await exportArticle({ db: getDb(), docs: await docAccess(), actor, articleId: id, format, baseUrl });
  return new Response(file.body, { headers: { "content-type": file.contentType, "content-disposition": `attachment; filename="${file.filename}"` } });
});
