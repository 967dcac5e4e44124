import { NextResponse } from "next/server";
import { authed, readJson } from "@/server/http/route";
import { getDb } from "@/server/db/client";
import { importArticle } from "@/server/articles/import-article";
import { listArticles } from "@/server/articles/list-articles";

export const dynamic = "force-dynamic";

/** GET /api/articles: [{ id, slug, title, language, direction }] for signed-in users. */
export const GET = authed(async (_req, actor) => {
  const articles = await listArticles({ db: getDb(), actor });
  return NextResponse.json(articles.map(({ id, slug, title, language, direction }) => ({ id, slug, title, language, direction })));
});

/** POST /api/articles: import an article (editors). */
export const POST = authed(async (req, actor) => {
  const article = await importArticle({ db: getDb(), actor, input: await readJson(req, 600_000) });
  return NextResponse.json({ id: article.id, slug: article.slug, title: article.title, language: article.language, direction: article.direction }, { status: 201 });
});
