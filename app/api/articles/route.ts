import { NextResponse } from "next/server";
import { authed, readJson } from "@/server/http/route";
import { getDb } from "@/server/db/client";
import { importArticle } from "@/server/articles/import-article";
import { importArticleFromUrl } from "@/server/articles/import-article-from-url";
import { canViewArticle } from "@/lib/policies";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

/** GET /api/articles: [{ id, slug, title, language, direction }] for signed-in users. */
export const GET = authed(async (_req, actor) => {
  if (!canViewArticle(actor)) throw new AppError("FORBIDDEN", "No access to articles.");
  const articles = await getDb().article.findMany({
    select: { id: true, slug: true, title: true, language: true, direction: true, outlet: true, createdAt: true },
    orderBy: { createdAt: "desc" },
  });
  return NextResponse.json(articles.map(({ id, slug, title, language, direction }) => ({ id, slug, title, language, direction })));
});

/**
 * POST /api/articles: import an article (editors).
 * - pasted text `{ text, title, … }` -> 201 with the article;
 * - `{ url }` -> 201 with the new article, 200 with `existing: true` when that URL was imported
 *   before, or 202 `{ job }` (Location: /api/articles/imports/<id>) while the fetch continues.
 */
export const POST = authed(async (req, actor) => {
  const input = (await readJson(req, 600_000)) as Record<string, unknown>;
  if (input && typeof input === "object" && typeof input.url === "string" && input.text === undefined) {
    const outcome = await importArticleFromUrl({ db: getDb(), actor, url: input.url });
    if (outcome.kind === "pending") {
      const location = `/api/articles/imports/${outcome.jobId}`;
      return NextResponse.json({ job: { id: outcome.jobId, status: "fetching", url: location } }, { status: 202, headers: { location } });
    }
    return NextResponse.json({ ...outcome.article, existing: outcome.existing }, { status: outcome.existing ? 200 : 201 });
  }
  const article = await importArticle(getDb(), actor, input as never);
  return NextResponse.json({ id: article.id, slug: article.slug, title: article.title, language: article.language, direction: article.direction }, { status: 201 });
});
