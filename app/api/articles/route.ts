import { NextResponse } from "next/server";
import { authed, readJson } from "@/server/http/route";
import { getDb } from "@/server/db/client";
import { importArticle } from "@/server/articles/import-article";
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

/** POST /api/articles: import an article (editors). */
export const POST = authed(async (req, actor) => {
  const article = await importArticle({ db: getDb(), actor, input: await readJson(req, 600_000) });
  return NextResponse.json({ id: article.id, slug: article.slug, title: article.title, language: article.language, direction: article.direction }, { status: 201 });
});
