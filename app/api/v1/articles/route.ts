import { apiJson, apiRoute } from "@/server/api/v1-route";
import { readJson } from "@/server/http/route";
import { getDb } from "@/server/db/client";
import { importArticle } from "@/server/articles/import-article";
import { listArticles } from "@/server/articles/list-articles";
import { toArticleSummary } from "@/server/api/schemas";

export const dynamic = "force-dynamic";

/** GET /api/v1/articles — every article the caller may see, newest first (scope read). */
export const GET = apiRoute("read", async (_req, { actor }) => {
  const articles = await listArticles({ db: getDb(), actor });
  return apiJson({ articles: articles.map(toArticleSummary) });
});

/** POST /api/v1/articles — import an article (scope write; editors and up). 201 with the article. */
export const POST = apiRoute("write", async (req, { actor }) => {
  const article = await importArticle({ db: getDb(), actor, input: await readJson(req, 600_000) });
  return apiJson({ id: article.id, slug: article.slug, title: article.title, language: article.language, direction: article.direction }, 201);
});
