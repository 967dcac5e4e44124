import { z } from "zod";
import { authed } from "@/server/http/route";
import { getDb } from "@/server/db/client";
import { docAccess } from "@/server/runtime";
import { buildWebAnnotations } from "@/lib/export/web-annotation";
import { buildClaimsCsv } from "@/lib/export/csv";
import { AppError } from "@/lib/errors";
import { canExport } from "@/lib/policies";

export const dynamic = "force-dynamic";

const ZQuery = z.object({ format: z.enum(["json", "csv"]).default("json") });

/** GET /api/articles/<id>/export?format=json|csv — the live claims as W3C Web Annotations or CSV. */
export const GET = authed<{ params: Promise<{ id: string }> }>(async (req, actor, ctx) => {
  if (!canExport(actor)) throw new AppError("FORBIDDEN", "No access to exports.");
  const { id } = await ctx.params;
  const { format } = ZQuery.parse(Object.fromEntries(new URL(req.url).searchParams));
  const db = getDb();
  const article = await db.article.findUnique({ where: { id } });
  if (!article) throw new AppError("NOT_FOUND", "No such article.");
  const docs = await docAccess();
  const claims = await docs.read(id, (doc, api) => api.inspectClaims(doc, article.body).claims);
  const base = process.env.NEXTAUTH_URL ?? new URL(req.url).origin;
  const filename = `sanad-${article.slug}-claims`;
  if (format === "csv") {
    return new Response(buildClaimsCsv({ language: article.language }, claims), {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${filename}.csv"` },
    });
  }
  const collection = buildWebAnnotations({
    article: { id: article.id, title: article.title, body: article.body, sourceUrl: article.sourceUrl ?? `${base}/articles/${article.id}`, language: article.language },
    claims,
    baseUrl: base,
  });
  return new Response(JSON.stringify(collection, null, 2), {
    headers: { "content-type": "application/ld+json; charset=utf-8", "content-disposition": `attachment; filename="${filename}.jsonld"` },
  });
});
