import type { Db } from "../db/client";
import type { DocAccess } from "../persistence/doc-access";
import type { Actor } from "../../lib/policies";
import { getArticle } from "../articles/get-article";
import { loadDecisions } from "../review/decisions";
import { toApiClaim, type ApiClaim } from "./api-claim";

/**
 * One article with its body and every claim, read from the current document (a live room's
 * unsaved edits included) through DocAccess, plus each claim's latest decision. Viewers and up.
 */
export async function getArticleWithClaims(options: { db: Db; docs: DocAccess; actor: Actor; articleId: string }) {
  const { db, docs } = options;
  const article = await getArticle(options);
  const [claims, decisions] = await Promise.all([
    docs.read(article.id, (doc, api) => api.readClaims(doc)),
    loadDecisions(db, article.id),
  ]);
  return {
    article: {
      id: article.id, slug: article.slug, title: article.title, outlet: article.outlet, language: article.language, direction: article.direction,
      sourceUrl: article.sourceUrl, publishedAt: article.publishedAt?.toISOString() ?? null, createdAt: article.createdAt.toISOString(),
      body: article.body, blocks: article.blocks,
    },
    claims: claims.map((c): ApiClaim => toApiClaim(article.id, c, decisions.claims[c.id])),
    publication: decisions.publication,
  };
}
