import type { Db } from "../db/client";
import { getArticle } from "../articles/get-article";
import type { Actor } from "../../lib/policies";

/**
 * Every publication version of an article, newest first, with its frozen snapshot (what the
 * public page shows: published claims with ClaimReview data, or a retraction notice).
 */
export async function listPublications(options: { db: Db; actor: Actor; articleId: string }) {
  const article = await getArticle(options);
  const rows = await options.db.publication.findMany({ where: { articleId: article.id }, orderBy: { version: "desc" } });
  return rows.map((p) => ({
    id: p.id, articleId: p.articleId, slug: p.slug, version: p.version, kind: p.kind, correctionNote: p.correctionNote,
    publishedAt: p.publishedAt.toISOString(), url: `/v/${encodeURIComponent(p.slug)}/versions/${p.version}`, snapshot: p.snapshot,
  }));
}
