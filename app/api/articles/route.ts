import { NextResponse } from "next/server";
import { authed, readJson } from "@/server/http/route";
import { getDb } from "@/server/db/client";
import { importArticle } from "@/server/articles/import-article";
import { importArticleFromUrl } from "@/server/articles/import-article-from-url";
import { listArticles } from "@/server/articles/list-articles";

export const dynamic = "force-dynamic";

/** GET /api/articles: [{ id, slug, title, language, direction }] for signed-in users. */
export const GET = authed(async (_req, actor) => {
  const articles = await listArticles({ db: getDb(), actor });
  return NextResponse.json(articles.map(({ id, slug, title, language, direction }) => ({ id, slug, title, language, direction })));
});

/**
 * POST /api/articles: import an article (editors).
 * - pasted text `{ text, title, … }` -> 201 with the article;
 * - `{ url }` -> 201 with the new article, 200 with `existing: true` when that URL was imported
 *   before, or 202 `{ job }` (Location: /api/articles/imports/<id>) while the fetch continues.
 */
export const POST = authed(async (req, actor) => {
  const input: unknown = await readJson(req, 600_000);
  const fields = typeof input === "object" && input !== null ? (input as Record<string, unknown>) : {};
  if (typeof fields.url === "string" && fields.text === undefined) {
    const outcome = await importArticleFromUrl({ db: getDb(), actor, url: fields.url });
    if (outcome.kind === "pending") {
      const location = `/api/articles/imports/${outcome.jobId}`;
      return NextResponse.json({ job: { id: outcome.jobId, status: "fetching", url: location } }, { status: 202, headers: { location } });
    }
    return NextResponse.json({ ...outcome.article, existing: outcome.existing }, { status: outcome.existing ? 200 : 201 });
  }
  const article = await importArticle({ db: getDb(), actor, input });
  return NextResponse.json({ id: article.id, slug: article.slug, title: article.title, language: article.language, direction: article.direction }, { status: 201 });
});
