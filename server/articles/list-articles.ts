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
  /** Claims whose latest sign-off is an approval that still holds (same rule as the cards' badge). */
  approved: number;
  /** The latest publication, if any. */
  publication: { version: number; slug: string; kind: string; publishedAt: Date } | null;
  /** A claim was changed after the latest publication (a correction may be due). */
  changedSincePublication: boolean;
}

/**
 * Every article the actor may see, newest first, with claim counts by status and the latest
 * publication (from the projected tables and Publication rows, never the live documents).
 */
export async function listArticles(options: { db: Db; actor: Actor }): Promise<ArticleListItem[]> {
  const { db, actor } = options;
  if (!canViewArticle(actor)) throw new AppError("FORBIDDEN", "No access to articles.");
  const [articles, counts, verdicts, publications, claims, signOffs] = await Promise.all([
    db.article.findMany({ orderBy: { createdAt: "desc" }, select: { id: true, slug: true, title: true, outlet: true, language: true, direction: true, createdAt: true } }),
    db.claim.groupBy({ by: ["articleId", "status"], _count: { _all: true } }),
    db.claim.groupBy({ by: ["articleId"], where: { verdict: { not: null } }, _count: { _all: true } }),
    db.publication.findMany({ orderBy: { version: "desc" }, select: { articleId: true, version: true, slug: true, kind: true, publishedAt: true } }),
    db.claim.findMany({ select: { id: true, articleId: true, contentHash: true, updatedAt: true } }),
    db.signOff.findMany({ orderBy: { createdAt: "asc" }, select: { claimId: true, decision: true, contentHash: true } }),
  ]);
  const latestSignOff = new Map(signOffs.map((s) => [s.claimId, s]));
  const approved = new Map<string, number>();
  const lastChange = new Map<string, number>();
  for (const c of claims) {
    const s = latestSignOff.get(c.id);
    if (s?.decision === "approved" && s.contentHash === c.contentHash) approved.set(c.articleId, (approved.get(c.articleId) ?? 0) + 1);
    lastChange.set(c.articleId, Math.max(lastChange.get(c.articleId) ?? 0, c.updatedAt.getTime()));
  }
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
    approved: approved.get(a.id) ?? 0,
    publication: latest.get(a.id) ?? null,
    changedSincePublication: (() => {
      const p = latest.get(a.id);
      return !!p && p.kind === "publish" && (lastChange.get(a.id) ?? 0) > p.publishedAt.getTime();
    })(),
  }));
}
