import type { Db } from "../db/client";
import type { DocAccess } from "../persistence/doc-access";
import { buildClaimsCsv } from "../../lib/export/csv";
import { buildWebAnnotations } from "../../lib/export/web-annotation";
import { AppError } from "../../lib/errors";
import { canExport, type Actor } from "../../lib/policies";

export type ExportFormat = "json" | "csv";

/**
 * The live claims of an article as W3C Web Annotations (JSON-LD) or CSV, read from the live
 * room when it is loaded (it has unflushed edits) through DocAccess, with server-vouched
 * creators.
 */
export async function exportArticle(options: { db: Db; docs: DocAccess; actor: Actor; articleId: string; format: ExportFormat; baseUrl: string }) {
  const { db, docs, actor, articleId, format, baseUrl } = options;
  if (!canExport(actor)) throw new AppError("FORBIDDEN", "No access to exports.");
  const article = await db.article.findUnique({ where: { id: articleId } });
  if (!article) throw new AppError("NOT_FOUND", "No such article.");
  // Who created a claim and set its verdict: the users bound to its items' client ids, never
  // the client-written createdBy/verdictBy keys (unknown -> "" / null).
  const read = await docs.read(articleId, (doc, api) => ({ claims: api.inspectClaims(doc, article.body).claims, clients: api.allClaimItemClients(doc) }));
  const users = await docs.clientUsers(articleId);
  const userOf = (client: number | null | undefined) => (client === null || client === undefined ? null : users.get(client) ?? null);
  const claims = read.claims.map((c) => {
    const clients = read.clients.get(c.id);
    return { ...c, createdBy: userOf(clients?.creator) ?? "", verdictBy: userOf(clients?.verdict) };
  });
  const filename = `sanad-${article.slug}-claims`;
  if (format === "csv") {
    return { body: buildClaimsCsv({ language: article.language }, claims), contentType: "text/csv; charset=utf-8", filename: `${filename}.csv` };
  }
  const collection = buildWebAnnotations({
    article: { id: article.id, title: article.title, body: article.body, sourceUrl: article.sourceUrl ?? `${baseUrl}/articles/${article.id}`, language: article.language },
    claims,
    baseUrl,
  });
  return { body: JSON.stringify(collection, null, 2), contentType: "application/ld+json; charset=utf-8", filename: `${filename}.jsonld` };
}
