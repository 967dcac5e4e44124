import type { Db } from "../db/client";
import { AppError } from "../../lib/errors";
import { canViewArticle, type Actor } from "../../lib/policies";

/** One row of the dashboard / `GET /api/articles`. */
export interface ArticleListItem {
  id: string;
  slug: string;
  title: string;
  outlet: string | null;
  language: string;
  direction: string;
  createdAt: Date;
  /** Projected claims of the article by working status. */
  claimsByStatus: Record<string, number>;
  /** Claims with a verdict drafted. */
  verdictsDrafted: number;
  /** The latest publication, if any. */
  publication: { version: number; slug: string; kind: string; publishedAt: Date } | null;
}

/**
 * Every article the actor may see, newest first, with claim counts by status and the latest
 * publication (from the projected tables and Publication rows, never the live documents).
 */
export async function listArticles(options: { db: Db; actor: Actor }): Promise<ArticleListItem[]> {
  const { db, actor } = options;
  if (!canViewArticle(actor)) throw new AppError("FORBIDDEN", "No access to articles.");
  const [articles, counts, verdicts, publications] = await Promise.all([
    db.article.findMany({ orderBy: { createdAt: "desc" }, select: { id: true, slug: true, title: true, outlet: true, language: true, direction: true, createdAt: true } }),
    db.claim.groupBy({ by: ["articleId", "status"], _count: { _all: true } }),
    db.claim.groupBy({ by: ["articleId"], where: { verdict: { not: null } }, _count: { _all: true } }),
    db.publication.findMany({ orderBy: { version: "desc" }, select: { articleId: true, version: true, slug: true, kind: true, publishedAt: true } }),
  ]);
  const byArticle = new Map<string, Record<string, number>>();
  for (const c of counts) {
    const m = byArticle.get(c.articleId) ?? {};
    m[c.status] = c._count._all;
    byArticle.set(c.articleId, m);
  }
  const drafted = new Map(verdicts.map((v) => [v.articleId, v._count._all]));
  const latest = new Map<string, ArticleListItem["publication"]>();
  for (const p of publications) if (!latest.has(p.articleId)) latest.set(p.articleId, { version: p.version, slug: p.slug, kind: p.kind, publishedAt: p.publishedAt });
  return articles.map((a) => ({
    ...a,
    claimsByStatus: byArticle.get(a.id) ?? {},
    verdictsDrafted: drafted.get(a.id) ?? 0,
    publication: latest.get(a.id) ?? null,
  }));
}
